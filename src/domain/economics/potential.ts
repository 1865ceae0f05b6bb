/**
 * The economic potential of a project (potentialeberegning, DESIGN 7, seed 004 table 2):
 * reduced full-time persons per benefit × the net cost per full-time person per year.
 *
 * Rounding: every amount is computed from exact prices and rounded half up to whole kroner only
 * when shown; the total is the rounded exact sum. Seed 004: 2 × 118.804,11 + 2 × 65.090,88 +
 * 2 × 131.469,03 = 630.728,03 → 630.728 kr.
 */
import { z } from "zod";
import { roundHalfUp } from "../format.ts";
import { dottedPath } from "../zod-da.ts";
import { netPerFteYear, WEEKS_PER_YEAR } from "./prices.ts";

/** The `input` shape of seed-tables.json's potentialeberegning (snake_case, as on disk). */
export const potentialInputSchema = z
  .object({
    prices: z
      .array(
        z.object({
          benefit: z.string().min(1),
          gross_per_fte_year: z.number().nonnegative(),
          refusion_pct: z.number().min(0).max(100),
        }),
      )
      .min(1),
    reduced_fte: z.record(z.string(), z.number()),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.prices.forEach((p, i) => {
      if (seen.has(p.benefit)) {
        ctx.addIssue({
          code: "custom",
          path: ["prices", i, "benefit"],
          message: `ydelsen ${p.benefit} står to gange`,
        });
      }
      seen.add(p.benefit);
    });
    for (const benefit of Object.keys(input.reduced_fte)) {
      if (!seen.has(benefit)) {
        ctx.addIssue({
          code: "custom",
          path: ["reduced_fte", benefit],
          message: `der er ingen pris for ydelsen ${benefit} i prices`,
        });
      }
    }
  });
export type PotentialInput = z.infer<typeof potentialInputSchema>;

/** The `expect` shape: whole kroner per benefit and in total. */
export interface PotentialResult {
  net_per_fte_year: Record<string, number>;
  weekly_price: Record<string, number>;
  reduced_amount: Record<string, number>;
  total_reduced_fte: number;
  total_reduced_amount: number;
}

export interface PotentialLine {
  benefit: string;
  grossPerFteYear: number;
  refusionPct: number;
  net: number;
  weekly: number;
  reducedFte: number;
  amount: number;
}

export interface PotentialDetail {
  lines: PotentialLine[];
  totalFte: number;
  totalAmount: number;
}

/** Exact figures per benefit (for tables and business cases). */
export function potentialDetail(input: PotentialInput): PotentialDetail {
  const lines = input.prices.map((p) => {
    const net = netPerFteYear({
      benefit: p.benefit,
      grossPerFteYear: p.gross_per_fte_year,
      refusionPct: p.refusion_pct,
    });
    const reducedFte = input.reduced_fte[p.benefit] ?? 0;
    return {
      benefit: p.benefit,
      grossPerFteYear: p.gross_per_fte_year,
      refusionPct: p.refusion_pct,
      net,
      weekly: net / WEEKS_PER_YEAR,
      reducedFte,
      amount: reducedFte * net,
    };
  });
  return {
    lines,
    totalFte: lines.reduce((s, l) => s + l.reducedFte, 0),
    totalAmount: lines.reduce((s, l) => s + l.amount, 0),
  };
}

/** The potential in the golden file's `expect` shape. */
export function computePotential(input: PotentialInput): PotentialResult {
  const detail = potentialDetail(input);
  const result: PotentialResult = {
    net_per_fte_year: {},
    weekly_price: {},
    reduced_amount: {},
    total_reduced_fte: roundHalfUp(detail.totalFte, 6),
    total_reduced_amount: roundHalfUp(detail.totalAmount),
  };
  for (const l of detail.lines) {
    result.net_per_fte_year[l.benefit] = roundHalfUp(l.net);
    result.weekly_price[l.benefit] = roundHalfUp(l.weekly);
    if (l.benefit in input.reduced_fte) result.reduced_amount[l.benefit] = roundHalfUp(l.amount);
  }
  return result;
}

/** Parses untrusted input (a file, a request body) into a PotentialInput or Danish error lines. */
export function parsePotentialInput(
  raw: unknown,
): { ok: true; input: PotentialInput } | { ok: false; errors: string[] } {
  const parsed = potentialInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => `felt «${dottedPath(i.path) || "(rod)"}»: ${i.message}`),
  };
}
