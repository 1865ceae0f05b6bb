/**
 * The overview and the status schemes as a read model (issue 16, item 3): built when first asked
 * for after a change, served from memory after that, rebuilt after the next change.
 *
 * What they show changes only when someone computes, imports, edits or freezes. Each such write
 * ends with `invalidateReadModels`, which stores a new random version in the app store (settings
 * key `read-models.version`): the API router after every successful write request, and the
 * services that write outside a request (a computation, also from the CLI or a scheduler on
 * PostgreSQL; an import; a freeze). A read serves the built answer when it was built at the
 * current version on the same UTC day (statuses are judged as of today); otherwise it builds anew.
 * The version is a counter of this process's invalidations (so an edit shows in the very next
 * answer) plus the store's value, read again at most once a second, so a write made by another
 * process (`effektspor compute` from a scheduler beside the server, on PostgreSQL) shows too.
 *
 * The version is read before the data: an answer built while a write lands is kept under the older
 * version and rebuilt on the next read. Readers that miss together share one build. The answer's
 * JSON is kept with it, so a read is a lookup, not a serialization of 30–80 kB.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { isoDateFromUtc } from "../domain/calendar.ts";
import { type Db, schema } from "../store/db.ts";
import {
  buildOverview,
  buildStatusScheme,
  type OverviewProject,
  type SchemeOptions,
  type StatusScheme,
} from "./status-scheme.ts";

export const READ_MODEL_VERSION_KEY = "read-models.version";

/** answers kept per store; beyond this (many ranges asked for) the cache starts over */
const MAX_ENTRIES = 500;

/**
 * How long a version read from the store is trusted. Writes made in this process are seen at once
 * (the local counter below); a write made by another process (possible on PostgreSQL only, PGlite
 * admits one process) within this long.
 */
export const STORE_VERSION_TTL_MS = 1_000;

interface Entry {
  version: string;
  day: string;
  value: Promise<unknown>;
}

interface Cache {
  entries: Map<string, Entry>;
  storeVersion?: { value: string; local: number; readAt: number };
}

const caches = new WeakMap<Db, Cache>();

/** bumped by every invalidation in this process, whatever store handle (or transaction) it came through */
let localVersion = 0;

/** Marks everything built so far as old: call after a write the overview or a scheme shows. */
export async function invalidateReadModels(db: Db): Promise<void> {
  const value = randomUUID();
  await db
    .insert(schema.settings)
    .values({ key: READ_MODEL_VERSION_KEY, value })
    .onConflictDoUpdate({ target: schema.settings.key, set: { value } });
  localVersion++;
}

async function currentVersion(db: Db, cache: Cache): Promise<string> {
  const local = localVersion;
  const known = cache.storeVersion;
  if (!known || known.local !== local || performance.now() - known.readAt > STORE_VERSION_TTL_MS) {
    const [row] = await db
      .select({ value: schema.settings.value })
      .from(schema.settings)
      .where(eq(schema.settings.key, READ_MODEL_VERSION_KEY));
    cache.storeVersion = { value: row ? String(row.value) : "", local, readAt: performance.now() };
  }
  return `${cache.storeVersion!.value}/${local}`;
}

/** A built answer: the value, and its JSON (made once, on first use, for every later response). */
export interface ReadModel<T> {
  value: T;
  json(): Uint8Array<ArrayBuffer>;
}

function readModel<T>(value: T): ReadModel<T> {
  let bytes: Uint8Array<ArrayBuffer> | undefined;
  return {
    value,
    json: () => {
      bytes ??= new TextEncoder().encode(JSON.stringify(value));
      return bytes;
    },
  };
}

async function cached<T>(db: Db, key: string, build: () => Promise<T>): Promise<ReadModel<T>> {
  let cache = caches.get(db);
  if (!cache) {
    cache = { entries: new Map() };
    caches.set(db, cache);
  }
  const version = await currentVersion(db, cache);
  const day = isoDateFromUtc(new Date());
  const entries = cache.entries;
  const hit = entries.get(key);
  if (hit && hit.version === version && hit.day === day) return hit.value as Promise<ReadModel<T>>;
  const value = build().then(readModel);
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const entry: Entry = { version, day, value };
  entries.set(key, entry);
  // a failed build is not kept
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}

/** The overview answer (every project with its indicators' latest status), built once per change. */
export function overviewReadModel(db: Db): Promise<ReadModel<{ projects: OverviewProject[] }>> {
  return cached(db, "overview", async () => ({ projects: await buildOverview(db) }));
}

/** A project's status scheme for a range (default range when none), built once per change. */
export function statusSchemeReadModel(
  db: Db,
  projectId: number,
  options: Pick<SchemeOptions, "from" | "to"> = {},
): Promise<ReadModel<StatusScheme | undefined>> {
  const key = `scheme:${projectId}:${options.from ?? ""}:${options.to ?? ""}`;
  return cached(db, key, () => buildStatusScheme(db, projectId, { from: options.from, to: options.to }));
}
