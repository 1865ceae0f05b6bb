import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { migrationsFolder, openStore, type Store } from "./db.ts";

/**
 * Fresh, migrated databases for tests. PGlite always; PostgreSQL as well when TEST_DATABASE_URL is
 * set (a new database is created on that server for each call and dropped on close).
 */
export type StoreTarget = "pglite" | "postgres";

export function storeTargets(): StoreTarget[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestStore extends Store {
  target: StoreTarget;
}

/**
 * A migrated PGlite data directory, dumped once and shared by every test file through a file keyed
 * by the migrations' content: a fresh database then loads in a fraction of the time migrating takes.
 * The file is a cache kept on purpose across runs, in the real OS temp directory
 * (EFFEKTSPOR_TEST_CACHE_DIR, set by test/temp-check.ts, which excludes it from its leftovers check):
 * `effektspor-cache-pglite-template-<migrations hash>.tar`.
 */
let templatePromise: Promise<Blob> | undefined;

export function pgliteTemplate(): Promise<Blob> {
  templatePromise ??= (async () => {
    const hash = createHash("sha256");
    for (const name of readdirSync(migrationsFolder).sort()) {
      if (name.endsWith(".sql")) hash.update(name).update(readFileSync(path.join(migrationsFolder, name)));
    }
    const cacheDir = process.env.EFFEKTSPOR_TEST_CACHE_DIR || tmpdir();
    const file = path.join(
      cacheDir,
      `effektspor-cache-pglite-template-${hash.digest("hex").slice(0, 16)}.tar`,
    );
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const store = await openStore();
    const client = (store.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
    const dump = await client.dumpDataDir("none");
    await store.close();
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  })();
  return templatePromise;
}

export async function createTestStore(target: StoreTarget = "pglite"): Promise<TestStore> {
  if (target === "pglite") {
    const store = await openStore({ pgliteTemplate: await pgliteTemplate(), migrate: false });
    return { ...store, target };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL er ikke sat");
  const name = `effektspor_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  return {
    ...store,
    target,
    async close() {
      await store.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * Runs a suite once per available store target, with a fresh database per suite:
 *   describeEachStore("projects repository", (getStore) => { it("…", async () => { const { db } = getStore(); … }) })
 */
export function describeEachStore(name: string, body: (getStore: () => TestStore) => void): void {
  for (const target of storeTargets()) {
    describe(`${name} [${target}]`, () => {
      let store: TestStore | undefined;
      beforeAll(async () => {
        store = await createTestStore(target);
      }, 60_000);
      afterAll(async () => {
        await store?.close();
      });
      body(() => {
        if (!store) throw new Error("test store not ready");
        return store;
      });
    });
  }
}
