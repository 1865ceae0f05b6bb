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
import { projects } from "./projects.ts";

/** price catalogue: gross cost per full-time person per year and average refusion, per benefit and year */
export const prices = pgTable(
  "prices",
  {
    id: serial("id").primaryKey(),
    benefit: text("benefit").notNull(),
    budgetYear: integer("budget_year").notNull(),
    grossPerFteYear: doublePrecision("gross_per_fte_year").notNull(),
    refusionPct: doublePrecision("refusion_pct").notNull(),
    sourceNote: text("source_note").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("prices_benefit_year").on(t.benefit, t.budgetYear)],
);

/** a project's business case and potential calculation; the model is validated by zod in the domain */
export const businessCases = pgTable("business_cases", {
  id: serial("id").primaryKey(),
  projectId: integer("project_id")
    .notNull()
    .references(() => projects.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  model: jsonb("model").$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** the måltal table (seed 002): budgeted full-time persons per benefit group and their adjustments */
export const maaltalLines = pgTable("maaltal_lines", {
  id: serial("id").primaryKey(),
  budgetPeriod: text("budget_period").notNull(), // e.g. 2024-2025
  groupName: text("group_name").notNull(),
  groupOrder: integer("group_order").notNull().default(0),
  lineOrder: integer("line_order").notNull().default(0),
  label: text("label").notNull(),
  fte: doublePrecision("fte").notNull(),
  /** budget | project | agreement | other */
  kind: text("kind").notNull(),
  projectId: integer("project_id").references(() => projects.id, { onDelete: "set null" }),
  /** benefits whose measured full-time persons this line is followed up against */
  benefits: jsonb("benefits").$type<string[]>().notNull().default([]),
});
