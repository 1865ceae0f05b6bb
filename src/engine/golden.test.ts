/**
 * Golden test: the engine example of test/golden (data, definitions, expected output
 * for 2024-01 … 2025-12) must be reproduced to a relative tolerance of 1e-9 — once on a
 * snapshot made by the engine's small CSV test loader, and once end to end through the real
 * import (src/warehouse/import/: validation, HMAC person keys, Parquet).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goldenPath } from "../../test/fixtures.ts";
import { createTestStore, type TestStore } from "../store/testing.ts";
import { importSnapshot } from "../warehouse/import/index.ts";
import { parseDefinitions } from "./definition.ts";
import { computeIndicators, type IndicatorValue } from "./execute.ts";
import { resolveSnapshot } from "./snapshots.ts";
import { loadGoldenCsvSnapshot, tempDir } from "./test-support.ts";

const goldenDir = goldenPath("engine-example");

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function mismatches(actual: IndicatorValue[], expected: IndicatorValue[]): string[] {
  return expected
    .map((e, i) => ({ e, a: actual[i] }))
    .filter(
      ({ e, a }) =>
        !a ||
        a.indicator !== e.indicator ||
        a.period !== e.period ||
        !close(a.value, e.value) ||
        !close(a.numerator, e.numerator) ||
        !close(a.denominator, e.denominator),
    )
    .map(
      ({ e, a }) => `${e.indicator} ${e.period}: forventet ${JSON.stringify(e)}, fik ${JSON.stringify(a)}`,
    );
}

const expected: IndicatorValue[] = JSON.parse(readFileSync(join(goldenDir, "expected.json"), "utf8"));

async function compute(snapshotDir: string) {
  const defs = parseDefinitions(readFileSync(join(goldenDir, "definitions.yaml"), "utf8"));
  expect(defs.errors).toEqual([]);
  return computeIndicators(snapshotDir, defs.value, { from: "2024-01", to: "2025-12" });
}

describe("golden engine example (test loader)", () => {
  let actual: IndicatorValue[];

  beforeAll(async () => {
    const manifest = JSON.parse(readFileSync(join(goldenDir, "data/manifest.json"), "utf8"));
    actual = await compute(await loadGoldenCsvSnapshot(join(goldenDir, "data"), manifest.udtraeksdato));
  }, 60_000);

  it("has one row per expected row, in the same order", () => {
    expect(actual.map((r) => `${r.indicator} ${r.period}`)).toEqual(
      expected.map((r) => `${r.indicator} ${r.period}`),
    );
  });

  it("matches every value, numerator and denominator", () => {
    expect(mismatches(actual, expected)).toEqual([]);
  });
});

describe("golden engine example (real import)", () => {
  let store: TestStore;
  let actual: IndicatorValue[];

  beforeAll(async () => {
    store = await createTestStore();
    const dataDir = tempDir();
    const result = await importSnapshot({
      folder: join(goldenDir, "data"),
      dataDir,
      db: store.db,
      importedBy: "golden-test",
    });
    expect(result.outcome, result.message).toBe("imported");
    const snapshot = await resolveSnapshot(dataDir, result.snapshotId ?? undefined);
    actual = await compute(snapshot.dir);
  }, 120_000);

  afterAll(async () => {
    await store?.close();
  });

  it("matches every row of expected.json", () => {
    expect(actual).toHaveLength(expected.length);
    expect(mismatches(actual, expected)).toEqual([]);
  });
});
