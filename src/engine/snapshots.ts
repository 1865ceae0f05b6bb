/**
 * Finding a snapshot folder in the data directory: `<dataDir>/snapshots/<id>/manifest.json`.
 *
 * The import writes a snapshot into a temp folder and renames it into place when finished, so a
 * folder with a manifest is complete. Until the catalogue in the app store is wired in, this is
 * the lookup; "latest" is the newest manifest by createdAt.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { SnapshotManifest } from "../warehouse/snapshot-layout.ts";

export interface ResolvedSnapshot {
  id: string;
  /** absolute path of the snapshot folder */
  dir: string;
  manifest: SnapshotManifest;
}

export class SnapshotNotFoundError extends Error {
  override name = "SnapshotNotFoundError";
}

/** The data directory: the option, else EFFEKTSPOR_DATA_DIR, else ./data. */
export function defaultDataDir(option?: string): string {
  return resolve(option ?? process.env.EFFEKTSPOR_DATA_DIR ?? "data");
}

function readManifest(dir: string): SnapshotManifest | undefined {
  const file = join(dir, "manifest.json");
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as SnapshotManifest;
  } catch (e) {
    throw new Error(`Kan ikke læse ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The named snapshot, or the newest complete one when no id is given. */
export async function resolveSnapshot(dataDir: string, id?: string): Promise<ResolvedSnapshot> {
  const root = join(resolve(dataDir), "snapshots");
  if (id !== undefined) {
    // an id is a folder name, never a path
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) {
      throw new SnapshotNotFoundError(`Ugyldigt snapshot-id '${id}'`);
    }
    const dir = join(root, id);
    const manifest = readManifest(dir);
    if (!manifest) throw new SnapshotNotFoundError(`Snapshot '${id}' findes ikke i ${root}`);
    return { id, dir, manifest };
  }
  const entries = existsSync(root) ? readdirSync(root, { withFileTypes: true }) : [];
  let best: ResolvedSnapshot | undefined;
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const dir = join(root, e.name);
    const manifest = readManifest(dir);
    if (!manifest) continue; // unfinished or foreign folder
    // ISO timestamps compare as strings; the folder name breaks ties deterministically
    if (
      !best ||
      manifest.createdAt > best.manifest.createdAt ||
      (manifest.createdAt === best.manifest.createdAt && e.name > best.id)
    ) {
      best = { id: e.name, dir, manifest };
    }
  }
  if (!best) throw new SnapshotNotFoundError(`Der er ingen snapshots i ${root}; importér data først`);
  return best;
}
