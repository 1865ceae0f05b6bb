/**
 * The business case of an investment project (DESIGN 7, seed 001): the investment per year
 * (staff × yearly cost + other costs) against the savings the expected effects bring (full-time
 * persons saved per benefit, or weeks saved per participant × participants, × the net price per
 * full-time person), the net result per year and cumulative, the payback month, the return on
 * investment, and the sensitivity of all of it to the effect size (50/75/100/125 %).
 *
 * Within a year, investment is spread evenly over its twelve months. Savings start when the effects
 * start (`effectStartMonth`, default the first project month): an effect of N full-time persons in a
 * year saves N × net price ÷ 12 in each of that year's months from the effect start on, nothing
 * before. The payback month is the first month, from the effects' start, whose cumulative net
 * result is ≥ 0 (so a project is never "paid back" before any effect has saved anything).
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
    /** first month with savings (the effects start); default startMonth */
    effectStartMonth: month.optional(),
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
    if (
      m.effectStartMonth !== undefined &&
      (m.effectStartMonth < m.startMonth || m.effectStartMonth > addMonths(m.startMonth, m.years * 12 - 1))
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["effectStartMonth"],
        message: `effekterne skal starte inden for projektets periode (${m.startMonth} – ${addMonths(m.startMonth, m.years * 12 - 1)})`,
      });
    }
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
  /**
   * full-time persons saved per project year (weeks effects converted: weeks × participants ÷ 52),
   * counted from the effects' start: a year the effects start in month 4 counts 9/12 of its rate
   */
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

/** whole months from a to b (b ≥ a) */
function monthsBetween(a: Month, b: Month): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

function yearArray(years: number, values: readonly number[]): number[] {
  return Array.from({ length: years }, (_, i) => values[i] ?? 0);
}

/** Months of project year y (0-based) from the effects' start (0-based month index) on. */
function activeMonths(y: number, effectStart: number): number {
  return Math.max(0, Math.min(12, (y + 1) * 12 - effectStart));
}

/** savingsPerYear: what each year saves from the effects' start on, spread over those months */
function monthlySeries(
  startMonth: Month,
  investmentPerYear: number[],
  savingsPerYear: number[],
  effectStart: number,
): MonthResult[] {
  const out: MonthResult[] = [];
  let ci = 0;
  let cs = 0;
  investmentPerYear.forEach((inv, y) => {
    const active = activeMonths(y, effectStart);
    for (let m = 0; m < 12; m++) {
      const sav = active > 0 && y * 12 + m >= effectStart ? (savingsPerYear[y] ?? 0) / active : 0;
      ci += inv / 12;
      cs += sav;
      out.push({
        month: addMonths(startMonth, y * 12 + m),
        investment: inv / 12,
        savings: sav,
        cumulativeInvestment: ci,
        cumulativeSavings: cs,
        cumulativeNet: cs - ci,
      });
    }
  });
  return out;
}

function paybackOf(monthly: MonthResult[], effectStart: number): Payback | null {
  const i = monthly.findIndex(
    (m, index) => index >= effectStart && m.cumulativeSavings > EPS && m.cumulativeNet >= -EPS,
  );
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
  // 0-based month index of the effects' start
  const effectStart = model.effectStartMonth ? monthsBetween(model.startMonth, model.effectStartMonth) : 0;
  const activeShare = (y: number) => activeMonths(y, effectStart) / 12;

  const effects: EffectResult[] = model.effects.map((e) => {
    const price = priceOf(e.benefit) as Price;
    const net = netPerFteYear(price);
    const ratePerYear =
      e.kind === "fte"
        ? yearArray(model.years, e.ftePerYear)
        : yearArray(model.years, e.participantsPerYear).map(
            (n) => (n * e.weeksSavedPerParticipant) / WEEKS_PER_YEAR,
          );
    const ftePerYear = ratePerYear.map((f, y) => f * activeShare(y));
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
  const monthly = monthlySeries(model.startMonth, investment, savings, effectStart);
  const totalSavings = savings.reduce((s, v) => s + v, 0);

  const sensitivity = SENSITIVITY_FACTORS.map((factorPct) => {
    const sav = savingsAt(factorPct / 100);
    const total = sav.reduce((s, v) => s + v, 0);
    return {
      factorPct,
      savings: total,
      net: total - totalInvestment,
      roiPct: roi(total - totalInvestment),
      payback: paybackOf(monthlySeries(model.startMonth, investment, sav, effectStart), effectStart),
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
    payback: paybackOf(monthly, effectStart),
    roiPct: roi(totalSavings - totalInvestment),
    sensitivity,
  };
}
