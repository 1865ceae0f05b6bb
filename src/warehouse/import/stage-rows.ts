/**
 * Phase 2 of the import: stream every source file row by row, validate each row, pseudonymize its
 * CPR number in JS, and append it to the staged CSVs in the temporary folder (never a raw CPR):
 * `stage-<table>.csv` (the row plus its source file and line), `stage-derived.csv` (birth date and
 * sex derived from a CPR number, for persons missing from personer) and `stage-needs.csv` (every
 * person a row refers to, for the cross-check that they exist). Rejects go to the report.
 */
import path from "node:path";
import type { MappingProfile } from "../profile.ts";
import type { Pseudonymizer } from "../pseudonym.ts";
import type { SnapshotTableName } from "../snapshot-layout.ts";
import { SourceFileError } from "../sources.ts";
import { StagedCsv } from "../stage.ts";
import { type DateBound, type Reject, RowValidator } from "../validate.ts";
import { openSource } from "./open-source.ts";
import type { RejectsReport } from "./rejects-report.ts";
import { type FileSummary, ImportInputError, type Progress, type SourceFile, TABLE_ORDER } from "./types.ts";

export interface StageRowsInput {
  sources: SourceFile[];
  profile: MappingProfile | undefined;
  pseudonymizer: Pseudonymizer;
  /** the import's temporary folder; the staged CSVs are written into it */
  tmpDir: string;
  rejects: RejectsReport;
  progress: Progress;
  /** dates after it are rejected (see dateBound in validate.ts) */
  dateBound?: DateBound;
}

/** The staged CSV of a snapshot table, or of the derived persons / needed persons. */
export function stagedFile(tmpDir: string, name: SnapshotTableName | "derived" | "needs"): string {
  return path.join(tmpDir, `stage-${name}.csv`);
}

/** The reject of a quote opened on `line` and never closed (the rest of the file, `lines` lines). */
export function unterminatedQuote(file: string, line: number, lines: number): Reject {
  return {
    file,
    line,
    column: "",
    value: "",
    reason: `anførselstegnet (") i linje ${line} lukkes aldrig, så ${lines > 1 ? `linje ${line}–${line + lines - 1}` : "linjen"} kan ikke læses; ret eller fjern anførselstegnet`,
  };
}

/**
 * Stages every valid row; returns the per-file counts (before the cross-checks). A file that
 * cannot be read at all (SourceFileError) stops the import with its Danish message.
 */
export async function stageRows(input: StageRowsInput): Promise<FileSummary[]> {
  try {
    return await stageAll(input);
  } catch (err) {
    throw err instanceof SourceFileError ? new ImportInputError(err.message) : err;
  }
}

async function stageAll(input: StageRowsInput): Promise<FileSummary[]> {
  const { sources, profile, pseudonymizer, tmpDir, rejects, progress } = input;
  const staged = new Map<SnapshotTableName, StagedCsv>();
  for (const t of TABLE_ORDER) staged.set(t, new StagedCsv(stagedFile(tmpDir, t)));
  const derived = new StagedCsv(stagedFile(tmpDir, "derived"));
  const needs = new StagedCsv(stagedFile(tmpDir, "needs"));
  const files: FileSummary[] = [];
  let lastDerived = "";
  let lastTick = 0;
  for (const source of sources) {
    const { spec, mapping, headers, summary, readable } = await openSource(source, profile, rejects);
    files.push(summary);
    if (!readable) continue;
    progress.report({ phase: "reading", file: source.label });
    const validator = new RowValidator(
      source.label,
      spec,
      headers,
      mapping,
      pseudonymizer,
      !source.csv,
      input.dateBound ?? null,
    );
    const out = staged.get(spec.table) as StagedCsv;
    const bytesBefore = progress.bytes;
    for await (const batch of source.reader.batches()) {
      if (source.csv) progress.bytes = bytesBefore + batch.bytes;
      for (const row of batch.rows) {
        summary.rows++;
        progress.rows++;
        if (row.unterminatedQuote) {
          summary.rejected++;
          rejects.add(unterminatedQuote(source.label, row.line, row.unterminatedQuote));
          continue;
        }
        const result = validator.check(row.line, row.cells);
        if (!result.row) {
          summary.rejected++;
          for (const r of result.rejects) rejects.add(r);
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
        progress.report({ phase: "reading", file: source.label });
      }
    }
    if (!source.csv) progress.bytes += source.bytes;
  }
  for (const s of staged.values()) await s.close();
  await derived.close();
  await needs.close();
  return files;
}
