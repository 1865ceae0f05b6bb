import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { tempDir } from "../../engine/test-support.ts";
import { seedTinyProject, tinyRows, writeDataDirSnapshot } from "../../services/test-fixtures.ts";
import { openStore } from "../../store/db.ts";
import { latestComputation } from "../../store/repositories/computed.ts";
import { run } from "./compute.ts";

let out: string[];
let err: string[];
let savedUrl: string | undefined;

beforeEach(() => {
  out = [];
  err = [];
  // the command uses the installation store: PGlite in <data-dir>/pglite unless DATABASE_URL is set
  savedUrl = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  vi.spyOn(console, "log").mockImplementation((...a) => {
    out.push(a.join(" "));
  });
  vi.spyOn(console, "error").mockImplementation((...a) => {
    err.push(a.join(" "));
  });
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});

afterEach(() => {
  vi.restoreAllMocks();
  if (savedUrl !== undefined) process.env.DATABASE_URL = savedUrl;
});

async function seededDataDir(): Promise<string> {
  const dataDir = tempDir("effektspor-cli-compute-");
  const store = await openStore({ pgliteDir: `${dataDir}/pglite` });
  await seedTinyProject(store.db);
  await store.close();
  return dataDir;
}

it("computes, stores and prints a Danish summary", async () => {
  const dataDir = await seededDataDir();
  await writeDataDirSnapshot(dataDir, "s1", tinyRows);
  const code = await run(["--data-dir", dataDir]);
  expect(err).toEqual([]);
  expect(code).toBe(0);
  // 2 indicators × 2024-01 … 2024-03 (extraction date 2024-03-15)
  expect(out.join("\n")).toMatch(
    /^Beregnet 2 indikatorer × 2024-01 – 2024-03: 6 værdier på snapshot s1 \(udtræksdato 2024-03-15\) på \d+,\d s\.$/,
  );
  const store = await openStore({ pgliteDir: `${dataDir}/pglite` });
  expect((await latestComputation(store.db))?.startedBy).toBe("kommandolinje");
  await store.close();
}, 60_000);

it("exits 1 and says the previous values are kept when there is no snapshot", async () => {
  const dataDir = await seededDataDir();
  const code = await run(["--data-dir", dataDir]);
  expect(code).toBe(1);
  expect(err[0]).toMatch(/^Beregningen fejlede: Der er ingen snapshots/);
  expect(err[1]).toBe("De seneste gyldige værdier er bevaret.");
}, 60_000);

it("exits 2 on an unknown option", async () => {
  expect(await run(["--nej"])).toBe(2);
  expect(err[0]).toMatch(/^Ugyldige argumenter/);
});
