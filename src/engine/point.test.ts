/**
 * Measures on the population at D, on tiny hand-made snapshots. Every expected number is
 * counted by hand in the comment beside it.
 */
import { describe, expect, it } from "vitest";
import { computeOn, indicator } from "./test-support.ts";

type Rec = {
  person_key: string;
  benefit: string;
  category: string | null;
  start_date: string;
  end_date: string | null;
};
const kh = (
  person_key: string,
  start_date: string,
  end_date: string | null,
  category: string | null = "aktivitetsparat",
): Rec => ({
  person_key,
  benefit: "kontanthjaelp",
  category,
  start_date,
  end_date,
});
const person = (person_key: string, birth_date = "1980-01-01") => ({ person_key, birth_date, sex: "K" });
const act = (person_key: string, kind: string, start_date: string, end_date: string | null) => ({
  person_key,
  kind,
  start_date,
  end_date,
});
const hours = (person_key: string, month: string, h: number) => ({
  person_key,
  month: `${month}-01`,
  hours: h,
});

describe("stock", () => {
  const rows = {
    persons: [person("p1", "1994-03-01"), ...["p2", "p3", "p4", "p5", "p6"].map((k) => person(k))],
    benefit_records: [
      kh("p1", "2024-01-01", null), // 30 on 2024-03-01 (birthday on D), 29 on 2024-02-01
      kh("p2", "2023-01-01", "2024-03-01"), // ends on D: still active on 2024-03-01
      kh("p3", "2023-01-01", "2024-02-29"), // ends the day before 2024-03-01
      kh("p4", "2024-03-01", null), // starts on D
      kh("p5", "2023-01-01", null, "jobparat"), // other category
      kh("p6", "2023-01-01", null),
      kh("p6", "2023-06-01", "2024-12-31"), // a second active record: p6 still counts once
    ],
  };

  it("counts persons active on D by category and age, a birthday on D counting", async () => {
    const def = indicator(
      { kind: "stock" },
      { benefits: ["kontanthjaelp"], categories: ["aktivitetsparat"], age: { min: 30 } },
    );
    expect(await computeOn(rows, def, "2024-02", "2024-03")).toEqual([
      // 2024-02-01: p2, p3, p6 (p1 is 29, p4 not started, p5 jobparat)
      { period: "2024-02", value: 3, numerator: null, denominator: null },
      // 2024-03-01: p1 (turns 30 that day), p2 (ends that day), p4 (starts that day), p6
      { period: "2024-03", value: 4, numerator: null, denominator: null },
    ]);
  });

  it("applies an upper age bound inclusively", async () => {
    const def = indicator(
      { kind: "stock" },
      { benefits: ["kontanthjaelp"], categories: ["aktivitetsparat"], age: { max: 29 } },
    );
    const values = (await computeOn(rows, def, "2024-02", "2024-03")).map((r) => r.value);
    // p1 is 29 on 2024-02-01 and 30 on 2024-03-01; everybody else is born 1980
    expect(values).toEqual([1, 0]);
  });

  it("counts only persons with a project marker active on D when a project is given", async () => {
    const def = indicator({ kind: "stock" }, { benefits: ["kontanthjaelp"], project: "flere-i-job" });
    const values = await computeOn(
      {
        ...rows,
        markers: [
          {
            person_key: "p2",
            project: "flere-i-job",
            start_date: "2024-03-01",
            end_date: null,
            result: null,
          },
          {
            person_key: "p6",
            project: "flere-i-job",
            start_date: "2023-01-01",
            end_date: "2024-02-29",
            result: "job",
          },
          {
            person_key: "p4",
            project: "andet-projekt",
            start_date: "2023-01-01",
            end_date: null,
            result: null,
          },
        ],
      },
      def,
      "2024-02",
      "2024-03",
    );
    // 2024-02-01: only p6's marker is active. 2024-03-01: only p2's (p6's ended 2024-02-29)
    expect(values.map((r) => r.value)).toEqual([1, 1]);
  });

  it("gives 0 for a month without anyone, and no row after the extraction date", async () => {
    const def = indicator({ kind: "stock" }, { benefits: ["kontanthjaelp"] });
    const values = await computeOn(rows, def, "2022-12", "2024-06", "2024-03-15");
    // 2022-12-01: no record has started yet → 0; 2024-04-01 … 2024-06-01 lie after 2024-03-15 → no rows
    expect(values[0]).toEqual({ period: "2022-12", value: 0, numerator: null, denominator: null });
    expect(values.map((r) => r.period).at(-1)).toBe("2024-03");
    expect(values).toHaveLength(16); // 2022-12 … 2024-03
  });
});

