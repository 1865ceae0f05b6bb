/**
 * Per-run helper tables for computing a whole definition set over a month range (pure SQL
 * building; execute.ts runs the statements). Built once per run and shared by every indicator:
 *
 * - run_benefit_records: the benefit records of every (person, benefit) with a record ending on
 *   or after the earliest date any of the run's measures can look at (`earliestEnd`), whole
 *   (every record of such a person and benefit, so its forløb come out as from all records).
 *   The decades of history before that cannot touch the months computed.
 * - run_wage_hours: wage hours summed per person and month, only for the months a measure can
 *   look at (the 12 calendar months before the first D up to the last D) and only for persons
 *   of the populations of the wage measures (built last, from their run_pop tables).
 * - run_forloeb: the forløb over run_benefit_records (forloebRunSelectFrom: one window pass, the
 *   full computation only for chains of several records), or, when the import stored the
 *   snapshot's forløb (PrepareOptions.storedForloeb), those of the run's (person, benefit) pairs,
 *   and run_benefit_records then a view of them (a stored forløb row is a record plus its
 *   course); run_active: its rows active on some D of the range, the only ones a population can
 *   contain.
 * - run_pop_N: the population pop(d, person_key, course_start) of each distinct population
 *   filter of a point measure, for every D of the range; indicators with the same population
 *   (e.g. a stock and its shares) read it instead of recomputing it.
 *
 * persons, activities and markers are read as they are. (Mapping the 64-character person keys
 * to integers first was tried: the mapping joins cost about what they saved.)
 *
 * The compiled queries get a CompileContext naming these tables; their results are the same as
 * the self-contained queries' (the golden test and `bench:engine --check` hold them to that).
 */
import type { IndicatorDefinition, Population } from "../definition.ts";
import { measureSpec, type SharedTable } from "../measures.ts";
import { forloebRunSelectFrom } from "./forloeb.ts";
import { popSelect } from "./point.ts";
import {
  type CompileContext,
  type MonthRange,
  minusMonths,
  monthsCte,
  populationKey,
  type Relations,
  str,
} from "./sql.ts";

export const runRelations: Relations = {
  persons: "persons",
  benefitRecords: "run_benefit_records",
  activities: "activities",
  wageHours: "run_wage_hours",
  markers: "markers",
  forloeb: "run_forloeb",
};

export interface RunStatement {
  /** short label for timings, e.g. "(forløb)" */
  label: string;
  sql: string;
  /**
   * statements of one stage depend only on earlier stages, so they may run at the same time on
   * several connections
   */
  stage: number;
}

export interface PreparedRun {
  /** to run in order before the indicator queries */
  statements: RunStatement[];
  context: CompileContext;
  /** the tables created, to drop after the run */
  tables: string[];
  /** the views created, to drop after the run (before the tables they read) */
  views: string[];
}

/** whether the definition's measure needs the shared table (the catalogue says, measures.ts) */
const needs = (d: IndicatorDefinition, table: SharedTable) =>
  measureSpec(d.measure.kind).tables.includes(table);

/** months the wage measures read: from 12 calendar months before the first D, before the last D */
function wageWindow(range: MonthRange): { from: string; to: string } {
  return {
    from: minusMonths(`DATE ${str(`${range.from}-01`)}`, 12),
    to: `DATE ${str(`${range.to}-01`)}`,
  };
}

/**
 * The earliest record end any of the definitions can read, as a SQL date: a point measure needs
 * records active on some D ≥ the first D; the catalogue's earliestRecordEnd says how much further
 * back the others reach (fte: the period before the first D; ended measures: their window before
 * the first D, returned_within before B = D − days). Marker measures read no benefit records.
 */
export function earliestEnd(definitions: readonly IndicatorDefinition[], range: MonthRange): string {
  const first = `DATE ${str(`${range.from}-01`)}`;
  const dates = new Set<string>([first]);
  for (const d of definitions) {
    const back = measureSpec(d.measure.kind).earliestRecordEnd?.(d.measure, first);
    if (back !== undefined) dates.add(back);
  }
  return dates.size === 1 ? first : `least(${[...dates].join(", ")})`;
}

/** The forløb the import stored: their relation, and whether it has `pair_end` (snapshot-layout.ts). */
export interface StoredForloeb {
  relation: string;
  pairEnd: boolean;
}

