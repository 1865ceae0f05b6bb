import { and, eq } from "drizzle-orm";
import { schema } from "../store/db.ts";
import type { ResourceScope } from "./auth.ts";
import type { AppDeps } from "./router.ts";

/**
 * The project a route's path names, for the authorize step of a project-scoped edit:
 * `/projects/:id…` is that project, `/indicators/:id…` the project the indicator belongs to. A path
 * naming neither has no project, so a projektleder may not use it (fail safe for new routes).
 */
export async function scopeOf(routePath: string, params: unknown, deps: AppDeps): Promise<ResourceScope> {
  const id = Number((params as { id?: unknown } | null)?.id);
  if (!Number.isInteger(id)) return { projectId: null };
  if (routePath.startsWith("/projects/:id")) return { projectId: id };
  if (routePath.startsWith("/indicators/:id")) {
    const [row] = await deps.store.db
      .select({ projectId: schema.indicators.projectId })
      .from(schema.indicators)
      .where(eq(schema.indicators.id, id));
    return { projectId: row?.projectId ?? null };
  }
  return { projectId: null };
}

type Row = Record<string, unknown>;

/**
 * The stored row a change touches, for the audit log's old → new: looked up by the route's path
 * before and after the handler runs. Paths that name no single row answer null (the audit entry
 * then holds what was sent).
 */
export async function rowOf(routePath: string, params: unknown, deps: AppDeps): Promise<Row | null> {
  const p = (params ?? {}) as { id?: unknown; period?: unknown };
  const id = Number(p.id);
  if (!Number.isInteger(id)) return null;
  const db = deps.store.db;
  const one = async (q: Promise<Row[]>) => (await q)[0] ?? null;
  const period = typeof p.period === "string" ? p.period : "";
  switch (routePath) {
    case "/projects/:id":
      return one(db.select().from(schema.projects).where(eq(schema.projects.id, id)));
    case "/indicators/:id":
    case "/indicators/:id/target":
      return one(db.select().from(schema.indicators).where(eq(schema.indicators.id, id)));
    case "/indicators/:id/values/:period":
      return one(
        db
          .select()
          .from(schema.manualValues)
          .where(and(eq(schema.manualValues.indicatorId, id), eq(schema.manualValues.period, period))),
      );
    case "/projects/:id/comments/:period":
      return one(
        db
          .select()
          .from(schema.monthComments)
          .where(and(eq(schema.monthComments.projectId, id), eq(schema.monthComments.period, period))),
      );
    case "/economics/prices/:id":
      return one(db.select().from(schema.prices).where(eq(schema.prices.id, id)));
    case "/economics/business-cases/:id":
      return one(db.select().from(schema.businessCases).where(eq(schema.businessCases.id, id)));
    case "/economics/maaltal/lines/:id":
      return one(db.select().from(schema.maaltalLines).where(eq(schema.maaltalLines.id, id)));
    default:
      return null;
  }
}

/** The fields that differ between two rows (timestamps left out): `{ old, new }`. */
export function changedFields(before: Row | null, after: Row | null): { old: Row; new: Row } {
  const old: Row = {};
  const now: Row = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    if (k.endsWith("At")) continue;
    const a = before?.[k] ?? null;
    const b = after?.[k] ?? null;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    old[k] = a;
    now[k] = b;
  }
  return { old, new: now };
}
