import type { Db } from "../db.ts";
import { schema } from "../db.ts";

/** Who saw or changed what: person-level views, freezes and edits of groupings land in the audit log. */
export async function writeAudit(
  db: Db,
  entry: { actor: string; action: string; subject: string; details?: Record<string, unknown> },
): Promise<void> {
  await db.insert(schema.auditLog).values({ ...entry, details: entry.details ?? {} });
}
