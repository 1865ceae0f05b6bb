import { boolean, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/**
 * An approved committee report (a record, DESIGN 8): which month, format and projects, whether it
 * was meant for publication, on which snapshot, who approved it and when, and the file as it was
 * given to the committee (stored under the data directory, `reports/…`, with its sha256 so it is
 * opened unchanged). Approving also froze the reported values (frozen_values).
 */
export const reports = pgTable("reports", {
  id: serial("id").primaryKey(),
  month: text("month").notNull(),
  format: text("format").notNull(), // pdf | docx | xlsx
  publication: boolean("publication").notNull().default(false),
  /** the projects in the report (their ids) */
  projectIds: jsonb("project_ids").$type<number[]>().notNull().default([]),
  title: text("title").notNull(),
  snapshotId: text("snapshot_id"),
  /** the extraction date of that snapshot, as printed on the front page */
  extractionDate: text("extraction_date"),
  computationId: integer("computation_id"),
  approvedBy: text("approved_by").notNull(),
  approvedAt: timestamp("approved_at", { withTimezone: true }).notNull().defaultNow(),
  fileName: text("file_name").notNull(),
  /** relative to the data directory */
  filePath: text("file_path").notNull(),
  sha256: text("sha256").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  /** how many values the approval froze, and how many were frozen before */
  frozenCount: integer("frozen_count").notNull().default(0),
  alreadyFrozenCount: integer("already_frozen_count").notNull().default(0),
});
