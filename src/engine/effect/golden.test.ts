/**
 * Golden test: the effect example of test/golden (DESIGN 9.1; data/, effects.yaml,
 * expected.json) imported through the real import (`effektspor import`: validation, HMAC person
 * keys, Parquet, catalogue) into a temp data directory, computed once in-process and once through
 * `effektspor effect`, must match expected.json row by row on every field to a relative tolerance
 * of 1e-9. (The import runs as the command, exactly as expected.json was made, so the test does
 * not depend on where the import's module lives.)
 */
import { execFile } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goldenPath } from "../../../test/fixtures.ts";
import { resolveSnapshot } from "../snapshots.ts";
import { tempDir } from "../test-support.ts";
import { parseEffectDefinitions } from "./definition.ts";
import { computeEffects, type EffectEstimate } from "./run.ts";

const exec = promisify(execFile);
const goldenDir = goldenPath("effect-example");
const expected: EffectEstimate[] = JSON.parse(readFileSync(join(goldenDir, "expected.json"), "utf8"));

function close(a: unknown, e: unknown): boolean {
  if (typeof a === "number" && typeof e === "number")
    return a === e || Math.abs(a - e) <= 1e-9 * Math.max(Math.abs(a), Math.abs(e));
  return a === e;
}

/** every row and field that differs, as readable lines (empty when all match) */
function mismatches(actual: EffectEstimate[], expectedRows: EffectEstimate[]): string[] {
  const out: string[] = [];
  if (actual.length !== expectedRows.length)
    out.push(`${actual.length} rækker, forventet ${expectedRows.length}`);
  expectedRows.forEach((e, i) => {
    const a = actual[i] as unknown as Record<string, unknown> | undefined;
    if (!a) return;
    if (Object.keys(a).join() !== Object.keys(e).join())
      out.push(`${e.effect} ${e.horizon}: felter ${Object.keys(a).join()} ≠ ${Object.keys(e).join()}`);
    for (const [k, v] of Object.entries(e))
      if (!close(a[k], v))
        out.push(`${e.effect} ${e.horizon} ${k}: fik ${String(a[k])}, forventet ${String(v)}`);
  });
  return out;
}

describe("golden effect example (real import)", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDir("effektspor-effect-golden-");
    await exec("./bin/effektspor", ["import", join(goldenDir, "data"), "--data-dir", dataDir], {
      cwd: resolve("."),
      encoding: "utf8",
    });
  }, 180_000);

  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("computes every row of expected.json", async () => {
    const defs = parseEffectDefinitions(readFileSync(join(goldenDir, "effects.yaml"), "utf8"));
    expect(defs.errors).toEqual([]);
    const snapshot = await resolveSnapshot(dataDir);
    const actual = await computeEffects(snapshot.dir, defs.value);
    expect(mismatches(actual, expected)).toEqual([]);
  }, 60_000);

  it("prints the same through `effektspor effect --format json`", async () => {
    const { stdout, stderr } = await exec(
      "./bin/effektspor",
      ["effect", "--definitions", join(goldenDir, "effects.yaml"), "--data-dir", dataDir, "--format", "json"],
      { cwd: resolve("."), encoding: "utf8" },
    );
    expect(stderr).toBe("");
    expect(mismatches(JSON.parse(stdout), expected)).toEqual([]);
  }, 60_000);
});
