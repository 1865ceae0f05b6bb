/**
 * Phase 2 of the import, per source file in order: a plain UTF-8 CSV file (every record on one
 * line) is read, checked and keyed by DuckDB (read-csv.ts); any other file (XLSX sheets, CSV with
 * quotes or empty lines, or a declared encoding other than UTF-8) goes row by row through
 * JavaScript (stage-rows.ts) and its staged CSVs are loaded into the same tables. A CSV file that
 * is not UTF-8 and has no encoding declared in the profile stops the import before any reading.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileEncoding, type MappingProfile } from "../profile.ts";
import { Pseudonymizer } from "../pseudonym.ts";
import { detectSeparator } from "../sources.ts";
import type { DateBound } from "../validate.ts";
import type { StagingDb } from "./cross-checks.ts";
import { inspectCsv, notUtf8Message } from "./inspect-csv.ts";
import { openSource } from "./open-source.ts";
import { readCsvFile } from "./read-csv.ts";
import type { RejectsReport } from "./rejects-report.ts";
import { stageRows } from "./stage-rows.ts";
import { type FileSummary, ImportInputError, type Progress, type SourceFile, timed } from "./types.ts";

export interface StageSourcesInput {
  sources: SourceFile[];
  profile: MappingProfile | undefined;
  pseudonymKey: string;
  staging: StagingDb;
  tmpDir: string;
  rejects: RejectsReport;
  progress: Progress;
  /** dates and months after this are rejected (validate.ts dateBound) */
  dateBound?: DateBound;
}

/** How each source is read: by DuckDB ("duckdb") or row by row in JavaScript ("rows"). */
export function readingPaths(
  sources: SourceFile[],
  profile: MappingProfile | undefined,
): ("duckdb" | "rows")[] {
  return sources.map((source) => {
    if (!source.csv) return "rows";
    const encoding = fileEncoding(profile, source.canonical);
    if (encoding !== "utf-8") return "rows";
    const inspection = inspectCsv(source.path);
    if (!inspection.utf8) throw new ImportInputError(notUtf8Message(source.label, inspection));
    return inspection.oneRecordPerLine ? "duckdb" : "rows";
  });
}

/** Stages every valid row of every source; returns the per-file counts (before the cross-checks). */
export async function stageSources(input: StageSourcesInput): Promise<FileSummary[]> {
  const paths = await timed("inspect", async () => readingPaths(input.sources, input.profile));
  const pseudonymizer = new Pseudonymizer(input.pseudonymKey);
  const files: FileSummary[] = [];
  for (const [i, source] of input.sources.entries()) {
    files.push(
      ...(paths[i] === "rows"
        ? await stageRowByRow(input, source, i, pseudonymizer)
        : await stageByDuckDb(input, source)),
    );
    await timed(`${source.label}: compact`, () => input.staging.compact());
  }
  return files;
}

/** One source read row by row in JavaScript (stage-rows.ts), its staged CSVs appended. */
async function stageRowByRow(
  input: StageSourcesInput,
  source: SourceFile,
  i: number,
  pseudonymizer: Pseudonymizer,
): Promise<FileSummary[]> {
  const dir = path.join(input.tmpDir, `stage-rows-${i}`);
  mkdirSync(dir);
  const summaries = await stageRows({
    sources: [source],
    profile: input.profile,
    pseudonymizer,
    tmpDir: dir,
    rejects: input.rejects,
    progress: input.progress,
    dateBound: input.dateBound,
  });
  await input.staging.appendStaged(dir);
  rmSync(dir, { recursive: true, force: true });
  return summaries;
}

/** One plain CSV source read by DuckDB's reader (read-csv.ts). */
async function stageByDuckDb(input: StageSourcesInput, source: SourceFile): Promise<FileSummary[]> {
  const { profile, rejects, progress } = input;
  const { spec, mapping, headings, headers, summary, readable } = await openSource(source, profile, rejects);
  if (!readable) return [summary];
  progress.report({ phase: "reading", file: source.label });
  const counts = await readCsvFile({
    connection: input.staging.connection,
    file: source.path,
    label: source.label,
    delimiter: detectSeparator(source.path),
    headerCount: headings.length,
    spec,
    headers,
    mapping,
    pseudonymKey: input.pseudonymKey,
    addReject: (r) => rejects.add(r),
    dateBound: input.dateBound ?? null,
  });
  Object.assign(summary, counts);
  progress.rows += counts.rows;
  progress.bytes += source.bytes;
  progress.report({ phase: "reading", file: source.label });
  return [summary];
}
