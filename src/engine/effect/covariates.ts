/**
 * Step 2, covariates (DESIGN 9.1) of every unit at its D:
 * - (benefit, category): from units.ts;
 * - duration band of D − forløb start (days < 91, < 182, < 365, < 730, ≥ 730 → 0…4);
 * - age band at D (< 25, < 30, < 40, < 50, < 60, ≥ 60 → 0…5);
 * - sex (persons.sex: `koen`, else derived from the CPR at import);
 *   (the import gives every person a sex and birth date; should one be missing, sex '' and age
 *   band −1 are a stratum value of their own, never NULL, so strata join on plain equality)
 * - prior-support band: days of [D − 365 days, D − 1 day] covered by the person's records of
 *   `outcome_benefits` (the union: no day twice) = 0, 1–182, ≥ 183 → 0…2.
 *
 * The union is taken once per person: `support` holds the person's outcome-benefit records
 * merged into disjoint intervals (gaps and islands; an open end is a far-future date), so the
 * days of any window are the summed overlaps of those intervals with it. outcomes.ts reads the
 * same table.
 */
import { ageAt, list } from "../compile/sql.ts";
import type { EffectDefinition } from "./definition.ts";
import {
  create,
  type EffectInputs,
  type EffectStatement,
  type EffectTables,
  sessionInputs,
} from "./tables.ts";

const openEnd = "DATE '9999-12-31'";

/** the days of [from, to] covered by the support interval alias `s` (0 when they do not overlap) */
export function coveredDays(s: string, from: string, to: string): string {
  return `CASE WHEN ${s}.start_date <= ${to} AND ${s}.end_date >= ${from}
    THEN least(${s}.end_date, ${to}) - greatest(${s}.start_date, ${from}) + 1 ELSE 0 END`;
}

export function covariatesStatements(
  def: EffectDefinition,
  t: EffectTables,
  inputs: EffectInputs = sessionInputs,
): EffectStatement[] {
  const benefitFilter = def.outcome_benefits ? `WHERE r.benefit IN ${list(def.outcome_benefits)}` : "";
  return [
    create(
      "(ydelsesdage)",
      t.support,
      `WITH recs AS (
  SELECT pe.pid, r.start_date, COALESCE(r.end_date, ${openEnd}) AS end_c
  FROM ${inputs.benefitRecords} r
  JOIN ${t.people} pe ON pe.person_key = r.person_key
  ${benefitFilter}
), marked AS (
  SELECT *, max(end_c) OVER (PARTITION BY pid ORDER BY start_date, end_c
    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
  FROM recs
), numbered AS (
  SELECT *, sum(CASE WHEN prev_end IS NULL OR start_date > prev_end + 1 THEN 1 ELSE 0 END)
    OVER (PARTITION BY pid ORDER BY start_date, end_c ROWS UNBOUNDED PRECEDING) AS island
  FROM marked
)
SELECT pid, min(start_date) AS start_date, max(end_c) AS end_date
FROM numbered
GROUP BY pid, island`,
    ),
    create(
      "(kovariater)",
      t.covariates,
      `WITH prior AS (
  SELECT u.uid, COALESCE(sum(${coveredDays("s", "u.d - 365", "u.d - 1")}), 0) AS days
  FROM ${t.units} u
  LEFT JOIN ${t.support} s ON s.pid = u.pid AND s.start_date <= u.d - 1 AND s.end_date >= u.d - 365
  GROUP BY u.uid
), raw AS (
  SELECT u.uid, u.d, u.pid, u.person_key, u.treated, u.benefit, u.category, u.sex,
    u.d - u.course_start AS duration, ${ageAt("u.birth_date", "u.d")} AS age, prior.days AS prior_days
  FROM ${t.units} u
  JOIN prior ON prior.uid = u.uid
)
SELECT uid, d, pid, person_key, treated, benefit, category, COALESCE(sex, '') AS sex,
  CASE WHEN duration < 91 THEN 0 WHEN duration < 182 THEN 1 WHEN duration < 365 THEN 2
    WHEN duration < 730 THEN 3 ELSE 4 END AS duration_band,
  CASE WHEN age IS NULL THEN -1 WHEN age < 25 THEN 0 WHEN age < 30 THEN 1 WHEN age < 40 THEN 2 WHEN age < 50 THEN 3
    WHEN age < 60 THEN 4 ELSE 5 END AS age_band,
  CASE WHEN prior_days = 0 THEN 0 WHEN prior_days <= 182 THEN 1 ELSE 2 END AS prior_band
FROM raw`,
    ),
  ];
}
