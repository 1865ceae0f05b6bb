/**
 * The per-run helper tables (compile/prepare.ts) are only a speed-up: a run that reads them,
 * side by side on several connections, gives exactly the numbers of the self-contained query of
 * each indicator. Checked on the golden example's data with its 33 definitions.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goldenPath } from "../../test/fixtures.ts";
import { earliestEnd, prepareRun } from "./compile/prepare.ts";
import { compileIndicator } from "./compile.ts";
import { type IndicatorDefinition, parseDefinitions } from "./definition.ts";
import { type IndicatorValue, openSnapshot, runIndicators, type SnapshotSession } from "./execute.ts";
import { indicator, loadGoldenCsvSnapshot } from "./test-support.ts";

const goldenDir = goldenPath("engine-example");

describe("prepareRun", () => {
  it("materializes one population table per distinct population filter of the point measures", () => {
    const defs = [
      indicator({ kind: "stock" }, { benefits: ["kontanthjaelp", "a-dagpenge"], age: { min: 30 } }),
      // the same filter, lists in another order
      indicator(
        { kind: "wage_hours_share" },
        { age: { min: 30 }, benefits: ["a-dagpenge", "kontanthjaelp"] },
      ),
      indicator({ kind: "stock" }, { benefits: ["kontanthjaelp"] }),
      // ended and marker measures read no population table
      indicator({ kind: "avg_duration_ended" }, { benefits: ["jobafklaring"] }),
      indicator({ kind: "marker_count", project: "p" }),
    ];
    const run = prepareRun(defs, { from: "2025-01", to: "2025-12" });
    expect(run.tables.filter((t) => t.startsWith("run_pop_"))).toEqual(["run_pop_1", "run_pop_2"]);
    expect(run.context.populationTable?.(defs[0]!.population!)).toBe("run_pop_1");
    expect(run.context.populationTable?.(defs[1]!.population!)).toBe("run_pop_1");
    expect(run.context.populationTable?.(defs[2]!.population!)).toBe("run_pop_2");
  });

  it("keeps benefit history back to the earliest date a measure reads", async () => {
    const defs = [
      indicator({ kind: "stock" }, { benefits: ["kontanthjaelp"] }),
      indicator({ kind: "ended_outcome_share", outcomes: ["job"] }, { benefits: ["kontanthjaelp"] }),
      indicator({ kind: "returned_within" }, { benefits: ["kontanthjaelp"] }),
    ];
    const session = await openSnapshot(await loadGoldenCsvSnapshot(join(goldenDir, "data"), "2026-01-01"));
    try {
      const at = async (d: IndicatorDefinition[]) =>
        String(
          (
            await session.connection.runAndReadAll(
              `SELECT CAST(${earliestEnd(d, { from: "2025-03", to: "2025-12" })} AS VARCHAR) AS d`,
            )
          ).getRowObjectsJS()[0]?.d,
        );
      // stock: the first D, 2025-03-01
      expect(await at(defs.slice(0, 1))).toBe("2025-03-01");
      // ended_outcome_share (12 months): 2025-03-01 − 12 months = 2024-03-01
      expect(await at(defs.slice(0, 2))).toBe("2024-03-01");
      // returned_within (365 days, 12 months): B = 2025-03-01 − 365 days = 2024-03-01 (2024 is a
      // leap year), B − 12 months = 2023-03-01
      expect(await at(defs)).toBe("2023-03-01");
    } finally {
      session.close();
    }
  }, 60_000);
});

describe("a run on the shared tables equals the self-contained queries (golden data)", () => {
  let session: SnapshotSession;
  let defs: IndicatorDefinition[];

  beforeAll(async () => {
    const manifest = JSON.parse(readFileSync(join(goldenDir, "data/manifest.json"), "utf8"));
    session = await openSnapshot(await loadGoldenCsvSnapshot(join(goldenDir, "data"), manifest.udtraeksdato));
    const parsed = parseDefinitions(readFileSync(join(goldenDir, "definitions.yaml"), "utf8"));
    expect(parsed.errors).toEqual([]);
    defs = parsed.value;
  }, 60_000);

  afterAll(() => session?.close());

  const close = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

  async function standalone(range: { from: string; to: string }): Promise<IndicatorValue[]> {
    const perIndicator: IndicatorValue[][] = [];
    for (const def of defs) {
      const reader = await session.connection.runAndReadAll(compileIndicator(def, range).sql);
      perIndicator.push(
        reader.getRowObjectsJS().map((r) => ({
          indicator: def.id,
          period: String(r.period),
          value: r.value === null ? null : Number(r.value),
          numerator: r.numerator === null ? null : Number(r.numerator),
          denominator: r.denominator === null ? null : Number(r.denominator),
        })),
      );
    }
    const out: IndicatorValue[] = [];
    for (let i = 0; i < (perIndicator[0]?.length ?? 0); i++)
      for (const rows of perIndicator) out.push(rows[i]!);
    return out;
  }

  // a later range too, so that the pruning of old benefit history removes records
  for (const range of [
    { from: "2024-01", to: "2025-12" },
    { from: "2025-06", to: "2025-12" },
  ]) {
    for (const parallel of [1, 3]) {
      it(`${range.from} … ${range.to}, ${parallel} forbindelse(r)`, async () => {
        const expected = await standalone(range);
        const actual = await runIndicators(session, defs, range, { parallel });
        expect(actual.map((r) => `${r.indicator} ${r.period}`)).toEqual(
          expected.map((r) => `${r.indicator} ${r.period}`),
        );
        const differing = actual.filter(
          (a, i) =>
            !close(a.value, expected[i]!.value) ||
            !close(a.numerator, expected[i]!.numerator) ||
            !close(a.denominator, expected[i]!.denominator),
        );
        expect(differing).toEqual([]);
      }, 60_000);
    }
  }
});
