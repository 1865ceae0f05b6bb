/**
 * The import's temporary folder `<dataDir>/snapshots/.tmp-<hash>-<random>/`: staged rows, DuckDB's
 * spill files and, at the end, the finished snapshot that is renamed into place. A `.owner` file
 * holds the importing process's id, so a later import can tell a dead import's leftovers from a
 * running one's.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

const activeTempDirs = new Set<string>();

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temporary folders of imports that died (their owner process is gone). */
export function cleanStaleTemporaryFolders(snapshotsDir: string): string[] {
  if (!existsSync(snapshotsDir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(snapshotsDir)) {
    if (!name.startsWith(".tmp-")) continue;
    const dir = path.join(snapshotsDir, name);
    const ownerFile = path.join(dir, ".owner");
    let pid = 0;
    try {
      pid = Number(readFileSync(ownerFile, "utf8").trim());
    } catch {
      pid = 0;
    }
    if (pid > 0 && pidAlive(pid) && pid !== process.pid) continue;
    if (pid === process.pid && activeTempDirs.has(dir)) continue;
    rmSync(dir, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Removes the temporary folders that dead imports left in a data directory; called when the server
 * or a command starts (and by every import), so a killed import's folder never stays behind.
 */
export function cleanLeftoverImports(dataDir: string): string[] {
  return cleanStaleTemporaryFolders(path.join(dataDir, "snapshots"));
}

/** Creates the temporary folder of a new import (after removing dead imports' folders). */
export function openWorkspace(snapshotsDir: string, contentHash: string): string {
  cleanStaleTemporaryFolders(snapshotsDir);
  const tmpDir = path.join(snapshotsDir, `.tmp-${contentHash.slice(0, 8)}-${randomBytes(4).toString("hex")}`);
  mkdirSync(tmpDir);
  activeTempDirs.add(tmpDir);
  writeFileSync(path.join(tmpDir, ".owner"), String(process.pid));
  return tmpDir;
}

/** The folder has been renamed into place (or is about to be removed): no longer ours to guard. */
export function releaseWorkspace(tmpDir: string): void {
  activeTempDirs.delete(tmpDir);
}

/** Removes the temporary folder (whatever the import's outcome; a no-op once it was renamed). */
export function removeWorkspace(tmpDir: string): void {
  activeTempDirs.delete(tmpDir);
  rmSync(tmpDir, { recursive: true, force: true });
}

export function fsyncPath(p: string): void {
  const fd = openSync(p, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
