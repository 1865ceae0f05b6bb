/** The import's Danish messages and the summary stored with its report. */
import path from "node:path";
import { type Reject, rejectMessage } from "../validate.ts";
import type { ImportResult } from "./types.ts";

export function rowsText(n: number): string {
  return `${n.toLocaleString("da-DK")} ${n === 1 ? "række" : "rækker"}`;
}

export const messages = {
  duplicate: (id: string, extractionDate: string) =>
    `Filerne er allerede importeret som snapshot ${id} (udtræksdato ${extractionDate}); intet nyt snapshot er oprettet`,
  /** a concurrent import of the same files registered them first */
  duplicateMeanwhile: (id: string) =>
    `Filerne er allerede importeret som snapshot ${id}; intet nyt snapshot er oprettet`,
  rejected: (rejectedRows: number, rejectsTotal: number) =>
    `Importen er afvist: ${rowsText(rejectedRows)} har fejl (${rejectsTotal.toLocaleString("da-DK")} fejl i alt). Intet snapshot er oprettet; ret filerne eller importer de gyldige rækker med --accept-valid-rows`,
  imported: (id: string, rejectedRows: number) =>
    rejectedRows > 0
      ? `Snapshot ${id} er oprettet med de gyldige rækker; ${rowsText(rejectedRows)} med fejl er sprunget over (se rapporten)`
      : `Snapshot ${id} er oprettet`,
  failed: (err: Error) => `Importen mislykkedes: ${err.message}`,
};

/** The summary kept in the import_reports row. */
export function summaryOf(
  r: Omit<ImportResult, "outcome" | "reportId" | "durationMs"> & { durationMs?: number },
): Record<string, unknown> {
  return {
    message: r.message,
    extractionDate: r.extractionDate,
    source: r.source,
    contentHash: r.contentHash,
    files: r.files,
    counts: r.counts,
    persons: r.persons,
    dateRange: r.dateRange,
    ignoredFiles: r.ignoredFiles,
    rejectedRows: r.rejectedRows,
    rejectsTotal: r.rejectsTotal,
    reportFile: r.reportFile ? path.basename(r.reportFile) : null,
    durationMs: r.durationMs,
  };
}

/** The first `limit` rejects as Danish lines, for a terminal. */
export function formatRejects(rejects: Reject[], limit = 100): string[] {
  return rejects.slice(0, limit).map(rejectMessage);
}
