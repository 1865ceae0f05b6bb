/**
 * Measures on the population at the reference date D (DESIGN 6.1 "Population at D"):
 * stock, the activity and wage-hour shares, the Delaftale 2 measures and duration shares.
 * Each produces a `units` CTE with one row per population person (per month).
 */
import type { IndicatorDefinition, Measure, Population } from "../definition.ts";
import type { MeasureSql } from "./shape.ts";
import {
  activeOn,
  type CompileContext,
  list,
  minusMonths,
  num,
  overlaps,
  personJoin,
  populationConditions,
  type Relations,
  viewRelations,
  where,
} from "./sql.ts";

/**
 * pop(d, person_key, course_start): persons with a matching record active on d. course_start is
 * the start of the forløb containing a matching active record, the earliest when several match;
 * duration at D = d − course_start.
 */
export function popCte(pop: Population, rel: Relations = viewRelations): string {
  return `pop AS (\n${popSelect(pop, rel)}\n)`;
}

/** The SELECT of popCte, over the relation `months` and `rel.forloeb`. */
export function popSelect(pop: Population, rel: Relations = viewRelations): string {
  return `  SELECT m.d, f.person_key, min(f.course_start) AS course_start
  FROM months m
  JOIN ${rel.forloeb} f ON ${activeOn("f", "m.d")}
  ${personJoin(pop, "f", rel)}
  ${where(populationConditions(pop, "f", "m.d", rel))}
  GROUP BY m.d, f.person_key`;
}

/** an activity of `kinds` (all kinds when absent) of the pop person matching `condition` on alias a */
function activityExists(rel: Relations, kinds: readonly string[] | undefined, condition: string): string {
  const kindFilter = kinds ? ` AND a.kind IN ${list(kinds)}` : "";
  return `EXISTS (SELECT 1 FROM ${rel.activities} a WHERE a.person_key = u.person_key${kindFilter} AND ${condition})`;
}

/**
 * pop_hours: pop with each person's wage hours summed over the months [from, to) (first-of-month
 * dates; several rows in a month add up), 0 without wage rows. The raw wage rows are joined to
 * the population before summing, so only the population's rows are aggregated, not the whole
 * wage table.
 */
function popHoursCte(rel: Relations, from: string, to: string, filter = ""): string {
  return `pop_hours AS (
  SELECT u.d, u.person_key, u.course_start, COALESCE(sum(w.hours), 0) AS hours
  FROM pop u
  LEFT JOIN ${rel.wageHours} w ON w.person_key = u.person_key AND w.month >= ${from} AND w.month < ${to}
  ${filter}
  GROUP BY u.d, u.person_key, u.course_start
)`;
}

type PointMeasure = Extract<
  Measure,
  {
    kind:
      | "stock"
      | "wage_hours_share"
      | "activity_share"
      | "no_activity_share"
      | "company_oriented_12m"
      | "company_oriented_first_weeks"
      | "duration_over_share"
      | "weekly_hours_share";
  }
>;

export function isPointMeasure(m: Measure): m is PointMeasure {
  return [
    "stock",
    "wage_hours_share",
    "activity_share",
    "no_activity_share",
    "company_oriented_12m",
    "company_oriented_first_weeks",
    "duration_over_share",
    "weekly_hours_share",
  ].includes(m.kind);
}

export function compilePoint(
  def: IndicatorDefinition,
  m: PointMeasure,
  ctx: CompileContext = { rel: viewRelations },
): MeasureSql {
  const pop = def.population;
  if (!pop) throw new Error(`Indikatoren ${def.id} mangler population`);
  const { rel } = ctx;
  const table = ctx.populationTable?.(pop);
  const ctes = [table ? `pop AS (SELECT d, person_key, course_start FROM ${table})` : popCte(pop, rel)];
  const units = (hit: string, filter = "", from = "pop") =>
    `units AS (\n  SELECT u.d, ${hit} AS hit\n  FROM ${from} u\n  ${filter}\n)`;
  const lastMonth = minusMonths("u.d", 1);
  switch (m.kind) {
    case "stock":
      ctes.push("units AS (SELECT d FROM pop)");
      return { ctes, shape: { kind: "count" }, usesForloeb: !table };
    case "wage_hours_share":
      ctes.push(popHoursCte(rel, lastMonth, "u.d"), units(`u.hours > ${num(m.above)}`, "", "pop_hours"));
      break;
    case "activity_share":
      ctes.push(units(activityExists(rel, m.kinds, activeOn("a", "u.d"))));
      break;
    case "no_activity_share":
      ctes.push(units(`NOT ${activityExists(rel, m.kinds, activeOn("a", "u.d"))}`));
      break;
    case "company_oriented_12m": {
      // Delaftale 2: an activity overlapping [D − 365, D − 1] or ≥ min_hours in the 12 calendar months before D's month
      const activity = activityExists(rel, m.kinds, overlaps("a", "u.d - 365", "u.d - 1"));
      const long = "WHERE u.d - u.course_start >= 365";
      ctes.push(
        popHoursCte(rel, minusMonths("u.d", 12), "u.d", long),
        units(`(${activity} OR u.hours >= ${num(m.min_hours)})`, "", "pop_hours"),
      );
      break;
    }
    case "company_oriented_first_weeks": {
      const days = 7 * m.weeks;
      const activity = activityExists(
        rel,
        m.kinds,
        overlaps("a", "u.course_start", `u.course_start + ${num(days - 1)}`),
      );
      ctes.push(units(activity, `WHERE u.d - u.course_start >= ${num(days)}`));
      break;
    }
    case "duration_over_share":
      ctes.push(units(`u.d - u.course_start > ${num(m.days)}`));
      break;
    case "weekly_hours_share": {
      // weekly hours = the month's hours × 7 ÷ days in that month; no wage rows = 0 hours
      const weekly = `(u.hours * 7 / CAST(u.d - ${lastMonth} AS DOUBLE))`;
      const upper = m.max === undefined ? "" : ` AND ${weekly} <= ${num(m.max)}`;
      ctes.push(
        popHoursCte(rel, lastMonth, "u.d"),
        units(`(${weekly} >= ${num(m.min)}${upper})`, "", "pop_hours"),
      );
      break;
    }
  }
  return { ctes, shape: { kind: "share" }, usesForloeb: !table };
}
