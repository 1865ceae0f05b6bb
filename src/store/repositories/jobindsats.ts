/**
 * jobindsats.dk values in the app store (DESIGN 9.3) and the benchmark settings. A write of many
 * values runs in one transaction: a fetch or import that fails part-way leaves the earlier ones.
 */
import { and, asc, count, eq, inArray, max, min, sql } from "drizzle-orm";
import type { BenchmarkSettings } from "../../domain/jobindsats.ts";
import { type Db, inTransaction, schema } from "../db.ts";

const { jobindsatsValues, settings } = schema;

export type JobindsatsValueRow = typeof jobindsatsValues.$inferSelect;

export interface JobindsatsValueInput {
  tableId: string;
  tableName?: string;
  measure: string;
  measureLabel: string;
  area: string;
  period: string;
  dimensions?: Record<string, string>;
  value: number | null;
  fetchedAt?: Date;
  source: string;
}

/** The dimensions as one key: sorted `id=value` pairs joined by `|` ("" for a table's totals). */
export function dimensionKey(dimensions: Record<string, string> = {}): string {
  return Object.keys(dimensions)
    .sort()
    .map((k) => `${k}=${dimensions[k]}`)
    .join("|");
}

/** rows per INSERT (one JSON parameter each) */
const BATCH = 5000;

/** Inserts or replaces the given cells, all or none. Returns how many were written. */
export async function upsertJobindsatsValues(db: Db, rows: JobindsatsValueInput[]): Promise<number> {
  if (rows.length === 0) return 0;
  const now = new Date();
  const values = rows.map((r) => ({
    tableId: r.tableId,
    tableName: r.tableName ?? "",
    measure: r.measure,
    measureLabel: r.measureLabel,
    area: r.area,
    period: r.period,
    dimensions: r.dimensions ?? {},
    dimensionKey: dimensionKey(r.dimensions),
    value: r.value,
    fetchedAt: r.fetchedAt ?? now,
    source: r.source,
  }));
  // the same cell twice in one batch would make the upsert fail: the last one wins
  const unique = new Map(
    values.map((v) => [
      `${v.tableId}\u0000${v.measure}\u0000${v.area}\u0000${v.period}\u0000${v.dimensionKey}`,
      v,
    ]),
  );
  const list = [...unique.values()];
  // one JSON parameter per batch (jsonb_to_recordset): many thousand bound parameters are slow to
  // bind and plan, on PGlite above all (7.128 rows: 3,9 s with parameters, see docs/BENCHMARKS.md)
  await inTransaction(db, async (tx) => {
    for (let i = 0; i < list.length; i += BATCH) {
      const batch = JSON.stringify(
        list.slice(i, i + BATCH).map((v) => ({ ...v, fetchedAt: v.fetchedAt.toISOString() })),
      );
      await tx.execute(sql`
        insert into jobindsats_values
          (table_id, table_name, measure, measure_label, area, period, dimensions, dimension_key, value, fetched_at, source)
        select "tableId", "tableName", measure, "measureLabel", area, period, dimensions, "dimensionKey", value, "fetchedAt", source
        from jsonb_to_recordset(${batch}::jsonb) as x(
          "tableId" text, "tableName" text, measure text, "measureLabel" text, area text, period text,
          dimensions jsonb, "dimensionKey" text, value double precision, "fetchedAt" timestamptz, source text)
        on conflict (table_id, measure, area, period, dimension_key) do update set
          table_name = excluded.table_name, measure_label = excluded.measure_label,
          dimensions = excluded.dimensions, value = excluded.value,
          fetched_at = excluded.fetched_at, source = excluded.source`);
    }
  });
  return list.length;
}

export interface JobindsatsValueFilter {
  tableId?: string;
  measure?: string;
  areas?: string[];
  periods?: string[];
  /** only the table's totals (no dimension values) when "" */
  dimensionKey?: string;
}