describe("activity_share and no_activity_share", () => {
  const rows = {
    benefit_records: ["a1", "a2", "a3", "a4"].map((k) => kh(k, "2023-01-01", null)),
    activities: [
      act("a1", "virksomhedspraktik", "2024-03-01", "2024-04-30"), // starts on D
      act("a2", "virksomhedspraktik", "2024-01-01", "2024-02-29"), // ended the day before D
      act("a3", "loentilskud", "2024-02-01", null),
      act("a4", "virksomhedspraktik", "2023-05-01", null),
    ],
  };
  const pop = { benefits: ["kontanthjaelp"] };

  it("counts activities of the kinds active on D", async () => {
    const [v] = await computeOn(
      rows,
      indicator({ kind: "activity_share", kinds: ["virksomhedspraktik"] }, pop),
      "2024-03",
    );
    // a1 and a4 of 4
    expect(v).toEqual({ period: "2024-03", value: 50, numerator: 2, denominator: 4 });
  });

  it("without kinds, no activity at all", async () => {
    const [v] = await computeOn(rows, indicator({ kind: "no_activity_share" }, pop), "2024-03");
    // only a2 (its activity ended 2024-02-29): 1 of 4
    expect(v).toEqual({ period: "2024-03", value: 25, numerator: 1, denominator: 4 });
  });

  it("with kinds, none of those kinds", async () => {
    const [v] = await computeOn(
      rows,
      indicator({ kind: "no_activity_share", kinds: ["loentilskud"] }, pop),
      "2024-03",
    );
    // everyone but a3: 3 of 4
    expect(v).toEqual({ period: "2024-03", value: 75, numerator: 3, denominator: 4 });
  });
});

describe("wage_hours_share", () => {
  const rows = {
    benefit_records: ["w1", "w2", "w3", "w4", "w5"].map((k) => kh(k, "2023-01-01", null)),
    wage_hours: [
      hours("w1", "2024-02", 10),
      hours("w2", "2024-02", 0),
      hours("w3", "2024-03", 50), // D's own month does not count
      hours("w4", "2024-02", 10),
      hours("w4", "2024-02", 10.5), // two rows in one month are summed: 20.5
      hours("w5", "2024-02", 20),
    ],
  };
  const pop = { benefits: ["kontanthjaelp"] };

  it("counts hours > above in the month before D (default above 0)", async () => {
    const [v] = await computeOn(rows, indicator({ kind: "wage_hours_share" }, pop), "2024-03");
    // w1 (10), w4 (20.5), w5 (20) of 5
    expect(v).toEqual({ period: "2024-03", value: 60, numerator: 3, denominator: 5 });
  });

  it("is strict at the bound", async () => {
    const [v] = await computeOn(rows, indicator({ kind: "wage_hours_share", above: 20 }, pop), "2024-03");
    // only w4 (20.5); w5's 20 is not above 20
    expect(v).toEqual({ period: "2024-03", value: 20, numerator: 1, denominator: 5 });
  });

  it("has a null value and zero counts when the population is empty", async () => {
    const [v] = await computeOn(rows, indicator({ kind: "wage_hours_share" }, pop), "2022-06");
    expect(v).toEqual({ period: "2022-06", value: null, numerator: 0, denominator: 0 });
  });
});

