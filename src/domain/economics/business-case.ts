/**
 * The business case of an investment project (DESIGN 7, seed 001): the investment per year
 * (staff × yearly cost + other costs) against the savings the expected effects bring (full-time
 * persons saved per benefit, or weeks saved per participant × participants, × the net price per
 * full-time person), the net result per year and cumulative, the payback month, the return on
 * investment, and the sensitivity of all of it to the effect size (50/75/100/125 %).
 *
 * Within a year, investment and savings are spread evenly over its twelve months; the payback
 * month is the first month whose cumulative net result is ≥ 0.
 */
import { z } from "zod";
import { addMonths, isMonth, type Month } from "../calendar.ts";
import { netPerFteYear, type Price, WEEKS_PER_YEAR } from "./prices.ts";

const month = z.string().refine(isMonth, { message: "forventet måned ÅÅÅÅ-MM" });

export const investmentYearSchema = z.object({
  /** 1 = the first project year */
  year: z.number().int().min(1).max(20),
  staff: z.number().nonnegative().default(0),
  staffCostPerYear: z.number().nonnegative().default(0),
  otherCosts: z.number().nonnegative().default(0),
  note: z.string().max(500).optional(),
});

const effectBase = {
  benefit: z.string().min(1),
  label: z.string().max(200).optional(),
};

export const effectSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("fte"),
    ...effectBase,
    /** average full-time persons fewer on the benefit in project year 1, 2, … */
    ftePerYear: z.array(z.number()).min(1),
  }),
  z.object({
    kind: z.literal("weeks"),
    ...effectBase,
    weeksSavedPerParticipant: z.number().nonnegative(),
    participantsPerYear: z.array(z.number().nonnegative()).min(1),
  }),
]);
export type Effect = z.infer<typeof effectSchema>;

export const businessCaseModelSchema = z
  .object({
    /** first month of project year 1 */
    startMonth: month,
    years: z.number().int().min(1).max(20),
    /** catalogue budget year to price with (default: the start month's year) */
    priceYear: z.number().int().min(2000).max(2100).optional(),
    investment: z.array(investmentYearSchema).default([]),
    effects: z.array(effectSchema).default([]),
    /** prices that override the catalogue for this case (assumptions), per benefit */
    prices: z
      .array(
        z.object({
          benefit: z.string().min(1),
          grossPerFteYear: z.number().nonnegative(),
          refusionPct: z.number().min(0).max(100),
        }),
      )
      .default([]),
    /** the assumptions, in words */
    notes: z.array(z.string().max(2000)).default([]),
  })
  .superRefine((m, ctx) => {
    m.investment.forEach((inv, i) => {
      if (inv.year > m.years) {
        ctx.addIssue({
          code: "custom",
          path: ["investment", i, "year"],
          message: `år ${inv.year} ligger efter projektets ${m.years} år`,
        });
      }
    });
    m.effects.forEach((e, i) => {
      const perYear = e.kind === "fte" ? e.ftePerYear : e.participantsPerYear;
      const field = e.kind === "fte" ? "ftePerYear" : "participantsPerYear";
      if (perYear.length > m.years) {
        ctx.addIssue({
          code: "custom",
          path: ["effects", i, field],
          message: `flere år (${perYear.length}) end projektets ${m.years}`,
        });
      }
    });
  });
export type BusinessCaseModel = z.infer<typeof businessCaseModelSchema>;
export type BusinessCaseModelInput = z.input<typeof businessCaseModelSchema>;

/** Looks up the price of a benefit for a budget year (the catalogue, usually via priceFor). */
export type PriceLookup = (benefit: string, budgetYear: number) => Price | undefined;

export class MissingPriceError extends Error {
  constructor(
    readonly benefits: string[],
    readonly year: number,
  ) {
    super(`Der mangler en pris for ${benefits.join(", ")} (budgetår ${year}) i priskataloget`);
    this.name = "MissingPriceError";
  }
}

export const SENSITIVITY_FACTORS = [50, 75, 100, 125] as const;

export interface EffectResult {
  kind: Effect["kind"];
  benefit: string;
  label: string;
  netPerFteYear: number;
  /** full-time persons saved per project year (weeks effects converted: weeks × participants ÷ 52) */
  ftePerYear: number[];
  savingsPerYear: number[];
}

export interface YearResult {
  year: number;
  fromMonth: Month;
  toMonth: Month;
  staffCost: number;
  otherCosts: number;
  investment: number;
  fte: number;
  savings: number;
  net: number;
  cumulative: number;
}

export interface MonthResult {
  month: Month;
  investment: number;
  savings: number;
  cumulativeInvestment: number;
  cumulativeSavings: number;
  cumulativeNet: number;
}

export interface Payback {
  /** 1-based month of the project */
  index: number;
  month: Month;
}

export interface SensitivityRow {
  factorPct: number;
  savings: number;
  net: number;
  roiPct: number | null;
  payback: Payback | null;
}

