import { sql } from "drizzle-orm";
import pg from "pg";
import { expect, it } from "vitest";
import { queryRows } from "./db.ts";
import { describeEachStore } from "./testing.ts";

describeEachStore("store migrations", (getStore) => {
  it("creates every table of the schema", async () => {
    const { db } = getStore();
    const rows = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name in ('projects','indicators','milestones','manual_values','month_comments','snapshots','import_reports','computations','computed_values','frozen_values','outcome_group_sets','prices','business_cases','maaltal_lines','users','sessions','audit_log','settings')`,
    );
    // 18 tables are named in the list above, one per pgTable in src/store/schema
    expect(rows[0]?.n).toBe(18);
  });

  it("returns counts as JS numbers on both drivers", async () => {
    const { db } = getStore();
    const rows = await queryRows<{ n: unknown }>(db, sql`select count(*) as n from projects`);
    expect(rows[0]?.n).toBe(0);
  });
});

describeEachStore("store connections", (getStore) => {
  it("survives the server ending an idle connection, and the next query works", async () => {
    const { db, kind } = getStore();
    const before = await queryRows<{ pid: number }>(db, sql`select pg_backend_pid() as pid`);
    if (kind === "postgres") {
      // end the pool's now idle connection from another session, as a server restart or an
      // administrator would; without the pool's error listener this is an uncaught error
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query("select pg_terminate_backend($1)", [before[0]!.pid]);
      await admin.end();
      await new Promise((r) => setTimeout(r, 300));
    }
    const after = await queryRows<{ n: number }>(db, sql`select 1::int as n`);
    expect(after[0]?.n).toBe(1);
  });
});
