/**
 * The snapshot catalogue seen from the warehouse: where a snapshot's folder is, and retention
 * (DESIGN 5: snapshots older than N months lose their person-level data; computed values stay).
 */
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { isoDateFromUtc, subtractMonthsFromDate } from "../domain/calendar.ts";
import type { Db } from "../store/db.ts";
import { listSnapshots, markSnapshotPruned, type SnapshotRow } from "../store/repositories/snapshots.ts";

export function snapshotFolder(dataDir: string, snapshot: Pick<SnapshotRow, "folder">): string {
  return path.join(dataDir, snapshot.folder);
}

export interface PruneResult {
  cutoff: string;
  pruned: { id: string; extractionDate: string; folder: string }[];
  kept: string[];
}

/**
 * Deletes the Parquet data of complete snapshots whose extraction date is before today − keepMonths
 * months, and marks them pruned in the catalogue. The newest complete snapshot is always kept, so
 * the installation keeps something to compute on.
 */
export async function pruneSnapshots(options: {
  db: Db;
  dataDir: string;
  keepMonths: number;
  today?: string;
}): Promise<PruneResult> {
  const { db, dataDir, keepMonths } = options;
  if (!Number.isInteger(keepMonths) || keepMonths < 0)
    throw new RangeError("--keep-months skal være et helt tal ≥ 0");
  const today = options.today ?? isoDateFromUtc(new Date());
  const cutoff = subtractMonthsFromDate(today, keepMonths);
  const complete = (await listSnapshots(db))
    .filter((s) => s.status === "complete")
    .sort((a, b) => (a.extractionDate < b.extractionDate ? 1 : a.extractionDate > b.extractionDate ? -1 : 0));
  const newest = complete[0]?.id;
  const result: PruneResult = { cutoff, pruned: [], kept: [] };
  for (const s of complete) {
    if (s.id === newest || s.extractionDate >= cutoff) {
      result.kept.push(s.id);
      continue;
    }
    const folder = snapshotFolder(dataDir, s);
    // the catalogue first: a snapshot marked pruned is never offered to the engine again
    await markSnapshotPruned(db, s.id);
    if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
    result.pruned.push({ id: s.id, extractionDate: s.extractionDate, folder });
  }
  return result;
}