export interface BusinessCaseResult {
  years: YearResult[];
  effects: EffectResult[];
  monthly: MonthResult[];
  totals: { investment: number; savings: number; net: number; fte: number };
  payback: Payback | null;
  /** net result ÷ investment × 100 (null without investment) */
  roiPct: number | null;
  sensitivity: SensitivityRow[];
}

const EPS = 1e-6;

function yearArray(years: number, values: readonly number[]): number[] {
  return Array.from({ length: years }, (_, i) => values[i] ?? 0);
}

function monthlySeries(
  startMonth: Month,
  investmentPerYear: number[],
  savingsPerYear: number[],
): MonthResult[] {
  const out: MonthResult[] = [];
  let ci = 0;
  let cs = 0;
  investmentPerYear.forEach((inv, y) => {
    const sav = savingsPerYear[y] ?? 0;
    for (let m = 0; m < 12; m++) {
      ci += inv / 12;
      cs += sav / 12;
      out.push({
        month: addMonths(startMonth, y * 12 + m),
        investment: inv / 12,
        savings: sav / 12,
        cumulativeInvestment: ci,
        cumulativeSavings: cs,
        cumulativeNet: cs - ci,
      });
    }
  });
  return out;
}

function paybackOf(monthly: MonthResult[]): Payback | null {
  const i = monthly.findIndex((m) => m.cumulativeNet >= -EPS);
  const hit = monthly[i];
  return hit ? { index: i + 1, month: hit.month } : null;
}

export function computeBusinessCase(model: BusinessCaseModel, lookup: PriceLookup): BusinessCaseResult {
  const priceYear = model.priceYear ?? Number(model.startMonth.slice(0, 4));
  const overrides = new Map(model.prices.map((p) => [p.benefit, p]));
  const priceOf = (benefit: string): Price | undefined =>
    overrides.get(benefit) ?? lookup(benefit, priceYear);
  const missing = [...new Set(model.effects.map((e) => e.benefit).filter((b) => !priceOf(b)))];
  if (missing.length > 0) throw new MissingPriceError(missing, priceYear);

  const effects: EffectResult[] = model.effects.map((e) => {
    const price = priceOf(e.benefit) as Price;
    const net = netPerFteYear(price);
    const ftePerYear =
      e.kind === "fte"
        ? yearArray(model.years, e.ftePerYear)
        : yearArray(model.years, e.participantsPerYear).map(
            (n) => (n * e.weeksSavedPerParticipant) / WEEKS_PER_YEAR,
          );
    return {
      kind: e.kind,
      benefit: e.benefit,
      label: e.label ?? e.benefit,
      netPerFteYear: net,
      ftePerYear,
      savingsPerYear: ftePerYear.map((f) => f * net),
    };
  });

  const staffCost = yearArray(model.years, []);
  const otherCosts = yearArray(model.years, []);
  for (const inv of model.investment) {
    staffCost[inv.year - 1] = (staffCost[inv.year - 1] ?? 0) + inv.staff * inv.staffCostPerYear;
    otherCosts[inv.year - 1] = (otherCosts[inv.year - 1] ?? 0) + inv.otherCosts;
  }
  const investment = staffCost.map((s, i) => s + (otherCosts[i] ?? 0));
  const savingsAt = (factor: number) =>
    investment.map((_, y) => effects.reduce((s, e) => s + (e.savingsPerYear[y] ?? 0), 0) * factor);
  const savings = savingsAt(1);

  let cumulative = 0;
  const years: YearResult[] = investment.map((inv, y) => {
    const sav = savings[y] ?? 0;
    cumulative += sav - inv;
    return {
      year: y + 1,
      fromMonth: addMonths(model.startMonth, y * 12),
      toMonth: addMonths(model.startMonth, y * 12 + 11),
      staffCost: staffCost[y] ?? 0,
      otherCosts: otherCosts[y] ?? 0,
      investment: inv,
      fte: effects.reduce((s, e) => s + (e.ftePerYear[y] ?? 0), 0),
      savings: sav,
      net: sav - inv,
      cumulative,
    };
  });
  const totalInvestment = investment.reduce((s, v) => s + v, 0);
  const roi = (net: number) => (totalInvestment > 0 ? (net / totalInvestment) * 100 : null);
  const monthly = monthlySeries(model.startMonth, investment, savings);
  const totalSavings = savings.reduce((s, v) => s + v, 0);

  const sensitivity = SENSITIVITY_FACTORS.map((factorPct) => {
    const sav = savingsAt(factorPct / 100);
    const total = sav.reduce((s, v) => s + v, 0);
    return {
      factorPct,
      savings: total,
      net: total - totalInvestment,
      roiPct: roi(total - totalInvestment),
      payback: paybackOf(monthlySeries(model.startMonth, investment, sav)),
    };
  });

  return {
    years,
    effects,
    monthly,
    totals: {
      investment: totalInvestment,
      savings: totalSavings,
      net: totalSavings - totalInvestment,
      fte: years.reduce((s, y) => s + y.fte, 0),
    },
    payback: paybackOf(monthly),
    roiPct: roi(totalSavings - totalInvestment),
    sensitivity,
  };
}
