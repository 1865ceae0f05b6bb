/**
 * fte (fuldtidspersoner), DESIGN 6.3: over P = the calendar month before D (`month`) or the 12
 * calendar months before D (`year`), the days of P covered by a person's matching records, each
 * day once (the union), summed over persons and divided by the days in P. Benefit and category
 * are filtered per record; age and project per person at D. The person need not be in the
 * population at D itself.
 *
 * The union is computed per month and person with the same gaps-and-islands technique as the
 * forløb, on the records clipped to P; each island then contributes end − start + 1 days.
 */
import type { IndicatorDefinition, Measure } from "../definition.ts";
import type { MeasureSql } from "./shape.ts";
import {
  type CompileContext,
  list,
  minusMonths,
  personConditions,
  personJoin,
  viewRelations,
  where,
} from "./sql.ts";

type FteMeasure = Extract<Measure, { kind: "fte" }>;

export function compileFte(
  def: IndicatorDefinition,
  m: FteMeasure,
  { rel }: CompileContext = { rel: viewRelations },
): MeasureSql {
  const pop = def.population;
  if (!pop) throw new Error(`Indikatoren ${def.id} mangler population`);
  const periodStart = minusMonths("m.d", m.period === "year" ? 12 : 1);
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
      `islands AS (
  SELECT *, sum(CASE WHEN prev_e IS NULL OR s > prev_e + 1 THEN 1 ELSE 0 END)
    OVER (PARTITION BY d, person_key ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS island
  FROM running
)`,
      "units AS (SELECT d, max(e) - min(s) + 1 AS x FROM islands GROUP BY d, person_key, island)",
    ],
    shape: { kind: "ratio", denominator: `m.d - ${periodStart}` },
    usesForloeb: false,
  };
}
