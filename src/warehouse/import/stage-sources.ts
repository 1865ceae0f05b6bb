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
  const { sources, profile, staging, tmpDir, rejects, progress } = input;
  const paths = await timed("inspect", async () => readingPaths(sources, profile));
  const pseudonymizer = new Pseudonymizer(input.pseudonymKey);
  const files: FileSummary[] = [];
  for (const [i, source] of sources.entries()) {
    if (paths[i] === "rows") {
      const dir = path.join(tmpDir, `stage-rows-${i}`);
      mkdirSync(dir);
      files.push(
        ...(await stageRows({
          sources: [source],
          profile,
          pseudonymizer,
          tmpDir: dir,
          rejects,
          progress,
          dateBound: input.dateBound,
        })),
      );
      await staging.appendStaged(dir);
      await timed(`${source.label}: compact`, () => staging.compact());
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    const { spec, mapping, headings, headers, summary, readable } = await openSource(
      source,
      profile,
      rejects,
    );
    files.push(summary);
    if (!readable) continue;
    progress.report({ phase: "reading", file: source.label });
    const counts = await readCsvFile({
      connection: staging.connection,
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
    await timed(`${source.label}: compact`, () => staging.compact());
    progress.rows += counts.rows;
    progress.bytes += source.bytes;
    progress.report({ phase: "reading", file: source.label });
  }
  return files;
}
