import { sql } from "drizzle-orm";
import type { Db } from "../store/db.ts";
import { queryRows, schema } from "../store/db.ts";
import { type DemoProgress, seedDemoStore } from "./seed.ts";

/** True when the store holds no projects yet (a fresh installation). */
export async function isEmptyStore(db: Db): Promise<boolean> {
  const rows = await db.select({ id: schema.projects.id }).from(schema.projects).limit(1);
  return rows.length === 0;
}

/** Empties every app-store table (both drivers), so the demo can be laid anew. */
export async function clearStore(db: Db): Promise<void> {
  const tables = await queryRows<{ tablename: string }>(
    db,
    sql`select tablename from pg_tables where schemaname = 'public'`,
  );
  const names = tables.map((r) => `"${r.tablename}"`).join(", ");
  if (names) await db.execute(sql.raw(`TRUNCATE ${names} RESTART IDENTITY CASCADE`));
}

export async function installDemo(db: Db, progress: DemoProgress): Promise<void> {
  await seedDemoStore(db, progress);
}
