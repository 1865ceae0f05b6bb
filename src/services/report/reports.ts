/**
 * Use cases of the committee report: generate it in a format (with progress, as a background job
 * from the API or directly from the CLI), approve it (a record: the reported values are frozen with
 * the existing freeze, and the file is stored under the data directory with who approved it, when
 * and on which snapshot), list the approved reports and open one unchanged.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConflictError, InvalidFieldError, notFound } from "../../domain/errors.ts";
import { monthLabel } from "../../domain/format.ts";
import { reportDocx } from "../../reports/report-docx.ts";
import { reportPdf } from "../../reports/report-pdf.ts";
import { reportXlsx } from "../../reports/report-xlsx.ts";
import { type Db, inTransaction } from "../../store/db.ts";
import { latestSuccessfulComputation } from "../../store/repositories/computed.ts";
import { getReport, insertReport, listReports, type ReportRecord } from "../../store/repositories/reports.ts";
import { freezeProjectPeriod } from "../freeze.ts";
import { type JobStatus, jobs } from "../jobs.ts";
import { buildReportModel, type ReportModel, type ReportOptions } from "./model.ts";

export const REPORT_FORMATS = ["pdf", "docx", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface ReportProgress {
  step: string;
  /** 0–1 */
  fraction: number;
}

export interface GeneratedReport {
  model: ReportModel;
  bytes: Buffer;
  format: ReportFormat;
  fileName: string;
  contentType: string;
}

export type GenerateInput = Omit<ReportOptions, "onProgress"> & { format: ReportFormat };

/** "udvalgsrapport-2025-10.pdf", "udvalgsrapport-2025-10-offentlig.docx" */
export function reportFileName(month: string, format: ReportFormat, publication: boolean): string {
  return `udvalgsrapport-${month}${publication ? "-offentlig" : ""}.${format}`;
}

/** Renders a model in a format (the renderers read only the model). */
export function renderReport(model: ReportModel, format: ReportFormat): Promise<Buffer> {
  if (format === "pdf") return reportPdf(model);
  if (format === "docx") return reportDocx(model);
  return reportXlsx(model);
}

/** Builds the model and renders it; progress from 0 to 1 with a Danish step. */
export async function generateReport(
  db: Db,
  input: GenerateInput,
  onProgress: (p: ReportProgress) => void = () => {},
): Promise<GeneratedReport> {
  if (!REPORT_FORMATS.includes(input.format)) {
    throw new InvalidFieldError(`Ukendt format «${input.format}»: brug pdf, docx eller xlsx`, "format");
  }
  const model = await buildReportModel(db, {
    ...input,
    onProgress: (step, fraction) => onProgress({ step, fraction: fraction * 0.6 }),
  });
  const charts = model.projects.reduce((n, p) => n + p.charts.length, 0);
  onProgress({ step: `Tegner ${charts} diagrammer og skriver ${input.format.toUpperCase()}`, fraction: 0.6 });
  const bytes = await renderReport(model, input.format);
  onProgress({ step: "Rapporten er klar", fraction: 1 });
  return {
    model,
    bytes,
    format: input.format,
    fileName: reportFileName(model.front.month, input.format, model.front.publication),
    contentType: CONTENT_TYPES[input.format],
  };
}

// ------------------------------------------------------------------ the job (API)

export interface ReportJobResult {
  fileName: string;
  format: ReportFormat;
  sizeBytes: number;
  month: string;
  monthText: string;
  publication: boolean;
  projectIds: number[];
  projectNames: string[];
  snapshotId: string | null;
  extractionDate: string | null;
  /** set once the report is approved */
  approvedReportId: number | null;
}

export type ReportJob = JobStatus<ReportProgress, ReportJobResult>;

/** The generated files of finished jobs, kept beside the job registry (which keeps them an hour). */
const files = new Map<string, { generated: GeneratedReport; at: number }>();
const KEEP_FILES_MS = 3_600_000;

function forgetOldFiles(): void {
  for (const [id, f] of files) if (Date.now() - f.at > KEEP_FILES_MS) files.delete(id);
}

/** Starts generating a report in the background; poll it with reportJob(id). */
export function startReportJob(db: Db, startedBy: string, input: GenerateInput): ReportJob {
  forgetOldFiles();
  if (!REPORT_FORMATS.includes(input.format)) {
    throw new InvalidFieldError(`Ukendt format «${input.format}»: brug pdf, docx eller xlsx`, "format");
  }
  let jobId = "";
  const job = jobs.start<ReportProgress, ReportJobResult>("report", {
    startedBy,
    run: async (report) => {
      const generated = await generateReport(db, input, report);
      files.set(jobId, { generated, at: Date.now() });
      const m = generated.model;
      return {
        fileName: generated.fileName,
        format: generated.format,
        sizeBytes: generated.bytes.length,
        month: m.front.month,
        monthText: m.front.monthText,
        publication: m.front.publication,
        projectIds: m.projects.map((p) => p.id),
        projectNames: m.projects.map((p) => p.name),
        snapshotId: m.front.snapshotId,
        extractionDate: m.front.extractionDate,
        approvedReportId: null,
      };
    },
    describeError: (e) => {
      if (e instanceof InvalidFieldError) return e.message;
      console.error("Rapporten kunne ikke dannes", e);
      return `Rapporten kunne ikke dannes: ${(e as Error).message}`;
    },
  });
  jobId = job.id;
  return job;
}

