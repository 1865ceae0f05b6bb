import {
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { indicators } from "./projects.ts";
import { snapshots } from "./warehouse.ts";

/** one run of the engine (Beregn) */
export const computations = pgTable("computations", {
  id: serial("id").primaryKey(),
  snapshotId: text("snapshot_id").references(() => snapshots.id, { onDelete: "set null" }),
  status: text("status").notNull(), // running | ok | failed
  error: text("error"),
  fromPeriod: text("from_period"),
  toPeriod: text("to_period"),
  indicatorCount: integer("indicator_count").notNull().default(0),
  valueCount: integer("value_count").notNull().default(0),
  durationMs: integer("duration_ms"),
  /** progress while running: indicators done of total, and what is happening now */
  progressDone: integer("progress_done").notNull().default(0),
  progressTotal: integer("progress_total").notNull().default(0),
  progressStep: text("progress_step"),
  /** definitions skipped because they are invalid, with the reason (the rest is still computed) */
  warnings: jsonb("warnings").$type<{ indicator: string; message: string }[]>().notNull().default([]),
  startedBy: text("started_by").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

/**
 * The columns a computed and a frozen value share: an indicator's value for a month, the parts of
 * a share, and the snapshot it came from (a function: each table needs its own column builders).
 */
function indicatorMonthValue() {
  return {
    id: serial("id").primaryKey(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    value: doublePrecision("value"),
    numerator: doublePrecision("numerator"),
    denominator: doublePrecision("denominator"),
    snapshotId: text("snapshot_id"),
  };
}

/** the current computed value per indicator and month, with its provenance */
export const computedValues = pgTable(
  "computed_values",
  {
    ...indicatorMonthValue(),
    computationId: integer("computation_id").references(() => computations.id, { onDelete: "set null" }),
    definitionVersion: integer("definition_version").notNull(),
    definitionHash: text("definition_hash").notNull(),
    compiledSql: text("compiled_sql").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("computed_values_indicator_period").on(t.indicatorId, t.period)],
);

/** values reported to the committee, frozen for a month; later changes show as revisions */
export const frozenValues = pgTable(
  "frozen_values",
  {
    ...indicatorMonthValue(),
    reportLabel: text("report_label"),
    frozenBy: text("frozen_by").notNull(),
    frozenAt: timestamp("frozen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("frozen_values_indicator_period").on(t.indicatorId, t.period)],
);

/** configurable mapping of exit reasons to outcome groups (seed 003) */
export const outcomeGroupSets = pgTable("outcome_group_sets", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  groups: jsonb("groups").$type<{ name: string; reasons: string[] }[]>().notNull(),
});
