import { sql } from "drizzle-orm";
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
