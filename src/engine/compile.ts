/**
 * Pure compilation: an indicator definition and a month range → ONE DuckDB query that returns
 * (period 'YYYY-MM', value, numerator, denominator) for every month of the range, ordered by
 * period. Months are generated in SQL and every measure is set-based over them, so the cost does
 * not grow with a JS loop over months.
 *
 * The query reads the views persons, benefit_records, activities, wage_hours and markers. Forløb
 * are computed in a CTE, or read from a temp table `forloeb_records` when the caller has
 * materialized it once for a whole run (`{ materializedForloeb: true }`). A run over a whole
 * definition set instead passes a `context` (compile/prepare.ts): per-run tables with integer
 * person keys, and the populations shared by several indicators materialized once.
 */
import { forloebCte } from "./compile/forloeb.ts";
import { aggregate, type MeasureSql } from "./compile/shape.ts";
import { type CompileContext, type MonthRange, monthsCte, viewRelations } from "./compile/sql.ts";
import type { IndicatorDefinition } from "./definition.ts";
import { measureSpec } from "./measures.ts";

export { forloebRelation, forloebSelect } from "./compile/forloeb.ts";
export type { CompileContext, MonthRange, Relations } from "./compile/sql.ts";

export interface CompileOptions {
  /** the relation forloeb_records already exists on the connection (a per-run temp table) */
  materializedForloeb?: boolean;
  /** read per-run tables instead of the views (implies a materialized forløb relation) */
  context?: CompileContext;
}

export interface CompiledIndicator {
  indicator: string;
  sql: string;
  /** whether the query needs forloeb_records (so a runner knows whether to materialize it) */
  usesForloeb: boolean;
}

/** The measure's compiler, from the catalogue (measures.ts). */
function compileMeasure(def: IndicatorDefinition, ctx: CompileContext): MeasureSql {
  return measureSpec(def.measure.kind).compile(def, def.measure, ctx);
}

export function compileIndicator(
  def: IndicatorDefinition,
  range: MonthRange,
  options: CompileOptions = {},
): CompiledIndicator {
  const measure = compileMeasure(def, options.context ?? { rel: viewRelations });
  const { agg, select } = aggregate(measure.shape);
  const ctes = [monthsCte(range)];
  if (measure.usesForloeb && !options.materializedForloeb && !options.context) ctes.push(forloebCte());
  ctes.push(...measure.ctes, agg);
  const sql = `-- indikator ${def.id} (${def.measure.kind})
WITH ${ctes.join(",\n")}
SELECT strftime(m.d, '%Y-%m') AS period,
  ${select}
FROM months m
LEFT JOIN agg a ON a.d = m.d
ORDER BY m.d`;
  return { indicator: def.id, sql, usesForloeb: measure.usesForloeb };
}