export async function listJobindsatsValues(
  db: Db,
  filter: JobindsatsValueFilter = {},
): Promise<JobindsatsValueRow[]> {
  const where = [
    filter.tableId !== undefined ? eq(jobindsatsValues.tableId, filter.tableId) : undefined,
    filter.measure !== undefined ? eq(jobindsatsValues.measure, filter.measure) : undefined,
    filter.areas ? inArray(jobindsatsValues.area, filter.areas.length ? filter.areas : [""]) : undefined,
    filter.periods
      ? inArray(jobindsatsValues.period, filter.periods.length ? filter.periods : [""])
      : undefined,
    filter.dimensionKey !== undefined ? eq(jobindsatsValues.dimensionKey, filter.dimensionKey) : undefined,
  ].filter((w) => w !== undefined);
  return db
    .select()
    .from(jobindsatsValues)
    .where(where.length ? and(...where) : undefined)
    .orderBy(
      asc(jobindsatsValues.tableId),
      asc(jobindsatsValues.measure),
      asc(jobindsatsValues.dimensionKey),
      asc(jobindsatsValues.period),
      asc(jobindsatsValues.area),
    );
}

export async function getJobindsatsValue(db: Db, id: number): Promise<JobindsatsValueRow | undefined> {
  const [row] = await db.select().from(jobindsatsValues).where(eq(jobindsatsValues.id, id));
  return row;
}

export interface JobindsatsSeriesSummary {
  tableId: string;
  tableName: string;
  measure: string;
  measureLabel: string;
  dimensionKey: string;
  values: number;
  areas: number;
  firstPeriod: string;
  lastPeriod: string;
  lastFetchedAt: Date;
  sources: string[];
}

/** What is stored, one line per table, measure and dimension combination. */
export async function summarizeJobindsatsValues(db: Db): Promise<JobindsatsSeriesSummary[]> {
  const v = jobindsatsValues;
  const rows = await db
    .select({
      tableId: v.tableId,
      tableName: max(v.tableName),
      measure: v.measure,
      measureLabel: max(v.measureLabel),
      dimensionKey: v.dimensionKey,
      values: count(),
      areas: sql<number>`count(distinct ${v.area})::int`,
      firstPeriod: min(v.period),
      lastPeriod: max(v.period),
      lastFetchedAt: max(v.fetchedAt),
      sources: sql<string[]>`array_agg(distinct ${v.source})`,
    })
    .from(v)
    .groupBy(v.tableId, v.measure, v.dimensionKey)
    .orderBy(asc(v.tableId), asc(v.measure), asc(v.dimensionKey));
  return rows.map((r) => ({
    ...r,
    tableName: r.tableName ?? "",
    measureLabel: r.measureLabel ?? r.measure,
    values: Number(r.values),
    areas: Number(r.areas),
    firstPeriod: r.firstPeriod ?? "",
    lastPeriod: r.lastPeriod ?? "",
    lastFetchedAt: new Date(r.lastFetchedAt ?? 0),
    sources: [...(r.sources ?? [])].sort(),
  }));
}

/** Every area the store holds values for (the whole country's comparison set). */
export async function listJobindsatsAreas(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ area: jobindsatsValues.area })
    .from(jobindsatsValues)
    .orderBy(asc(jobindsatsValues.area));
  return rows.map((r) => r.area);
}

export async function countJobindsatsValues(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(jobindsatsValues);
  return Number(row?.n ?? 0);
}

// ---------------------------------------------------------------- settings

const SETTINGS_KEY = "jobindsats.benchmark";

export async function getBenchmarkSettings(db: Db): Promise<BenchmarkSettings | undefined> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, SETTINGS_KEY));
  return row?.value as BenchmarkSettings | undefined;
}

export async function putBenchmarkSettings(db: Db, value: BenchmarkSettings): Promise<void> {
  await db
    .insert(settings)
    .values({ key: SETTINGS_KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } });
}
