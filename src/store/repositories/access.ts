import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../db.ts";
import { schema } from "../db.ts";

/** Users, their projects, sessions and failed sign-ins: SQL only; the policy is in src/services/accounts.ts. */
export type UserRow = typeof schema.users.$inferSelect;
export type NewUser = typeof schema.users.$inferInsert;
export type SessionRow = typeof schema.sessions.$inferSelect;

export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  const [row] = await db.insert(schema.users).values(user).returning();
  return row!;
}

export async function userByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(schema.users).where(eq(schema.users.username, username));
  return row;
}

export async function userById(db: Db, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(schema.users).where(eq(schema.users.id, id));
  return row;
}

export async function userBySubject(db: Db, subject: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(schema.users).where(eq(schema.users.oidcSubject, subject));
  return row;
}

export async function allUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(schema.users).orderBy(schema.users.username);
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(schema.users);
  return row?.n ?? 0;
}

export async function updateUser(db: Db, id: number, set: Partial<NewUser>): Promise<UserRow | undefined> {
  const [row] = await db.update(schema.users).set(set).where(eq(schema.users.id, id)).returning();
  return row;
}

export async function leadsOf(db: Db, userIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .select()
    .from(schema.projectLeaders)
    .where(inArray(schema.projectLeaders.userId, userIds))
    .orderBy(schema.projectLeaders.projectId);
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r.projectId]);
  return out;
}

export async function replaceLeads(db: Db, userId: number, projectIds: number[]): Promise<void> {
  await db.delete(schema.projectLeaders).where(eq(schema.projectLeaders.userId, userId));
  if (projectIds.length > 0) {
    await db.insert(schema.projectLeaders).values(projectIds.map((projectId) => ({ projectId, userId })));
  }
}

export async function insertSession(db: Db, row: typeof schema.sessions.$inferInsert): Promise<void> {
  await db.insert(schema.sessions).values(row);
}

export async function sessionWithUser(
  db: Db,
  id: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await db
    .select({ session: schema.sessions, user: schema.users })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(eq(schema.sessions.id, id));
  return row;
}

export async function touchSession(db: Db, id: string, at: Date): Promise<void> {
  await db.update(schema.sessions).set({ lastSeenAt: at }).where(eq(schema.sessions.id, id));
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(schema.sessions).where(eq(schema.sessions.id, id));
}

export async function deleteSessionsOf(db: Db, userId: number): Promise<number> {
  const rows = await db
    .delete(schema.sessions)
    .where(eq(schema.sessions.userId, userId))
    .returning({ id: schema.sessions.id });
  return rows.length;
}

export async function deleteExpiredSessions(db: Db, now: Date, idleBefore: Date): Promise<void> {
  await db.delete(schema.sessions).where(lt(schema.sessions.expiresAt, now));
  await db.delete(schema.sessions).where(lt(schema.sessions.lastSeenAt, idleBefore));
}

export async function failuresOf(db: Db, username: string) {
  const [row] = await db
    .select()
    .from(schema.signInFailures)
    .where(eq(schema.signInFailures.username, username));
  return row;
}

export async function recordFailure(db: Db, username: string, failures: number, lockedUntil: Date | null) {
  await db
    .insert(schema.signInFailures)
    .values({ username, failures, lockedUntil, lastFailureAt: new Date() })
    .onConflictDoUpdate({
      target: schema.signInFailures.username,
      set: { failures, lockedUntil, lastFailureAt: new Date() },
    });
}

export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.delete(schema.signInFailures).where(and(eq(schema.signInFailures.username, username)));
}
