import { date, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/** The snapshot catalogue: a row per complete snapshot folder under <dataDir>/snapshots/<id>. */
export const snapshots = pgTable("snapshots", {
  id: text("id").primaryKey(),
  extractionDate: date("extraction_date").notNull(),
  source: text("source").notNull(),
  contentHash: text("content_hash").notNull().unique(),
  /** folder relative to the data directory */
  folder: text("folder").notNull(),
  counts: jsonb("counts").$type<Record<string, number>>().notNull(),
  /** first and last date found in the data */
  dateRange: jsonb("date_range").$type<{ from: string | null; to: string | null }>().notNull(),
  personCount: integer("person_count").notNull(),
  rejectedRows: integer("rejected_rows").notNull().default(0),
  /** complete | pruned (person-level data deleted by retention) */
  status: text("status").notNull().default("complete"),
  importedBy: text("imported_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  prunedAt: timestamp("pruned_at", { withTimezone: true }),
});

/** the validation report of an import attempt (kept also for failed attempts) */
export const importReports = pgTable("import_reports", {
  id: serial("id").primaryKey(),
  snapshotId: text("snapshot_id").references(() => snapshots.id, { onDelete: "set null" }),
  outcome: text("outcome").notNull(), // imported | rejected | duplicate | failed
  summary: jsonb("summary").$type<Record<string, unknown>>().notNull(),
  /** rejected rows: file, line, column, value, reason (value never holds a CPR) */
  rejects: jsonb("rejects")
    .$type<{ file: string; line: number; column: string; value: string; reason: string }[]>()
    .notNull()
    .default([]),
  importedBy: text("imported_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
