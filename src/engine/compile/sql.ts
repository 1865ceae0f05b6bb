/**
 * Small SQL building blocks shared by the measure compilers. Everything here is pure string
 * building; values come from validated definitions (codes match [a-z0-9-]), and are still quoted
 * properly so a definition can never change the query's structure.
 */
import type { Population } from "../definition.ts";

/**
 * The relations a compiled query reads. By default the snapshot's views (persons,
 * benefit_records, …) and the forløb relation; a run over many indicators instead points them
 * at per-run tables with integer person keys (see compile/prepare.ts). Every relation has the
 * columns of its view (wage hours may be pre-summed per person and month, which the measures
 * sum again, so the result is the same).
 */
export interface Relations {
  persons: string;
  benefitRecords: string;
  activities: string;
  wageHours: string;
  markers: string;
  forloeb: string;
}

/** How one compiled query finds its inputs. */
export interface CompileContext {
  rel: Relations;
  /**
   * A per-run table pop(d, person_key, course_start) already holding the population at every D
   * of the range (see popCte), when the run has materialized it for this population.
   */
  populationTable?: (pop: Population) => string | undefined;
}

/** A stable key of a population filter: equal filters (whatever their key order) share a key. */
export function populationKey(pop: Population): string {
  return JSON.stringify([
    [...pop.benefits].sort(),
    pop.categories ? [...pop.categories].sort() : null,
    pop.age?.min ?? null,
    pop.age?.max ?? null,
    pop.project ?? null,
  ]);
}

export const viewRelations: Relations = {
  persons: "persons",
  benefitRecords: "benefit_records",
  activities: "activities",
  wageHours: "wage_hours",
  markers: "markers",
  forloeb: "forloeb_records",
};

/** SQL string literal */
export function str(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** SQL numeric literal; rejects NaN/Infinity, which have no literal form. */
export function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Ugyldigt tal i definition: ${n}`);
  return String(n);
}

/** `('a', 'b')` for IN lists */
export function list(items: readonly string[]): string {
  return `(${items.map(str).join(", ")})`;
}

/** `x - N months` as a DATE. DuckDB clamps to the last day of a shorter month (2025-03-31 − 1 month = 2025-02-28), exactly DESIGN 6.3's rule. */
export function minusMonths(dateExpr: string, months: number): string {
  return `CAST(${dateExpr} - INTERVAL ${num(months)} MONTH AS DATE)`;
}

/**
 * Completed years from `birth` to `at`: a birthday on `at` counts. Compares month*100+day so
 * that no interval arithmetic is involved (a 29 February birthday is reached on 1 March in
 * non-leap years).
 */
export function ageAt(birth: string, at: string): string {
  return `(year(${at}) - year(${birth}) - CASE WHEN month(${at}) * 100 + day(${at}) < month(${birth}) * 100 + day(${birth}) THEN 1 ELSE 0 END)`;
}

/** "record active on date": start ≤ D and (end empty or end ≥ D) */
export function activeOn(alias: string, at: string): string {
  return `${alias}.start_date <= ${at} AND (${alias}.end_date IS NULL OR ${alias}.end_date >= ${at})`;
}

/** record overlaps the inclusive interval [from, to] */
export function overlaps(alias: string, from: string, to: string): string {
  return `${alias}.start_date <= ${to} AND (${alias}.end_date IS NULL OR ${alias}.end_date >= ${from})`;
}

export interface MonthRange {
  /** first month, YYYY-MM */
  from: string;
  /** last month, YYYY-MM (inclusive) */
  to: string;
}

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function checkMonth(m: string): void {
  if (!monthPattern.test(m)) throw new Error(`Ugyldig måned '${m}', forventet ÅÅÅÅ-MM`);
}

/** One row per month of the range with its reference date d (the 1st), generated set-based in SQL. */
export function monthsCte(range: MonthRange): string {
  checkMonth(range.from);
  checkMonth(range.to);
  return `months AS (
  SELECT CAST(g.d AS DATE) AS d
  FROM generate_series(DATE ${str(`${range.from}-01`)}, DATE ${str(`${range.to}-01`)}, INTERVAL 1 MONTH) AS g(d)
)`;
}

/**
 * Conditions on a benefit record `alias` (joined to persons `p` when `needsPerson`) for the
 * population filter, with age and project evaluated on the date `at`.
 */
export function populationConditions(
  pop: Population,
  alias: string,
  at: string,
  rel: Relations = viewRelations,
): string[] {
  const c = [`${alias}.benefit IN ${list(pop.benefits)}`];
  if (pop.categories) c.push(`${alias}.category IN ${list(pop.categories)}`);
  c.push(...personConditions(pop, alias, at, rel));
  return c;
}

/** The person-level parts of a population filter (age, project) on date `at`. */
export function personConditions(
  pop: Population,
  alias: string,
  at: string,
  rel: Relations = viewRelations,
): string[] {
  const c: string[] = [];
  if (pop.age?.min !== undefined) c.push(`${ageAt("p.birth_date", at)} >= ${num(pop.age.min)}`);
  if (pop.age?.max !== undefined) c.push(`${ageAt("p.birth_date", at)} <= ${num(pop.age.max)}`);
  if (pop.project) {
    c.push(`EXISTS (SELECT 1 FROM ${rel.markers} k WHERE k.person_key = ${alias}.person_key
      AND k.project = ${str(pop.project)} AND ${activeOn("k", at)})`);
  }
  return c;
}

/** Join to persons, needed only when the filter looks at age. */
export function personJoin(pop: Population, alias: string, rel: Relations = viewRelations): string {
  return pop.age ? `JOIN ${rel.persons} p ON p.person_key = ${alias}.person_key` : "";
}

export function where(conditions: string[]): string {
  return conditions.length === 0 ? "" : `WHERE ${conditions.join("\n    AND ")}`;
}
