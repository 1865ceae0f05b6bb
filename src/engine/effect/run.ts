/**
 * Computing effect definitions (DESIGN 9.1) on an open snapshot session (execute.ts's
 * openSnapshot: the snapshot's tables in an in-memory DuckDB). Each effect runs as a few
 * set-based SQL steps, each creating a helper table from the earlier ones:
 *
 *   units.ts       population at each intake D; treated and control units
 *   covariates.ts  (benefit, category), duration, age, sex and prior-support bands
 *   matching.ts    strata at three levels as window partitions; match levels and weights
 *   outcomes.ts    share on benefit at H and days on benefit in the window, per horizon
 *   estimates.ts   per-horizon aggregates (SQL) and the differences and intervals (pure)
 *
 * No per-person work happens in JavaScript: it receives one row of aggregates per horizon.
 *
 * How the points DESIGN 9.1 leaves open are read (the golden effect example agrees with each):
 * - Intake months whose D is after the extraction date add no units (6.1: such a month has no
 *   value); an intake wholly after it gives every horizon with zero counts and null estimates.
 * - A person whose earliest marker falls in a month in which they are not in the population is
 *   neither treated then nor a control afterwards (a marker started before N); before that month
 *   they may be a control ("not yet referred").
 * - `treated`, `matched`, `unmatched` and `controls` are counted per horizon among the units that
 *   count at it: treated = matched + unmatched; controls = control units with weight > 0.
 * - The control mean and ȳ_c of the standard error are weighted with the fixed weights over the
 *   controls that count at the horizon (not re-normalised per stratum). A matched treated unit's
 *   stratum has the same D as its controls, so they drop out at the same horizons.
 * - Outcome "records of outcome_benefits" without the option are all benefit records, of any
 *   code; the prior-support band uses the same records. Days are the union (no day twice).
 * - The duration covariate is the earliest forløb start over all the person's matching active
 *   records (6.1's "duration at D"), also when that record is not the smallest (benefit,
 *   category) pair.
 * - Definitions: see definition.ts (no `project` in population, horizons ≠ 0 and distinct).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { EngineQueryError, openSnapshot, type SnapshotSession } from "../execute.ts";
import { covariatesStatements } from "./covariates.ts";
import type { EffectDefinition } from "./definition.ts";
import { type EffectEstimate, estimate, estimatesSql, type HorizonAggregates } from "./estimates.ts";
import { matchingStatements } from "./matching.ts";
import { outcomesStatements } from "./outcomes.ts";
import { type EffectInputs, type EffectTables, effectTables, tableList } from "./tables.ts";
import { effectiveIntake, unitsStatements } from "./units.ts";

export type { EffectEstimate } from "./estimates.ts";

export interface EffectRunOptions {
  /** the relations read (default: the session's persons, benefit_records, markers) */
  inputs?: EffectInputs;
  /** called after each step with its label ("effect-id (matchning)") and wall time, for benchmarks */
  onTiming?: (label: string, ms: number) => void;
}

async function query(connection: DuckDBConnection, sql: string, effect: string) {
  try {
    return await connection.runAndReadAll(sql);
  } catch (e) {
    throw new EngineQueryError(
      `Beregning af effekten ${effect} fejlede: ${e instanceof Error ? e.message : String(e)}`,
      sql,
      effect,
      { cause: e },
    );
  }
}

/** DuckDB BIGINT arrives as bigint; the contract is plain numbers. */
function toNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  const n = Number(v);
  if (Number.isNaN(n)) throw new Error(`Uventet værdi fra DuckDB: ${String(v)}`);
  return n;
}

function emptyAggregates(idx: number): HorizonAggregates {
  return {
    idx,
    treated: 0,
    matched: 0,
    controls: 0,
    share_t: null,
    share_var: null,
    days_t: null,
    days_var: null,
    sum_w: null,
    share_c: null,
    days_c: null,
    share_dev: null,
    days_dev: null,
  };
}

/**
 * Build the helper tables of one effect (units … outcomes, see tables.ts) on the session, run
 * `use` on them, and drop them again (also on failure). Undefined, without calling `use`, when no
 * intake month lies on or before the extraction date.
 */
