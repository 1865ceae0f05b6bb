/**
 * Step 4, outcomes (DESIGN 9.1) of each unit the estimates use (treated units, matched or not,
 * and controls with weight > 0) at each horizon h, with H = D + h months:
 * - share = 100 when a record of `outcome_benefits` is active on H (a support interval covers
 *   H), else 0;
 * - days = days of [D, H − 1] (h > 0) or [H, D − 1] (h < 0) covered by such records (union);
 * - only units that count at h are kept: for h > 0 those with H ≤ the extraction date (whole
 *   months drop out, treated and controls alike); for h < 0 all.
 */
import { num, str } from "../compile/sql.ts";
import { coveredDays } from "./covariates.ts";
import type { EffectDefinition } from "./definition.ts";
import { create, type EffectStatement, type EffectTables } from "./tables.ts";

/** horizons(idx, h): the definition's horizons in its order */
export function horizonsValues(def: EffectDefinition): string {
  return `(VALUES ${def.horizons.map((h, i) => `(${i}, ${num(h)})`).join(", ")}) AS hz(idx, h)`;
}

export function outcomesStatements(
  def: EffectDefinition,
  t: EffectTables,
  extractionDate: string,
): EffectStatement[] {
  return [
    create(
      "(udfald)",
      t.outcomes,
      `WITH units AS (
  SELECT uid, d, pid, treated, match_level, weight FROM ${t.matched} WHERE treated OR weight > 0
), windows AS (
  SELECT u.*, hz.idx, hz.h, CAST(u.d + to_months(hz.h) AS DATE) AS hd
  FROM units u CROSS JOIN ${horizonsValues(def)}
), counted AS (
  SELECT *, CASE WHEN h > 0 THEN d ELSE hd END AS w_from, CASE WHEN h > 0 THEN hd - 1 ELSE d - 1 END AS w_to
  FROM windows
  WHERE h < 0 OR hd <= DATE ${str(extractionDate)}
)
SELECT c.idx, c.uid, any_value(c.treated) AS treated, any_value(c.match_level) AS match_level,
  any_value(c.weight) AS weight,
  CAST(COALESCE(sum(${coveredDays("s", "c.w_from", "c.w_to")}), 0) AS DOUBLE) AS days,
  CASE WHEN COALESCE(bool_or(s.start_date <= c.hd AND s.end_date >= c.hd), false) THEN 100.0 ELSE 0.0 END AS share
FROM counted c
LEFT JOIN ${t.support} s ON s.pid = c.pid
  AND s.start_date <= greatest(c.w_to, c.hd) AND s.end_date >= least(c.w_from, c.hd)
GROUP BY c.idx, c.uid`,
    ),
  ];
}
