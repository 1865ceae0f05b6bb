import { describe, expect, it } from "vitest";
import { combineRealized, realizedSeries } from "./realized.ts";

describe("realiseret gevinst", () => {
  // net price 120.000 kr. per full-time person per year = 10.000 kr. per full-time person per month
  const s = realizedSeries({
    label: "Jobafklaring",
    benefit: "jobafklaring",
    baselineFte: 200,
    netPerFteYear: () => 120_000,
    measurements: [
      { month: "2019-07", fte: 190 },
      { month: "2019-06", fte: 195 },
      { month: "2019-08", fte: null },
      { month: "2019-09", fte: 205 },
    ],
  });

  it("(startmåling − målt) × nettopris ÷ 12 pr. måned, akkumuleret", () => {
    // jun: (200 − 195) × 10.000 = 50.000; jul: 10 × 10.000 = 100.000; aug: no data; sep: −5 × 10.000 = −50.000
    expect(s.months.map((m) => m.month)).toEqual(["2019-06", "2019-07", "2019-08", "2019-09"]);
    expect(s.months.map((m) => m.gain)).toEqual([50_000, 100_000, null, -50_000]);
    expect(s.months.map((m) => m.cumulative)).toEqual([50_000, 150_000, 150_000, 100_000]);
    expect(s.total).toBe(100_000);
  });

  it("lægger flere ydelser sammen måned for måned", () => {
    const other = realizedSeries({
      label: "KH",
      benefit: "kontanthjaelp",
      baselineFte: 10,
      netPerFteYear: (m) => (m >= "2019-07" ? 60_000 : undefined),
      measurements: [
        { month: "2019-06", fte: 9 },
        { month: "2019-07", fte: 8 },
      ],
    });
    // jun: 50.000 + (no price) ; jul: 100.000 + 2 × 5.000 = 110.000
    const c = combineRealized([s, other]);
    expect(c.map((m) => [m.month, m.gain, m.cumulative])).toEqual([
      ["2019-06", 50_000, 50_000],
      ["2019-07", 110_000, 160_000],
      ["2019-08", null, 160_000],
      ["2019-09", -50_000, 110_000],
    ]);
  });
});
