/**
 * Global setup of both vitest configs: proves that the tests remove what they make in the OS temp
 * directory. For the run, the OS temp directory (TMPDIR, which os.tmpdir(), child processes,
 * DuckDB, PGlite and Chromium all follow) is a private folder `<os temp>/effektspor-testrun-XXXXXX`;
 * after the run the check fails, naming each entry, if anything but tool caches is left in it.
 * Other processes on the machine (other test runs included) never write there, so the check does
 * not depend on what else happens in /tmp. The folder itself is removed either way.
 *
 * Kept on purpose, outside the private folder: the migrated PGlite template
 * (`effektspor-cache-pglite-template-<migrations hash>.tar`, src/store/testing.ts), reused by
 * every later run while the migrations are unchanged; EFFEKTSPOR_TEST_CACHE_DIR tells the workers
 * where the real OS temp directory is.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TEMP_PREFIX } from "./temp.ts";

/** caches of tools that child processes start (tsx's transform cache); not something a test made */
const TOOL_CACHES = [/^tsx-\d+$/, /^node-compile-cache$/];

export default function setup(): () => void {
  const osTemp = tmpdir();
  const runDir = mkdtempSync(path.join(osTemp, `${TEMP_PREFIX}testrun-`));
  const saved = { TMPDIR: process.env.TMPDIR, cache: process.env.EFFEKTSPOR_TEST_CACHE_DIR };
  process.env.EFFEKTSPOR_TEST_CACHE_DIR = saved.cache ?? osTemp;
  process.env.TMPDIR = runDir;
  return () => {
    if (saved.TMPDIR === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved.TMPDIR;
    if (saved.cache === undefined) delete process.env.EFFEKTSPOR_TEST_CACHE_DIR;
    else process.env.EFFEKTSPOR_TEST_CACHE_DIR = saved.cache;
    const left = readdirSync(runDir)
      .filter((name) => !TOOL_CACHES.some((re) => re.test(name)))
      .map((name) => describeEntry(path.join(runDir, name)));
    rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
    if (left.length > 0) {
      // vitest only logs an error thrown here ("error during close"); the exit code must say it
      process.exitCode = 1;
      throw new Error(
        `Testene efterlod ${left.length} ${left.length === 1 ? "post" : "poster"} i OS'ets midlertidige mappe (fjern dem i testen, fx med tempDir() fra test/temp.ts):\n${left.map((l) => `  ${l}`).join("\n")}`,
      );
    }
  };
}

function describeEntry(full: string): string {
  const name = path.basename(full);
  try {
    const st = statSync(full);
    if (!st.isDirectory()) return `${name} (fil, ${st.size} B)`;
    return `${name}/ (${readdirSync(full).length} poster)`;
  } catch {
    return name;
  }
}
