/** What the import's phases share: the public option and result types, and small helpers. */
import type { Db } from "../../store/db.ts";
import type { CanonicalFile, MappingProfile } from "../profile.ts";
import { type SnapshotTableName, snapshotTables } from "../snapshot-layout.ts";
import type { SourceReader } from "../sources.ts";
import type { Reject } from "../validate.ts";

export interface ImportProgress {
  phase: "hashing" | "reading" | "checking" | "writing" | "done";
  /** source file being read */
  file?: string;
  /** rows read so far (all files) */
  rows: number;
  /** bytes of CSV read so far / in total (XLSX counts once done) */
  bytes: number;
  totalBytes: number;
}

export interface ImportOptions {
  folder: string;
  dataDir: string;
  db: Db;
  profile?: MappingProfile;
  /** import the valid rows and keep the rejects report with the snapshot */
  acceptValidRows?: boolean;
  importedBy: string;
  onProgress?: (p: ImportProgress) => void;
  /** the import day (YYYY-MM-DD; default today, UTC): bounds the extraction date and the data's dates */
  today?: string;
}

export interface FileSummary {
  /** source file (and sheet) name */
  file: string;
  canonical: CanonicalFile;
  rows: number;
  valid: number;
  rejected: number;
}

export type ImportOutcome = "imported" | "rejected" | "duplicate" | "failed";

export interface ImportResult {
  outcome: ImportOutcome;
  snapshotId: string | null;
  /** the import_reports row */
  reportId: number;
  /** Danish one-line summary */
  message: string;
  extractionDate: string | null;
  source: string | null;
  contentHash: string;
  files: FileSummary[];
  /** rows per snapshot table (0 when nothing was written) */
  counts: Record<SnapshotTableName, number>;
  persons: number;
  dateRange: { from: string | null; to: string | null };
  ignoredFiles: string[];
  /** number of rejected rows and of reject entries (a row can have several) */
  rejectedRows: number;
  rejectsTotal: number;
  /** the first MAX_KEPT_REJECTS rejects; all are in reportFile */
  rejects: Reject[];
  /** CSV with every reject (semicolon-separated), or null when there were none */
  reportFile: string | null;
  /** the snapshot this input duplicates */
  duplicateOf?: string;
  durationMs: number;
}

/** rejects kept in memory, in the result and in the app store; the CSV report holds all */
export const MAX_KEPT_REJECTS = 1000;

/** The input folder cannot be imported at all (missing, no known files, bad manifest.json). */
export class ImportInputError extends Error {}

/** One canonical file found in the input folder (a CSV file or one sheet of a workbook). */
export interface SourceFile {
  canonical: CanonicalFile;
  /** name shown in messages: "personer.csv" or "udtraek.xlsx[personer]" */
  label: string;
  path: string;
  reader: SourceReader;
  bytes: number;
  csv: boolean;
}

/** Running totals behind the progress reports; the phases update rows and bytes. */
export class Progress {
  rows = 0;
  bytes = 0;
  totalBytes = 0;
  constructor(private readonly onProgress?: (p: ImportProgress) => void) {}

  report(p: Omit<ImportProgress, "rows" | "bytes" | "totalBytes">): void {
    this.onProgress?.({ ...p, rows: this.rows, bytes: this.bytes, totalBytes: this.totalBytes });
  }
}

/** The snapshot tables in the order they are staged, checked and written. */
export const TABLE_ORDER: SnapshotTableName[] = [
  "persons",
  "benefit_records",
  "activities",
  "wage_hours",
  "markers",
  "refusion_weeks",
];

export function emptyCounts(): Record<SnapshotTableName, number> {
  return Object.fromEntries(TABLE_ORDER.map((t) => [t, 0])) as Record<SnapshotTableName, number>;
}

export function columnsOf(table: SnapshotTableName): [string, string][] {
  return Object.entries(snapshotTables[table].columns) as [string, string][];
}

/**
 * A snapshot table's columns as staged: the person as `pid`, an integer standing for the person
 * key within one import (table `people`, cross-checks.ts), so that the staging joins, sorts and
 * duplicate checks compare 4 bytes instead of a 64-character key; the key is joined in when the
 * Parquet files are written.
 */
export function stagingColumnsOf(table: SnapshotTableName): [string, string][] {
  return columnsOf(table).map(([n, t]) => (n === "person_key" ? ["pid", "INTEGER"] : [n, t]));
}

export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Runs `work`; with EFFEKTSPOR_DEBUG_IMPORT=1 prints its wall and CPU time (the import's steps). */
export async function timed<T>(what: string, work: () => Promise<T>): Promise<T> {
  if (process.env.EFFEKTSPOR_DEBUG_IMPORT !== "1") return work();
  const t0 = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await work();
  } finally {
    const used = process.cpuUsage(cpu);
    console.error(
      `${(performance.now() - t0).toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)}, RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB) ${what}`,
    );
  }
}
