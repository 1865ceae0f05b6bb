/**
 * Golden test: the engine example of /work/shared/golden (data, definitions, expected output
 * for 2024-01 … 2025-12) must be reproduced to a relative tolerance of 1e-9.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDefinitions } from "./definition.ts";
import { computeIndicators, type IndicatorValue } from "./execute.ts";
import { loadGoldenCsvSnapshot } from "./test-support.ts";

const goldenDir = resolve(process.cwd(), "../shared/golden/engine-example");

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

describe("golden engine example", () => {
  let actual: IndicatorValue[];
  let expected: IndicatorValue[];

  beforeAll(async () => {
    const manifest = JSON.parse(readFileSync(join(goldenDir, "data/manifest.json"), "utf8"));
    const snapshot = await loadGoldenCsvSnapshot(join(goldenDir, "data"), manifest.udtraeksdato);
    const defs = parseDefinitions(readFileSync(join(goldenDir, "definitions.yaml"), "utf8"));
    expect(defs.errors).toEqual([]);
    actual = await computeIndicators(snapshot, defs.value, { from: "2024-01", to: "2025-12" });
    expected = JSON.parse(readFileSync(join(goldenDir, "expected.json"), "utf8"));
  }, 60_000);

  it("has one row per expected row, in the same order", () => {
    expect(actual.map((r) => `${r.indicator} ${r.period}`)).toEqual(
      expected.map((r) => `${r.indicator} ${r.period}`),
    );
  });

  it("matches every value, numerator and denominator", () => {
    const mismatches = expected
      .map((e, i) => ({ e, a: actual[i] }))
      .filter(
        ({ e, a }) =>
          !a ||
          !close(a.value, e.value) ||
          !close(a.numerator, e.numerator) ||
          !close(a.denominator, e.denominator),
      )
      .map(
        ({ e, a }) => `${e.indicator} ${e.period}: forventet ${JSON.stringify(e)}, fik ${JSON.stringify(a)}`,
      );
    expect(mismatches).toEqual([]);
  });
});
