/**
 * The effect's matching and estimates (DESIGN 9.1) on a tiny hand-made extract, every expected
 * number calculated by hand in the comments.
 *
 * Project p, population kontanthjælp (no category: every category is ""), intake 2024-03 and
 * 2024-04 (D1 = 2024-03-01, D2 = 2024-04-01), extraction date 2024-07-15, horizons −2, 1, 4, 6,
 * outcome benefits: all. Every benefit record is kontanthjælp, sex M unless noted.
 *
 * | person | record(s)               | born       | marker(s) of p           | at D1 (dur, age, prior days)        |
 * | T0     | 2024-01-01 – 2024-03-20 | 1990-06-15 | 2024-03-10               | 60 d → band 0, 33 → band 2, 60 → 1  |
 * | T1 (K) | 2024-01-01 – open       | 1990-06-15 | 2024-03-05, 2024-04-12   | same bands, but sex K               |
 * | T2     | 2024-01-01 – open       | 1961-06-01 | 2024-03-31               | dur 0, age 62 → band 5, prior 1     |
 * | U      | 2021-01-01 – open       | 1985-01-01 | 2024-03-15               | 1155 d → band 4                     |
 * | C0     | 2024-01-01 – 2024-05-31 | 1991-01-01 | –                        | dur 0, age 33 → 2, prior 1          |
 * | C1     | 2024-01-01 – 2024-03-15 | 1978-07-01 | (a marker of project q)  | dur 0, age 45 → 3, prior 1          |
 * | T4     | 2024-01-01 – open       | 1989-05-05 | 2024-04-01               | (April) dur 91 → 1, 34 → 2, 91 → 1  |
 * | X      | 2024-01-01 – open       | 1980-01-01 | 2024-02-10, 2024-04-12   | marker before the intake            |
 * | NP     | 2024-03-05 – open       | 1980-01-01 | 2024-03-08               | not in the population at D1         |
 *
 * Prior days at D1 = days of [2023-03-02, 2024-02-29] on benefit: 31 (Jan) + 29 (Feb) = 60.
 * At D2, [2023-04-02, 2024-03-31]: 31 + 29 + 31 = 91 (band 1, 1–182); duration 91 → band 1.
 *
 * Units. D1: treated T0, T1, T2, U (earliest marker in March; T2's on the month's last day);
 * controls C0, C1 (C1's marker is of another project) and T4 (referred in April: "not yet
 * referred", dur 0, age 2, M, prior 1 at D1). X: earliest marker 2024-02-10 < D1 → no
 * unit in either month (its second marker, in April, is ignored). NP: not in the population at
 * D1; at D2 its marker (March) is before D2 → no unit. D2: treated T4 (marker on D2 itself);
 * control C0 again (a control in two months); T1 is in the April population but its earliest
 * marker is in March, so its second marker (April) is ignored and it is no unit; T2, U, X the same.
 *
 * Matching at D1 (strata: benefit kontanthjaelp, category "" everywhere):
 * - T0 (dur 0, age 2, M, prior 1): level-0 stratum holds C0, T4 → level 0.
 * - T1 (… K …): no K control at level 0; level 1 (dur 0, age 2) holds C0, T4 → level 1.
 * - T2 (dur 0, age 5): no control at levels 0, 1; level 2 (dur 0) holds C0, C1, T4 → level 2.
 * - U (dur 4): no control with duration band 4 → unmatched.
 * Weights: level 0 (T0's stratum) t = 1, c = 2 → C0, T4 + 1/2; level 1 (dur 0, age 2) t = 1,
 * c = 2 → C0, T4 + 1/2; level 2 (dur 0) t = 1, c = 3 → C0, C1, T4 + 1/3.
 * So C0@D1 = 4/3, C1@D1 = 1/3, T4@D1 = 4/3.
 * Matching at D2: T4 and C0 share the level-0 stratum (dur 1, age 2, M, prior 1) → T4 level 0,
 * C0@D2 weight 1 (t = 1, c = 1).
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSnapshot, type SnapshotSession } from "../execute.ts";
import { type SnapshotRows, writeSnapshot } from "../test-support.ts";
import { type EffectDefinition, effectDefinitionSchema } from "./definition.ts";
import { runEffectWithDetails } from "./details.ts";
import { Z975 } from "./estimates.ts";
import { type EffectEstimate, runEffect, withEffectTables } from "./run.ts";

const kh = (person_key: string, start_date: string, end_date: string | null = null) => ({
  person_key,
  benefit: "kontanthjaelp",
  category: null,
  start_date,
  end_date,
  exit_reason: null,
});
const marker = (person_key: string, start_date: string, project = "p") => ({
  person_key,
  project,
  start_date,
  end_date: null,
  result: null,
});

const rows: SnapshotRows = {
  persons: [
    { person_key: "T0", birth_date: "1990-06-15", sex: "M" },
    { person_key: "T1", birth_date: "1990-06-15", sex: "K" },
    { person_key: "T2", birth_date: "1961-06-01", sex: "M" },
    { person_key: "U", birth_date: "1985-01-01", sex: "M" },
    { person_key: "C0", birth_date: "1991-01-01", sex: "M" },
    { person_key: "C1", birth_date: "1978-07-01", sex: "M" },
    { person_key: "T4", birth_date: "1989-05-05", sex: "M" },
    { person_key: "X", birth_date: "1980-01-01", sex: "M" },
    { person_key: "NP", birth_date: "1980-01-01", sex: "M" },
  ],
  benefit_records: [
    kh("T0", "2024-01-01", "2024-03-20"),
    kh("T1", "2024-01-01"),
    kh("T2", "2024-01-01"),
    kh("U", "2021-01-01"),
    kh("C0", "2024-01-01", "2024-05-31"),
    kh("C1", "2024-01-01", "2024-03-15"),
    kh("T4", "2024-01-01"),
    kh("X", "2024-01-01"),
    kh("NP", "2024-03-05"),
  ],
  markers: [
    marker("T0", "2024-03-10"),
    marker("T1", "2024-03-05"),
    marker("T1", "2024-04-12"),
    marker("T2", "2024-03-31"),
    marker("U", "2024-03-15"),
    marker("C1", "2024-03-01", "q"),
    marker("T4", "2024-04-01"),
    marker("X", "2024-04-12"),
    marker("X", "2024-02-10"),
    marker("NP", "2024-03-08"),
  ],
};

function effect(overrides: Record<string, unknown> = {}): EffectDefinition {
  return effectDefinitionSchema.parse({
    id: "e",
    name: "Test",
    project: "p",
    population: { benefits: ["kontanthjaelp"] },
    intake: { from: "2024-03", to: "2024-04" },
    horizons: [-2, 1, 4, 6],
    ...overrides,
  });
}

let dir: string;
let session: SnapshotSession;

beforeAll(async () => {
  dir = await writeSnapshot(rows, { extractionDate: "2024-07-15" });
  session = await openSnapshot(dir);
});

afterAll(() => {
  session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface UnitRow {
  d: string;
  person_key: string;
  treated: boolean;
  match_level: number | null;
  weight: number | null;
}

/**
 * `rows` with every number replaced by `expect.closeTo(n, 9)`, for comparing two computations of
 * the same thing: DuckDB sums floating-point numbers in parallel, in an order that may differ
 * from run to run in the last bit (seen in CI: a confidence bound 35.304726746446256 once,
 * 35.30472674644626 the next time).
 */
