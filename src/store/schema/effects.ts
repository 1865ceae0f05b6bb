import { integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { computations } from "./engine.ts";
import { projects } from "./projects.ts";

/**
 * An effect definition of a project (DESIGN 9.1): the YAML object of one `effects:` entry (id,
 * name, project marker, population, intake, horizons, outcome_benefits), versioned like an
 * indicator's definition: saving a changed definition raises `version`.
 */
export const effectDefinitions = pgTable(
  "effect_definitions",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** the definition's id ([a-z0-9-]), unique within the installation */
    code: text("code").notNull(),
    name: text("name").notNull(),
    definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
    version: integer("version").notNull().default(1),
    sortOrder: integer("sort_order").notNull().default(0),
    updatedBy: text("updated_by").notNull().default("system"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("effect_definitions_code_unique").on(t.code)],
);

/**
 * The current estimates of an effect definition with their provenance: the snapshot, the
 * computation, the definition version and hash, and the time. `estimates` are the `effect`
 * command's rows (one per horizon); `details` the effect page's curve, balance and matching rate.
 */
export const effectResults = pgTable(
  "effect_results",
  {
    id: serial("id").primaryKey(),
    effectDefinitionId: integer("effect_definition_id")
      .notNull()
      .references(() => effectDefinitions.id, { onDelete: "cascade" }),
    snapshotId: text("snapshot_id"),
    computationId: integer("computation_id").references(() => computations.id, { onDelete: "set null" }),
    definitionVersion: integer("definition_version").notNull(),
    definitionHash: text("definition_hash").notNull(),
    estimates: jsonb("estimates").$type<unknown[]>().notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("effect_results_definition_unique").on(t.effectDefinitionId)],
);
