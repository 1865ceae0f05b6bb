import { and, desc, eq, gte, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db.ts";
import { schema } from "../db.ts";

/**
 * Who saw or changed what: sign-ins, changes, imports, computations, freezes, reports and every
 * person-level view land in the audit log. Append-only: there is no update or delete here, and a
 * trigger refuses them in the database (drizzle/0006_audit_append_only.sql).
 */
export async function writeAudit(
  db: Db,
  entry: { actor: string; action: string; subject: string; details?: Record<string, unknown> },
): Promise<void> {
  await db.insert(schema.auditLog).values({ ...entry, details: entry.details ?? {} });
}

export interface AuditFilter {
  q?: string;
  actor?: string;
  action?: string;
  /** ÅÅÅÅ-MM-DD, inclusive */
  from?: string;
  /** ÅÅÅÅ-MM-DD, inclusive */
  to?: string;
  limit?: number;
  offset?: number;
}

function where(f: AuditFilter): SQL | undefined {
  const a = schema.auditLog;
  const parts: (SQL | undefined)[] = [];
  if (f.actor) parts.push(eq(a.actor, f.actor));
  if (f.action)
    parts.push(or(eq(a.action, f.action), ilike(a.action, `${f.action.replace(/[%_\\]/g, "\\$&")}.%`)));
  if (f.from) parts.push(gte(a.at, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) parts.push(lt(a.at, new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000)));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, "\\$&")}%`;
    parts.push(
      or(
        ilike(a.actor, like),
        ilike(a.action, like),
        ilike(a.subject, like),
        sql`${a.details}::text ilike ${like}`,
      ),
    );
  }
  return parts.length ? and(...parts) : undefined;
}

export type AuditRow = typeof schema.auditLog.$inferSelect;

export async function searchAudit(db: Db, f: AuditFilter): Promise<{ entries: AuditRow[]; total: number }> {
  const w = where(f);
  const entries = await db
    .select()
    .from(schema.auditLog)
    .where(w)
    .orderBy(desc(schema.auditLog.id))
    .limit(f.limit ?? 200)
    .offset(f.offset ?? 0);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(schema.auditLog).where(w);
  return { entries, total: count?.n ?? 0 };
}