describe("weekly_hours_share", () => {
  // D = 2023-03-01: the month before is February 2023 with 28 days, so weekly = hours × 7 ÷ 28 = hours ÷ 4
  const rows = {
    benefit_records: ["h1", "h2", "h3", "h4", "h5"].map((k) => kh(k, "2022-01-01", null)),
    wage_hours: [
      hours("h1", "2023-02", 4), // 1 per week
      hours("h2", "2023-02", 20), // 5
      hours("h3", "2023-02", 20.5), // 5.125
      hours("h5", "2023-02", 44), // 11; h4 has no hours: 0
    ],
  };
  const pop = { benefits: ["kontanthjaelp"] };

  it("counts weekly hours in [min, max], both inclusive", async () => {
    const [v] = await computeOn(
      rows,
      indicator({ kind: "weekly_hours_share", min: 1, max: 5 }, pop),
      "2023-03",
    );
    // h1 (1) and h2 (5) of 5
    expect(v).toEqual({ period: "2023-03", value: 40, numerator: 2, denominator: 5 });
  });

  it("has no upper bound without max", async () => {
    const [v] = await computeOn(
      rows,
      indicator({ kind: "weekly_hours_share", min: 10.0001 }, pop),
      "2023-03",
    );
    // only h5 (11) of 5
    expect(v).toEqual({ period: "2023-03", value: 20, numerator: 1, denominator: 5 });
  });

  it("treats a person without wage rows as 0 hours", async () => {
    const [v] = await computeOn(
      rows,
      indicator({ kind: "weekly_hours_share", min: 0, max: 5 }, pop),
      "2023-03",
    );
    // h1, h2 and h4 (0) of 5
    expect(v).toEqual({ period: "2023-03", value: 60, numerator: 3, denominator: 5 });
  });
});

describe("company_oriented_12m (Delaftale 2)", () => {
  // D = 2024-03-01; D − 365 days = 2023-03-02 (the span contains 29 Feb 2024); D − 1 = 2024-02-29.
  // The 12 calendar months before D's month: 2023-03 … 2024-02.
  const rows = {
    benefit_records: [
      kh("c1", "2023-03-02", null), // duration exactly 365: in the denominator
      kh("c2", "2023-03-03", null), // duration 364: out
      ...["c3", "c4", "c5", "c6"].map((k) => kh(k, "2022-01-01", null)),
      // c7: touching records form one forløb from 2022-01-01
      kh("c7", "2022-01-01", "2023-02-28"),
      kh("c7", "2023-03-01", null),
      // c8: a one-day gap (2023-03-09) restarts the forløb on 2023-03-10: duration 357, out
      kh("c8", "2022-01-01", "2023-03-08"),
      kh("c8", "2023-03-10", null),
    ],
    activities: [
      act("c1", "loentilskud", "2023-01-01", "2023-03-02"), // ends on D − 365: overlaps
      act("c2", "loentilskud", "2024-01-01", null),
      act("c3", "virksomhedspraktik", "2022-06-01", "2023-03-01"), // ends D − 366: too early
      act("c5", "mentor", "2024-01-01", null), // not a company-oriented kind by default
      act("c6", "virksomhedspraktik", "2024-03-01", null), // starts on D, after D − 1
    ],
    wage_hours: [
      hours("c3", "2023-02", 500), // before the 12 months
      hours("c3", "2024-03", 500), // D's own month
      hours("c3", "2023-03", 60),
      hours("c3", "2024-02", 39.5), // c3: 99.5 < 100
      hours("c4", "2023-03", 60),
      hours("c4", "2024-02", 40), // c4: exactly 100
    ],
  };
  const pop = { benefits: ["kontanthjaelp"] };

  it("uses defaults kinds [virksomhedspraktik, loentilskud] and min_hours 100", async () => {
    const [v] = await computeOn(rows, indicator({ kind: "company_oriented_12m" }, pop), "2024-03");
    // denominator c1, c3, c4, c5, c6, c7 = 6; numerator c1 (activity), c4 (100 hours) = 2
    expect(v).toEqual({ period: "2024-03", value: (100 * 2) / 6, numerator: 2, denominator: 6 });
  });

  it("takes kinds and min_hours from the definition", async () => {
    const def = indicator({ kind: "company_oriented_12m", kinds: ["mentor"], min_hours: 99.5 }, pop);
    const [v] = await computeOn(rows, def, "2024-03");
    // numerator: c3 (99.5 ≥ 99.5), c4 (100), c5 (mentor); c1's loentilskud no longer counts
    expect(v).toEqual({ period: "2024-03", value: 50, numerator: 3, denominator: 6 });
  });
});