export function reportJob(id: string): ReportJob {
  const job = jobs.get<ReportJob>("report", id);
  if (!job) throw notFound(`Rapportjobbet ${id}`);
  return job;
}

function generatedOf(id: string): GeneratedReport {
  const job = reportJob(id);
  if (job.state === "running") throw new ConflictError("Rapporten er ikke færdig endnu");
  if (job.state === "failed") throw new ConflictError(job.error ?? "Rapporten kunne ikke dannes");
  const f = files.get(id);
  if (!f) throw notFound("Rapportfilen (den er slettet efter en time; dan rapporten igen)");
  return f.generated;
}

/** The generated (not yet approved) file of a finished job. */
export function reportJobFile(id: string): GeneratedReport {
  return generatedOf(id);
}

/** Resolves when every report job started so far has ended (tests, shutdown). */
export function waitForReportJobs(): Promise<void> {
  return jobs.settled("report");
}

// ------------------------------------------------------------------ approval (a record)

export interface ApprovedReport {
  id: number;
  month: string;
  monthText: string;
  format: ReportFormat;
  publication: boolean;
  projectIds: number[];
  title: string;
  snapshotId: string | null;
  extractionDate: string | null;
  approvedBy: string;
  approvedAt: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  frozenCount: number;
  alreadyFrozenCount: number;
}

function view(r: ReportRecord): ApprovedReport {
  return {
    id: r.id,
    month: r.month,
    monthText: monthLabel(r.month),
    format: r.format as ReportFormat,
    publication: r.publication,
    projectIds: r.projectIds,
    title: r.title,
    snapshotId: r.snapshotId,
    extractionDate: r.extractionDate,
    approvedBy: r.approvedBy,
    approvedAt: r.approvedAt.toISOString(),
    fileName: r.fileName,
    sha256: r.sha256,
    sizeBytes: r.sizeBytes,
    frozenCount: r.frozenCount,
    alreadyFrozenCount: r.alreadyFrozenCount,
  };
}

/**
 * Approves a generated report for the committee: freezes the month's values of its projects (the
 * existing freeze: what was frozen before stays), stores the file under `<data dir>/reports/` and
 * records it. Refused when the values were recomputed after the report was made (the file would
 * not show what is frozen) or when the job's report was approved already.
 */
export async function approveReport(
  db: Db,
  dataDir: string,
  jobId: string,
  approvedBy: string,
): Promise<ApprovedReport> {
  const job = reportJob(jobId);
  const generated = generatedOf(jobId);
  if (job.result?.approvedReportId) {
    throw new ConflictError(`Rapporten er allerede godkendt (rapport nr. ${job.result.approvedReportId})`);
  }
  const m = generated.model;
  const latest = await latestSuccessfulComputation(db);
  if ((latest?.id ?? null) !== m.front.computationId) {
    throw new ConflictError(
      "Tallene er genberegnet, efter rapporten blev dannet: dan rapporten igen, før den godkendes",
    );
  }
  const dir = path.join(dataDir, "reports");
  mkdirSync(dir, { recursive: true });
  const relative = path.join(
    "reports",
    `${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString("hex")}-${generated.fileName}`,
  );
  const absolute = path.join(dataDir, relative);
  writeFileSync(absolute, generated.bytes, { flag: "wx" });
  try {
    const record = await inTransaction(db, async (tx) => {
      let frozen = 0;
      let already = 0;
      for (const p of m.projects) {
        const r = await freezeProjectPeriod(tx, {
          projectId: p.id,
          period: m.front.month,
          frozenBy: approvedBy,
          reportLabel: `${m.front.title} ${m.front.monthText} (${generated.format.toUpperCase()})`,
        });
        frozen += r.frozen;
        already += r.alreadyFrozen;
      }
      return insertReport(tx, {
        month: m.front.month,
        format: generated.format,
        publication: m.front.publication,
        projectIds: m.projects.map((p) => p.id),
        title: `${m.front.title} – ${m.front.monthText}`,
        snapshotId: m.front.snapshotId,
        extractionDate: m.front.extractionDate,
        computationId: m.front.computationId,
        approvedBy,
        fileName: generated.fileName,
        filePath: relative,
        sha256: createHash("sha256").update(generated.bytes).digest("hex"),
        sizeBytes: generated.bytes.length,
        frozenCount: frozen,
        alreadyFrozenCount: already,
      });
    });
    if (job.result) job.result.approvedReportId = record.id;
    return view(record);
  } catch (e) {
    rmSync(absolute, { force: true });
    throw e;
  }
}

export async function approvedReports(db: Db): Promise<ApprovedReport[]> {
  return (await listReports(db)).map(view);
}

/** An approved report's file exactly as it was approved (its sha256 is checked). */
export async function approvedReportFile(
  db: Db,
  dataDir: string,
  id: number,
): Promise<{ report: ApprovedReport; bytes: Buffer; contentType: string }> {
  const r = await getReport(db, id);
  if (!r) throw notFound(`Rapport nr. ${id}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(dataDir, r.filePath));
  } catch {
    throw notFound(`Filen til rapport nr. ${id} (${r.filePath})`);
  }
  if (createHash("sha256").update(bytes).digest("hex") !== r.sha256) {
    throw new ConflictError(`Filen til rapport nr. ${id} er ændret, efter den blev godkendt`);
  }
  return { report: view(r), bytes, contentType: CONTENT_TYPES[r.format as ReportFormat] };
}
