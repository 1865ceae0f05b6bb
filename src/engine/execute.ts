/**
 * Execution: open DuckDB in-process over one snapshot folder (views over its Parquet files),
 * run the compiled queries and return plain JS values.
 *
 * A whole definition set runs on one connection; per-run helper tables (compile/prepare.ts:
 * integer person keys, the forløb, pre-summed wage months, each distinct population) are built
 * once and shared by every indicator, instead of being recomputed by each query.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { SnapshotManifest } from "../warehouse/snapshot-layout.ts";
import { snapshotHelperTables, snapshotTables } from "../warehouse/snapshot-layout.ts";
import { prepareRun, type StoredForloeb } from "./compile/prepare.ts";
import { str } from "./compile/sql.ts";
import { compileIndicator, type MonthRange } from "./compile.ts";
import type { IndicatorDefinition } from "./definition.ts";

export interface IndicatorValue {
  indicator: string;
  /** YYYY-MM */
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** A query failure, carrying the SQL that caused it. */
export class EngineQueryError extends Error {
  constructor(
    message: string,
    readonly sql: string,
    readonly indicator?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "EngineQueryError";
  }
}

/** The tables the engine reads; each becomes a view of the same name. */
export const engineTables = ["persons", "benefit_records", "activities", "wage_hours", "markers"] as const;

export interface SnapshotSession {
  connection: DuckDBConnection;
  /** the database; runIndicators opens more connections to it to run queries side by side */
  instance: DuckDBInstance;
  /** YYYY-MM-DD from the manifest, when it has one */
  extractionDate?: string;
  /** the relation of the forløb stored with the snapshot at import, when it has them */
  storedForloeb?: StoredForloeb;
  close(): void;
}

async function run(connection: DuckDBConnection, sql: string, indicator?: string) {
  try {
    return await connection.runAndReadAll(sql);
  } catch (e) {
    const what = indicator ? `Beregning af ${indicator} fejlede` : "DuckDB-forespørgsel fejlede";
    throw new EngineQueryError(`${what}: ${e instanceof Error ? e.message : String(e)}`, sql, indicator, {
      cause: e,
    });
  }
}

export interface OpenOptions {
  /**
   * "views" (default) puts views over the snapshot's Parquet files: nothing of the snapshot is
   * copied into memory, DuckDB reads what each query needs (its file cache keeps what is read
   * often) within the memory limit, and the per-run helper tables spill to a temporary folder
   * when they outgrow it: memory stays bounded at any scale. "tables" reads each file once into
   * an in-memory table (faster for many queries on a small snapshot, memory grows with it).
   */
  load?: "tables" | "views";
  /** DuckDB's memory limit (default EFFEKTSPOR_ENGINE_MEMORY or 2GB) */
  memoryLimit?: string;
}

/**
 * Open an in-memory DuckDB whose relations persons, benefit_records, … read the snapshot folder's
 * Parquet files, and `forloeb` its stored forløb when the import wrote them (snapshotHelperTables).
 */
export async function openSnapshot(snapshotDir: string, options: OpenOptions = {}): Promise<SnapshotSession> {
  let extractionDate: string | undefined;
  const manifestPath = join(snapshotDir, "manifest.json");
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Partial<SnapshotManifest>;
    extractionDate = manifest.extractionDate;
  }
  for (const t of engineTables) {
    const file = join(snapshotDir, snapshotTables[t].file);
    if (!existsSync(file))
      throw new Error(`Snapshot-mappen ${snapshotDir} mangler filen ${snapshotTables[t].file}`);
  }
  // spill files of the run's helper tables (person keys, never a CPR number); removed on close
  const spill = mkdtempSync(join(tmpdir(), "effektspor-engine-"));
  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: options.memoryLimit ?? process.env.EFFEKTSPOR_ENGINE_MEMORY ?? "2GB",
    temp_directory: spill,
  });
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
  };
  let pairEnd = false;
  let storedForloeb = false;
  try {
    const kind = options.load === "tables" ? "TABLE" : "VIEW";
    for (const t of engineTables) {
      const file = join(snapshotDir, snapshotTables[t].file);
      // plain tables/views of the in-memory database (not TEMP): visible to every connection of the instance
      await run(connection, `CREATE ${kind} ${t} AS SELECT * FROM read_parquet(${str(file)})`);
    }
    const forloebFile = join(snapshotDir, snapshotHelperTables.forloeb.file);
    storedForloeb = existsSync(forloebFile);
    if (storedForloeb)
      await run(connection, `CREATE VIEW stored_forloeb AS SELECT * FROM read_parquet(${str(forloebFile)})`);
    pairEnd =
      storedForloeb &&
      (
        await connection.runAndReadAll(
          "SELECT count(*)::INTEGER FROM (DESCRIBE stored_forloeb) WHERE column_name = 'pair_end'",
        )
      ).getRows()[0]?.[0] === 1;
  } catch (err) {
    // a file DuckDB cannot read (e.g. damaged): nothing of the session may be left behind
    close();
    throw err;
  }
  return {
    connection,
    instance,
    extractionDate,
    storedForloeb: storedForloeb ? { relation: "stored_forloeb", pairEnd } : undefined,
    close,
  };
}

