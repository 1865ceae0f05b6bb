/**
 * Computed indicator values, computation runs and frozen values.
 *
 * A computation's values are written in ONE transaction after every indicator has been computed,
 * so a failed run leaves the previous values untouched. Frozen values live in their own table and
 * are never written by a computation: a recomputed value that differs from a frozen one is a
 * revision (old = frozen, new = current), derived on read.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db.ts";
import { schema } from "../db.ts";
import { currentValuesOf, frozenBesideCurrent } from "./value-queries.ts";

const { computations, computedValues, frozenValues, indicators, manualValues, projects, snapshots } = schema;

export type Computation = typeof computations.$inferSelect;
export type ComputedValue = typeof computedValues.$inferSelect;
export type FrozenValue = typeof frozenValues.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;

export interface NewComputedValue {
  indicatorId: number;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  snapshotId: string | null;
  definitionVersion: number;
  definitionHash: string;
  compiledSql: string;
}

// ---------------------------------------------------------------- computations

export async function createComputation(
  db: Db,
  input: { startedBy: string; snapshotId?: string | null; fromPeriod?: string; toPeriod?: string },
): Promise<Computation> {
  const [row] = await db
    .insert(computations)
    .values({
      status: "running",
      startedBy: input.startedBy,
      snapshotId: input.snapshotId ?? null,
      fromPeriod: input.fromPeriod ?? null,
      toPeriod: input.toPeriod ?? null,
      progressStep: "Starter beregningen",
    })
    .returning();
  return row!;
}

export async function updateComputation(
  db: Db,
  id: number,
  patch: Partial<Omit<typeof computations.$inferInsert, "id">>,
): Promise<void> {
  await db.update(computations).set(patch).where(eq(computations.id, id));
}

export async function latestComputation(db: Db): Promise<Computation | undefined> {
  const [row] = await db.select().from(computations).orderBy(desc(computations.id)).limit(1);
  return row;
}

/** The latest run that finished with status ok. */
export async function latestSuccessfulComputation(db: Db): Promise<Computation | undefined> {
  const [row] = await db
    .select()
    .from(computations)
    .where(eq(computations.status, "ok"))
    .orderBy(desc(computations.id))
    .limit(1);
  return row;
}

/** Every run still marked running (services/computations.ts decides which of them are stale). */
export async function listRunningComputations(db: Db): Promise<Computation[]> {
  return db.select().from(computations).where(eq(computations.status, "running"));
}

/** Whether the snapshot id is in the app store's catalogue (computations reference it). */
export async function snapshotInCatalogue(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: snapshots.id }).from(snapshots).where(eq(snapshots.id, id));
  return rows.length > 0;
}

export async function snapshotExtractionDate(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ d: snapshots.extractionDate }).from(snapshots).where(eq(snapshots.id, id));
  return row?.d ?? undefined;
}

// ---------------------------------------------------------------- indicators

export async function listComputedIndicators(db: Db): Promise<IndicatorRow[]> {
  return db
    .select()
    .from(indicators)
    .where(eq(indicators.kind, "computed"))
    .orderBy(indicators.projectId, indicators.sortOrder, indicators.id);
}

// ---------------------------------------------------------------- values

/**
 * Replace the computed values of `indicatorIds` by `values`, in one transaction, and mark the
 * computation ok in the same transaction: either all of it lands or none of it.
 */
export async function storeComputationResult(
  db: Db,
  computationId: number,
  indicatorIds: number[],
  values: NewComputedValue[],
  finish: Partial<Omit<typeof computations.$inferInsert, "id">>,
): Promise<void> {
  const computedAt = new Date();
  await db.transaction(async (tx) => {
    if (indicatorIds.length > 0) {
      await tx.delete(computedValues).where(inArray(computedValues.indicatorId, indicatorIds));
    }
    const chunk = 500;
    for (let i = 0; i < values.length; i += chunk) {
      await tx
        .insert(computedValues)
        .values(values.slice(i, i + chunk).map((v) => ({ ...v, computationId, computedAt })));
    }
    await tx.update(computations).set(finish).where(eq(computations.id, computationId));
  });
}

export async function getComputedValue(
  db: Db,
  indicatorId: number,
  period: string,
): Promise<ComputedValue | undefined> {
  const [row] = await db
    .select()
    .from(computedValues)
    .where(and(eq(computedValues.indicatorId, indicatorId), eq(computedValues.period, period)));
  return row;
}

export async function listComputedValues(db: Db, indicatorId: number): Promise<ComputedValue[]> {
  return db
    .select()
    .from(computedValues)
    .where(eq(computedValues.indicatorId, indicatorId))
    .orderBy(computedValues.period);
}

