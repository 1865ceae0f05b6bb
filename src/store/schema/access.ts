import { boolean, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { projects } from "./projects.ts";

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  username: text("username").notNull().unique(),
  name: text("name").notNull(),
  /** administrator | analytiker | projektleder | laeser (src/api/auth.ts) */
  role: text("role").notNull(),
  /** the permission «borgerdata»: may see person-level lists (borgeroverblik) */
  personLevel: boolean("person_level").notNull().default(false),
  /** argon2id (PHC string); null for a user who signs in only through the identity provider */
  passwordHash: text("password_hash"),
  /** a disabled user cannot sign in; their sessions are ended */
  active: boolean("active").notNull().default(true),
  /** the identity provider's subject (OIDC «sub») of a user created by single sign-on */
  oidcSubject: text("oidc_subject").unique(),
  /** one of the demo's accounts (listed on the sign-in page of a demo installation) */
  demoAccount: boolean("demo_account").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable("sessions", {
  id: text("id").primaryKey(), // hash of the session token
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  /** the absolute end of the session, however active it is */
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** last request seen; the idle timeout counts from here */
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
});

/** which user leads which project: a projektleder may edit only these */
export const projectLeaders = pgTable(
  "project_leaders",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] })],
);

/** failed sign-ins per user name (also names that do not exist): lockout with back-off */
export const signInFailures = pgTable("sign_in_failures", {
  username: text("username").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Who saw or changed what; person-level views and exports always land here. Append-only: a trigger
 * (migration 0006_audit_append_only) refuses UPDATE and DELETE for every database role.
 */
export const auditLog = pgTable("audit_log", {
  id: serial("id").primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  actor: text("actor").notNull(),
  action: text("action").notNull(),
  subject: text("subject").notNull(),
  details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
});

/** installation settings (key → JSON value) */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
});
