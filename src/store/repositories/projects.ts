/**
 * Projects, indicators with their targets (baseline, milestones, final goal), manual values and the
 * month's comments. Every write that touches more than one row runs in one transaction, so a failed
 * edit leaves nothing half-saved.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { ConflictError } from "../../domain/errors.ts";
import type {
  IndicatorCreate,
  IndicatorUpdate,
  ProjectCreate,
  ProjectUpdate,
  TargetInput,
} from "../../domain/projects.ts";
import { type Db, inTransaction, schema } from "../db.ts";

const { projects, indicators, milestones, manualValues, monthComments } = schema;

export type ProjectRow = typeof projects.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;
export type MilestoneRow = typeof milestones.$inferSelect;
export type ManualValueRow = typeof manualValues.$inferSelect;
export type CommentRow = typeof monthComments.$inferSelect;
export interface IndicatorWithMilestones extends IndicatorRow {
  milestones: MilestoneRow[];
}

/** Thrown when a unique code is taken; a conflict on the field «code» (the API answers 409). */
export class DuplicateCodeError extends ConflictError {
  constructor(
    readonly what: "projekt" | "indikator",
    readonly code: string,
  ) {
    super(
      `Koden «${code}» er allerede brugt af et${what === "projekt" ? " andet projekt" : " anden indikator"}`,
      "code",
    );
  }
}

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    if ((e as { code?: string }).code === "23505") return true;
  }
  return false;
}

async function guardUnique<T>(
  what: "projekt" | "indikator",
  code: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err)) throw new DuplicateCodeError(what, code);
    throw err;
  }
}

/** JSON with sorted object keys, so two equal definitions compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

// ---------------------------------------------------------------- projects

export async function listProjects(db: Db): Promise<ProjectRow[]> {
  return db.select().from(projects).orderBy(asc(projects.sortOrder), asc(projects.id));
}

export async function getProject(db: Db, id: number): Promise<ProjectRow | undefined> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row;
}

export async function getProjectByCode(db: Db, code: string): Promise<ProjectRow | undefined> {
  const [row] = await db.select().from(projects).where(eq(projects.code, code));
  return row;
}

export async function createProject(db: Db, input: ProjectCreate): Promise<ProjectRow> {
  return guardUnique("projekt", input.code, async () => {
    const [row] = await db
      .insert(projects)
      .values({
        code: input.code,
        name: input.name,
        ...(input.committee !== undefined ? { committee: input.committee } : {}),
        periodStart: input.periodStart ?? null,
        periodEnd: input.periodEnd ?? null,
        background: input.background ?? "",
        targetGroups: input.targetGroups ?? [],
        activities: input.activities ?? [],
        shortTermGoals: input.shortTermGoals ?? [],
        longTermGoals: input.longTermGoals ?? [],
        investment: input.investment ?? {},
        relatedProjects: input.relatedProjects ?? [],
        dataSources: input.dataSources ?? [],
        notes: input.notes ?? "",
        footnotes: input.footnotes ?? [],
        sortOrder: input.sortOrder ?? 0,
      })
      .returning();
    return row!;
  });
}

export async function updateProject(
  db: Db,
  id: number,
  input: ProjectUpdate,
): Promise<ProjectRow | undefined> {
  return guardUnique("projekt", input.code ?? "", async () => {
    const [row] = await db
      .update(projects)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(projects.id, id))
      .returning();
    return row;
  });
}

export async function deleteProject(db: Db, id: number): Promise<boolean> {
  const rows = await db.delete(projects).where(eq(projects.id, id)).returning({ id: projects.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------- indicators and targets

function targetColumns(t: TargetInput) {
  return {
    baselineValue: t.baseline.value,
    baselineDate: t.baseline.date,
    baselineSource: t.baseline.source ?? null,
    baselineNote: t.baseline.note ?? null,
    baselineCount: t.baseline.count ?? null,
    goalKind: t.goal.kind,
    goalValue: t.goal.value,
    goalDate: t.goal.date,
    goalText: t.goal.text ?? null,
  };
}

async function replaceMilestones(db: Db, indicatorId: number, t: TargetInput): Promise<void> {
  await db.delete(milestones).where(eq(milestones.indicatorId, indicatorId));
  if (t.milestones.length > 0) {
    await db
      .insert(milestones)
      .values(
        t.milestones.map((m) => ({ indicatorId, date: m.date, value: m.value, label: m.label ?? null })),
      );
  }
}

async function attachMilestones(db: Db, rows: IndicatorRow[]): Promise<IndicatorWithMilestones[]> {
  if (rows.length === 0) return [];
  const ms = await db
    .select()
    .from(milestones)
    .where(
      inArray(
        milestones.indicatorId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(milestones.date), asc(milestones.id));
  return rows.map((r) => ({ ...r, milestones: ms.filter((m) => m.indicatorId === r.id) }));
}

export async function listIndicators(db: Db, projectId?: number): Promise<IndicatorWithMilestones[]> {
  const q = db.select().from(indicators);
  const rows = await (projectId === undefined ? q : q.where(eq(indicators.projectId, projectId))).orderBy(
    asc(indicators.projectId),
    asc(indicators.sortOrder),
    asc(indicators.id),
  );
  return attachMilestones(db, rows);
}

export async function getIndicator(db: Db, id: number): Promise<IndicatorWithMilestones | undefined> {
  const rows = await db.select().from(indicators).where(eq(indicators.id, id));
  const [row] = await attachMilestones(db, rows);
  return row;
}

/** Creates an indicator with its target (milestones too) in one transaction. */
export async function createIndicator(
  db: Db,
  projectId: number,
  input: IndicatorCreate,
): Promise<IndicatorWithMilestones> {
  const id = await guardUnique("indikator", input.code, () =>
    inTransaction(db, async (tx) => {
      const [{ next }] = (await tx
        .select({ next: sql<number>`coalesce(max(${indicators.sortOrder}), 0) + 1` })
        .from(indicators)
        .where(eq(indicators.projectId, projectId))) as [{ next: number }];
      const [row] = await tx
        .insert(indicators)
        .values({
          projectId,
          code: input.code,
          name: input.name,
          groupLabel: input.groupLabel ?? null,
          unit: input.unit,
          better: input.better ?? "higher",
          kind: input.kind ?? "manual",
          definition: input.definition ?? null,
          breakMonth: input.breakMonth ?? null,
          sortOrder: input.sortOrder ?? Number(next),
          ...(input.target ? targetColumns(input.target) : {}),
        })
        .returning({ id: indicators.id });
      if (input.target) await replaceMilestones(tx, row!.id, input.target);
      return row!.id;
    }),
  );
  return (await getIndicator(db, id))!;
}

