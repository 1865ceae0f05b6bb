/**
 * Measures over ended forløb, on hand-made snapshots; window edges, the exit-defining record's
 * category, the age at E and per-forløb counting. Expected numbers are counted in comments.
 */
import { describe, expect, it } from "vitest";
import { computeOn, indicator } from "./test-support.ts";

const rec = (
  person_key: string,
  start_date: string,
  end_date: string | null,
  exit_reason: string | null,
  extra: { benefit?: string; category?: string | null } = {},
) => ({
  person_key,
  benefit: extra.benefit ?? "kontanthjaelp",
  category: extra.category === undefined ? "aktivitetsparat" : extra.category,
  start_date,
  end_date,
  exit_reason,
});
const person = (person_key: string, birth_date = "1980-01-01") => ({ person_key, birth_date, sex: "M" });

describe("ended_outcome_share", () => {
  // D = 2025-03-01, window 12 months → E in [2024-03-01, 2025-02-28]
  const rows = {
    persons: [
      ...["e1", "e2", "e3", "e4", "e5", "e6", "e9", "e10"].map((k) => person(k)),
      person("e7", "1994-06-15"),
      person("e8", "1994-06-15"),
    ],
    benefit_records: [
      rec("e1", "2024-01-01", "2024-02-29", "job"), // ends the day before the window
      rec("e2", "2024-01-01", "2024-03-01", "job"), // first day of the window
      rec("e3", "2025-01-01", "2025-02-28", "flyttet"), // last day of the window
      rec("e4", "2025-01-01", "2025-03-01", "job"), // ends on D: not yet in the window
      // e5: the exit-defining (latest) record is jobparat, so the forløb is not in the universe
      rec("e5", "2024-01-01", "2024-05-31", "barsel"),
      rec("e5", "2024-06-01", "2024-08-31", "job", { category: "jobparat" }),
      // e6: starts jobparat, ends aktivitetsparat: in, with the exit reason of the latest record
      rec("e6", "2024-01-01", "2024-05-31", "barsel", { category: "jobparat" }),
      rec("e6", "2024-06-01", "2024-08-31", "uddannelse"),
      rec("e7", "2024-01-01", "2024-06-14", "job"), // 29 at E (birthday the next day): out
      rec("e8", "2024-01-01", "2024-06-15", "fleksjob"), // 30 at E (birthday on E): in
      // e9: two forløb (gap on 2024-05-01), both ended in the window: counted twice
      rec("e9", "2024-01-01", "2024-04-30", "job"),
      rec("e9", "2024-05-02", "2024-09-30", "ukendt"),
      rec("e10", "2024-01-01", null, null), // open: never ended
    ],
  };
  const pop = { benefits: ["kontanthjaelp"], categories: ["aktivitetsparat"], age: { min: 30 } };

  it("counts ended forløb per forløb with the exit-defining record's category and the age at E", async () => {
    const def = indicator({ kind: "ended_outcome_share", outcomes: ["job", "uddannelse", "fleksjob"] }, pop);
    const [v] = await computeOn(rows, def, "2025-03");
    // universe: e2, e3, e6, e8, e9 (×2) = 6; with job/uddannelse/fleksjob: e2, e6, e8, e9's first = 4
    expect(v).toEqual({ period: "2025-03", value: 400 / 6, numerator: 4, denominator: 6 });
  });

  it("uses window_months", async () => {
    const def = indicator({ kind: "ended_outcome_share", outcomes: ["job"], window_months: 1 }, pop);
    const [v] = await computeOn(rows, def, "2025-03");
    // window [2025-02-01, 2025-02-28]: only e3 (flyttet) → 0 of 1
    expect(v).toEqual({ period: "2025-03", value: 0, numerator: 0, denominator: 1 });
  });

  it("checks the project marker on E", async () => {
    const def = indicator(
      { kind: "ended_outcome_share", outcomes: ["job"] },
      { benefits: ["kontanthjaelp"], project: "flere-i-job" },
    );
    const markers = [
      // active on e2's E (2024-03-01): ends that day
      {
        person_key: "e2",
        project: "flere-i-job",
        start_date: "2024-02-01",
        end_date: "2024-03-01",
        result: null,
      },
      // starts the day after e3's E (2025-02-28): not active on E
      { person_key: "e3", project: "flere-i-job", start_date: "2025-03-01", end_date: null, result: null },
    ];
    const [v] = await computeOn({ ...rows, markers }, def, "2025-03");
    // only e2's forløb (job) → 1 of 1
    expect(v).toEqual({ period: "2025-03", value: 100, numerator: 1, denominator: 1 });
  });
});

