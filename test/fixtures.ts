/**
 * Where the tests' fixed inputs live: `test/golden` (the golden tables and examples) and
 * `test/seeds` (the five source documents), both copied into the repository from the project's
 * shared folder so that a fresh clone's `npm test` needs nothing beside it (see test/golden/README.md).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const testDir = path.dirname(fileURLToPath(import.meta.url));

/** the golden files: seed-tables.json, statusskemaer.json, engine-, effect- and forecast-example */
export const goldenDir = path.join(testDir, "golden");
/** the seed documents (Danish text) */
export const seedsDir = path.join(testDir, "seeds");

export function goldenPath(...parts: string[]): string {
  return path.join(goldenDir, ...parts);
}
