/**
 * The case-data import (DESIGN 5): a folder of extract files → validated, pseudonymized, immutable
 * snapshot `<dataDir>/snapshots/<id>/` (Parquet written by DuckDB, zstd, plus manifest.json) and
 * its catalogue row in the app store.
 *
 * Order of work, so nothing is ever half-written:
 *  1. hash the inputs (content hash) and refuse a duplicate;
 *  2. stream every file row by row: validate, pseudonymize in JS, append to staged CSVs inside
 *     `<dataDir>/snapshots/.tmp-<random>/` (never a raw CPR);
 *  3. load the staged rows into DuckDB and run the cross-row checks (duplicates, unknown persons);
 *  4. with errors and no `acceptValidRows`: report, delete the temporary folder, stop;
 *  5. write the Parquet files and manifest.json, fsync, rename the folder into place, THEN insert
 *     the catalogue row. A killed import leaves only a `.tmp-` folder, removed by the next import.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { tryParseDate } from "../domain/calendar.ts";
import type { Db } from "../store/db.ts";
import {
  findSnapshotByHash,
  insertImportReport,
  insertSnapshot,
  type RejectRow,
} from "../store/repositories/snapshots.ts";
import { CANONICAL_FILES, type CanonicalFile, fileMapping, type MappingProfile } from "./profile.ts";
import { loadPseudonymKey, Pseudonymizer } from "./pseudonym.ts";
import { type SnapshotManifest, type SnapshotTableName, snapshotTables } from "./snapshot-layout.ts";
import { csvReader, type SourceReader, xlsxReader, xlsxSheetNames } from "./sources.ts";
import { StagedCsv } from "./stage.ts";
import {
  FILE_SPECS,
  mapHeaders,
  missingColumns,
  type Reject,
  RowValidator,
  rejectMessage,
} from "./validate.ts";

export type { Reject } from "./validate.ts";
export { rejectMessage } from "./validate.ts";

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

export class ImportInputError extends Error {}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

interface SourceFile {
  canonical: CanonicalFile;
  /** name shown in messages: "personer.csv" or "udtraek.xlsx[personer]" */
  label: string;
  path: string;
  reader: SourceReader;
  bytes: number;
  csv: boolean;
}

const REFUSION_RE = /^yr-ydelsesrefusion-beregning.*\.csv$/i;

function baseName(file: string): string {
  return file.replace(/\.(csv|xlsx)$/i, "").toLowerCase();
}

