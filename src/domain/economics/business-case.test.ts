import { describe, expect, it } from "vitest";
import {
  businessCaseModelSchema,
  computeBusinessCase,
  MissingPriceError,
  type PriceLookup,
} from "./business-case.ts";

// jobafklaring price assumption: gross 150.000 kr., refusion 20 % → net 120.000 kr. per full-time person
const lookup: PriceLookup = (benefit) =>
  benefit === "jobafklaring" ? { benefit, grossPerFteYear: 150_000, refusionPct: 20 } : undefined;

const jobafklaring = businessCaseModelSchema.parse({
  startMonth: "2019-05",
  years: 2,
  investment: [
    { year: 1, staff: 2, staffCostPerYear: 500_000 },
    { year: 2, staff: 2, staffCostPerYear: 500_000 },
  ],
  effects: [{ kind: "fte", benefit: "jobafklaring", ftePerYear: [2.5, 25] }],
});

describe("business case", () => {
  const r = computeBusinessCase(jobafklaring, lookup);

  it("investering, besparelse og nettoresultat pr. år og akkumuleret", () => {
    // investment per year: 2 × 500.000 = 1.000.000
    // savings year 1: 2,5 × 120.000 = 300.000; year 2: 25 × 120.000 = 3.000.000
    // net: −700.000 and 2.000.000; cumulative −700.000 and 1.300.000
    expect(r.years.map((y) => y.investment)).toEqual([1_000_000, 1_000_000]);
    expect(r.years[0]!.savings).toBeCloseTo(300_000, 6);
    expect(r.years[1]!.savings).toBeCloseTo(3_000_000, 6);
    expect(r.years[0]!.net).toBeCloseTo(-700_000, 6);
    expect(r.years[1]!.cumulative).toBeCloseTo(1_300_000, 6);
    expect(r.years[0]!.fromMonth).toBe("2019-05");
    expect(r.years[1]!.toMonth).toBe("2021-04");
    expect(r.totals.investment).toBe(2_000_000);
    expect(r.totals.fte).toBeCloseTo(27.5, 9);
  });

  it("afkast og tilbagebetalingsmåned", () => {
    // ROI = 1.300.000 ÷ 2.000.000 = 65 %
    expect(r.roiPct).toBeCloseTo(65, 9);
    // year 1 monthly net = 25.000 − 83.333,33 = −58.333,33 → −700.000 after month 12;
    // year 2 monthly net = 250.000 − 83.333,33 = 166.666,67: after month 16 −33.333,33, after 17 +133.333,33
    expect(r.payback).toEqual({ index: 17, month: "2020-09" });
    expect(r.monthly).toHaveLength(24);
    expect(r.monthly[15]!.cumulativeNet).toBeCloseTo(-33_333.333, 2);
  });

  it("følsomhed ved 50, 75, 100 og 125 % effekt", () => {
    const s = Object.fromEntries(r.sensitivity.map((x) => [x.factorPct, x]));
    // 50 %: savings 1.650.000, net −350.000, ROI −17,5 %, never paid back
    expect(s[50]!.savings).toBeCloseTo(1_650_000, 6);
    expect(s[50]!.net).toBeCloseTo(-350_000, 6);
    expect(s[50]!.roiPct).toBeCloseTo(-17.5, 9);
    expect(s[50]!.payback).toBeNull();
    // 75 %: savings 2.475.000, net 475.000, ROI 23,75 %; year 1 −775.000, then 104.166,67 a month → month 12 + 8 = 20
    expect(s[75]!.net).toBeCloseTo(475_000, 6);
    expect(s[75]!.roiPct).toBeCloseTo(23.75, 9);
    expect(s[75]!.payback).toEqual({ index: 20, month: "2020-12" });
    // 100 % is the case itself
    expect(s[100]!.net).toBeCloseTo(r.totals.net, 6);
    expect(s[100]!.payback).toEqual(r.payback);
    // 125 %: savings 4.125.000, net 2.125.000, ROI 106,25 %; year 1 −625.000, then 229.166,67 a month → month 15
    expect(s[125]!.roiPct).toBeCloseTo(106.25, 9);
    expect(s[125]!.payback).toEqual({ index: 15, month: "2020-07" });
  });

  it("effekt som sparede uger pr. deltager × deltagere", () => {
    const m = businessCaseModelSchema.parse({
      startMonth: "2024-01",
      years: 1,
      investment: [{ year: 1, staff: 1, staffCostPerYear: 520_000, otherCosts: 20_000 }],
      effects: [
        { kind: "weeks", benefit: "jobafklaring", weeksSavedPerParticipant: 13, participantsPerYear: [40] },
      ],
    });
    const x = computeBusinessCase(m, lookup);
    // 13 weeks × 40 participants = 520 weeks = 10 full-time persons; 10 × 120.000 = 1.200.000
    // investment 520.000 + 20.000 = 540.000; net 660.000; ROI 660.000 ÷ 540.000 = 122,2 %
    expect(x.effects[0]!.ftePerYear[0]).toBeCloseTo(10, 9);
    expect(x.totals.savings).toBeCloseTo(1_200_000, 6);
    expect(x.years[0]!.otherCosts).toBe(20_000);
    expect(x.totals.net).toBeCloseTo(660_000, 6);
    expect(x.roiPct).toBeCloseTo((660_000 / 540_000) * 100, 9);
    // monthly net 100.000 − 45.000 > 0 from the first month
    expect(x.payback).toEqual({ index: 1, month: "2024-01" });
  });

  it("en pris i modellen går forud for kataloget", () => {
    const m = businessCaseModelSchema.parse({
      startMonth: "2024-01",
      years: 1,
      prices: [{ benefit: "jobafklaring", grossPerFteYear: 100_000, refusionPct: 50 }],
      effects: [{ kind: "fte", benefit: "jobafklaring", ftePerYear: [1] }],
    });
    // 100.000 × 0,5 = 50.000; no investment → ROI null
    const x = computeBusinessCase(m, lookup);
    expect(x.totals.savings).toBeCloseTo(50_000, 9);
    expect(x.roiPct).toBeNull();
  });

  it("mangler en pris, siges det på dansk med ydelse og budgetår", () => {
    const m = businessCaseModelSchema.parse({
      startMonth: "2024-03",
      years: 1,
      effects: [{ kind: "fte", benefit: "fleksjob", ftePerYear: [1] }],
    });
    expect(() => computeBusinessCase(m, lookup)).toThrow(MissingPriceError);
    expect(() => computeBusinessCase(m, lookup)).toThrow(/fleksjob \(budgetår 2024\)/);
  });

  it("modellen afviser år uden for projektperioden med stien til feltet", () => {
    const parsed = businessCaseModelSchema.safeParse({
      startMonth: "2024-01",
      years: 1,
      investment: [{ year: 2, staff: 1, staffCostPerYear: 1 }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["investment", 0, "year"]);
  });
});

describe("payback counted from when the effects start", () => {
  // Flere i job (seed 004): one staff member at 550.000 kr. a year for two years against 2 fewer
  // full-time persons on each of kontanthjælp (net 118.804), uddannelseshjælp (65.091) and
  // ressourceforløb (131.469): 630.728 kr. a year at the full effect
  const prices: PriceLookup = (benefit) =>
    ({
      kontanthjaelp: { benefit, grossPerFteYear: 154_031, refusionPct: 22.87 },
      uddannelseshjaelp: { benefit, grossPerFteYear: 86_511, refusionPct: 24.76 },
      ressourceforloeb: { benefit, grossPerFteYear: 164_645, refusionPct: 20.15 },
    })[benefit];
  const model = (effectStartMonth?: string) =>
    businessCaseModelSchema.parse({
      startMonth: "2024-01",
      years: 2,
      ...(effectStartMonth ? { effectStartMonth } : {}),
      investment: [
        { year: 1, staff: 1, staffCostPerYear: 550_000 },
        { year: 2, staff: 1, staffCostPerYear: 550_000 },
      ],
      effects: ["kontanthjaelp", "uddannelseshjaelp", "ressourceforloeb"].map((benefit) => ({
        kind: "fte",
        benefit,
        ftePerYear: [2, 2],
      })),
    });

  it("is not month 1 when the effects start in month 4", () => {
    const r = computeBusinessCase(model("2024-04"), prices);
    // net prices unrounded: 154.031 × 0,7713 + 86.511 × 0,7524 + 164.645 × 0,7985 = 630.727,8
    const yearly = 2 * (154_031 * 0.7713 + 86_511 * 0.7524 + 164_645 * 0.7985);
    // nothing saved in jan–mar 2024; then 630.727,8 ÷ 12 = 52.560,65 a month
    expect(r.monthly.slice(0, 3).map((m) => m.savings)).toEqual([0, 0, 0]);
    expect(r.monthly[3]!.savings).toBeCloseTo(yearly / 12, 6);
    // year 1 saves 9 months: 9 × 52.560,65 = 473.045,9; year 2 the whole 630.727,8
    expect(r.years[0]!.savings).toBeCloseTo((yearly * 9) / 12, 6);
    expect(r.years[1]!.savings).toBeCloseTo(yearly, 6);
    expect(r.years[0]!.fte).toBeCloseTo(6 * 0.75, 9);
    // cumulative net after month m (m ≥ 4) = 52.560,65 × (m − 3) − 45.833,33 × m:
    // month 23: 1.051.213 − 1.054.167 = −2.954; month 24: 1.103.774 − 1.100.000 = +3.774
    expect(r.monthly[22]!.cumulativeNet).toBeCloseTo((yearly / 12) * 20 - (550_000 / 12) * 23, 6);
    expect(r.monthly[22]!.cumulativeNet).toBeLessThan(0);
    expect(r.payback).toEqual({ index: 24, month: "2025-12" });
  });

  it("with effects from month 1 the old even spread is kept", () => {
    const r = computeBusinessCase(model(), prices);
    // month 1: 52.560,65 − 45.833,33 = 6.727,3 ≥ 0, so paid back in month 1
    expect(r.payback).toEqual({ index: 1, month: "2024-01" });
    expect(r.years[0]!.savings).toBeCloseTo(2 * (154_031 * 0.7713 + 86_511 * 0.7524 + 164_645 * 0.7985), 6);
  });

  it("is never before any effect has saved anything", () => {
    // no investment at all: the cumulative net is 0 (≥ 0) before the effects start in month 7
    const m = businessCaseModelSchema.parse({
      startMonth: "2024-01",
      years: 1,
      effectStartMonth: "2024-07",
      effects: [{ kind: "fte", benefit: "kontanthjaelp", ftePerYear: [1] }],
    });
    expect(computeBusinessCase(m, prices).payback).toEqual({ index: 7, month: "2024-07" });
  });

  it("rejects an effect start outside the project's period", () => {
    const r = businessCaseModelSchema.safeParse({
      startMonth: "2024-01",
      years: 1,
      effectStartMonth: "2025-01",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["effectStartMonth"]);
  });
});
