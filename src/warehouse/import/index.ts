/**
 * The case-data import (DESIGN 5): a folder of extract files → validated, pseudonymized, immutable
 * snapshot `<dataDir>/snapshots/<id>/` (Parquet written by DuckDB, zstd, plus manifest.json) and
 * its catalogue row in the app store. This file runs the phases and reports their outcome:
 *
 *  1. discover.ts: find the files, hash them (content hash) and refuse a duplicate;
 *  2. stage-rows.ts: stream every file row by row: validate, pseudonymize in JS, append to staged
 *     CSVs inside `<dataDir>/snapshots/.tmp-<random>/` (workspace.ts; never a raw CPR);
 *  3. cross-checks.ts: load the staged rows into DuckDB and run the cross-row checks (duplicates,
 *     unknown persons); with errors and no `acceptValidRows`: report, delete the folder, stop;
 *  4. publish.ts: write the Parquet files and manifest.json, fsync, rename the folder into place,
 *     THEN insert the catalogue row. A killed import leaves only a `.tmp-` folder, removed by the
 *     next import.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import {
  findSnapshotByHash,
  insertImportReport,
  type RejectRow,
} from "../../store/repositories/snapshots.ts";
import { loadPseudonymKey, Pseudonymizer } from "../pseudonym.ts";
import { type Reject, rejectMessage } from "../validate.ts";
import { crossCheck, StagingDb } from "./cross-checks.ts";
import { contentHash, discover, readManifest } from "./discover.ts";
import { finishFolder, moveIntoPlace, registerSnapshot, writeTables } from "./publish.ts";
import { rejectsReportFor } from "./rejects-report.ts";
import { stageRows } from "./stage-rows.ts";
import { emptyCounts, ImportInputError, type ImportOptions, type ImportResult, Progress } from "./types.ts";
import { fsyncPath, openWorkspace, removeWorkspace } from "./workspace.ts";

export type { Reject } from "../validate.ts";
export { rejectMessage } from "../validate.ts";
export {
  type FileSummary,
  ImportInputError,
  type ImportOptions,
  type ImportOutcome,
  type ImportProgress,
  type ImportResult,
  MAX_KEPT_REJECTS,
} from "./types.ts";
export { cleanStaleTemporaryFolders } from "./workspace.ts";

/** Imports a folder of extract files as a new snapshot (see the file comment for the order of work). */
export async function importSnapshot(options: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const { folder, dataDir, db, profile } = options;
  const snapshotsDir = path.join(dataDir, "snapshots");
  mkdirSync(snapshotsDir, { recursive: true });
  const progress = new Progress(options.onProgress);

  // ---------------------------------------------------------------- 1. discover, hash, duplicate?
  const input = await discover(folder, profile);
  const manifestInfo = readManifest(input.manifest);
  progress.totalBytes = input.sources.filter((s) => s.csv).reduce((n, s) => n + s.bytes, 0);
  progress.report({ phase: "hashing" });
  const hash = await contentHash(folder, input, profile);

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
  const duplicate = async (existingId: string, message: string, summary: Record<string, unknown>) => {
    const saved = await insertImportReport(db, {
      outcome: "duplicate",
      summary: { message, contentHash: hash, duplicateOf: existingId, ...summary },
      importedBy: options.importedBy,
    });
    const result: ImportResult = {
      ...base,
      outcome: "duplicate",
      reportId: saved.id,
      message,
      duplicateOf: existingId,
      durationMs: Date.now() - started,
    };
    return result;
  };

  const existing = await findSnapshotByHash(db, hash);
  if (existing) {
    return duplicate(
      existing.id,
      `Filerne er allerede importeret som snapshot ${existing.id} (udtræksdato ${existing.extractionDate}); intet nyt snapshot er oprettet`,
      { folder: path.basename(folder) },
    );
  }

  const tmpDir = openWorkspace(snapshotsDir, hash);
  const rejectsReport = rejectsReportFor(dataDir, hash);
  let staging: StagingDb | null = null;
  let renamedTo: string | null = null;
  try {
    // ---------------------------------------------------------------- 2. stream, validate, stage
    const files = await stageRows({
      sources: input.sources,
      profile,
      pseudonymizer: new Pseudonymizer(loadPseudonymKey(dataDir)),
      tmpDir,
      rejects: rejectsReport,
      progress,
    });

    // ---------------------------------------------------------------- 3. load into DuckDB, cross-row checks
    progress.report({ phase: "checking" });
    staging = await StagingDb.open(tmpDir);
    const personerLabel = input.sources.find((s) => s.canonical === "personer")?.label ?? "personer.csv";
    await crossCheck(staging.connection, { personerLabel, files, rejects: rejectsReport });
    const rejectedRows = files.reduce((n, f) => n + f.rejected, 0);
    const reportFile = await rejectsReport.close();
    base.files = files;
    base.rejectedRows = rejectedRows;
    base.rejectsTotal = rejectsReport.total;
    base.rejects = rejectsReport.kept;
    base.reportFile = reportFile;

    if (rejectsReport.total > 0 && !options.acceptValidRows) {
      const message = `Importen er afvist: ${rowsText(rejectedRows)} har fejl (${rejectsReport.total.toLocaleString("da-DK")} fejl i alt). Intet snapshot er oprettet; ret filerne eller importer de gyldige rækker med --accept-valid-rows`;
      const saved = await insertImportReport(db, {
        outcome: "rejected",
        summary: summaryOf({ ...base, message }),
        rejects: rejectsReport.kept as RejectRow[],
        importedBy: options.importedBy,
      });
      return { ...base, outcome: "rejected", reportId: saved.id, message, durationMs: Date.now() - started };
    }

    // ---------------------------------------------------------------- 4. Parquet, into place, then register
    progress.report({ phase: "writing" });
    const { counts, range } = await writeTables(staging.connection, tmpDir);
    const extractionDate = manifestInfo.extractionDate ?? range.hi ?? new Date().toISOString().slice(0, 10);
    const source = manifestInfo.source ?? "udtræk";
    staging.close();
    staging = null;

    const id = `${extractionDate}-${hash.slice(0, 8)}`;
    const createdAt = new Date();
    finishFolder(
      tmpDir,
      {
        id,
        extractionDate,
        source,
        createdAt: createdAt.toISOString(),
        contentHash: hash,
        counts,
        rejectedRows,
        files,
      },
      reportFile,
    );
    const finalDir = moveIntoPlace(tmpDir, snapshotsDir, id);
    renamedTo = finalDir;
    fsyncPath(snapshotsDir);
    const message =
      rejectedRows > 0
        ? `Snapshot ${id} er oprettet med de gyldige rækker; ${rowsText(rejectedRows)} med fejl er sprunget over (se rapporten)`
        : `Snapshot ${id} er oprettet`;
    const result: ImportResult = {
      ...base,
      outcome: "imported",
      snapshotId: id,
      reportId: 0,
      message,
      extractionDate,
      source,
      counts,
      persons: counts.persons,
      dateRange: { from: range.lo, to: range.hi },
      durationMs: 0,
    };
    const registered = await registerSnapshot(
      db,
      {
        id,
        extractionDate,
        source,
        contentHash: hash,
        folder: path.join("snapshots", id),
        counts,
        dateRange: result.dateRange,
        personCount: counts.persons,
        rejectedRows,
        status: "complete",
        importedBy: options.importedBy,
        createdAt,
      },
      finalDir,
    ).catch((err: unknown) => {
      renamedTo = null; // registerSnapshot has taken the folder away
      throw err;
    });
    if (registered.duplicateOf) {
      renamedTo = null;
      return duplicate(
        registered.duplicateOf,
        `Filerne er allerede importeret som snapshot ${registered.duplicateOf}; intet nyt snapshot er oprettet`,
        {},
      );
    }
    result.durationMs = Date.now() - started;
    const saved = await insertImportReport(db, {
      snapshotId: id,
      outcome: "imported",
      summary: summaryOf(result),
      rejects: rejectsReport.kept as RejectRow[],
      importedBy: options.importedBy,
    });
    result.reportId = saved.id;
    progress.report({ phase: "done" });
    return result;
  } catch (err) {
    await rejectsReport.close().catch(() => null);
    if (err instanceof ImportInputError) throw err;
    if (renamedTo) rmSync(renamedTo, { recursive: true, force: true });
    const message = `Importen mislykkedes: ${(err as Error).message}`;
    await insertImportReport(db, {
      outcome: "failed",
      summary: { message, contentHash: hash, folder: path.basename(folder) },
      importedBy: options.importedBy,
    }).catch(() => null);
    throw err;
  } finally {
    staging?.close();
    removeWorkspace(tmpDir);
  }
}

function summaryOf(
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

function rowsText(n: number): string {
  return `${n.toLocaleString("da-DK")} ${n === 1 ? "række" : "rækker"}`;
}

/** The first `limit` rejects as Danish lines, for a terminal. */
export function formatRejects(rejects: Reject[], limit = 100): string[] {
  return rejects.slice(0, limit).map(rejectMessage);
}