describe("company_oriented_first_weeks", () => {
  // D = 2024-03-01, weeks 26 → 182 days: D − 182 = 2023-09-01, D − 181 = 2023-09-02.
  // F = 2023-06-01: the first 26 weeks are [2023-06-01, F + 181 = 2023-11-29].
  const ad = (k: string, start: string) => ({ ...kh(k, start, null), benefit: "a-dagpenge", category: null });
  const rows = {
    benefit_records: [
      ad("f1", "2023-06-01"),
      ad("f2", "2023-06-01"),
      ad("f3", "2023-06-01"),
      ad("f4", "2023-09-02"), // duration 181: out
      ad("f5", "2023-09-01"), // duration 182: in, no activity
    ],
    activities: [
      act("f1", "loentilskud", "2023-11-29", null), // starts on the last day of the window
      act("f2", "loentilskud", "2023-11-30", null), // one day too late
      act("f3", "virksomhedspraktik", "2023-01-01", "2023-06-01"), // ends on F
    ],
  };

  it("counts company-oriented activity in the forløb's first weeks", async () => {
    const [v] = await computeOn(
      rows,
      indicator({ kind: "company_oriented_first_weeks" }, { benefits: ["a-dagpenge"] }),
      "2024-03",
    );
    // denominator f1, f2, f3, f5; numerator f1, f3
    expect(v).toEqual({ period: "2024-03", value: 50, numerator: 2, denominator: 4 });
  });

  it("honours weeks and kinds", async () => {
    const def = indicator(
      { kind: "company_oriented_first_weeks", weeks: 13, kinds: ["virksomhedspraktik"] },
      { benefits: ["a-dagpenge"] },
    );
    const [v] = await computeOn(rows, def, "2024-03");
    // 91 days: all five have duration ≥ 91; only f3 has virksomhedspraktik in [F, F + 90]
    expect(v).toEqual({ period: "2024-03", value: 20, numerator: 1, denominator: 5 });
  });
});

describe("duration_over_share", () => {
  it("is strictly over, using the earliest forløb among matching active records", async () => {
    const rows = {
      benefit_records: [
        { ...kh("d1", "2023-03-02", null), benefit: "jobafklaring" }, // 365 days on 2024-03-01: not over
        { ...kh("d2", "2023-03-01", null), benefit: "jobafklaring" }, // 366: over
        { ...kh("d3", "2023-01-01", null), benefit: "sygedagpenge" }, // 425 days
        { ...kh("d3", "2024-01-01", null), benefit: "jobafklaring" }, // 60 days; the earliest (425) is used
      ],
    };
    const def = indicator(
      { kind: "duration_over_share", days: 365 },
      { benefits: ["jobafklaring", "sygedagpenge"] },
    );
    const [v] = await computeOn(rows, def, "2024-03");
    // d2 and d3 of 3
    expect(v).toEqual({ period: "2024-03", value: 200 / 3, numerator: 2, denominator: 3 });
  });
});
