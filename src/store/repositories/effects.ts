/** Effect definitions of projects and their current estimates (DESIGN 9.1). SQL only, no policy. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db.ts";
import { effectDefinitions, effectResults } from "../schema/effects.ts";

export type EffectDefinitionRow = typeof effectDefinitions.$inferSelect;
export type EffectResultRow = typeof effectResults.$inferSelect;
export type NewEffectResult = Omit<typeof effectResults.$inferInsert, "id" | "computedAt">;

export async function listEffectDefinitions(db: Db, projectId?: number): Promise<EffectDefinitionRow[]> {
  const q = db.select().from(effectDefinitions);
  return (projectId === undefined ? q : q.where(eq(effectDefinitions.projectId, projectId))).orderBy(
    asc(effectDefinitions.projectId),
    asc(effectDefinitions.sortOrder),
    asc(effectDefinitions.id),
  );
}

export async function getEffectDefinition(db: Db, id: number): Promise<EffectDefinitionRow | undefined> {
  const [row] = await db.select().from(effectDefinitions).where(eq(effectDefinitions.id, id));
  return row;
}

export async function findEffectDefinitionByCode(
  db: Db,
  code: string,
): Promise<EffectDefinitionRow | undefined> {
  const [row] = await db.select().from(effectDefinitions).where(eq(effectDefinitions.code, code));
  return row;
}

export async function insertEffectDefinition(
  db: Db,
  row: {
    projectId: number;
    code: string;
    name: string;
    definition: Record<string, unknown>;
    updatedBy: string;
  },
): Promise<EffectDefinitionRow> {
  const [max] = await db
    .select({ n: sql<number>`coalesce(max(${effectDefinitions.sortOrder}), -1)` })
    .from(effectDefinitions)
    .where(eq(effectDefinitions.projectId, row.projectId));
  const [created] = await db
    .insert(effectDefinitions)
    .values({ ...row, sortOrder: Number(max?.n ?? -1) + 1 })
    .returning();
  return created!;
}

/** Replace a definition; its version rises by one when the definition itself changed. */
export async function replaceEffectDefinition(
  db: Db,
  id: number,
  row: { code: string; name: string; definition: Record<string, unknown>; updatedBy: string },
  definitionChanged: boolean,
): Promise<EffectDefinitionRow | undefined> {
  const [updated] = await db
    .update(effectDefinitions)
    .set({
      ...row,
      updatedAt: new Date(),
      ...(definitionChanged ? { version: sql`${effectDefinitions.version} + 1` } : {}),
    })
    .where(eq(effectDefinitions.id, id))
    .returning();
  return updated;
}

export async function deleteEffectDefinition(db: Db, id: number): Promise<boolean> {
  const rows = await db.delete(effectDefinitions).where(eq(effectDefinitions.id, id)).returning();
  return rows.length > 0;
}

/** Store the current result of each definition (replacing its earlier one). */
export async function storeEffectResults(db: Db, results: NewEffectResult[]): Promise<void> {
  if (results.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.delete(effectResults).where(
      inArray(
        effectResults.effectDefinitionId,
        results.map((r) => r.effectDefinitionId),
      ),
    );
    await tx.insert(effectResults).values(results.map((r) => ({ ...r, computedAt: new Date() })));
  });
}

/** The project's definitions, each with its stored result (or null), in the project's order. */
export async function listEffectDefinitionsWithResults(
  db: Db,
  projectId: number,
): Promise<{ definition: EffectDefinitionRow; result: EffectResultRow | null }[]> {
  const rows = await db
    .select()
    .from(effectDefinitions)
    .leftJoin(effectResults, eq(effectResults.effectDefinitionId, effectDefinitions.id))
    .where(and(eq(effectDefinitions.projectId, projectId)))
    .orderBy(asc(effectDefinitions.sortOrder), asc(effectDefinitions.id));
  return rows.map((r) => ({ definition: r.effect_definitions, result: r.effect_results }));
}
