/**
 * Which snapshot the values come from, and which one "Beregn" / `compute` uses (issue 9, item 1).
 *
 * - The snapshot IN USE is the one the latest successful computation ran on: what the status
 *   schemes, reports and economics show now.
 * - The DEFAULT for a new computation is the snapshot with the newest extraction date (not the
 *   newest import): importing an older extract never moves the values back in time by itself.
 * - A computation on a snapshot with an earlier extraction date than the one in use, or with more
 *   than 20 % fewer persons, must be confirmed (src/domain/snapshot-change.ts).
 *
 * The computable snapshots are the complete folders under <dataDir>/snapshots (a folder with a
 * manifest is complete, src/engine/snapshots.ts), with import facts from the catalogue when the
 * snapshot is registered there.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { desc, eq } from "drizzle-orm";
import {
  compareSnapshots,
  newestByExtraction,
  type SnapshotChange,
  type SnapshotFacts,
} from "../domain/snapshot-change.ts";
import { type Db, schema } from "../store/db.ts";
import type { SnapshotManifest } from "../warehouse/snapshot-layout.ts";

export interface SnapshotChoice extends SnapshotFacts {
  source: string;
  /** first date in the data (catalogue), when known */
  dataFrom: string | null;
  inCatalogue: boolean;
}

export interface SnapshotInUse extends SnapshotChoice {
  computationId: number;
  computedAt: string | null;
}

export class SnapshotChoiceError extends Error {
  override name = "SnapshotChoiceError";
}

function readManifest(dir: string): SnapshotManifest | undefined {
  const file = join(dir, "manifest.json");
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as SnapshotManifest;
  } catch {
    return undefined; // unreadable: not offered (the engine reports it if named)
  }
}

const iso = (d: Date | string | null | undefined) =>
  d === null || d === undefined ? null : d instanceof Date ? d.toISOString() : String(d);

/** Every snapshot a computation can run on, newest extraction date first. */
export async function listComputableSnapshots(db: Db, dataDir: string): Promise<SnapshotChoice[]> {
  const root = join(resolve(dataDir), "snapshots");
  const entries = existsSync(root) ? readdirSync(root, { withFileTypes: true }) : [];
  const catalogue = new Map((await db.select().from(schema.snapshots)).map((r) => [r.id, r]));
  const out: SnapshotChoice[] = [];
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const manifest = readManifest(join(root, e.name));
    if (!manifest) continue;
    const row = catalogue.get(e.name);
    if (row && row.status !== "complete") continue;
    out.push({
      id: e.name,
      extractionDate: manifest.extractionDate,
      persons: row?.personCount ?? manifest.counts?.persons ?? 0,
      importedAt: iso(row?.createdAt) ?? manifest.createdAt ?? null,
      source: row?.source ?? manifest.source ?? "",
      dataFrom: row?.dateRange?.from ?? null,
      inCatalogue: row !== undefined,
    });
  }
  return out.sort((a, b) =>
    a.extractionDate !== b.extractionDate
      ? a.extractionDate < b.extractionDate
        ? 1
        : -1
      : (b.importedAt ?? "").localeCompare(a.importedAt ?? "") || b.id.localeCompare(a.id),
  );
}

/** The snapshot the current values come from: that of the latest successful computation. */
export async function snapshotInUse(
  db: Db,
  dataDir: string,
  known?: SnapshotChoice[],
): Promise<SnapshotInUse | null> {
  const { computations, computedValues, snapshots } = schema;
  const [last] = await db
    .select()
    .from(computations)
    .where(eq(computations.status, "ok"))
    .orderBy(desc(computations.id))
    .limit(1);
  if (!last) return null;
  let id = last.snapshotId;
  if (!id) {
    // a snapshot outside the catalogue is not referenced by the run; its values name it
    const [v] = await db
      .select({ s: computedValues.snapshotId })
      .from(computedValues)
      .where(eq(computedValues.computationId, last.id))
      .limit(1);
    id = v?.s ?? null;
  }
  if (!id) return null;
  const list = known ?? (await listComputableSnapshots(db, dataDir));
  let facts: SnapshotChoice | undefined = list.find((s) => s.id === id);
  if (!facts) {
    // pruned or removed since: the catalogue still knows its facts
    const [row] = await db.select().from(snapshots).where(eq(snapshots.id, id));
    facts = {
      id,
      extractionDate: row?.extractionDate ?? "",
      persons: row?.personCount ?? 0,
      importedAt: iso(row?.createdAt),
      source: row?.source ?? "",
      dataFrom: row?.dateRange?.from ?? null,
      inCatalogue: row !== undefined,
    };
  }
  return { ...facts, computationId: last.id, computedAt: iso(last.finishedAt) };
}

export interface ComputationPlan {
  /** the snapshot the computation will run on */
  snapshot: SnapshotChoice;
  /** true when the caller named it; false when it is the newest extraction date */
  explicit: boolean;
  inUse: SnapshotInUse | null;
  change: SnapshotChange;
  /** every computable snapshot, newest extraction first (for a choice in the UI) */
  available: SnapshotChoice[];
}

/**
 * The snapshot a computation would use (the named one, else the newest extraction date) and
 * whether replacing the values must be confirmed. Throws SnapshotChoiceError (Danish) when there
 * is no snapshot or the named one is not computable.
 */
export async function planComputation(
  db: Db,
  dataDir: string,
  options: { snapshotId?: string } = {},
): Promise<ComputationPlan> {
  const available = await listComputableSnapshots(db, dataDir);
  const inUse = await snapshotInUse(db, dataDir, available);
  let snapshot: SnapshotChoice | undefined;
  if (options.snapshotId !== undefined) {
    snapshot = available.find((s) => s.id === options.snapshotId);
    if (!snapshot) {
      throw new SnapshotChoiceError(
        `Snapshot «${options.snapshotId}» findes ikke (eller dets persondata er slettet); ` +
          (available.length > 0
            ? `vælg et af: ${available.map((s) => s.id).join(", ")}`
            : "importér data først"),
      );
    }
  } else {
    snapshot = newestByExtraction(available);
    if (!snapshot) throw new SnapshotChoiceError("Der er ingen snapshots; importér data først");
  }
  return {
    snapshot,
    explicit: options.snapshotId !== undefined,
    inUse,
    change: compareSnapshots(inUse, snapshot),
    available,
  };
}

/** The id a computation uses when none is named (the newest extraction date), if any. */
export async function defaultSnapshotId(db: Db, dataDir: string): Promise<string | undefined> {
  return newestByExtraction(await listComputableSnapshots(db, dataDir))?.id;
}
