/**
 * What the committee report reads beyond the status scheme (the counts behind shares, for
 * publication suppression; revisions with the snapshots on both sides, for the "why"), and the
 * approved reports themselves.
 */
import { desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db.ts";
import { schema } from "../db.ts";
import { currentValuesOf, frozenBesideCurrent } from "./value-queries.ts";

const { computedValues, frozenValues, indicators, reports, snapshots } = schema;

export interface ShareCounts {
  indicatorId: number;
  period: string;
  numerator: number | null;
  denominator: number | null;
}

/** Numerator and denominator of every current computed value of the indicators. */
export async function listShareCounts(db: Db, indicatorIds: readonly number[]): Promise<ShareCounts[]> {
  if (indicatorIds.length === 0) return [];
  return currentValuesOf(db, indicatorIds, {
    indicatorId: computedValues.indicatorId,
    period: computedValues.period,
    numerator: computedValues.numerator,
    denominator: computedValues.denominator,
  });
}

export interface RevisionDetail {
  indicatorId: number;
  projectId: number;
  name: string;
  unit: string;
  period: string;
  old: number | null;
  oldDenominator: number | null;
  new: number | null;
  newDenominator: number | null;
  frozenAt: Date;
  frozenBy: string;
  reportLabel: string | null;
  oldSnapshotId: string | null;
  newSnapshotId: string | null;
  oldDefinitionVersion: number | null;
  newDefinitionVersion: number;
}

/** Frozen values of the projects beside the current computed value of the same month (equal ones too). */
export async function listFrozenBesideCurrent(
  db: Db,
  projectIds: readonly number[],
): Promise<RevisionDetail[]> {
  if (projectIds.length === 0) return [];
  const rows = await frozenBesideCurrent(
    db,
    {
      indicatorId: frozenValues.indicatorId,
      projectId: indicators.projectId,
      name: indicators.name,
      unit: indicators.unit,
      period: frozenValues.period,
      old: frozenValues.value,
      oldDenominator: frozenValues.denominator,
      new: computedValues.value,
      newDenominator: computedValues.denominator,
      frozenAt: frozenValues.frozenAt,
      frozenBy: frozenValues.frozenBy,
      reportLabel: frozenValues.reportLabel,
      oldSnapshotId: frozenValues.snapshotId,
      newSnapshotId: computedValues.snapshotId,
      newDefinitionVersion: computedValues.definitionVersion,
    },
    inArray(indicators.projectId, [...projectIds]),
    [indicators.projectId, indicators.sortOrder, indicators.id, frozenValues.period],
  );
  return rows.map((r) => ({ ...r, oldDefinitionVersion: null }));
}

/** Extraction dates of snapshots by id. */
export async function extractionDates(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: snapshots.id, extractionDate: snapshots.extractionDate })
    .from(snapshots)
    .where(inArray(snapshots.id, [...ids]));
  return new Map(rows.map((r) => [r.id, String(r.extractionDate)]));
}

export type ReportRecord = typeof reports.$inferSelect;
export type NewReportRecord = Omit<typeof reports.$inferInsert, "id" | "approvedAt">;

export async function insertReport(db: Db, row: NewReportRecord): Promise<ReportRecord> {
  const [inserted] = await db.insert(reports).values(row).returning();
  return inserted!;
}

export async function listReports(db: Db): Promise<ReportRecord[]> {
  return db.select().from(reports).orderBy(desc(reports.approvedAt), desc(reports.id));
}

export async function getReport(db: Db, id: number): Promise<ReportRecord | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  return row;
}
