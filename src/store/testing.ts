import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { openStore, type Store } from "./db.ts";

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

export async function createTestStore(target: StoreTarget = "pglite"): Promise<TestStore> {
  if (target === "pglite") {
    const store = await openStore();
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
