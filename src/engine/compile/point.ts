/**
 * Measures on the population at the reference date D (DESIGN 6.1 "Population at D"):
 * stock, the activity and wage-hour shares, the Delaftale 2 measures and duration shares.
 * Each produces a `units` CTE with one row per population person (per month). One small compiler
 * per measure kind; the catalogue (../measures.ts) names which kind uses which.
 */
import type { ActivityCode, MeasureTarget, Population } from "../definition-parts.ts";
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

/** units(d, hit) over `from` (pop or pop_hours), optionally filtered */
function units(hit: string, filter = "", from = "pop"): string {
  return `units AS (\n  SELECT u.d, ${hit} AS hit\n  FROM ${from} u\n  ${filter}\n)`;
}

/** the start of the calendar month before D */
const lastMonth = minusMonths("u.d", 1);

/**
 * The `pop` CTE of a point measure: the run's materialized population when there is one
 * (then the forløb is not read), else computed from the forløb.
 */
function populationCtes(def: MeasureTarget, ctx: CompileContext): { ctes: string[]; usesForloeb: boolean } {
  const pop = def.population;
  if (!pop) throw new Error(`Indikatoren ${def.id} mangler population`);
  const table = ctx.populationTable?.(pop);
  return {
    ctes: [table ? `pop AS (SELECT d, person_key, course_start FROM ${table})` : popCte(pop, ctx.rel)],
    usesForloeb: !table,
  };
}

/** A share over the population: the `units` CTEs built on top of `pop`. */
function populationShare(
  def: MeasureTarget,
  ctx: CompileContext,
  ctes: (rel: Relations) => string[],
): MeasureSql {
  const p = populationCtes(def, ctx);
  return { ctes: [...p.ctes, ...ctes(ctx.rel)], shape: { kind: "share" }, usesForloeb: p.usesForloeb };
}

export function compileStock(def: MeasureTarget, _m: unknown, ctx: CompileContext): MeasureSql {
  const p = populationCtes(def, ctx);
  return {
    ctes: [...p.ctes, "units AS (SELECT d FROM pop)"],
    shape: { kind: "count" },
    usesForloeb: p.usesForloeb,
  };
}

export function compileWageHoursShare(def: MeasureTarget, m: { above: number }, ctx: CompileContext) {
  return populationShare(def, ctx, (rel) => [
    popHoursCte(rel, lastMonth, "u.d"),
    units(`u.hours > ${num(m.above)}`, "", "pop_hours"),
  ]);
}

export function compileActivityShare(def: MeasureTarget, m: { kinds: ActivityCode[] }, ctx: CompileContext) {
  return populationShare(def, ctx, (rel) => [units(activityExists(rel, m.kinds, activeOn("a", "u.d")))]);
}

export function compileNoActivityShare(
  def: MeasureTarget,
  m: { kinds?: ActivityCode[] | undefined },
  ctx: CompileContext,
) {
  return populationShare(def, ctx, (rel) => [
    units(`NOT ${activityExists(rel, m.kinds, activeOn("a", "u.d"))}`),
  ]);
}

/** Delaftale 2: an activity overlapping [D − 365, D − 1] or ≥ min_hours in the 12 calendar months before D's month */
export function compileCompanyOriented12m(
  def: MeasureTarget,
  m: { kinds: ActivityCode[]; min_hours: number },
  ctx: CompileContext,
) {
  return populationShare(def, ctx, (rel) => {
    const activity = activityExists(rel, m.kinds, overlaps("a", "u.d - 365", "u.d - 1"));
    const long = "WHERE u.d - u.course_start >= 365";
    return [
      popHoursCte(rel, minusMonths("u.d", 12), "u.d", long),
      units(`(${activity} OR u.hours >= ${num(m.min_hours)})`, "", "pop_hours"),
    ];
  });
}

export function compileCompanyOrientedFirstWeeks(
  def: MeasureTarget,
  m: { weeks: number; kinds: ActivityCode[] },
  ctx: CompileContext,
) {
  return populationShare(def, ctx, (rel) => {
    const days = 7 * m.weeks;
    const activity = activityExists(
      rel,
      m.kinds,
      overlaps("a", "u.course_start", `u.course_start + ${num(days - 1)}`),
    );
    return [units(activity, `WHERE u.d - u.course_start >= ${num(days)}`)];
  });
}

export function compileDurationOverShare(def: MeasureTarget, m: { days: number }, ctx: CompileContext) {
  return populationShare(def, ctx, () => [units(`u.d - u.course_start > ${num(m.days)}`)]);
}

/** weekly hours = the month's hours × 7 ÷ days in that month; no wage rows = 0 hours */
export function compileWeeklyHoursShare(
  def: MeasureTarget,
  m: { min: number; max?: number | undefined },
  ctx: CompileContext,
) {
  return populationShare(def, ctx, (rel) => {
    const weekly = `(u.hours * 7 / CAST(u.d - ${lastMonth} AS DOUBLE))`;
    const upper = m.max === undefined ? "" : ` AND ${weekly} <= ${num(m.max)}`;
    return [
      popHoursCte(rel, lastMonth, "u.d"),
      units(`(${weekly} >= ${num(m.min)}${upper})`, "", "pop_hours"),
    ];
  });
}
