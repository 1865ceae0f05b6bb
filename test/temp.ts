/**
 * Temporary folders for tests, removed again. Every test and test helper makes its folders in the
 * OS temp directory through `tempDir()`: the name starts with `effektspor-`, and the folder is
 * removed after the test file that made it (test/temp-setup.ts, a setup file of both vitest
 * configs, does that in its afterAll, which runs after the file's own hooks have closed stores,
 * servers and browsers).
 *
 * test/temp-check.ts, a global setup of both configs, points the OS temp directory of the whole run
 * at a private folder and fails the run if anything is left in it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** the prefix of every temporary folder or file this project's tests and scripts make */
export const TEMP_PREFIX = "effektspor-";

const created = new Set<string>();

/** A new empty folder `<os temp>/effektspor-<label>-XXXXXX`, removed after the current test file. */
export function tempDir(label = "test"): string {
  const name = label.startsWith(TEMP_PREFIX) ? label : `${TEMP_PREFIX}${label}`;
  const dir = mkdtempSync(path.join(tmpdir(), name.endsWith("-") ? name : `${name}-`));
  created.add(dir);
  return dir;
}

/** Removes every folder `tempDir()` made in this process (run after each test file). */
export function removeTempDirs(): void {
  for (const dir of created) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  created.clear();
}