function approximately<T extends object>(rows: T[]): unknown[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, typeof v === "number" ? expect.closeTo(v, 9) : v]),
    ),
  );
}

describe("effect matching (hand-made extract)", () => {
  it("makes the units, levels and weights calculated in the header", async () => {
    const units = await withEffectTables(session, effect(), 0, async (t, c) => {
      const r = await c.runAndReadAll(
        `SELECT strftime(d, '%Y-%m-%d') AS d, person_key, treated, match_level, weight FROM ${t.matched} ORDER BY d, person_key`,
      );
      return r.getRowObjectsJS() as unknown as UnitRow[];
    });
    expect(units).toEqual([
      { d: "2024-03-01", person_key: "C0", treated: false, match_level: null, weight: 1 / 2 + 1 / 2 + 1 / 3 },
      { d: "2024-03-01", person_key: "C1", treated: false, match_level: null, weight: 1 / 3 },
      { d: "2024-03-01", person_key: "T0", treated: true, match_level: 0, weight: null },
      { d: "2024-03-01", person_key: "T1", treated: true, match_level: 1, weight: null },
      { d: "2024-03-01", person_key: "T2", treated: true, match_level: 2, weight: null },
      { d: "2024-03-01", person_key: "T4", treated: false, match_level: null, weight: 1 / 2 + 1 / 2 + 1 / 3 },
      { d: "2024-03-01", person_key: "U", treated: true, match_level: null, weight: null },
      { d: "2024-04-01", person_key: "C0", treated: false, match_level: null, weight: 1 },
      { d: "2024-04-01", person_key: "T4", treated: true, match_level: 0, weight: null },
    ]);
  });

  it("gives the covariate bands of the header", async () => {
    const cov = await withEffectTables(session, effect(), 0, async (t, c) => {
      const r = await c.runAndReadAll(
        `SELECT strftime(d, '%Y-%m-%d') AS d, person_key, benefit, category, sex, duration_band, age_band, prior_band
         FROM ${t.covariates} ORDER BY d, person_key`,
      );
      return r.getRowObjectsJS().map((x) => Object.values(x).join(" "));
    });
    expect(cov).toEqual([
      "2024-03-01 C0 kontanthjaelp  M 0 2 1",
      "2024-03-01 C1 kontanthjaelp  M 0 3 1",
      "2024-03-01 T0 kontanthjaelp  M 0 2 1",
      "2024-03-01 T1 kontanthjaelp  K 0 2 1",
      "2024-03-01 T2 kontanthjaelp  M 0 5 1",
      "2024-03-01 T4 kontanthjaelp  M 0 2 1",
      "2024-03-01 U kontanthjaelp  M 4 2 2",
      "2024-04-01 C0 kontanthjaelp  M 1 2 1",
      "2024-04-01 T4 kontanthjaelp  M 1 2 1",
    ]);
  });

  describe("estimates", () => {
    let out: EffectEstimate[];
    beforeAll(async () => {
      out = await runEffect(session, effect());
    });

    it("h = −2: everybody counts; all on benefit at H, 60 days before D", () => {
      // H = D − 2 months; window [H, D − 1]: D1 → [2024-01-01, 2024-02-29] = 60 days, D2 →
      // [2024-02-01, 2024-03-31] = 60 days, every unit on benefit the whole window and on H.
      // treated 5 (T0, T1, T2, U, T4), matched 4, unmatched 1 (U),
      // controls 4 (C0@D1, C1@D1, T4@D1, C0@D2).
      // (the weights 4/3, 1/3 are not exact binary fractions, so the weighted means are 100 and
      // 60 up to rounding)
      const r = out[0]!;
      expect([r.effect, r.horizon, r.treated, r.matched, r.unmatched, r.controls]).toEqual([
        "e",
        -2,
        5,
        4,
        1,
        4,
      ]);
      expect(r.share_treated).toBe(100);
      expect(r.share_control).toBeCloseTo(100, 12);
      expect(r.share_difference).toBeCloseTo(0, 12);
      expect(r.share_ci_low).toBeCloseTo(0, 12);
      expect(r.share_ci_high).toBeCloseTo(0, 12);
      expect(r.days_treated).toBe(60);
      expect(r.days_control).toBeCloseTo(60, 12);
      expect(r.days_difference).toBeCloseTo(0, 12);
      expect(r.days_ci_low).toBeCloseTo(0, 12);
      expect(r.days_ci_high).toBeCloseTo(0, 12);
    });

    it("h = 1: share and days with the weighted controls and the standard error", () => {
      // H = D + 1 month (2024-04-01 for D1, 2024-05-01 for D2), days of [D, H − 1].
      // treated (matched): T0 share 0 (ended 03-20), days 20; T1, T2 100, 31; T4@D2 100, 30.
      // share: mean 75; sample variance ((−75)² + 3·25²) ÷ 3 = 2500 → s²/n = 625.
      // controls (w, share, days): C0@D1 (4/3, 100, 31), C1@D1 (1/3, 0, 15), T4@D1 (4/3, 100, 31),
      // C0@D2 (1, 100, 30). Σw = 4.
      // share ȳ = (400/3 + 400/3 + 100) ÷ 4 = 275/3; y − ȳ = 25/3 (the 100s), −275/3 (C1);
      // Σw²(y − ȳ)² = 2·(16/9)(625/9) + (1/9)(75625/9) + 625/9 = (20000 + 75625 + 5625)/81 = 1250;
      // ÷ Σw² = 16. se = √(625 + 1250/16). difference = 75 − 275/3 = −50/3.
      // days: treated mean (20 + 31 + 31 + 30) ÷ 4 = 28; variance (64 + 9 + 9 + 4) ÷ 3 = 86/3, ÷ 4.
      // controls ȳ = (124/3 + 5 + 124/3 + 30) ÷ 4 = 353/12; y − ȳ = 19/12 (31), −173/12 (15), 7/12 (30);
      // Σw²(y − ȳ)² = 2·(16/9)(361/144) + (1/9)(29929/144) + 49/144 = 41922/1296; ÷ 16.
      const shareSe = Math.sqrt(625 + 1250 / 16);
      const daysSe = Math.sqrt(86 / 3 / 4 + 41922 / 1296 / 16);
      const r = out[1]!;
      expect([r.horizon, r.treated, r.matched, r.unmatched, r.controls]).toEqual([1, 5, 4, 1, 4]);
      expect(r.share_treated).toBeCloseTo(75, 12);
      expect(r.share_control).toBeCloseTo(275 / 3, 12);
      expect(r.share_difference).toBeCloseTo(-50 / 3, 12);
      expect(r.share_ci_low).toBeCloseTo(-50 / 3 - Z975 * shareSe, 10);
      expect(r.share_ci_high).toBeCloseTo(-50 / 3 + Z975 * shareSe, 10);
      expect(r.days_treated).toBeCloseTo(28, 12);
      expect(r.days_control).toBeCloseTo(353 / 12, 12);
      expect(r.days_difference).toBeCloseTo(28 - 353 / 12, 12);
      expect(r.days_ci_low).toBeCloseTo(28 - 353 / 12 - Z975 * daysSe, 10);
      expect(r.days_ci_high).toBeCloseTo(28 - 353 / 12 + Z975 * daysSe, 10);
    });

    it("h = 4: the April units drop out (H = 2024-08-01 after the extraction date 2024-07-15)", () => {
      // D1 units: H = 2024-07-01 ≤ 2024-07-15 count; D2 units (T4@D2, C0@D2) do not.
      // treated 4 (T0, T1, T2, U), matched 3, controls 3 (C0@D1, C1@D1, T4@D1).
      // share: T0 0, T1 100, T2 100 → 200/3; variance ((200/3)² + 2·(100/3)²) ÷ 2 = 10000/3, ÷ 3.
      // controls: C0 (ended 05-31) 0, C1 0, T4 100: ȳ = (400/3) ÷ 3 = 400/9;
      // Σw²(y − ȳ)² = (16/9 + 1/9)(400/9)² + (16/9)(500/9)² = 6720000/729; ÷ Σw² = 9.
      // days of [2024-03-01, 2024-06-30]: T0 20, T1 122, T2 122 → mean 88, variance
      // (68² + 34² + 34²) ÷ 2 = 3468, ÷ 3 = 1156; controls C0 92 (03-01…05-31), C1 15, T4 122:
      // ȳ = (368/3 + 5 + 488/3) ÷ 3 = 871/9; y − ȳ = −43/9, −736/9, 227/9;
      // Σw²(y − ȳ)² = (16/9)(1849/81) + (1/9)(541696/81) + (16/9)(51529/81)
      // = (29584 + 541696 + 824464)/729 = 1395744/729; ÷ 9.
      const r = out[2]!;
      expect([r.horizon, r.treated, r.matched, r.unmatched, r.controls]).toEqual([4, 4, 3, 1, 3]);
      const shareSe = Math.sqrt(10000 / 3 / 3 + 6720000 / 729 / 9);
      expect(r.share_treated).toBeCloseTo(200 / 3, 12);
      expect(r.share_control).toBeCloseTo(400 / 9, 12);
      expect(r.share_ci_low).toBeCloseTo(200 / 3 - 400 / 9 - Z975 * shareSe, 10);
      const daysSe = Math.sqrt(1156 + 1395744 / 729 / 9);
      expect(r.days_treated).toBeCloseTo(88, 12);
      expect(r.days_control).toBeCloseTo(871 / 9, 12);
      expect(r.days_difference).toBeCloseTo(88 - 871 / 9, 12);
      expect(r.days_ci_high).toBeCloseTo(88 - 871 / 9 + Z975 * daysSe, 10);
    });

    it("h = 6: every H (2024-09-01, 2024-10-01) is after the extraction date: nothing counts", () => {
      expect(out[3]).toEqual({
        effect: "e",
        horizon: 6,
        treated: 0,
        matched: 0,
        unmatched: 0,
        controls: 0,
        share_treated: null,
        share_control: null,
        share_difference: null,
        share_ci_low: null,
        share_ci_high: null,
        days_treated: null,
        days_control: null,
        days_difference: null,
        days_ci_low: null,
        days_ci_high: null,
      });
    });
  });

  it("an empty intake gives every horizon with zero counts and null estimates", async () => {
    // June 2024: the population at 2024-06-01 is T1, T2, U, T4, X, NP (C0 ended 05-31, C1 03-15),
    // all with a marker before June → no unit at all. 2025-01 lies after the extraction date.
    for (const intake of [
      { from: "2024-06", to: "2024-06" },
      { from: "2025-01", to: "2025-03" },
    ]) {
      const r = await runEffect(session, effect({ intake, horizons: [-3, 3] }));
      expect(
        r.map((x) => [x.horizon, x.treated, x.matched, x.unmatched, x.controls, x.share_difference]),
      ).toEqual([
        [-3, 0, 0, 0, 0, null],
        [3, 0, 0, 0, 0, null],
      ]);
    }
  });

  it("outcome_benefits narrows the outcome and the prior-support band", async () => {
    // outcome_benefits [a-dagpenge]: nobody has such a record → prior 0 for every unit (band 0
    // for all, so the strata are as before but with prior band 0), share 0 and days 0 everywhere.
    const r = await runEffect(session, effect({ outcome_benefits: ["a-dagpenge"], horizons: [1] }));
    expect(r[0]).toMatchObject({
      treated: 5,
      matched: 4,
      controls: 4,
      share_treated: 0,
      share_control: 0,
      days_treated: 0,
      days_control: 0,
      days_ci_low: 0,
    });
  });

  it("gives the effect page's matching rate, balance and curve (hand calculation below)", async () => {
    const { estimates, details } = await runEffectWithDetails(session, effect(), 0);
    // the definition's rows are runEffect's rows, unchanged by the curve's extra months
    expect(estimates).toEqual(approximately(await runEffect(session, effect(), 0)));
    // treated units T0, T1, T2, U (March) and T4 (April): 5; matched at level 0 T0 and T4, at
    // level 1 T1, at level 2 T2; U unmatched. Control units C0, C1, T4 (March), C0 (April): all
    // four with weight > 0.
    expect(details.matching).toEqual({
      treated: 5,
      matched: 4,
      unmatched: 1,
      level0: 2,
      level1: 1,
      level2: 1,
      controlUnits: 4,
      weightedControls: 4,
    });
    const pct = (covariate: string) =>
      Object.fromEntries(
        details.balance
          .filter((b) => b.covariate === covariate)
          .map((b) => [b.value, [b.treated, b.control]]),
      );
    // age bands: matched treated T0, T1, T4 band 2 and T2 band 5 → 75 % / 25 %; controls weighted
    // C0@D1 4/3 (2), C1@D1 1/3 (3), T4@D1 4/3 (2), C0@D2 1 (2), Σw = 4 → band 2 (11/3)/4, band 3 (1/3)/4
    const age = pct("alder");
    expect(age["2"]![0]).toBeCloseTo(75, 9);
    expect(age["2"]![1]).toBeCloseTo((100 * 11) / 12, 9);
    expect(age["3"]).toEqual([0, expect.closeTo(100 / 12, 9)]);
    expect(age["5"]).toEqual([25, 0]);
    // sex: treated M T0, T2, T4 and K T1; every control is M
    expect(pct("koen")).toEqual({ K: [25, 0], M: [75, 100] });
    // the curve runs −12 … 24; on D itself (month 0) every matched treated and every control is on benefit
    expect(details.curve.map((p) => p.month)).toEqual(Array.from({ length: 37 }, (_, i) => i - 12));
    const d0 = details.curve.find((p) => p.month === 0)!;
    expect(d0.share_treated).toBe(100);
    expect(d0.share_control).toBeCloseTo(100, 9);
  });
});
