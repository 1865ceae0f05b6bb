/**
 * fte (union of covered days) and the marker measures, on hand-made snapshots.
 */
import { describe, expect, it } from "vitest";
import { computeOn, indicator } from "./test-support.ts";

const rec = (person_key: string, benefit: string, start_date: string, end_date: string | null) => ({
  person_key,
  benefit,
  category: null,
  start_date,
  end_date,
  exit_reason: null,
});
const marker = (
  person_key: string,
  project: string,
  start_date: string,
  end_date: string | null,
  result: string | null = null,
) => ({
  person_key,
  project,
  start_date,
  end_date,
  result,
});

describe("fte", () => {
  // D = 2024-03-01: P (month) = February 2024, 29 days
  const rows = {
    benefit_records: [
      rec("q1", "kontanthjaelp", "2024-01-01", null), // all 29 days
      rec("q2", "kontanthjaelp", "2024-02-01", "2024-02-10"), // overlapping records: union 02-01 … 02-14 = 14 days
      rec("q2", "kontanthjaelp", "2024-02-05", "2024-02-14"),
      rec("q3", "kontanthjaelp", "2024-02-20", "2024-03-15"), // clipped to 02-20 … 02-29 = 10 days
      rec("q4", "uddannelseshjaelp", "2024-01-01", "2024-03-31"), // 29 days of uddannelseshjælp
      rec("q5", "kontanthjaelp", "2023-06-01", "2024-01-31"), // ends before P
      rec("q6", "kontanthjaelp", "2024-02-01", "2024-02-15"), // 15 days of kontanthjælp …
      rec("q6", "uddannelseshjaelp", "2024-02-10", "2024-02-20"), // … union with this: 02-01 … 02-20 = 20 days
    ],
  };

  it("sums each person's covered days of the month before D, divided by its days", async () => {
    const [v] = await computeOn(rows, indicator({ kind: "fte" }, { benefits: ["kontanthjaelp"] }), "2024-03");
    // q1 29 + q2 14 + q3 10 + q6 15 = 68 days over 29
    expect(v).toEqual({ period: "2024-03", value: 68 / 29, numerator: 68, denominator: 29 });
  });

  it("counts a day once across the population's benefits", async () => {
    const def = indicator(
      { kind: "fte", period: "month" },
      { benefits: ["kontanthjaelp", "uddannelseshjaelp"] },
    );
    const [v] = await computeOn(rows, def, "2024-03");
    // q1 29 + q2 14 + q3 10 + q4 29 + q6 20 = 102 days over 29
    expect(v).toEqual({ period: "2024-03", value: 102 / 29, numerator: 102, denominator: 29 });
  });

  it("covers the 12 months before D with period year, age evaluated at D", async () => {
    const yearRows = {
      persons: [
        { person_key: "y1", birth_date: "1980-01-01", sex: "M" },
        { person_key: "y2", birth_date: "1994-03-01", sex: "K" }, // 30 on D = 2024-03-01
        { person_key: "y3", birth_date: "1994-03-02", sex: "K" }, // 29 on D
      ],
      benefit_records: [
        rec("y1", "jobafklaring", "2023-01-01", "2023-03-31"), // P starts 2023-03-01: 31 days inside
        rec("y2", "jobafklaring", "2024-02-01", "2024-02-10"), // 10 days (aged 29 then, but age is taken at D)
        rec("y3", "jobafklaring", "2024-02-01", "2024-02-10"), // excluded by age at D
      ],
    };
    const def = indicator({ kind: "fte", period: "year" }, { benefits: ["jobafklaring"], age: { min: 30 } });
    const [v] = await computeOn(yearRows, def, "2024-03");
    // P = 2023-03-01 … 2024-02-29 = 366 days (contains 29 Feb 2024); 31 + 10 = 41 days
    expect(v).toEqual({ period: "2024-03", value: 41 / 366, numerator: 41, denominator: 366 });
  });
});

describe("marker_count", () => {
  // D = 2024-03-01
  const rows = {
    markers: [
      marker("k1", "p", "2024-02-29", "2024-02-29"), // started in February, ended before D
      marker("k2", "p", "2024-03-01", null), // starts on D
      marker("k3", "p", "2024-01-31", null), // started in January, still active
      marker("k1", "p", "2024-02-01", null), // k1 again: counts once
      marker("k4", "q", "2023-01-01", null), // another project
    ],
  };
  const count = async (mode?: string) =>
    (
      await computeOn(
        rows,
        indicator({ kind: "marker_count", project: "p", ...(mode ? { mode } : {}) }),
        "2024-03",
      )
    )[0];

  it("cumulative (default): distinct persons with a marker started before D", async () => {
    // k1, k3 (k2 starts on D)
    expect(await count()).toEqual({ period: "2024-03", value: 2, numerator: null, denominator: null });
  });

  it("active: marker active on D", async () => {
    // k1 (second marker), k2, k3
    expect((await count("active"))?.value).toBe(3);
  });

  it("started: marker started in the month before D", async () => {
    // k1 (both its markers started in February, counted once)
    expect((await count("started"))?.value).toBe(1);
  });
});

describe("marker_outcome_share", () => {
  // D = 2024-03-01
  const rows = {
    markers: [
      marker("o1", "p", "2023-06-01", "2024-02-29", "job"),
      marker("o2", "p", "2023-06-01", "2024-03-01", "job"), // ends on D: not before it
      marker("o3", "p", "2023-06-01", "2024-01-31", "job"),
      marker("o4", "p", "2023-06-01", "2024-02-01", "afbrudt"),
      marker("o5", "p", "2023-06-01", null),
      marker("o6", "p", "2023-06-01", "2024-02-15"), // no result recorded
      marker("o7", "q", "2023-06-01", "2024-02-15", "job"),
    ],
  };

  it("without a window: all markers ended before D", async () => {
    const [v] = await computeOn(
      rows,
      indicator({ kind: "marker_outcome_share", project: "p", outcomes: ["job"] }),
      "2024-03",
    );
    // universe o1, o3, o4, o6; job: o1, o3
    expect(v).toEqual({ period: "2024-03", value: 50, numerator: 2, denominator: 4 });
  });

  it("with window_months: ended in [D − N months, D − 1]", async () => {
    const def = indicator({
      kind: "marker_outcome_share",
      project: "p",
      outcomes: ["job"],
      window_months: 1,
    });
    const [v] = await computeOn(rows, def, "2024-03");
    // [2024-02-01, 2024-02-29]: o1, o4, o6; job: o1
    expect(v).toEqual({ period: "2024-03", value: 100 / 3, numerator: 1, denominator: 3 });
  });
});
