import type { Db } from "../store/db.ts";
import { type AuditFilter, searchAudit } from "../store/repositories/audit.ts";

/** The audit log for the administrator: search and filter, and export as CSV (UI and CLI). */
export async function auditPage(db: Db, filter: AuditFilter) {
  const { entries, total } = await searchAudit(db, filter);
  return { entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })), total };
}

const cell = (raw: string) => {
  // a cell Excel would read as a formula is prefixed with an apostrophe
  const v = /^[=+\-@\t]/.test(raw) ? `'${raw}` : raw;
  return /[";\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

/** All matching entries as CSV (semicolon-separated, as Danish Excel reads it), oldest last. */
export async function auditCsv(db: Db, filter: AuditFilter): Promise<string> {
  const lines = ["tidspunkt;bruger;handling;emne;detaljer"];
  for (let offset = 0; ; offset += 1000) {
    const { entries } = await searchAudit(db, { ...filter, limit: 1000, offset });
    for (const e of entries) {
      lines.push(
        [e.at.toISOString(), e.actor, e.action, e.subject, JSON.stringify(e.details)].map(cell).join(";"),
      );
    }
    if (entries.length < 1000) break;
  }
  return `${lines.join("\r\n")}\r\n`;
}