/** Updates fields; a given target replaces baseline, goal and all milestones, in one transaction. */
export async function updateIndicator(
  db: Db,
  id: number,
  input: IndicatorUpdate,
): Promise<IndicatorWithMilestones | undefined> {
  const { target, ...fields } = input;
  const found = await guardUnique("indikator", input.code ?? "", () =>
    inTransaction(db, async (tx) => {
      let definitionChanged = false;
      if (fields.definition !== undefined) {
        const [current] = await tx
          .select({ definition: indicators.definition })
          .from(indicators)
          .where(eq(indicators.id, id));
        definitionChanged = canonicalJson(current?.definition ?? null) !== canonicalJson(fields.definition);
      }
      const [row] = await tx
        .update(indicators)
        .set({
          ...fields,
          ...(target ? targetColumns(target) : {}),
          ...(definitionChanged ? { definitionVersion: sql`${indicators.definitionVersion} + 1` } : {}),
          updatedAt: new Date(),
        })
        .where(eq(indicators.id, id))
        .returning({ id: indicators.id });
      if (!row) return false;
      if (target) await replaceMilestones(tx, id, target);
      return true;
    }),
  );
  return found ? getIndicator(db, id) : undefined;
}

export async function setTarget(
  db: Db,
  id: number,
  target: TargetInput,
): Promise<IndicatorWithMilestones | undefined> {
  return updateIndicator(db, id, { target });
}

export async function deleteIndicator(db: Db, id: number): Promise<boolean> {
  const rows = await db.delete(indicators).where(eq(indicators.id, id)).returning({ id: indicators.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------- values and comments

/** Enters (or replaces) the manual value of a month. */
export async function setManualValue(
  db: Db,
  input: {
    indicatorId: number;
    period: string;
    value: number | null;
    note?: string | null;
    enteredBy: string;
  },
): Promise<ManualValueRow> {
  const values = {
    indicatorId: input.indicatorId,
    period: input.period,
    value: input.value,
    note: input.note ?? null,
    enteredBy: input.enteredBy,
    enteredAt: new Date(),
  };
  const [row] = await db
    .insert(manualValues)
    .values(values)
    .onConflictDoUpdate({
      target: [manualValues.indicatorId, manualValues.period],
      set: {
        value: values.value,
        note: values.note,
        enteredBy: values.enteredBy,
        enteredAt: values.enteredAt,
      },
    })
    .returning();
  return row!;
}

export async function deleteManualValue(db: Db, indicatorId: number, period: string): Promise<boolean> {
  const rows = await db
    .delete(manualValues)
    .where(and(eq(manualValues.indicatorId, indicatorId), eq(manualValues.period, period)))
    .returning({ id: manualValues.id });
  return rows.length > 0;
}

export async function listManualValues(db: Db, indicatorIds: number[]): Promise<ManualValueRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .select()
    .from(manualValues)
    .where(inArray(manualValues.indicatorId, indicatorIds))
    .orderBy(asc(manualValues.period));
}

export async function setComment(
  db: Db,
  input: { projectId: number; period: string; comment: string; author: string },
): Promise<CommentRow | null> {
  if (input.comment.trim() === "") {
    await db
      .delete(monthComments)
      .where(and(eq(monthComments.projectId, input.projectId), eq(monthComments.period, input.period)));
    return null;
  }
  const now = new Date();
  const [row] = await db
    .insert(monthComments)
    .values({ ...input, updatedAt: now })
    .onConflictDoUpdate({
      target: [monthComments.projectId, monthComments.period],
      set: { comment: input.comment, author: input.author, updatedAt: now },
    })
    .returning();
  return row!;
}

export async function listComments(db: Db, projectIds: number[]): Promise<CommentRow[]> {
  if (projectIds.length === 0) return [];
  return db
    .select()
    .from(monthComments)
    .where(inArray(monthComments.projectId, projectIds))
    .orderBy(asc(monthComments.period));
}
