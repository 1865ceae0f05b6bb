import {
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** An investment project (investeringsprojekt) with its description, as in seed 002 and 004. */
export const projects = pgTable("projects", {
  id: serial("id").primaryKey(),
  /** slug used by case-system markers (markeringer.projekt), e.g. "flere-i-job" */
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  committee: text("committee").notNull().default("Udvalget for Beskæftigelse"),
  periodStart: date("period_start"),
  periodEnd: date("period_end"),
  /** afsæt / udfordring */
  background: text("background").notNull().default(""),
  targetGroups: jsonb("target_groups").$type<string[]>().notNull().default([]),
  activities: jsonb("activities").$type<string[]>().notNull().default([]),
  shortTermGoals: jsonb("short_term_goals").$type<string[]>().notNull().default([]),
  longTermGoals: jsonb("long_term_goals").$type<string[]>().notNull().default([]),
  /** the investment in words and numbers: staff, cost per year, years */
  investment: jsonb("investment")
    .$type<{ text?: string; staff?: number; costPerYear?: number; years?: number }>()
    .notNull()
    .default({}),
  relatedProjects: jsonb("related_projects").$type<string[]>().notNull().default([]),
  dataSources: jsonb("data_sources").$type<string[]>().notNull().default([]),
  notes: text("notes").notNull().default(""),
  /** footnotes for the committee report, e.g. "* Fra perioden 2kv18-1kv19 til perioden 4kv19-3kv20" */
  footnotes: jsonb("footnotes").$type<string[]>().notNull().default([]),
  sortOrder: integer("sort_order").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An indicator of a project: computed from case data (definition = engine YAML object) or manual
 * (typed in monthly). Targets are columns here (one target per indicator); milestones are rows.
 */
export const indicators = pgTable(
  "indicators",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** [a-z0-9-], unique within the installation: the engine's indicator id */
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** heading the row is grouped under in the status scheme, e.g. "Andel med løntimer" */
    groupLabel: text("group_label"),
    unit: text("unit").notNull(), // personer | procent | uger | fuldtidspersoner | antal | kr.
    better: text("better").notNull().default("higher"), // higher | lower
    kind: text("kind").notNull().default("manual"), // manual | computed
    /** engine definition (population + measure) for computed indicators */
    definition: jsonb("definition").$type<Record<string, unknown> | null>(),
    definitionVersion: integer("definition_version").notNull().default(1),
    /** a break in the series (YYYY-MM): the forecast is fitted from the later of baseline and this month */
    breakMonth: text("break_month"),
    baselineValue: doublePrecision("baseline_value"),
    baselineDate: date("baseline_date"),
    baselineSource: text("baseline_source"),
    baselineNote: text("baseline_note"),
    /** the count behind a baseline share, when the seed gives it */
    baselineCount: doublePrecision("baseline_count"),
    /** final goal (slutmål): absolute value, or relative to baseline */
    goalKind: text("goal_kind").notNull().default("absolute"), // absolute | relative_percent | relative_points (src/domain/projects.ts)
    goalValue: doublePrecision("goal_value"),
    goalDate: date("goal_date"),
    goalText: text("goal_text"),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("indicators_code_unique").on(t.code)],
);

/** minimum milestones (mindste mål) of an indicator */
export const milestones = pgTable("milestones", {
  id: serial("id").primaryKey(),
  indicatorId: integer("indicator_id")
    .notNull()
    .references(() => indicators.id, { onDelete: "cascade" }),
  date: date("date").notNull(),
  value: doublePrecision("value"),
  label: text("label"),
});

/** manually entered monthly values */
export const manualValues = pgTable(
  "manual_values",
  {
    id: serial("id").primaryKey(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    period: text("period").notNull(), // YYYY-MM
    value: doublePrecision("value"),
    note: text("note"),
    enteredBy: text("entered_by").notNull(),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("manual_values_indicator_period").on(t.indicatorId, t.period)],
);

/** the month's comment of a project's status scheme */
export const monthComments = pgTable(
  "month_comments",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    comment: text("comment").notNull(),
    author: text("author").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("month_comments_project_period").on(t.projectId, t.period)],
);