export interface ComputedPoint {
  indicatorId: number;
  period: string;
  value: number | null;
  snapshotId: string | null;
}

/**
 * The current values of several indicators, month by month, with their snapshot but without the
 * rest of the provenance (status schemes, charts, realized gain).
 */
export async function listComputedSeries(db: Db, indicatorIds: readonly number[]): Promise<ComputedPoint[]> {
  if (indicatorIds.length === 0) return [];
  return currentValuesOf(db, indicatorIds, {
    indicatorId: computedValues.indicatorId,
    period: computedValues.period,
    value: computedValues.value,
    snapshotId: computedValues.snapshotId,
  }).orderBy(computedValues.period);
}

export async function getFrozenValue(
  db: Db,
  indicatorId: number,
  period: string,
): Promise<FrozenValue | undefined> {
  const [row] = await db
    .select()
    .from(frozenValues)
    .where(and(eq(frozenValues.indicatorId, indicatorId), eq(frozenValues.period, period)));
  return row;
}

/** The frozen (reported) values of some indicators, all months (the status scheme marks them). */
export async function listFrozenValues(db: Db, indicatorIds: number[]): Promise<FrozenValue[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .select()
    .from(frozenValues)
    .where(inArray(frozenValues.indicatorId, indicatorIds))
    .orderBy(frozenValues.indicatorId, frozenValues.period);
}

/** A revision: the frozen (reported) value and the current computed value, when they differ. */
export function revisionOf(
  frozen: { value: number | null } | undefined,
  current: { value: number | null } | undefined,
): { old: number | null; new: number | null } | null {
  if (!frozen || !current) return null;
  if (sameValue(frozen.value, current.value)) return null;
  return { old: frozen.value, new: current.value };
}

/** Equal up to float noise from a recomputation (relative 1e-12). */
function sameValue(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

export interface RevisionRow {
  indicatorId: number;
  code: string;
  name: string;
  period: string;
  old: number | null;
  new: number | null;
  frozenAt: Date;
  frozenBy: string;
}

/** Every frozen value whose current computed value differs (optionally for one project). */
export async function listRevisions(db: Db, projectId?: number): Promise<RevisionRow[]> {
  const rows = await frozenBesideCurrent(
    db,
    {
      indicatorId: frozenValues.indicatorId,
      code: indicators.code,
      name: indicators.name,
      projectId: indicators.projectId,
      period: frozenValues.period,
      frozen: frozenValues.value,
      current: computedValues.value,
      frozenAt: frozenValues.frozenAt,
      frozenBy: frozenValues.frozenBy,
    },
    undefined,
    [indicators.id, frozenValues.period],
  );
  return rows
    .filter((r) => projectId === undefined || r.projectId === projectId)
    .filter((r) => revisionOf({ value: r.frozen }, { value: r.current }) !== null)
    .map((r) => ({
      indicatorId: r.indicatorId,
      code: r.code,
      name: r.name,
      period: r.period,
      old: r.frozen,
      new: r.current,
      frozenAt: r.frozenAt,
      frozenBy: r.frozenBy,
    }));
}

/** The computed and manual values of a project's indicators for one month (what a freeze reads). */
export async function projectPeriodValues(
  db: Db,
  projectId: number,
  period: string,
): Promise<{ computed: ComputedValue[]; manual: (typeof manualValues.$inferSelect)[] }> {
  const projectIndicators = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(eq(indicators.projectId, projectId));
  const ids = projectIndicators.map((i) => i.id);
  if (ids.length === 0) return { computed: [], manual: [] };
  const computed = await db
    .select()
    .from(computedValues)
    .where(and(inArray(computedValues.indicatorId, ids), eq(computedValues.period, period)));
  const manual = await db
    .select()
    .from(manualValues)
    .where(and(inArray(manualValues.indicatorId, ids), eq(manualValues.period, period)));
  return { computed, manual };
}

export type NewFrozenValue = Omit<typeof frozenValues.$inferInsert, "id" | "frozenAt">;

/** Inserts the frozen values; one already frozen for its indicator and month stays. Returns how many were new. */
export async function insertFrozenValues(db: Db, rows: NewFrozenValue[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(frozenValues)
    .values(rows)
    .onConflictDoNothing({ target: [frozenValues.indicatorId, frozenValues.period] })
    .returning({ id: frozenValues.id });
  return inserted.length;
}

export async function projectExists(db: Db, id: number): Promise<boolean> {
  const rows = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, id));
  return rows.length > 0;
}
