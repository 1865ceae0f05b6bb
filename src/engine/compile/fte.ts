/**
 * fte (fuldtidspersoner), DESIGN 6.3: over P = the calendar month before D (`month`) or the 12
 * calendar months before D (`year`), the days of P covered by a person's matching records, each
 * day once (the union), summed over persons and divided by the days in P. Benefit and category
 * are filtered per record; age and project per person at D. The person need not be in the
 * population at D itself.
 *
 * The union is computed per month and person in one window pass over the records clipped to P,
 * sorted by start: a record adds the days of [s, e] after the latest end of the records before it
 * (those start no later, so they cover exactly [s, that end] of it), i.e.
 * max(0, e − max(s − 1, latest earlier end)). Summed, that is the number of days in the union.
 */
import type { MeasureTarget } from "../definition-parts.ts";
import type { MeasureSql } from "./shape.ts";
import { type CompileContext, list, minusMonths, personConditions, personJoin, where } from "./sql.ts";

/** the first day of the period P before D (`m.d`): 1 or 12 calendar months back */
export function ftePeriodStart(d: string, period: "month" | "year"): string {
  return minusMonths(d, period === "year" ? 12 : 1);
}

export function compileFte(
  def: MeasureTarget,
  m: { period: "month" | "year" },
  { rel }: CompileContext,
): MeasureSql {
  const pop = def.population;
  if (!pop) throw new Error(`Indikatoren ${def.id} mangler population`);
  const periodStart = ftePeriodStart("m.d", m.period);
  const conditions = [`r.benefit IN ${list(pop.benefits)}`];
  if (pop.categories) conditions.push(`r.category IN ${list(pop.categories)}`);
  conditions.push(...personConditions(pop, "r", "m.d", rel));
  return {
    ctes: [
      `clipped AS (
  SELECT m.d, r.person_key,
    greatest(r.start_date, ${periodStart}) AS s,
    least(COALESCE(r.end_date, m.d - 1), m.d - 1) AS e
  FROM months m
  JOIN ${rel.benefitRecords} r ON r.start_date <= m.d - 1 AND (r.end_date IS NULL OR r.end_date >= ${periodStart})
  ${personJoin(pop, "r", rel)}
  ${where(conditions)}
)`,
      `running AS (
  SELECT *, max(e) OVER (PARTITION BY d, person_key ORDER BY s, e
    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_e
  FROM clipped
)`,
      "units AS (SELECT d, greatest(0, e - greatest(s - 1, COALESCE(prev_e, s - 1))) AS x FROM running)",
    ],
    shape: { kind: "ratio", denominator: `m.d - ${periodStart}` },
    usesForloeb: false,
  };
}