/** Finds the canonical files in the folder (CSV or XLSX sheets), honouring the profile's file names. */
async function discover(
  folder: string,
  profile: MappingProfile | undefined,
): Promise<{ sources: SourceFile[]; manifest: string | null; ignored: string[] }> {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ImportInputError(`Mappen ${folder} findes ikke`);
  }
  const names = readdirSync(folder).filter(
    (n) => !n.startsWith(".") && statSync(path.join(folder, n)).isFile(),
  );
  names.sort();
  const byProfileName = new Map<string, CanonicalFile>();
  for (const c of CANONICAL_FILES) {
    const f = profile?.files?.[c]?.file;
    if (f) byProfileName.set(f.toLowerCase(), c);
  }
  const sources: SourceFile[] = [];
  const ignored: string[] = [];
  let manifest: string | null = null;
  const canonicalOf = (name: string): CanonicalFile | null => {
    const fromProfile = byProfileName.get(name.toLowerCase()) ?? byProfileName.get(baseName(name));
    if (fromProfile) return fromProfile;
    if (REFUSION_RE.test(name)) return "refusion";
    const base = baseName(name);
    return (CANONICAL_FILES as readonly string[]).includes(base) && base !== "refusion"
      ? (base as CanonicalFile)
      : null;
  };
  for (const name of names) {
    const full = path.join(folder, name);
    if (name.toLowerCase() === "manifest.json") {
      manifest = full;
      continue;
    }
    const bytes = statSync(full).size;
    if (/\.csv$/i.test(name)) {
      const canonical = canonicalOf(name);
      if (canonical)
        sources.push({ canonical, label: name, path: full, reader: csvReader(full), bytes, csv: true });
      else ignored.push(name);
    } else if (/\.xlsx$/i.test(name)) {
      const single = canonicalOf(name);
      const sheets = await xlsxSheetNames(full);
      let used = false;
      for (const sheet of sheets) {
        const canonical = canonicalOf(sheet) ?? (sheets.length === 1 ? single : null);
        if (!canonical) continue;
        used = true;
        sources.push({
          canonical,
          label: sheets.length === 1 && single ? name : `${name}[${sheet}]`,
          path: full,
          reader: xlsxReader(full, sheet),
          bytes,
          csv: false,
        });
      }
      if (!used) ignored.push(name);
    } else ignored.push(name);
  }
  for (const c of CANONICAL_FILES) {
    if (c === "refusion") continue;
    const dup = sources.filter((s) => s.canonical === c);
    if (dup.length > 1) {
      throw new ImportInputError(
        `Filen ${c} findes flere gange i mappen (${dup.map((d) => d.label).join(", ")}); behold én af dem`,
      );
    }
  }
  if (sources.length === 0) {
    throw new ImportInputError(
      `Mappen ${folder} indeholder ingen kendte filer (forventet fx personer.csv, ydelsesforloeb.csv, tilbud.csv, loentimer.csv, markeringer.csv eller en XLSX-fil med faneblade med de navne)`,
    );
  }
  // personer first: the other files' persons are checked against it
  sources.sort((a, b) => CANONICAL_FILES.indexOf(a.canonical) - CANONICAL_FILES.indexOf(b.canonical));
  return { sources, manifest, ignored };
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Content hash of the input: every file's name and SHA-256, and the profile. */
async function contentHash(
  folder: string,
  files: string[],
  profile: MappingProfile | undefined,
): Promise<string> {
  const hash = createHash("sha256");
  for (const f of [...files].sort())
    hash.update(`${path.basename(f)}\0${await hashFile(path.join(folder, f))}\n`);
  if (profile) hash.update(`profile\0${JSON.stringify(profile)}`);
  return hash.digest("hex");
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temporary folders of imports that died (their owner process is gone). */
export function cleanStaleTemporaryFolders(snapshotsDir: string): string[] {
  if (!existsSync(snapshotsDir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(snapshotsDir)) {
    if (!name.startsWith(".tmp-")) continue;
    const dir = path.join(snapshotsDir, name);
    const ownerFile = path.join(dir, ".owner");
    let pid = 0;
    try {
      pid = Number(readFileSync(ownerFile, "utf8").trim());
    } catch {
      pid = 0;
    }
    if (pid > 0 && pidAlive(pid) && pid !== process.pid) continue;
    if (pid === process.pid && activeTempDirs.has(dir)) continue;
    rmSync(dir, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

const activeTempDirs = new Set<string>();

function fsyncPath(p: string): void {
  const fd = openSync(p, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Streaming writer of the rejects CSV report (Danish headings, `;`, BOM so Excel opens it). */
class RejectsReport {
  private stream: ReturnType<typeof createWriteStream> | null = null;
  total = 0;
  readonly kept: Reject[] = [];
  constructor(readonly file: string) {}

  add(r: Reject): void {
    this.total++;
    if (this.kept.length < MAX_KEPT_REJECTS) this.kept.push(r);
    if (!this.stream) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      this.stream = createWriteStream(this.file, { encoding: "utf8" });
      this.stream.write("\ufefffil;linje;kolonne;værdi;årsag\n");
    }
    const cell = (v: string) => (/[;"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    this.stream.write(`${[r.file, String(r.line), r.column, r.value, r.reason].map(cell).join(";")}\n`);
  }

  async close(): Promise<string | null> {
    const stream = this.stream;
    if (!stream) return null;
    await new Promise<void>((resolve, reject) =>
      stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
    return this.file;
  }
}

const TABLE_ORDER: SnapshotTableName[] = [
  "persons",
  "benefit_records",
  "activities",
  "wage_hours",
  "markers",
  "refusion_weeks",
];

function emptyCounts(): Record<SnapshotTableName, number> {
  return Object.fromEntries(TABLE_ORDER.map((t) => [t, 0])) as Record<SnapshotTableName, number>;
}

function columnsOf(table: SnapshotTableName): [string, string][] {
  return Object.entries(snapshotTables[table].columns) as [string, string][];
}

async function scalar<T>(c: DuckDBConnection, query: string): Promise<T> {
  const reader = await c.runAndReadAll(query);
  return reader.getRowObjectsJson()[0] as T;
}

async function rowsOf<T>(c: DuckDBConnection, query: string): Promise<T[]> {
  const reader = await c.runAndReadAll(query);
  return reader.getRowObjectsJson() as T[];
}

function readManifest(file: string | null): { extractionDate: string | null; source: string | null } {
  if (!file) return { extractionDate: null, source: null };
  let raw: { udtraeksdato?: unknown; kilde?: unknown };
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ImportInputError(`manifest.json er ikke gyldig JSON: ${(err as Error).message}`);
  }
  let extractionDate: string | null = null;
  if (raw.udtraeksdato !== undefined) {
    extractionDate = typeof raw.udtraeksdato === "string" ? tryParseDate(raw.udtraeksdato) : null;
    if (!extractionDate) {
      throw new ImportInputError(
        `manifest.json: «udtraeksdato» er ikke en gyldig dato (forventet ÅÅÅÅ-MM-DD): ${String(raw.udtraeksdato)}`,
      );
    }
  }
  const source = typeof raw.kilde === "string" && raw.kilde.trim() !== "" ? raw.kilde.trim() : null;
  return { extractionDate, source };
}

/** Imports a folder of extract files as a new snapshot (see the file comment for the order of work). */
export async function importSnapshot(options: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const { folder, dataDir, db, profile } = options;
  const snapshotsDir = path.join(dataDir, "snapshots");
  mkdirSync(snapshotsDir, { recursive: true });
  const progress = { rows: 0, bytes: 0, totalBytes: 0 };
  const report = (p: Omit<ImportProgress, "rows" | "bytes" | "totalBytes">) =>
    options.onProgress?.({
      ...p,
      rows: progress.rows,
      bytes: progress.bytes,
      totalBytes: progress.totalBytes,
    });

  const { sources, manifest, ignored } = await discover(folder, profile);
  const manifestInfo = readManifest(manifest);
  progress.totalBytes = sources.filter((s) => s.csv).reduce((n, s) => n + s.bytes, 0);
  report({ phase: "hashing" });
  const inputFiles = [...new Set(sources.map((s) => path.basename(s.path)))];
  if (manifest) inputFiles.push(path.basename(manifest));
  const hash = await contentHash(folder, inputFiles, profile);

  const base: Omit<ImportResult, "outcome" | "reportId" | "message" | "durationMs"> = {
    snapshotId: null,
    extractionDate: manifestInfo.extractionDate,
    source: manifestInfo.source,
    contentHash: hash,
    files: [],
    counts: emptyCounts(),
    persons: 0,
    dateRange: { from: null, to: null },
    ignoredFiles: ignored,
    rejectedRows: 0,
    rejectsTotal: 0,
    rejects: [],
    reportFile: null,
  };

  const existing = await findSnapshotByHash(db, hash);
  if (existing) {
    const message = `Filerne er allerede importeret som snapshot ${existing.id} (udtræksdato ${existing.extractionDate}); intet nyt snapshot er oprettet`;
    const saved = await insertImportReport(db, {
      outcome: "duplicate",
      summary: { message, contentHash: hash, duplicateOf: existing.id, folder: path.basename(folder) },
      importedBy: options.importedBy,
    });
    return {
      ...base,
      outcome: "duplicate",
      reportId: saved.id,
      message,
      duplicateOf: existing.id,
      durationMs: Date.now() - started,
    };
  }

  cleanStaleTemporaryFolders(snapshotsDir);
  const tmpDir = path.join(snapshotsDir, `.tmp-${hash.slice(0, 8)}-${randomBytes(4).toString("hex")}`);
  mkdirSync(tmpDir);
  activeTempDirs.add(tmpDir);
  writeFileSync(path.join(tmpDir, ".owner"), String(process.pid));
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  const rejectsReport = new RejectsReport(
    path.join(dataDir, "import-reports", `${stamp}-${hash.slice(0, 8)}.csv`),
  );
  let instance: DuckDBInstance | null = null;
  let connection: DuckDBConnection | null = null;
  let renamedTo: string | null = null;
  try {
    const pseudonymizer = new Pseudonymizer(loadPseudonymKey(dataDir));
    // ---------------------------------------------------------------- 2. stream, validate, stage
    const staged = new Map<SnapshotTableName, StagedCsv>();
    for (const t of TABLE_ORDER) staged.set(t, new StagedCsv(path.join(tmpDir, `stage-${t}.csv`)));
    const derived = new StagedCsv(path.join(tmpDir, "stage-derived.csv"));
    const needs = new StagedCsv(path.join(tmpDir, "stage-needs.csv"));
    const files: FileSummary[] = [];
    let lastDerived = "";
    let lastTick = 0;
    for (const source of sources) {
      const spec = FILE_SPECS[source.canonical];
      const mapping = fileMapping(profile, source.canonical);
      const headers = mapHeaders(await source.reader.headers(), mapping, spec);
      const summary: FileSummary = {
        file: source.label,
        canonical: source.canonical,
        rows: 0,
        valid: 0,
        rejected: 0,
      };
      files.push(summary);
      const missing = missingColumns(source.label, headers, spec);
      if (missing.length > 0) {
        for (const r of missing) rejectsReport.add(r);
        // count the file's rows as rejected: none can be read without the column
        for await (const batch of source.reader.batches()) {
          summary.rows += batch.rows.length;
          summary.rejected += batch.rows.length;
        }
        continue;
      }
      report({ phase: "reading", file: source.label });
      const validator = new RowValidator(source.label, spec, headers, mapping, pseudonymizer, !source.csv);
      const out = staged.get(spec.table) as StagedCsv;
      const bytesBefore = progress.bytes;
      for await (const batch of source.reader.batches()) {
        if (source.csv) progress.bytes = bytesBefore + batch.bytes;
        for (const row of batch.rows) {
          summary.rows++;
          progress.rows++;
          const result = validator.check(row.line, row.cells);
          if (!result.row) {
            summary.rejected++;
            for (const r of result.rejects) rejectsReport.add(r);
            continue;
          }
          summary.valid++;
          const pending = out.add(result.row, source.label, row.line);
          if (pending) await pending;
          if (result.derived && result.derived.personKey !== lastDerived) {
            lastDerived = result.derived.personKey;
            derived.add([result.derived.personKey, result.derived.birthDate, result.derived.sex]);
          }
          if (result.needsPerson) {
            needs.add([
              result.needsPerson.personKey,
              result.needsPerson.maskedCpr,
              source.label,
              row.line,
              headers.source.get(spec.cprColumn) ?? spec.cprColumn,
            ]);
          }
        }
        const now = Date.now();
        if (now - lastTick > 200) {
          lastTick = now;
          report({ phase: "reading", file: source.label });
        }
      }
      if (!source.csv) progress.bytes += source.bytes;
    }
    for (const s of staged.values()) await s.close();
    await derived.close();
    await needs.close();

    // ---------------------------------------------------------------- 3. load into DuckDB, cross-row checks
    report({ phase: "checking" });
    mkdirSync(path.join(tmpDir, "duckdb-tmp"));
    instance = await DuckDBInstance.create(":memory:", {
      memory_limit: "768MB",
      temp_directory: path.join(tmpDir, "duckdb-tmp"),
      preserve_insertion_order: "false",
    });
    const c = await instance.connect();
    connection = c;
    const readCsv = (file: string, cols: [string, string][]) =>
      `read_csv(${sqlString(file)}, header = false, delim = ',', quote = '"', escape = '"', nullstr = '', auto_detect = false, columns = {${cols
        .map(([n, t]) => `${sqlString(n)}: ${sqlString(t)}`)
        .join(", ")}})`;
    for (const t of TABLE_ORDER) {
      const cols: [string, string][] = [...columnsOf(t), ["_file", "VARCHAR"], ["_line", "INTEGER"]];
      await c.run(
        `CREATE TABLE s_${t} AS SELECT * FROM ${readCsv(path.join(tmpDir, `stage-${t}.csv`), cols)}`,
      );
    }
    await c.run(
      `CREATE TABLE s_derived AS SELECT * FROM ${readCsv(path.join(tmpDir, "stage-derived.csv"), [
        ["person_key", "VARCHAR"],
        ["birth_date", "DATE"],
        ["sex", "VARCHAR"],
      ])}`,
    );
    await c.run(
      `CREATE TABLE s_needs AS SELECT * FROM ${readCsv(path.join(tmpDir, "stage-needs.csv"), [
        ["person_key", "VARCHAR"],
        ["masked", "VARCHAR"],
        ["_file", "VARCHAR"],
        ["_line", "INTEGER"],
        ["heading", "VARCHAR"],
      ])}`,
    );
    await c.run("CREATE TABLE post_rejects (_file VARCHAR, _line INTEGER)");
    const personerLabel = sources.find((s) => s.canonical === "personer")?.label ?? "personer.csv";
    // duplicate persons in personer
    const dupPersons = await rowsOf<{ _file: string; _line: number; first_line: number }>(
      c,
      `SELECT _file, _line, first_line FROM (
         SELECT _file, _line, min(_line) OVER (PARTITION BY person_key) AS first_line,
                row_number() OVER (PARTITION BY person_key ORDER BY _line) AS rn FROM s_persons)
       WHERE rn > 1 ORDER BY _line`,
    );
    for (const d of dupPersons) {
      rejectsReport.add({
        file: d._file,
        line: d._line,
        column: "cpr",
        value: "",
        reason: `personen står allerede i linje ${d.first_line} (dublet)`,
      });
    }
    await c.run(
      `INSERT INTO post_rejects SELECT _file, _line FROM (
         SELECT _file, _line, row_number() OVER (PARTITION BY person_key ORDER BY _line) AS rn FROM s_persons) WHERE rn > 1`,
    );
    // duplicate rows in the other tables: every data column equal
    for (const t of TABLE_ORDER.slice(1)) {
      const cols = columnsOf(t)
        .map(([n]) => n)
        .join(", ");
      // a cheap hash aggregate first; the window (a sort) only when there are duplicates
      const any = await scalar<{ n: number }>(
        c,
        `SELECT count(*)::INTEGER AS n FROM (SELECT ${cols} FROM s_${t} GROUP BY ${cols} HAVING count(*) > 1)`,
      );
      if (Number(any.n) === 0) continue;
      const dups = await rowsOf<{ _file: string; _line: number; first_file: string; first_line: number }>(
        c,
        `SELECT _file, _line, first_file, first_line FROM (
           SELECT _file, _line,
                  first_value(_file) OVER w AS first_file, first_value(_line) OVER w AS first_line,
                  row_number() OVER w AS rn
           FROM s_${t} WINDOW w AS (PARTITION BY ${cols} ORDER BY _file, _line))
         WHERE rn > 1 ORDER BY _file, _line`,
      );
      for (const d of dups) {
        const where =
          d.first_file === d._file ? `linje ${d.first_line}` : `${d.first_file} linje ${d.first_line}`;
        rejectsReport.add({
          file: d._file,
          line: d._line,
          column: "",
          value: "",
          reason: `rækken er en dublet af ${where}`,
        });
        await c.run(`INSERT INTO post_rejects VALUES (${sqlString(d._file)}, ${d._line})`);
      }
    }
    // persons in other files that are neither in personer nor have a CPR giving a birth date
    const unknown = await rowsOf<{ masked: string; _file: string; _line: number; heading: string }>(
      c,
      `SELECT masked, _file, _line, heading FROM s_needs
       WHERE person_key NOT IN (SELECT person_key FROM s_persons) ORDER BY _file, _line`,
    );
    for (const u of unknown) {
      rejectsReport.add({
        file: u._file,
        line: u._line,
        column: u.heading,
        value: u.masked,
        reason: `personen findes ikke i ${personerLabel}, og CPR-nummeret giver ingen gyldig fødselsdato`,
      });
    }
    await c.run(
      `INSERT INTO post_rejects SELECT _file, _line FROM s_needs WHERE person_key NOT IN (SELECT person_key FROM s_persons)`,
    );
    // post-check rejects move rows from valid to rejected in the per-file counts
    const postCounts = await rowsOf<{ _file: string; n: number }>(
      c,
      "SELECT _file, count(DISTINCT _line)::INTEGER AS n FROM post_rejects GROUP BY _file",
    );
    for (const pc of postCounts) {
      const f = files.find((x) => x.file === pc._file);
      if (f) {
        f.valid -= pc.n;
        f.rejected += pc.n;
      }
    }
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

    // ---------------------------------------------------------------- 4. final tables and Parquet
    report({ phase: "writing" });
    for (const t of TABLE_ORDER) {
      await c.run(`DELETE FROM s_${t} WHERE (_file, _line) IN (SELECT _file, _line FROM post_rejects)`);
    }
    await c.run(
      `INSERT INTO s_persons
       SELECT person_key, any_value(birth_date), any_value(sex), NULL, NULL FROM s_derived
       WHERE person_key NOT IN (SELECT person_key FROM s_persons) GROUP BY person_key`,
    );
    const counts = emptyCounts();
    const orderBy: Record<SnapshotTableName, string> = {
      persons: "person_key",
      benefit_records: "person_key, start_date",
      activities: "person_key, start_date",
      wage_hours: "person_key, month",
      markers: "person_key, start_date",
      refusion_weeks: "person_key, week",
    };
    for (const t of TABLE_ORDER) {
      const cols = columnsOf(t)
        .map(([n]) => n)
        .join(", ");
      const target = path.join(tmpDir, snapshotTables[t].file);
      await c.run(
        `COPY (SELECT ${cols} FROM s_${t} ORDER BY ${orderBy[t]}) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd)`,
      );
      counts[t] = Number((await scalar<{ n: number }>(c, `SELECT count(*)::BIGINT AS n FROM s_${t}`)).n);
    }
    const range = await scalar<{ lo: string | null; hi: string | null }>(
      c,
      `SELECT min(lo)::VARCHAR AS lo, max(hi)::VARCHAR AS hi FROM (
         SELECT min(start_date) AS lo, greatest(max(start_date), max(end_date)) AS hi FROM s_benefit_records
         UNION ALL SELECT min(start_date), greatest(max(start_date), max(end_date)) FROM s_activities
         UNION ALL SELECT min(month), max(month) FROM s_wage_hours
         UNION ALL SELECT min(start_date), greatest(max(start_date), max(end_date)) FROM s_markers
         UNION ALL SELECT min(week), max(week) FROM s_refusion_weeks)`,
    );
    const extractionDate = manifestInfo.extractionDate ?? range.hi ?? new Date().toISOString().slice(0, 10);
    const source = manifestInfo.source ?? "udtræk";
    c.closeSync();
    connection = null;
    instance.closeSync();
    instance = null;

    const id = `${extractionDate}-${hash.slice(0, 8)}`;
    const createdAt = new Date();
    const snapshotManifest: SnapshotManifest & { rejectedRows: number; files: FileSummary[] } = {
      id,
      extractionDate,
      source,
      createdAt: createdAt.toISOString(),
      contentHash: hash,
      counts,
      rejectedRows,
      files,
    };
    // staged CSVs and DuckDB spill files are not part of the snapshot
    for (const name of readdirSync(tmpDir)) {
      if (name.startsWith("stage-") || name === "duckdb-tmp")
        rmSync(path.join(tmpDir, name), { recursive: true, force: true });
    }
    if (reportFile) writeFileSync(path.join(tmpDir, "rejects.csv"), readFileSync(reportFile));
    writeFileSync(path.join(tmpDir, "manifest.json"), `${JSON.stringify(snapshotManifest, null, 2)}\n`);
    rmSync(path.join(tmpDir, ".owner"), { force: true });
    for (const name of readdirSync(tmpDir)) fsyncPath(path.join(tmpDir, name));
    fsyncPath(tmpDir);

    // ---------------------------------------------------------------- 5. into place, then register
    const finalDir = path.join(snapshotsDir, id);
    if (existsSync(finalDir)) throw new Error(`Snapshot-mappen ${finalDir} findes allerede`);
    renameSync(tmpDir, finalDir);
    activeTempDirs.delete(tmpDir);
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
    try {
      await insertSnapshot(db, {
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
      });
    } catch (err) {
      // not registered (e.g. a concurrent import of the same files): take the folder away again
      rmSync(finalDir, { recursive: true, force: true });
      renamedTo = null;
      const again = await findSnapshotByHash(db, hash);
      if (again) {
        const dupMessage = `Filerne er allerede importeret som snapshot ${again.id}; intet nyt snapshot er oprettet`;
        const saved = await insertImportReport(db, {
          outcome: "duplicate",
          summary: { message: dupMessage, contentHash: hash, duplicateOf: again.id },
          importedBy: options.importedBy,
        });
        return {
          ...base,
          outcome: "duplicate",
          reportId: saved.id,
          message: dupMessage,
          duplicateOf: again.id,
          durationMs: Date.now() - started,
        };
      }
      throw err;
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
    report({ phase: "done" });
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
    try {
      connection?.closeSync();
      instance?.closeSync();
    } catch {
      /* already closed */
    }
    activeTempDirs.delete(tmpDir);
    rmSync(tmpDir, { recursive: true, force: true });
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
