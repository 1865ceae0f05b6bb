/**
 * The case-data import (DESIGN 5): a folder of extract files → validated, pseudonymized, immutable
 * snapshot `<dataDir>/snapshots/<id>/` (Parquet written by DuckDB, zstd, plus manifest.json) and
 * its catalogue row in the app store. This file runs the phases, in an order that never leaves
 * anything half-written, and reports their outcome:
 *
 *  1. discover.ts: find the files, hash them (content hash); a duplicate stops here;
 *  2. stage-sources.ts: read every file into the DuckDB staging tables: a plain CSV file by
 *     DuckDB's CSV reader, checked and keyed in SQL (read-csv.ts), anything else row by row in JS
 *     (stage-rows.ts, staged CSVs inside `<dataDir>/snapshots/.tmp-<random>/`, workspace.ts);
 *     never a raw CPR on disk;
 *  3. cross-checks.ts: the cross-row checks (duplicates, unknown persons); with errors and no
 *     `acceptValidRows`: report, delete the folder, stop;
 *  4. publish.ts: write the per-snapshot helper tables (the forløb), the Parquet files and
 *     manifest.json, fsync, rename the folder into place, THEN insert the catalogue row. A killed
 *     import leaves only a `.tmp-` folder, removed when the next import starts and when the server
 *     or a command starts (cleanLeftoverImports).
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { isoDateFromUtc } from "../../domain/calendar.ts";
import {
  findSnapshotByHash,
  insertImportReport,
  type RejectRow,
} from "../../store/repositories/snapshots.ts";
import { loadPseudonymKey } from "../pseudonym.ts";
import { dateBound } from "../validate.ts";
import { crossCheck, StagingDb } from "./cross-checks.ts";
import { contentHash, discover, readManifest } from "./discover.ts";
import { messages, summaryOf } from "./messages.ts";
import { publish, writeHelperTables } from "./publish.ts";
import { rejectsReportFor } from "./rejects-report.ts";
import { stageSources } from "./stage-sources.ts";
import {
  emptyCounts,
  ImportInputError,
  type ImportOptions,
  type ImportResult,
  Progress,
  timed,
} from "./types.ts";
import { cleanStaleTemporaryFolders, openWorkspace, removeWorkspace } from "./workspace.ts";

export type { Reject } from "../validate.ts";
export { rejectMessage } from "../validate.ts";
export { formatRejects } from "./messages.ts";
export {
  type FileSummary,
  ImportInputError,
  type ImportOptions,
  type ImportOutcome,
  type ImportProgress,
  type ImportResult,
  MAX_KEPT_REJECTS,
} from "./types.ts";
export { cleanLeftoverImports, cleanStaleTemporaryFolders } from "./workspace.ts";

/** Imports a folder of extract files as a new snapshot (see the file comment for the order of work). */
export async function importSnapshot(options: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const { folder, dataDir, db, profile, importedBy } = options;
  const snapshotsDir = path.join(dataDir, "snapshots");
  mkdirSync(snapshotsDir, { recursive: true });
  // a killed import's folder goes first, whatever this import's outcome
  cleanStaleTemporaryFolders(snapshotsDir);
  const progress = new Progress(options.onProgress);
  const today = options.today ?? isoDateFromUtc(new Date());

  // 1. discover, hash, refuse a duplicate
  const input = await discover(folder, profile);
  const manifestInfo = readManifest(input.manifest, today);
  progress.totalBytes = input.sources.filter((s) => s.csv).reduce((n, s) => n + s.bytes, 0);
  progress.report({ phase: "hashing" });
  const hash = await timed("hash", () => contentHash(folder, input, profile));
  const base: Omit<ImportResult, "outcome" | "reportId" | "message" | "durationMs"> = {
    snapshotId: null,
    extractionDate: manifestInfo.extractionDate,
    source: manifestInfo.source,
    contentHash: hash,
    files: [],
    counts: emptyCounts(),
    persons: 0,
    dateRange: { from: null, to: null },
    ignoredFiles: input.ignored,
    rejectedRows: 0,
    rejectsTotal: 0,
    rejects: [],
    reportFile: null,
  };
  const duplicate = async (of: string, message: string, summary: Record<string, unknown>) => {
    const saved = await insertImportReport(db, {
      outcome: "duplicate",
      summary: { message, contentHash: hash, duplicateOf: of, ...summary },
      importedBy,
    });
    const result: ImportResult = {
      ...base,
      outcome: "duplicate",
      reportId: saved.id,
      message,
      duplicateOf: of,
      durationMs: Date.now() - started,
    };
    return result;
  };
  const existing = await findSnapshotByHash(db, hash);
  if (existing) {
    const message = messages.duplicate(existing.id, existing.extractionDate);
    return duplicate(existing.id, message, { folder: path.basename(folder) });
  }

  const tmpDir = openWorkspace(snapshotsDir, hash);
  const rejects = rejectsReportFor(dataDir, hash);
  let staging: StagingDb | null = null;
  let published: string | null = null;
  try {
    // 2. read, validate, pseudonymize, stage (DuckDB for plain CSV files, else row by row)
    staging = await StagingDb.create();
    const connection = staging.connection;
    const files = await stageSources({
      sources: input.sources,
      profile,
      pseudonymKey: loadPseudonymKey(dataDir),
      staging,
      tmpDir,
      rejects,
      progress,
      dateBound: dateBound(manifestInfo.extractionDate, today),
    });

    // 3. cross-row checks; all-or-nothing unless acceptValidRows
    progress.report({ phase: "checking" });
    await staging.allowSpilling(tmpDir);
    const personerLabel = input.sources.find((s) => s.canonical === "personer")?.label ?? "personer.csv";
    await timed("cross-checks", () => crossCheck(connection, { personerLabel, files, rejects }));
    const rejectedRows = files.reduce((n, f) => n + f.rejected, 0);
    const reportFile = await rejects.close();
    Object.assign(base, {
      files,
      rejectedRows,
      rejectsTotal: rejects.total,
      rejects: rejects.kept,
      reportFile,
    });
    if (rejects.total > 0 && !options.acceptValidRows) {
      const message = messages.rejected(rejectedRows, rejects.total);
      const saved = await insertImportReport(db, {
        outcome: "rejected",
        summary: summaryOf({ ...base, message }),
        rejects: rejects.kept as RejectRow[],
        importedBy,
      });
      return { ...base, outcome: "rejected", reportId: saved.id, message, durationMs: Date.now() - started };
    }

    // 4. Parquet and manifest, into place, then the catalogue row
    progress.report({ phase: "writing" });
    await timed("forløb", () => writeHelperTables(connection, tmpDir));
    const done = await publish({
      db,
      staging,
      tmpDir,
      snapshotsDir,
      contentHash: hash,
      manifestInfo,
      files,
      rejectedRows,
      reportFile,
      importedBy,
      today,
    });
    if ("duplicateOf" in done)
      return duplicate(done.duplicateOf, messages.duplicateMeanwhile(done.duplicateOf), {});
    published = done.folder;
    const { snapshotId, extractionDate, source, counts, dateRange } = done;
    const result: ImportResult = {
      ...base,
      outcome: "imported",
      snapshotId,
      reportId: 0,
      message: messages.imported(snapshotId, rejectedRows),
      extractionDate,
      source,
      counts,
      persons: counts.persons,
      dateRange,
      durationMs: Date.now() - started,
    };
    const saved = await insertImportReport(db, {
      snapshotId,
      outcome: "imported",
      summary: summaryOf(result),
      rejects: rejects.kept as RejectRow[],
      importedBy,
    });
    result.reportId = saved.id;
    progress.report({ phase: "done" });
    return result;
  } catch (err) {
    await rejects.close().catch(() => null);
    if (err instanceof ImportInputError) throw err;
    if (published) rmSync(published, { recursive: true, force: true });
    await insertImportReport(db, {
      outcome: "failed",
      summary: { message: messages.failed(err as Error), contentHash: hash, folder: path.basename(folder) },
      importedBy,
    }).catch(() => null);
    throw err;
  } finally {
    staging?.close();
    removeWorkspace(tmpDir);
  }
}