describe("avg_duration_ended", () => {
  // D = 2025-03-01, default window 3 months → E in [2024-12-01, 2025-02-28]
  const ad = (k: string, s: string, e: string) =>
    rec(k, s, e, "job", { benefit: "a-dagpenge", category: null });
  const rows = {
    benefit_records: [
      ad("v1", "2024-12-01", "2024-12-14"), // 14 days inclusive = 2 weeks
      // v2: touching records, one forløb 2024-10-01 … 2025-02-28 = 31+30+31+31+28 = 151 days
      ad("v2", "2024-10-01", "2024-10-31"),
      ad("v2", "2024-11-01", "2025-02-28"),
      ad("v3", "2024-06-01", "2024-11-30"), // ends the day before the window
    ],
  };

  it("averages (E − S + 1) ÷ 7 over the forløb ended in the window", async () => {
    const [v] = await computeOn(
      rows,
      indicator({ kind: "avg_duration_ended" }, { benefits: ["a-dagpenge"] }),
      "2025-03",
    );
    const sum = 2 + 151 / 7;
    expect(v?.numerator).toBeCloseTo(sum, 12);
    expect(v?.denominator).toBe(2);
    expect(v?.value).toBeCloseTo(sum / 2, 12);
  });

  it("is null with numerator 0 when nothing ended", async () => {
    const [v] = await computeOn(
      rows,
      indicator({ kind: "avg_duration_ended" }, { benefits: ["a-dagpenge"] }),
      "2024-06",
    );
    // window [2024-03-01, 2024-05-31]: nothing ended
    expect(v).toEqual({ period: "2024-06", value: null, numerator: 0, denominator: 0 });
  });
});

describe("returned_within", () => {
  // D = 2025-03-01, days 365 → B = 2024-03-01; window 12 → E in [2023-03-01, 2024-02-29]
  const job = { category: "jobparat" };
  const rows = {
    benefit_records: [
      rec("r1", "2023-01-01", "2023-05-31", "job", job),
      rec("r1", "2023-06-01", "2023-07-31", "job", { benefit: "sygedagpenge", category: null }), // starts E + 1
      rec("r2", "2023-01-01", "2023-05-31", "job", job),
      rec("r2", "2024-05-31", null, null, job), // E + 366: too late
      rec("r3", "2023-01-01", "2023-05-31", "job", job),
      rec("r3", "2024-05-30", null, null, job), // E + 365: just in time
      rec("r4", "2023-01-01", "2024-03-01", "job", job), // E = B: outside the window
      rec("r5", "2022-01-01", "2023-02-28", "job", job), // before the window
      rec("r6", "2023-01-01", "2024-02-29", "job", job),
      rec("r6", "2024-01-01", null, null, { benefit: "a-dagpenge", category: null }), // started before E
    ],
  };
  const pop = { benefits: ["kontanthjaelp"], categories: ["jobparat"] };

  it("counts a return to any benefit within days after E, defaults days 365 and window 12", async () => {
    const [v] = await computeOn(rows, indicator({ kind: "returned_within" }, pop), "2025-03");
    // universe r1, r2, r3, r6 (r2's and r3's second records are open forløb); returned r1, r3
    expect(v).toEqual({ period: "2025-03", value: 50, numerator: 2, denominator: 4 });
  });

  it("restricts returns to return_benefits", async () => {
    const def = indicator({ kind: "returned_within", return_benefits: ["kontanthjaelp"] }, pop);
    const [v] = await computeOn(rows, def, "2025-03");
    // r1 returned to sygedagpenge, which no longer counts: r3 only
    expect(v).toEqual({ period: "2025-03", value: 25, numerator: 1, denominator: 4 });
  });

  it("clamps B − N months to the end of a shorter month", async () => {
    // D = 2024-04-01, days 1 → B = 2024-03-31; window 1 month: B − 1 month = 2024-02-31 → 2024-02-29,
    // so E in [2024-02-29, 2024-03-30]
    const clampRows = {
      benefit_records: [
        rec("k1", "2024-01-01", "2024-02-29", "job", job),
        rec("k1", "2024-03-01", "2024-03-05", "job", { benefit: "a-dagpenge", category: null }), // E + 1
        rec("k2", "2024-01-01", "2024-02-28", "job", job), // one day before the window
        rec("k3", "2024-01-01", "2024-03-30", "job", job), // last day
        rec("k4", "2024-01-01", "2024-03-31", "job", job), // = B: outside
      ],
    };
    const def = indicator({ kind: "returned_within", days: 1, window_months: 1 }, pop);
    const [v] = await computeOn(clampRows, def, "2024-04");
    // universe k1, k3 (k1's a-dagpenge forløb is not of the population's benefits); returned k1
    expect(v).toEqual({ period: "2024-04", value: 50, numerator: 1, denominator: 2 });
  });
});