export async function withEffectTables<T>(
  session: SnapshotSession,
  def: EffectDefinition,
  index: number,
  use: (tables: EffectTables, connection: DuckDBConnection) => Promise<T>,
  options: EffectRunOptions = {},
): Promise<T | undefined> {
  const extractionDate = session.extractionDate;
  if (!extractionDate) throw new Error("Snapshottet har ingen udtræksdato (manifest.json: extractionDate)");
  const intake = effectiveIntake(def, extractionDate);
  if (!intake) return undefined;
  const t = effectTables(index);
  const statements = [
    ...unitsStatements(def, t, intake, options.inputs),
    ...covariatesStatements(def, t, options.inputs),
    ...matchingStatements(t),
    ...outcomesStatements(def, t, extractionDate),
  ];
  const c = session.connection;
  try {
    for (const s of statements) {
      const started = performance.now();
      await query(c, s.sql, def.id);
      options.onTiming?.(`${def.id} ${s.label}`, performance.now() - started);
    }
    return await use(t, c);
  } finally {
    for (const table of tableList(t).reverse()) await c.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

/** The estimates of one effect: one row per horizon, in the definition's order. */
export async function runEffect(
  session: SnapshotSession,
  def: EffectDefinition,
  index = 0,
  options: EffectRunOptions = {},
): Promise<EffectEstimate[]> {
  const rows = await withEffectTables(
    session,
    def,
    index,
    async (t, c) => {
      const started = performance.now();
      const result = (await query(c, estimatesSql(def, t), def.id)).getRowObjectsJS();
      options.onTiming?.(`${def.id} (estimater)`, performance.now() - started);
      return result;
    },
    options,
  );
  if (!rows) return def.horizons.map((h, i) => estimate(def.id, h, emptyAggregates(i)));
  return rows.map((r) => {
    const a = Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, toNumber(v)]),
    ) as unknown as HorizonAggregates;
    return estimate(def.id, def.horizons[a.idx]!, a);
  });
}

/** Every effect on an open session, in the definitions' order. */
export async function runEffects(
  session: SnapshotSession,
  definitions: readonly EffectDefinition[],
  options: EffectRunOptions = {},
): Promise<EffectEstimate[]> {
  const out: EffectEstimate[] = [];
  for (const [i, def] of definitions.entries()) out.push(...(await runEffect(session, def, i, options)));
  return out;
}

/** in-memory copies of the three snapshot relations an effect reads (see computeEffects) */
const memoryInputs: EffectInputs = {
  persons: "effect_input_persons",
  benefitRecords: "effect_input_benefit_records",
  markers: "effect_input_markers",
};

/**
 * Read the three relations an effect reads (persons, benefit records, markers) from the
 * session's views into in-memory tables, once, and name them for runEffects' `inputs`.
 */
export async function loadEffectInputs(session: SnapshotSession): Promise<EffectInputs> {
  for (const [view, table] of [
    ["persons", memoryInputs.persons],
    ["benefit_records", memoryInputs.benefitRecords],
    ["markers", memoryInputs.markers],
  ] as const) {
    await query(
      session.connection,
      `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${view}`,
      "(indlæsning)",
    );
  }
  return memoryInputs;
}

export interface ComputeEffectsOptions extends EffectRunOptions {
  /**
   * DuckDB threads for this computation's own database (default 1). The effect is a chain of
   * about ten small dependent queries per effect; on the shared 2-core machine one thread used
   * half the CPU time of two at scale 1 and a quarter less at scale 10, and finished sooner
   * (docs/BENCHMARKS.md, "Effect").
   */
  threads?: number;
}

/**
 * Open the snapshot folder, compute every effect, close. The snapshot is opened with views over
 * its Parquet files (execute.ts `load: "views"`) and only the three relations the effect reads
 * are read into memory (loadEffectInputs): reading every table (3 million wage rows at scale 10)
 * would cost more than the effect itself, and reading the Parquet files again in every step
 * costs more than the copy.
 */
export async function computeEffects(
  snapshotDir: string,
  definitions: readonly EffectDefinition[],
  options: ComputeEffectsOptions = {},
): Promise<EffectEstimate[]> {
  const session = await openSnapshot(snapshotDir, { load: "views" });
  try {
    const threads = Math.max(1, Math.floor(options.threads ?? 1));
    await query(session.connection, `SET threads = ${threads}`, "(opsætning)");
    const inputs = await loadEffectInputs(session);
    return await runEffects(session, definitions, { inputs, ...options });
  } finally {
    session.close();
  }
}
