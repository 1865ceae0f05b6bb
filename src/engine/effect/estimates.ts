/**
 * Step 5, estimates (DESIGN 9.1) per horizon and outcome (share, days): the aggregates in SQL,
 * one row per horizon; the arithmetic on them in `estimate` (pure):
 * difference = mean over matched treated − Σwᵢyᵢ ÷ Σwᵢ over controls;
 * se = √(s²ₜ ÷ nₜ + Σwᵢ²(yᵢ − ȳ_c)² ÷ (Σwᵢ)²), s²ₜ the treated sample variance (0 when nₜ = 1);
 * 95 % interval = difference ± 1.959963984540054 × se. No matched treated unit: all null.
 */
import type { EffectRow } from "../../domain/effect.ts";
import type { EffectDefinition } from "./definition.ts";
import { horizonsValues } from "./outcomes.ts";
import type { EffectTables } from "./tables.ts";

/** the 0.975 quantile of the standard normal distribution */
export const Z975 = 1.959963984540054;

/** One row of per-horizon aggregates (counted units only). */
export interface HorizonAggregates {
  idx: number;
  treated: number;
  matched: number;
  controls: number;
  share_t: number | null;
  share_var: number | null;
  days_t: number | null;
  days_var: number | null;
  sum_w: number | null;
  share_c: number | null;
  days_c: number | null;
  share_dev: number | null;
  days_dev: number | null;
}

export function estimatesSql(def: EffectDefinition, t: EffectTables): string {
  const matched = "WHERE match_level IS NOT NULL";
  return `WITH tr AS (
  SELECT idx, count(*) AS treated, count(match_level) AS matched,
    avg(share) FILTER (${matched}) AS share_t, var_samp(share) FILTER (${matched}) AS share_var,
    avg(days) FILTER (${matched}) AS days_t, var_samp(days) FILTER (${matched}) AS days_var
  FROM ${t.outcomes} WHERE treated GROUP BY idx
), ct AS (
  SELECT idx, count(*) AS controls, sum(weight) AS sum_w,
    sum(weight * share) / sum(weight) AS share_c, sum(weight * days) / sum(weight) AS days_c
  FROM ${t.outcomes} WHERE NOT treated GROUP BY idx
), dev AS (
  SELECT o.idx,
    sum(o.weight * o.weight * (o.share - ct.share_c) * (o.share - ct.share_c)) AS share_dev,
    sum(o.weight * o.weight * (o.days - ct.days_c) * (o.days - ct.days_c)) AS days_dev
  FROM ${t.outcomes} o JOIN ct ON ct.idx = o.idx WHERE NOT o.treated GROUP BY o.idx
)
SELECT hz.idx, COALESCE(tr.treated, 0) AS treated, COALESCE(tr.matched, 0) AS matched,
  COALESCE(ct.controls, 0) AS controls, tr.share_t, tr.share_var, tr.days_t, tr.days_var,
  ct.sum_w, ct.share_c, ct.days_c, dev.share_dev, dev.days_dev
FROM ${horizonsValues(def)}
LEFT JOIN tr ON tr.idx = hz.idx
LEFT JOIN ct ON ct.idx = hz.idx
LEFT JOIN dev ON dev.idx = hz.idx
ORDER BY hz.idx`;
}

/**
 * The output row of the `effect` command (DESIGN 9.1): the domain's `EffectRow`, so the engine,
 * the store and the effect page's words read one type.
 */
export type EffectEstimate = EffectRow;

interface OutcomeEstimate {
  treated: number | null;
  control: number | null;
  difference: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

const none: OutcomeEstimate = { treated: null, control: null, difference: null, ci_low: null, ci_high: null };

function outcomeEstimate(
  matched: number,
  meanT: number | null,
  varT: number | null,
  sumW: number | null,
  meanC: number | null,
  dev: number | null,
): OutcomeEstimate {
  if (matched === 0 || meanT === null || meanC === null || sumW === null || sumW <= 0) return none;
  const difference = meanT - meanC;
  const se = Math.sqrt((varT ?? 0) / matched + (dev ?? 0) / (sumW * sumW));
  return {
    treated: meanT,
    control: meanC,
    difference,
    ci_low: difference - Z975 * se,
    ci_high: difference + Z975 * se,
  };
}

/** The output row of one horizon from its aggregates. */
export function estimate(effect: string, horizon: number, a: HorizonAggregates): EffectEstimate {
  const share = outcomeEstimate(a.matched, a.share_t, a.share_var, a.sum_w, a.share_c, a.share_dev);
  const days = outcomeEstimate(a.matched, a.days_t, a.days_var, a.sum_w, a.days_c, a.days_dev);
  return {
    effect,
    horizon,
    treated: a.treated,
    matched: a.matched,
    unmatched: a.treated - a.matched,
    controls: a.controls,
    share_treated: share.treated,
    share_control: share.control,
    share_difference: share.difference,
    share_ci_low: share.ci_low,
    share_ci_high: share.ci_high,
    days_treated: days.treated,
    days_control: days.control,
    days_difference: days.difference,
    days_ci_low: days.ci_low,
    days_ci_high: days.ci_high,
  };
}
