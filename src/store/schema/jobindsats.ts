import {
  doublePrecision,
  index,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * Values from jobindsats.dk (DESIGN 9.3): one row per table, measure, area, period and dimension
 * values. A later fetch or import of the same cell replaces it; a failed one changes nothing.
 */
export const jobindsatsValues = pgTable(
  "jobindsats_values",
  {
    id: serial("id").primaryKey(),
    /** lower-case table id, e.g. y01a02 */
    tableId: text("table_id").notNull(),
    tableName: text("table_name").notNull().default(""),
    /** the measure's id at jobindsats (or its label when an export names only that) */
    measure: text("measure").notNull(),
    measureLabel: text("measure_label").notNull(),
    area: text("area").notNull(),
    /** period code: 2024M03, 2023Q3, 2023QMAT03, 2023 */
    period: text("period").notNull(),
    /** dimension id → value, e.g. {"_kon": "Kvinder"}; {} for the table's totals */
    dimensions: jsonb("dimensions").$type<Record<string, string>>().notNull().default({}),
    /** the dimensions as one sortable key (part of the uniqueness) */
    dimensionKey: text("dimension_key").notNull().default(""),
    /** null: not published (discretion) */
    value: doublePrecision("value"),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull().defaultNow(),
    /** "api", "demo", or "fil:<export file name>" */
    source: text("source").notNull(),
  },
  (t) => [
    uniqueIndex("jobindsats_values_cell").on(t.tableId, t.measure, t.area, t.period, t.dimensionKey),
    index("jobindsats_values_table_measure").on(t.tableId, t.measure),
  ],
);
