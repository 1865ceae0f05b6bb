/**
 * The start of reading one source file, the same for both reading paths (stage-sources.ts,
 * stage-rows.ts): its spec, its profile mapping, its headings mapped to canonical columns, and
 * its summary. A file with a required column missing, or a column given twice, cannot be read:
 * its rejects are recorded and all its rows counted as rejected.
 */
import { type FileMapping, fileMapping, type MappingProfile } from "../profile.ts";
import {
  duplicateColumns,
  FILE_SPECS,
  type FileSpec,
  type HeaderMap,
  mapHeaders,
  missingColumns,
} from "../validate.ts";
import type { RejectsReport } from "./rejects-report.ts";
import type { FileSummary, SourceFile } from "./types.ts";

export interface OpenedSource {
  spec: FileSpec;
  mapping: FileMapping;
  /** the headings as written */
  headings: string[];
  headers: HeaderMap;
  summary: FileSummary;
  /** false: a column is missing or doubled; the file's rows are counted as rejected */
  readable: boolean;
}

export async function openSource(
  source: SourceFile,
  profile: MappingProfile | undefined,
  rejects: RejectsReport,
): Promise<OpenedSource> {
  const spec = FILE_SPECS[source.canonical];
  const mapping = fileMapping(profile, source.canonical);
  const headings = await source.reader.headers();
  const headers = mapHeaders(headings, mapping, spec);
  const summary: FileSummary = {
    file: source.label,
    canonical: source.canonical,
    rows: 0,
    valid: 0,
    rejected: 0,
  };
  const problems = [
    ...duplicateColumns(source.label, headings, mapping),
    ...missingColumns(source.label, headers, spec),
  ];
  if (problems.length > 0) {
    for (const r of problems) rejects.add(r);
    // none of the rows can be read without the column (or with two)
    for await (const batch of source.reader.batches()) {
      summary.rows += batch.rows.length;
      summary.rejected += batch.rows.length;
    }
  }
  return { spec, mapping, headings, headers, summary, readable: problems.length === 0 };
}
