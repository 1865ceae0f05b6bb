/**
 * Economics in the app store: the price catalogue, business cases (model as validated JSON),
 * the måltal table, and the fte measurements realized gain and måltal follow-up read.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { MaaltalKind, MaaltalLine } from "../../domain/economics/maaltal.ts";
import type { PriceInput } from "../../domain/economics/prices.ts";
import type { Db } from "../db.ts";
import { schema } from "../db.ts";

const { prices, businessCases, maaltalLines, projects, indicators } = schema;

export type PriceRecord = typeof prices.$inferSelect;
export type BusinessCaseRecord = typeof businessCases.$inferSelect & {
  projectCode: string;
  projectName: string;
};

// ---------------------------------------------------------------- prices

export async function listPrices(db: Db, budgetYear?: number): Promise<PriceRecord[]> {
  return db
    .select()
    .from(prices)
    .where(budgetYear === undefined ? undefined : eq(prices.budgetYear, budgetYear))
    .orderBy(asc(prices.budgetYear), asc(prices.benefit));
}

/** Creates or replaces the price of a benefit in a budget year. */
export async function upsertPrice(db: Db, input: PriceInput): Promise<PriceRecord> {
  const values = {
    benefit: input.benefit,
    budgetYear: input.budgetYear,
    grossPerFteYear: input.grossPerFteYear,
    refusionPct: input.refusionPct,
    sourceNote: input.sourceNote ?? "",
  };
  const [row] = await db
    .insert(prices)
    .values(values)
    .onConflictDoUpdate({
      target: [prices.benefit, prices.budgetYear],
      set: { ...values, updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}

export type PricePatch = Partial<Pick<PriceRecord, "grossPerFteYear" | "refusionPct" | "sourceNote">>;

export async function updatePrice(db: Db, id: number, patch: PricePatch): Promise<PriceRecord | undefined> {
  const [row] = await db
    .update(prices)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(prices.id, id))
    .returning();
  return row;
}

export async function deletePrice(db: Db, id: number): Promise<boolean> {
  const rows = await db.delete(prices).where(eq(prices.id, id)).returning({ id: prices.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------- business cases

const caseColumns = {
  id: businessCases.id,
  projectId: businessCases.projectId,
  name: businessCases.name,
  model: businessCases.model,
  updatedAt: businessCases.updatedAt,
  projectCode: projects.code,
  projectName: projects.name,
};

export async function listBusinessCases(db: Db, projectId?: number): Promise<BusinessCaseRecord[]> {
  return db
    .select(caseColumns)
    .from(businessCases)
    .innerJoin(projects, eq(projects.id, businessCases.projectId))
    .where(projectId === undefined ? undefined : eq(businessCases.projectId, projectId))
    .orderBy(asc(projects.sortOrder), asc(projects.id), asc(businessCases.id));
}

export async function getBusinessCase(db: Db, id: number): Promise<BusinessCaseRecord | undefined> {
  const [row] = await db
    .select(caseColumns)
    .from(businessCases)
    .innerJoin(projects, eq(projects.id, businessCases.projectId))
    .where(eq(businessCases.id, id));
  return row;
}

export async function createBusinessCase(
  db: Db,
  input: { projectId: number; name: string; model: Record<string, unknown> },
): Promise<BusinessCaseRecord> {
  const [row] = await db.insert(businessCases).values(input).returning({ id: businessCases.id });
  return (await getBusinessCase(db, row!.id))!;
}

export async function updateBusinessCase(
  db: Db,
  id: number,
  patch: { name?: string; model?: Record<string, unknown> },
): Promise<BusinessCaseRecord | undefined> {
  const rows = await db
    .update(businessCases)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(businessCases.id, id))
    .returning({ id: businessCases.id });
  return rows.length ? getBusinessCase(db, id) : undefined;
}

export async function deleteBusinessCase(db: Db, id: number): Promise<boolean> {
  const rows = await db
    .delete(businessCases)
    .where(eq(businessCases.id, id))
    .returning({ id: businessCases.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------- måltal

export interface MaaltalLineRecord {
  id: number;
  budgetPeriod: string;
  groupName: string;
  groupOrder: number;
  lineOrder: number;
  label: string;
  fte: number;
  kind: MaaltalKind;
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  benefits: string[];
}

/** A line to insert: the domain's måltal line without id and project names, benefits optional. */
export type NewMaaltalLine = Omit<MaaltalLine, "id" | "projectCode" | "projectName" | "benefits"> & {
  benefits?: string[];
};

export async function listBudgetPeriods(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ p: maaltalLines.budgetPeriod })
    .from(maaltalLines)
    .orderBy(asc(maaltalLines.budgetPeriod));
  return rows.map((r) => r.p);
}

export async function listMaaltalLines(db: Db, budgetPeriod: string): Promise<MaaltalLineRecord[]> {
  const rows = await db
    .select({
      id: maaltalLines.id,
      budgetPeriod: maaltalLines.budgetPeriod,
      groupName: maaltalLines.groupName,
      groupOrder: maaltalLines.groupOrder,
      lineOrder: maaltalLines.lineOrder,
      label: maaltalLines.label,
      fte: maaltalLines.fte,
      kind: maaltalLines.kind,
      projectId: maaltalLines.projectId,
      projectCode: projects.code,
      projectName: projects.name,
      benefits: maaltalLines.benefits,
    })
    .from(maaltalLines)
    .leftJoin(projects, eq(projects.id, maaltalLines.projectId))
    .where(eq(maaltalLines.budgetPeriod, budgetPeriod))
    .orderBy(asc(maaltalLines.groupOrder), asc(maaltalLines.lineOrder), asc(maaltalLines.id));
  return rows.map((r) => ({ ...r, kind: r.kind as MaaltalKind }));
}

export async function getMaaltalLine(db: Db, id: number): Promise<MaaltalLineRecord | undefined> {
  const [row] = await db
    .select({ p: maaltalLines.budgetPeriod })
    .from(maaltalLines)
    .where(eq(maaltalLines.id, id));
  if (!row) return undefined;
  return (await listMaaltalLines(db, row.p)).find((l) => l.id === id);
}

export async function insertMaaltalLines(
  db: Db,
  budgetPeriod: string,
  lines: readonly NewMaaltalLine[],
): Promise<number[]> {
  if (lines.length === 0) return [];
  const rows = await db
    .insert(maaltalLines)
    .values(
      lines.map((l) => ({
        budgetPeriod,
        groupName: l.groupName,
        groupOrder: l.groupOrder,
        lineOrder: l.lineOrder,
        label: l.label,
        fte: l.fte,
        kind: l.kind,
        projectId: l.projectId ?? null,
        benefits: l.benefits ?? [],
      })),
    )
    .returning({ id: maaltalLines.id });
  return rows.map((r) => r.id);
}

export type MaaltalPatch = Partial<Omit<NewMaaltalLine, never>>;

export async function updateMaaltalLine(
  db: Db,
  id: number,
  patch: MaaltalPatch,
): Promise<MaaltalLineRecord | undefined> {
  const rows = await db
    .update(maaltalLines)
    .set(patch)
    .where(eq(maaltalLines.id, id))
    .returning({ id: maaltalLines.id });
  return rows.length ? getMaaltalLine(db, id) : undefined;
}

export async function deleteMaaltalLine(db: Db, id: number): Promise<boolean> {
  const rows = await db
    .delete(maaltalLines)
    .where(eq(maaltalLines.id, id))
    .returning({ id: maaltalLines.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------- projects (lookups)

export async function projectIdsByCode(db: Db, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: projects.id, code: projects.code })
    .from(projects)
    .where(inArray(projects.code, [...codes]));
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function getProjectBrief(
  db: Db,
  id: number,
): Promise<
  { id: number; code: string; name: string; periodStart: string | null; periodEnd: string | null } | undefined
> {
  const [row] = await db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      periodStart: projects.periodStart,
      periodEnd: projects.periodEnd,
    })
    .from(projects)
    .where(eq(projects.id, id));
  return row;
}

export async function listProjectBriefs(db: Db): Promise<{ id: number; code: string; name: string }[]> {
  return db
    .select({ id: projects.id, code: projects.code, name: projects.name })
    .from(projects)
    .orderBy(asc(projects.sortOrder), asc(projects.id));
}

// ---------------------------------------------------------------- fte measurements

export interface FteIndicator {
  id: number;
  projectId: number;
  code: string;
  name: string;
  baselineValue: number | null;
  baselineDate: string | null;
  benefits: string[];
  /** the population has filters beyond benefits (categories, age, project) */
  filtered: boolean;
  period: "month" | "year";
}

interface FteDefinition {
  population?: { benefits?: unknown; categories?: unknown; age?: unknown; project?: unknown };
  measure?: { kind?: unknown; period?: unknown };
}

/** Computed indicators measuring full-time persons (`measure.kind = fte`), optionally of one project. */
export async function listFteIndicators(db: Db, projectId?: number): Promise<FteIndicator[]> {
  const rows = await db
    .select({
      id: indicators.id,
      projectId: indicators.projectId,
      code: indicators.code,
      name: indicators.name,
      baselineValue: indicators.baselineValue,
      baselineDate: indicators.baselineDate,
      definition: indicators.definition,
    })
    .from(indicators)
    .where(
      and(
        sql`${indicators.definition} -> 'measure' ->> 'kind' = 'fte'`,
        projectId === undefined ? undefined : eq(indicators.projectId, projectId),
      ),
    )
    .orderBy(asc(indicators.sortOrder), asc(indicators.id));
  return rows.map((r) => {
    const def = (r.definition ?? {}) as FteDefinition;
    const pop = def.population ?? {};
    const benefits = Array.isArray(pop.benefits)
      ? pop.benefits.filter((b): b is string => typeof b === "string")
      : [];
    const filtered =
      (Array.isArray(pop.categories) && pop.categories.length > 0) ||
      (pop.age !== undefined && pop.age !== null) ||
      (typeof pop.project === "string" && pop.project !== "");
    return {
      id: r.id,
      projectId: r.projectId,
      code: r.code,
      name: r.name,
      baselineValue: r.baselineValue,
      baselineDate: r.baselineDate,
      benefits,
      filtered,
      period: def.measure?.period === "year" ? "year" : "month",
    };
  });
}

// ---------------------------------------------------------------- snapshots (for prices from data)

/** The folder (relative to the data directory) of a snapshot, or of the latest complete one. */
export async function snapshotFolder(
  db: Db,
  id?: string,
): Promise<{ id: string; folder: string; extractionDate: string } | undefined> {
  const { snapshots } = schema;
  const [row] = await db
    .select({ id: snapshots.id, folder: snapshots.folder, extractionDate: snapshots.extractionDate })
    .from(snapshots)
    .where(id === undefined ? eq(snapshots.status, "complete") : eq(snapshots.id, id))
    .orderBy(sql`${snapshots.createdAt} desc`, sql`${snapshots.id} desc`)
    .limit(1);
  return row;
}
