/** Contract of the committee report: generate (a job with progress), approve (a record), list, open. */
import { z } from "zod";
import type { ReportProject } from "../../services/report/model.ts";
import type { ReportProgress } from "../../services/report/reports.ts";
import { month, timestamp, typed } from "./common.ts";

export type { ReportGoal, ReportProject } from "../../services/report/model.ts";

export const REPORT_FORMAT_LABELS = { pdf: "PDF", docx: "Word (DOCX)", xlsx: "Excel (XLSX)" } as const;
export const reportFormat = z.enum(["pdf", "docx", "xlsx"], { message: "Vælg PDF, Word eller Excel" });

export const reportJobBody = z.object({
  month: month.optional(),
  projectIds: z.array(z.number().int().positive()).optional(),
  publication: z.boolean().default(false),
  format: reportFormat,
});
export type ReportJobBody = z.input<typeof reportJobBody>;

export const jobIdParam = z.object({ jobId: z.string().regex(/^[0-9a-f]{16}$/, "Ugyldigt job-id") });
export const followUpQuery = z.object({ month: month.optional() });

export const reportJobResult = z.object({
  fileName: z.string(),
  format: reportFormat,
  sizeBytes: z.number().int(),
  month: z.string(),
  monthText: z.string(),
  publication: z.boolean(),
  projectIds: z.array(z.number().int()),
  projectNames: z.array(z.string()),
  snapshotId: z.string().nullable(),
  extractionDate: z.string().nullable(),
  approvedReportId: z.number().int().nullable(),
});

export const reportJob = z.object({
  id: z.string(),
  state: z.enum(["running", "done", "failed"]),
  startedAt: timestamp,
  startedBy: z.string(),
  progress: typed<ReportProgress>("step (Danish) and fraction 0–1").nullable(),
  result: reportJobResult.nullable(),
  error: z.string().nullable(),
});
export type ReportJobDto = z.infer<typeof reportJob>;

export const approvedReport = z.object({
  id: z.number().int(),
  month: z.string(),
  monthText: z.string(),
  format: reportFormat,
  publication: z.boolean(),
  projectIds: z.array(z.number().int()),
  title: z.string(),
  snapshotId: z.string().nullable(),
  extractionDate: z.string().nullable(),
  approvedBy: z.string(),
  approvedAt: timestamp,
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  frozenCount: z.number().int(),
  alreadyFrozenCount: z.number().int(),
});
export type ApprovedReportDto = z.infer<typeof approvedReport>;

export const responses = {
  job: z.object({ job: reportJob }),
  approved: z.object({ report: approvedReport }),
  list: z.object({ reports: z.array(approvedReport), defaultMonth: z.string() }),
  followUp: z.object({
    month: z.string(),
    monthText: z.string(),
    extractionText: z.string(),
    project: typed<ReportProject>("the project's part of the report model: goals, footnotes, grid, charts"),
  }),
};
