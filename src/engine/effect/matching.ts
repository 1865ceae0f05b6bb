/**
 * Step 3, coarsened exact matching (DESIGN 9.1), set-based: strata are window partitions.
 * - level 0 stratum: (D, benefit, category, duration band, age band, sex, prior band);
 *   level 1 drops sex and prior band; level 2 also drops the age band.
 * - c_L = control units in the unit's level-L stratum (a window count); a treated unit is
 *   matched at the first level with c_L > 0; without one it is unmatched (level NULL).
 * - t_L = treated units matched at level L in the stratum (a second window count); every control
 *   in the stratum gains t_L ÷ c_L, summed over the three levels: its weight. Weights are fixed
 *   here, before any horizon is looked at.
 */
import { create, type EffectStatement, type EffectTables } from "./tables.ts";

const level2 = "d, benefit, category, duration_band";
const level1 = `${level2}, age_band`;
const level0 = `${level1}, sex, prior_band`;

export function matchingStatements(t: EffectTables): EffectStatement[] {
  const controls = (keys: string) => `sum(CASE WHEN treated THEN 0 ELSE 1 END) OVER (PARTITION BY ${keys})`;
  const treatedAt = (level: number, keys: string) =>
    `sum(CASE WHEN match_level = ${level} THEN 1 ELSE 0 END) OVER (PARTITION BY ${keys})`;
  return [
    create(
      "(matchning)",
      t.matched,
      `WITH counted AS (
  SELECT *, ${controls(level0)} AS c0, ${controls(level1)} AS c1, ${controls(level2)} AS c2
  FROM ${t.covariates}
), leveled AS (
  SELECT *, CASE WHEN NOT treated THEN NULL WHEN c0 > 0 THEN 0 WHEN c1 > 0 THEN 1 WHEN c2 > 0 THEN 2 END AS match_level
  FROM counted
), weighted AS (
  SELECT *, ${treatedAt(0, level0)} AS t0, ${treatedAt(1, level1)} AS t1, ${treatedAt(2, level2)} AS t2
  FROM leveled
)
SELECT d, person_key, treated, match_level,
  CASE WHEN treated THEN NULL
    ELSE CAST(t0 AS DOUBLE) / c0 + CAST(t1 AS DOUBLE) / c1 + CAST(t2 AS DOUBLE) / c2 END AS weight
FROM weighted`,
    ),
  ];
}