export interface PrepareOptions {
  /**
   * a relation holding the forløb of all the snapshot's benefit records, computed at import
   * (forloebRunSelectFrom over benefit_records): run_forloeb is then its rows of the run's
   * (person, benefit) pairs instead of being computed. Forløb are per person and benefit, and
   * run_benefit_records keeps those pairs whole, so the rows are the same.
   */
  storedForloeb?: StoredForloeb;
}

export function prepareRun(
  definitions: readonly IndicatorDefinition[],
  range: MonthRange,
  options: PrepareOptions = {},
): PreparedRun {
  const statements: RunStatement[] = [];
  const tables: string[] = [];
  const views: string[] = [];
  // plain tables of the in-memory database (not TEMP), so that every connection of the session sees them
  const create = (stage: number, label: string, table: string, select: string) => {
    statements.push({ label, stage, sql: `CREATE OR REPLACE TABLE ${table} AS\n${select}` });
    tables.push(table);
  };
  const w = wageWindow(range);
  const earliest = earliestEnd(definitions, range);
  const pairs = `(SELECT person_key, benefit FROM benefit_records
  WHERE end_date IS NULL OR end_date >= ${earliest}) g
  ON g.person_key = s.person_key AND g.benefit = s.benefit`;
  const recordColumns = "person_key, benefit, category, start_date, end_date, exit_reason";
  const stored = options.storedForloeb;
  if (stored) {
    // the stored forløb have one row per benefit record with the record's columns: the run's
    // records are a view of its forløb; a pair has a record ending on or after `earliest` when
    // its pair_end does (a filter; snapshots without the column need the join on the pair)
    create(
      1,
      "(forløb)",
      runRelations.forloeb,
      stored.pairEnd
        ? `SELECT * EXCLUDE (pair_end) FROM ${stored.relation} WHERE pair_end >= ${earliest}`
        : `SELECT s.* FROM ${stored.relation} s SEMI JOIN ${pairs}`,
    );
    statements.push({
      label: "(ydelser)",
      stage: 2,
      sql: `CREATE OR REPLACE VIEW ${runRelations.benefitRecords} AS SELECT ${recordColumns} FROM ${runRelations.forloeb}`,
    });
    views.push(runRelations.benefitRecords);
  } else {
    create(
      1,
      "(ydelser)",
      runRelations.benefitRecords,
      `SELECT ${recordColumns.replace(/(\w+)/g, "s.$1")}
FROM benefit_records s
SEMI JOIN ${pairs}`,
    );
    create(2, "(forløb)", runRelations.forloeb, forloebRunSelectFrom(runRelations.benefitRecords));
  }

  const populations = new Map<string, string>();
  const pointPopulations: Population[] = [];
  for (const d of definitions) {
    if (!d.population || !needs(d, "population")) continue;
    const key = populationKey(d.population);
    if (populations.has(key)) continue;
    populations.set(key, `run_pop_${populations.size + 1}`);
    pointPopulations.push(d.population);
  }
  if (pointPopulations.length > 0) {
    const first = `DATE ${str(`${range.from}-01`)}`;
    const last = `DATE ${str(`${range.to}-01`)}`;
    create(
      3,
      "(aktive forløb)",
      "run_active",
      `SELECT * FROM ${runRelations.forloeb}
WHERE start_date <= ${last} AND (end_date IS NULL OR end_date >= ${first})`,
    );
    const activeRel: Relations = { ...runRelations, forloeb: "run_active" };
    for (const pop of pointPopulations) {
      const table = populations.get(populationKey(pop))!;
      create(
        4,
        `(population ${table.slice(8)})`,
        table,
        `WITH ${monthsCte(range)}\n${popSelect(pop, activeRel)}`,
      );
    }
  }
  // the wage measures join wage hours to their population, so only those persons' rows are kept
  const wageTables = [
    ...new Set(
      definitions
        .filter((d) => d.population && needs(d, "wage_months"))
        .map((d) => populations.get(populationKey(d.population!))!),
    ),
  ];
  if (wageTables.length > 0) {
    create(
      5,
      "(løntimer)",
      runRelations.wageHours,
      `SELECT person_key, month, sum(hours) AS hours FROM wage_hours
WHERE month >= ${w.from} AND month < ${w.to}
  AND person_key IN (${wageTables.map((t) => `SELECT person_key FROM ${t}`).join(" UNION ")})
GROUP BY person_key, month`,
    );
  }
  return {
    statements,
    tables,
    views,
    context: { rel: runRelations, populationTable: (pop) => populations.get(populationKey(pop)) },
  };
}