/** DuckDB BIGINT arrives as bigint, DECIMAL/HUGEINT as objects; the API contract is plain numbers. */
function toNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "object" && v !== null && "toDouble" in v && typeof v.toDouble === "function") {
    return v.toDouble() as number;
  }
  const n = Number(v);
  if (Number.isNaN(n)) throw new Error(`Uventet værdi fra DuckDB: ${String(v)}`);
  return n;
}

/**
 * The range limited to months whose reference date D (the 1st) is on or before the extraction
 * date: later months have no value (DESIGN 6.1) and get no row. Undefined when nothing is left.
 */
export function clampRange(range: MonthRange, extractionDate?: string): MonthRange | undefined {
  if (!extractionDate) return range;
  const last = extractionDate.slice(0, 7);
  // YYYY-MM strings sort chronologically
  const to = [range.to, last].sort()[0]!;
  return range.from <= to ? { from: range.from, to } : undefined;
}

/** the onTiming label of the shared forløb materialization */
export const forloebTimingLabel = "(forløb)";

export interface RunOptions {
  /**
   * called after each indicator and each per-run helper table (labels in parentheses, e.g.
   * "(forløb)") with its wall time, for benchmarks
   */
  onTiming?: (indicator: string, ms: number) => void;
  /**
   * how many queries run side by side, each on its own connection (default 1: DuckDB already
   * spreads one query over its threads; on the shared 2-core test machine two at a time gave no
   * measurable gain, see docs/BENCHMARKS.md, but a dedicated machine may differ)
   */
  parallel?: number;
}

/**
 * Run `work` over the items on the connections, each connection taking the next item when it is
 * free. After a failure no new item is started; the first error is thrown once all running
 * work has finished (so nothing still reads the run's tables when they are dropped).
 */
async function onConnections<T>(
  items: readonly T[],
  connections: readonly DuckDBConnection[],
  work: (item: T, index: number, connection: DuckDBConnection) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const results = await Promise.allSettled(
    connections.map(async (c) => {
      while (!failed && next < items.length) {
        const i = next++;
        try {
          await work(items[i]!, i, c);
        } catch (e) {
          failed = true;
          throw e;
        }
      }
    }),
  );
  const rejected = results.find((r) => r.status === "rejected");
  if (rejected) throw (rejected as PromiseRejectedResult).reason;
}

/**
 * Compute every definition over the range on an open session. Rows come period by period, in
 * definition order within a period (the order of the CLI output).
 */
export async function runIndicators(
  session: SnapshotSession,
  definitions: readonly IndicatorDefinition[],
  range: MonthRange,
  options: RunOptions = {},
): Promise<IndicatorValue[]> {
  const effective = clampRange(range, session.extractionDate);
  if (!effective || definitions.length === 0) return [];
  const prepared = prepareRun(definitions, effective, { storedForloeb: session.storedForloeb });
  const compiled = definitions.map((d) => compileIndicator(d, effective, { context: prepared.context }));
  const width = Math.max(1, Math.floor(options.parallel ?? 1));
  const connections = [session.connection];
  try {
    for (let i = 1; i < width; i++) connections.push(await session.instance.connect());
    const stages = [...new Set(prepared.statements.map((s) => s.stage))].sort((a, b) => a - b);
    for (const stage of stages) {
      await onConnections(
        prepared.statements.filter((s) => s.stage === stage),
        connections,
        async (s, _i, c) => {
          const started = performance.now();
          await run(c, s.sql);
          options.onTiming?.(s.label, performance.now() - started);
        },
      );
    }
    return await runCompiled(compiled, connections, options);
  } finally {
    for (const c of connections.slice(1)) c.closeSync();
    for (const v of prepared.views) await session.connection.run(`DROP VIEW IF EXISTS ${v}`);
    for (const t of [...prepared.tables].reverse()) await session.connection.run(`DROP TABLE IF EXISTS ${t}`);
  }
}

async function runCompiled(
  compiled: readonly ReturnType<typeof compileIndicator>[],
  connections: readonly DuckDBConnection[],
  options: RunOptions,
): Promise<IndicatorValue[]> {
  const perIndicator: IndicatorValue[][] = compiled.map(() => []);
  await onConnections(compiled, connections, async (c, i, connection) => {
    const started = performance.now();
    const reader = await run(connection, c.sql, c.indicator);
    perIndicator[i] = reader.getRowObjectsJS().map((r) => ({
      indicator: c.indicator,
      period: String(r.period),
      value: toNumber(r.value),
      numerator: toNumber(r.numerator),
      denominator: toNumber(r.denominator),
    }));
    options.onTiming?.(c.indicator, performance.now() - started);
  });
  // every query returns the same months in order, so row i of each belongs to the same period
  const out: IndicatorValue[] = [];
  const months = perIndicator[0]?.length ?? 0;
  for (let i = 0; i < months; i++) for (const rows of perIndicator) if (rows[i]) out.push(rows[i]!);
  return out;
}

/** Open the snapshot folder, compute, close. */
export async function computeIndicators(
  snapshotDir: string,
  definitions: readonly IndicatorDefinition[],
  range: MonthRange,
  options: RunOptions = {},
): Promise<IndicatorValue[]> {
  const session = await openSnapshot(snapshotDir);
  try {
    return await runIndicators(session, definitions, range, options);
  } finally {
    session.close();
  }
}
