/** The snapshot catalogue and import reports in the app store. */
import { desc, eq } from "drizzle-orm";
import type { Db } from "../db.ts";
import { importReports, snapshots } from "../schema/warehouse.ts";

export type SnapshotRow = typeof snapshots.$inferSelect;
export type NewSnapshotRow = typeof snapshots.$inferInsert;
export type ImportReportRow = typeof importReports.$inferSelect;
export type NewImportReportRow = typeof importReports.$inferInsert;
export type RejectRow = ImportReportRow["rejects"][number];

export async function listSnapshots(db: Db): Promise<SnapshotRow[]> {
  return db.select().from(snapshots).orderBy(desc(snapshots.createdAt), desc(snapshots.id));
}

export async function getSnapshot(db: Db, id: string): Promise<SnapshotRow | undefined> {
  const rows = await db.select().from(snapshots).where(eq(snapshots.id, id)).limit(1);
  return rows[0];
}

export async function findSnapshotByHash(db: Db, contentHash: string): Promise<SnapshotRow | undefined> {
  const rows = await db.select().from(snapshots).where(eq(snapshots.contentHash, contentHash)).limit(1);
  return rows[0];
}

export async function countSnapshots(db: Db): Promise<number> {
  const rows = await db.select({ id: snapshots.id }).from(snapshots).limit(1);
  return rows.length;
}

export async function insertSnapshot(db: Db, row: NewSnapshotRow): Promise<SnapshotRow> {
  const [inserted] = await db.insert(snapshots).values(row).returning();
  if (!inserted) throw new Error("Snapshot blev ikke registreret");
  return inserted;
}

export async function markSnapshotPruned(db: Db, id: string): Promise<void> {
  await db.update(snapshots).set({ status: "pruned", prunedAt: new Date() }).where(eq(snapshots.id, id));
}

export async function insertImportReport(db: Db, row: NewImportReportRow): Promise<ImportReportRow> {
  const [inserted] = await db.insert(importReports).values(row).returning();
  if (!inserted) throw new Error("Importrapporten blev ikke gemt");
  return inserted;
}

export async function getImportReport(db: Db, id: number): Promise<ImportReportRow | undefined> {
  const rows = await db.select().from(importReports).where(eq(importReports.id, id)).limit(1);
  return rows[0];
}

/** The report of the import that created a snapshot. */
export async function reportForSnapshot(db: Db, snapshotId: string): Promise<ImportReportRow | undefined> {
  const rows = await db
    .select()
    .from(importReports)
    .where(eq(importReports.snapshotId, snapshotId))
    .orderBy(desc(importReports.id))
    .limit(1);
  return rows[0];
}

export async function listImportReports(db: Db, limit = 50): Promise<Omit<ImportReportRow, "rejects">[]> {
  return db
    .select({
      id: importReports.id,
      snapshotId: importReports.snapshotId,
      outcome: importReports.outcome,
      summary: importReports.summary,
      importedBy: importReports.importedBy,
      createdAt: importReports.createdAt,
    })
    .from(importReports)
    .orderBy(desc(importReports.id))
    .limit(limit);
}
