/**
 * The snapshot lookup and the `indicators` command (DESIGN 6.5), run through the real CLI
 * entry bin/effektspor on the golden example.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { goldenPath } from "../../test/fixtures.ts";
import { resolveSnapshot } from "./snapshots.ts";
import { loadGoldenCsvSnapshot, tempDir } from "./test-support.ts";

const exec = promisify(execFile);
const golden = goldenPath("engine-example");
const bin = resolve(process.cwd(), "bin/effektspor");

function setManifest(dir: string, patch: Record<string, unknown>) {
  const file = join(dir, "manifest.json");
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), ...patch }));
}

async function cli(args: string[]) {
  try {
    const r = await exec(bin, ["indicators", ...args], { env: { ...process.env, EFFEKTSPOR_DATA_DIR: "" } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("resolveSnapshot and the indicators command", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDir();
    const snapshots = join(dataDir, "snapshots");
    mkdirSync(snapshots);
    const newest = await loadGoldenCsvSnapshot(join(golden, "data"), "2025-12-15", join(snapshots, "s-new"));
    setManifest(newest, { id: "s-new", createdAt: "2026-01-02T10:00:00.000Z" });
    // an older snapshot whose extraction date ends the series early
    cpSync(newest, join(snapshots, "s-old"), { recursive: true });
    setManifest(join(snapshots, "s-old"), {
      id: "s-old",
      createdAt: "2026-01-01T10:00:00.000Z",
      extractionDate: "2024-02-10",
    });
    // an unfinished folder (no manifest yet) is never picked
    mkdirSync(join(snapshots, "zz-tmp"));
  }, 60_000);

  it("picks the newest complete snapshot by createdAt, or the named one", async () => {
    expect((await resolveSnapshot(dataDir)).id).toBe("s-new");
    expect((await resolveSnapshot(dataDir, "s-old")).manifest.extractionDate).toBe("2024-02-10");
    await expect(resolveSnapshot(dataDir, "nope")).rejects.toThrow("Snapshot 'nope' findes ikke");
    await expect(resolveSnapshot(dataDir, "../x")).rejects.toThrow("Ugyldigt snapshot-id");
    await expect(resolveSnapshot(tempDir())).rejects.toThrow("Der er ingen snapshots");
  });

  it("prints the golden expected output for the latest snapshot", async () => {
    const r = await cli([
      "--data-dir",
      dataDir,
      "--definitions",
      join(golden, "definitions.yaml"),
      "--from",
      "2024-01",
      "--to",
      "2025-12",
      "--format",
      "json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { indicator: string; period: string; value: number | null }[];
    const expected = JSON.parse(readFileSync(join(golden, "expected.json"), "utf8")) as typeof rows;
    expect(rows).toHaveLength(expected.length);
    // spot check, exactness is golden.test.ts's job
    expect(rows[0]).toEqual(expected[0]);
  }, 60_000);

  it("leaves out months after the named snapshot's extraction date", async () => {
    const r = await cli([
      "--data-dir",
      dataDir,
      "--snapshot",
      "s-old",
      "--definitions",
      join(golden, "definitions.yaml"),
      "--from",
      "2024-01",
      "--to",
      "2025-12",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const periods = new Set((JSON.parse(r.stdout) as { period: string }[]).map((x) => x.period));
    // extraction 2024-02-10: D = 2024-01-01 and 2024-02-01 are on or before it
    expect([...periods]).toEqual(["2024-01", "2024-02"]);
  }, 60_000);

  it("fails with Danish messages on bad arguments and definitions", async () => {
    const missing = await cli(["--from", "2024-01", "--to", "2024-02"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("Mangler --definitions");

    const badMonth = await cli(["--definitions", "x.yaml", "--from", "2024-13", "--to", "2024-02"]);
    expect(badMonth.stderr).toContain("--from skal være en måned ÅÅÅÅ-MM");

    const badDefs = join(tempDir(), "bad.yaml");
    writeFileSync(
      badDefs,
      "indicators:\n  - id: x\n    name: X\n    unit: personer\n    better: up\n    measure: { kind: stock }\n",
    );
    const bad = await cli([
      "--data-dir",
      dataDir,
      "--definitions",
      badDefs,
      "--from",
      "2024-01",
      "--to",
      "2024-02",
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${badDefs}: indicators[0].better: better skal være higher eller lower`);
    expect(bad.stdout).toBe("");
  }, 60_000);
});
