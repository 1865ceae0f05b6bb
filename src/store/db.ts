import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { lockDataDir } from "./dir-lock.ts";
import * as schema from "./schema/index.ts";

export { schema };
export type Schema = typeof schema;
/** The database handle every repository takes as its first argument: PGlite or node-postgres alike. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Store {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../drizzle");

// node-postgres returns int8 (count(*), sum of ints) and numeric as strings; parse them at the boundary
// so PGlite and PostgreSQL give repositories the same JS numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface OpenStoreOptions {
  /** postgres://… : use a PostgreSQL server; otherwise PGlite */
  databaseUrl?: string;
  /** PGlite data directory; undefined = in memory */
  pgliteDir?: string;
  /** run migrations (default true) */
  migrate?: boolean;
  /** start PGlite from a dumped, already migrated data directory (tests: fast fresh databases) */
  pgliteTemplate?: Blob;
}

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const runMigrations = options.migrate ?? true;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 5 });
    // An idle connection the server ends (a restart, an administrator, a dropped test database) is
    // reported on the pool; without a listener Node treats it as an uncaught error and the process
    // dies. The pool replaces the connection on the next query, so a log line is enough.
    pool.on("error", (err) => {
      console.error(
        `PostgreSQL-forbindelsen blev afbrudt af serveren (${(err as { code?: string }).code ?? err.message})`,
      );
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    if (runMigrations) await migratePg(db as never, { migrationsFolder });
    return { db, kind: "postgres", close: () => pool.end() };
  }
  if (options.pgliteDir) mkdirSync(options.pgliteDir, { recursive: true });
  const client = options.pgliteTemplate
    ? new PGlite({ loadDataDir: options.pgliteTemplate })
    : options.pgliteDir
      ? new PGlite(options.pgliteDir)
      : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  if (runMigrations) await migratePglite(db as never, { migrationsFolder });
  return { db, kind: "pglite", close: () => client.close() };
}

/** The store a running installation uses: DATABASE_URL if set, else PGlite in <dataDir>/pglite. */
export async function openInstallationStore(dataDir: string): Promise<Store> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) return openStore({ databaseUrl });
  // PGlite: one process at a time on the directory (src/store/dir-lock.ts)
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir, path.join(dataDir, "pglite.lock"));
  let store: Store;
  try {
    store = await openStore({ pgliteDir: path.join(dataDir, "pglite") });
  } catch (e) {
    release();
    throw e;
  }
  return {
    ...store,
    close: async () => {
      try {
        await store.close();
      } finally {
        release();
      }
    },
  };
}

/** Raw SQL returning rows, the same on both drivers (both answer `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Runs `body` in one transaction on either driver. Use cases that write several things get the
 * transaction from their caller (opened at the edge: the route or the command) and pass it down.
 */
export function inTransaction<T>(db: Db, body: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => body(tx as unknown as Db));
}
