/**
 * The price catalogue (DESIGN 7, seed 004 table 1): per benefit and budget year the gross cost of
 * one full-time person per year and the average refusion %. Net and weekly price are derived:
 *   net = gross × (1 − refusion % ÷ 100), weekly price = net ÷ 52.
 * Values are kept exact; rounding to whole kroner happens only for display (roundHalfUp).
 */
import { z } from "zod";
import { roundHalfUp } from "../format.ts";

export const WEEKS_PER_YEAR = 52;

/** Canonical benefit codes (DESIGN 4) with their Danish names as the seeds write them. */
export const BENEFIT_NAMES: Record<string, string> = {
  "a-dagpenge": "A-dagpenge",
  kontanthjaelp: "Kontanthjælp",
  uddannelseshjaelp: "Uddannelseshjælp",
  selvforsoergelsesydelse: "Selvforsørgelses- og hjemrejseydelse",
  sygedagpenge: "Sygedagpenge",
  jobafklaring: "Jobafklaringsforløb",
  ressourceforloeb: "Ressourceforløbsydelse",
  ledighedsydelse: "Ledighedsydelse",
  fleksjob: "Fleksjob",
  revalidering: "Revalidering",
  foertidspension: "Førtidspension",
};
export const BENEFIT_CODES = Object.keys(BENEFIT_NAMES);

export function benefitName(code: string): string {
  return BENEFIT_NAMES[code] ?? code;
}

export const benefitCode = z.string().refine((v) => v in BENEFIT_NAMES, {
  message: `ukendt ydelse; brug en af: ${Object.keys(BENEFIT_NAMES).join(", ")}`,
});

export const priceInputSchema = z.object({
  benefit: benefitCode,
  budgetYear: z.number().int().min(2000).max(2100),
  grossPerFteYear: z.number().nonnegative(),
  refusionPct: z.number().min(0).max(100),
  sourceNote: z.string().max(500).default(""),
});
export type PriceInput = z.infer<typeof priceInputSchema>;

export interface Price {
  benefit: string;
  grossPerFteYear: number;
  refusionPct: number;
}

/** net cost per full-time person per year, exact */
export function netPerFteYear(price: Price): number {
  return price.grossPerFteYear * (1 - price.refusionPct / 100);
}

export interface PriceRow extends Price {
  benefitName: string;
  net: number;
  weekly: number;
  /** whole kroner as shown */
  netRounded: number;
  weeklyRounded: number;
}

export function priceRow(price: Price): PriceRow {
  const net = netPerFteYear(price);
  const weekly = net / WEEKS_PER_YEAR;
  return {
    ...price,
    benefitName: benefitName(price.benefit),
    net,
    weekly,
    netRounded: roundHalfUp(net),
    weeklyRounded: roundHalfUp(weekly),
  };
}

export interface CataloguePrice extends Price {
  budgetYear: number;
}

/**
 * The price to use for a benefit in a year: that budget year's, else the latest earlier one, else
 * the earliest later one (a project running before the first catalogue year), else undefined.
 */
export function priceFor<T extends CataloguePrice>(
  catalogue: readonly T[],
  benefit: string,
  year: number,
): T | undefined {
  const forBenefit = catalogue
    .filter((p) => p.benefit === benefit)
    .sort((a, b) => a.budgetYear - b.budgetYear);
  const earlier = forBenefit.filter((p) => p.budgetYear <= year);
  return earlier.at(-1) ?? forBenefit[0];
}
