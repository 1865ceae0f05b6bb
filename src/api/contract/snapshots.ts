/** Contract of the data resource: snapshot catalogue, upload and import jobs, validation reports. */
import { z } from "zod";
import type { ImportReportRow, SnapshotRow } from "../../store/repositories/snapshots.ts";
import type { ImportProgress, ImportResult } from "../../warehouse/import/index.ts";
import { idText, timestamp, typed } from "./common.ts";

export type { ImportProgress, ImportResult } from "../../warehouse/import/index.ts";

export const snapshotParam = z.object({ id: z.string().regex(/^[A-Za-z0-9._-]+$/, "Ugyldigt snapshot-id") });
export const reportParam = z.object({ id: idText });
export const jobParam = z.object({ id: z.string().regex(/^[a-f0-9]{16}$/, "Ugyldigt job-id") });

const upload = z.string().meta({ format: "binary" });

/** POST /imports: the extract files, an optional mapping profile (YAML) and whether to accept the valid rows. */
export const importForm = z.object({
  files: z.array(upload).min(1).meta({ description: ".csv, .xlsx or manifest.json, each once" }),
  profile: upload.optional().meta({ description: "a mapping profile (YAML)" }),
  acceptValidRows: z.enum(["true", "on"]).optional(),
});

/** An import started from the web UI; polled on /import-jobs/:id. */
export const importJob = z.object({
  id: z.string(),
  state: z.enum(["running", "done", "failed"]),
  startedAt: timestamp,
  startedBy: z.string(),
  files: z.array(z.string()),
  progress: typed<ImportProgress>("how far the import has come").nullable(),
  result: typed<ImportResult>("the outcome: snapshot, report, counts").nullable(),
  error: z.string().nullable(),
});
export type ImportJobDto = z.infer<typeof importJob>;

const snapshot = typed<SnapshotRow>("a catalogue row: id, extraction date, source, counts, status");
const report = typed<ImportReportRow>("a validation report with its rejected rows");

export const responses = {
  snapshots: z.object({ snapshots: z.array(snapshot) }),
  snapshot: z.object({ snapshot, report: report.nullable() }),
  reports: z.object({ reports: z.array(typed<Omit<ImportReportRow, "rejects">>("an import attempt")) }),
  report: z.object({ report }),
  job: z.object({ job: importJob }),
};
