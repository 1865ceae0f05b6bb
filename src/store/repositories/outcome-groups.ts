/** Outcome group sets: configurable mappings of exit reasons to outcome groups (seed 003). */
import { eq } from "drizzle-orm";
import type { Db } from "../db.ts";
import { schema } from "../db.ts";

const { outcomeGroupSets } = schema;

export type OutcomeGroupSet = typeof outcomeGroupSets.$inferSelect;

export async function listOutcomeGroupSets(db: Db): Promise<OutcomeGroupSet[]> {
  return db.select().from(outcomeGroupSets).orderBy(outcomeGroupSets.id);
}

export async function getOutcomeGroupSet(db: Db, name: string): Promise<OutcomeGroupSet | undefined> {
  const [row] = await db.select().from(outcomeGroupSets).where(eq(outcomeGroupSets.name, name));
  return row;
}

/** Insert or replace a set by name. */
export async function saveOutcomeGroupSet(
  db: Db,
  set: { name: string; groups: { name: string; reasons: string[] }[] },
): Promise<OutcomeGroupSet> {
  const [row] = await db
    .insert(outcomeGroupSets)
    .values(set)
    .onConflictDoUpdate({ target: outcomeGroupSets.name, set: { groups: set.groups } })
    .returning();
  return row!;
}

/** Delete a set by name; true when it existed. */
export async function deleteOutcomeGroupSet(db: Db, name: string): Promise<boolean> {
  const rows = await db.delete(outcomeGroupSets).where(eq(outcomeGroupSets.name, name)).returning();
  return rows.length > 0;
}
