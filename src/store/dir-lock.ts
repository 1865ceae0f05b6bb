/**
 * One program at a time on a PGlite data directory. PGlite is PostgreSQL in this process: two
 * processes opening the same directory (a running server and a CLI command) would both write its
 * files and corrupt them. Opening takes a lock file beside the database, `<dataDir>/pglite.lock`,
 * holding the owner's pid; a lock whose process no longer runs is stale and taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { formatDate } from "../domain/format.ts";

interface LockContent {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
  constructor(
    message: string,
    readonly lockFile: string,
    readonly holder: LockContent | null,
  ) {
    super(message);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockContent | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<LockContent>;
    return typeof parsed.pid === "number"
      ? {
          pid: parsed.pid,
          host: String(parsed.host ?? ""),
          command: String(parsed.command ?? ""),
          startedAt: String(parsed.startedAt ?? ""),
        }
      : null;
  } catch {
    return null;
  }
}

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "på et ukendt tidspunkt";
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${formatDate(date)} kl. ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const held = new Map<string, number>();

/**
 * Take the lock for `dataDir`, or throw DataDirLockedError with a Danish message naming the
 * program holding it. Returns the release function (also run when the process exits).
 */
export function lockDataDir(dataDir: string, lockFile: string): () => void {
  const mine: LockContent = {
    pid: process.pid,
    host: hostname(),
    command: ["effektspor", ...process.argv.slice(2)].join(" "),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockFile, "wx", 0o600);
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readLock(lockFile);
      const sameHost = holder !== null && (holder.host === "" || holder.host === mine.host);
      if (holder && holder.pid === process.pid && sameHost) break; // this process already holds it
      const stale = holder === null ? attempt > 0 : sameHost && !alive(holder.pid);
      if (stale && attempt < 3) {
        try {
          unlinkSync(lockFile);
        } catch {
          // removed by someone else meanwhile: try again
        }
        continue;
      }
      if (holder === null && attempt === 0) continue; // being written right now: read again
      throw new DataDirLockedError(
        `Datamappen ${dataDir} er i brug af et andet Effektspor-program` +
          (holder
            ? ` (proces ${holder.pid}${sameHost ? "" : ` på ${holder.host}`}: «${holder.command}», startet ${when(holder.startedAt)})`
            : "") +
          ". Databasen (PGlite) kan kun bruges af ét program ad gangen, ellers kan den blive ødelagt. " +
          "Stop det andet program (fx serveren med Ctrl+C), og prøv igen – eller brug en anden --data-dir. " +
          `Kører der ikke noget andet Effektspor-program, kan du slette låsefilen ${lockFile}.`,
        lockFile,
        holder,
      );
    }
  }
  held.set(lockFile, (held.get(lockFile) ?? 0) + 1);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    const count = (held.get(lockFile) ?? 1) - 1;
    if (count > 0) {
      held.set(lockFile, count);
      return;
    }
    held.delete(lockFile);
    if (readLock(lockFile)?.pid === process.pid) {
      try {
        unlinkSync(lockFile);
      } catch {
        // already gone
      }
    }
  };
  process.on("exit", release);
  return release;
}
