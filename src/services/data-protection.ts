import { existsSync, rmSync } from "node:fs";
import { eq } from "drizzle-orm";
import { ConflictError, InvalidFieldError, notFound } from "../domain/errors.ts";
import { type Db, schema } from "../store/db.ts";
import { writeAudit } from "../store/repositories/audit.ts";
import { getSnapshot, listSnapshots, markSnapshotPruned } from "../store/repositories/snapshots.ts";
import { pruneSnapshots, snapshotFolder } from "../warehouse/catalogue.ts";

/**
 * Data protection for the administrator: what personal data the installation holds (the snapshots'
 * person-level data), retention of snapshots on a schedule (setting `retention.keepMonths`), and
 * deleting one snapshot's person-level data on request. Each deletion is audited; the catalogue row
 * stays (marked pruned) so computed values keep their provenance.
 */
const RETENTION_KEY = "retention";

export interface RetentionSetting {
  /** keep snapshots whose extraction date is at most this many months old (the newest always stays); null: off */
  keepMonths: number | null;
  lastRun: string | null;
}

export async function retentionSetting(db: Db): Promise<RetentionSetting> {
  const [row] = await db.select().from(schema.settings).where(eq(schema.settings.key, RETENTION_KEY));
  return { keepMonths: null, lastRun: null, ...((row?.value as Partial<RetentionSetting>) ?? {}) };
}

async function saveRetention(db: Db, value: RetentionSetting): Promise<void> {
  await db
    .insert(schema.settings)
    .values({ key: RETENTION_KEY, value })
    .onConflictDoUpdate({ target: schema.settings.key, set: { value } });
}

export async function setRetention(db: Db, keepMonths: number | null, by: string): Promise<RetentionSetting> {
  if (keepMonths !== null && (!Number.isInteger(keepMonths) || keepMonths < 1 || keepMonths > 600)) {
    throw new InvalidFieldError("Antal måneder skal være et helt tal fra 1 til 600", "keepMonths");
  }
  const before = await retentionSetting(db);
  const after = { ...before, keepMonths };
  await saveRetention(db, after);
  await writeAudit(db, {
    actor: by,
    action: "retention.setting",
    subject: "settings:retention",
    details: { old: { keepMonths: before.keepMonths }, new: { keepMonths } },
  });
  return after;
}

/** Runs retention when it is on; audited with the snapshots whose person-level data went. */
export async function runRetention(db: Db, dataDir: string, by: string, today?: string) {
  const setting = await retentionSetting(db);
  if (setting.keepMonths === null) return null;
  const result = await pruneSnapshots({ db, dataDir, keepMonths: setting.keepMonths, today });
  await saveRetention(db, { ...setting, lastRun: new Date().toISOString() });
  await writeAudit(db, {
    actor: by,
    action: "retention.run",
    subject: "snapshots",
    details: {
      keepMonths: setting.keepMonths,
      cutoff: result.cutoff,
      pruned: result.pruned.map((p) => p.id),
    },
  });
  return result;
}

export async function personalDataHeld(db: Db) {
  const snapshots = (await listSnapshots(db)).map((s) => ({
    id: s.id,
    extractionDate: s.extractionDate,
    personCount: s.personCount,
    status: s.status as "complete" | "pruned",
    oldestDate: s.dateRange.from,
    importedBy: s.importedBy,
  }));
  const held = snapshots.filter((s) => s.status === "complete");
  const dates = held
    .map((s) => s.oldestDate)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    snapshots,
    snapshotsWithPersonData: held.length,
    largestPersonCount: Math.max(0, ...held.map((s) => s.personCount)),
    oldestDate: dates[0] ?? null,
    retention: await retentionSetting(db),
  };
}

/** Deletes a snapshot's person-level data (its Parquet folder); the catalogue row is kept as pruned. */
export async function deleteSnapshotPersonData(db: Db, dataDir: string, id: string, by: string) {
  const s = await getSnapshot(db, id);
  if (!s) throw notFound(`Snapshot ${id}`);
  if (s.status === "pruned") throw new ConflictError(`Snapshot ${id}s persondata er allerede slettet`);
  await markSnapshotPruned(db, id);
  const folder = snapshotFolder(dataDir, s);
  if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
  await writeAudit(db, {
    actor: by,
    action: "data-protection.delete",
    subject: `snapshot:${id}`,
    details: { extractionDate: s.extractionDate, persons: s.personCount },
  });
  return { id, deleted: true as const, persons: s.personCount };
}
