import type { Context } from "hono";
import { importJob, startImport, type UploadedFile } from "../../services/imports.ts";
import {
  getImportReport,
  getSnapshot,
  listImportReports,
  listSnapshots,
  reportForSnapshot,
} from "../../store/repositories/snapshots.ts";
import {
  importForm,
  jobParam,
  reportParam,
  snapshotParam,
  responses as snapshots,
} from "../contract/snapshots.ts";
import { ApiError, notFound } from "../errors.ts";
import type { ApiRouter } from "../router.ts";

const isFile = (f: unknown): f is UploadedFile & File =>
  typeof f === "object" && f !== null && "arrayBuffer" in f;

/** The multipart form of POST /imports: files, an optional profile (YAML) and acceptValidRows. */
async function readImportForm(c: Context) {
  let form: Record<string, unknown>;
  try {
    form = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
  } catch {
    throw new ApiError(
      "bad_request",
      "Forespørgslen skal være multipart/form-data med filerne i feltet «files»",
    );
  }
  const rawFiles = form.files ?? form["files[]"];
  const files = (Array.isArray(rawFiles) ? rawFiles : rawFiles ? [rawFiles] : []).filter(isFile);
  const profileField = form.profile;
  const profile =
    profileField && typeof profileField === "object" && "text" in profileField
      ? (profileField as UploadedFile)
      : undefined;
  return {
    files,
    profile,
    acceptValidRows: form.acceptValidRows === "true" || form.acceptValidRows === "on",
  };
}

/** Routes for: snapshot catalogue, upload/import, validation reports. */
export function snapshotsRoutes(router: ApiRouter): void {
  router.route(
    {
      method: "get",
      path: "/snapshots",
      summary: "Snapshotkataloget (nyeste først)",
      tag: "Data",
      action: "read",
      response: snapshots.snapshots,
    },
    async ({ deps }) => {
      const rows = await listSnapshots(deps.store.db);
      return { snapshots: rows };
    },
  );

  router.route(
    {
      method: "get",
      path: "/snapshots/:id",
      summary: "Ét snapshot med dets valideringsrapport",
      tag: "Data",
      action: "read",
      params: snapshotParam,
      response: snapshots.snapshot,
    },
    async ({ params, deps }) => {
      const snapshot = await getSnapshot(deps.store.db, params.id);
      if (!snapshot) throw notFound(`Snapshot ${params.id}`);
      const report = await reportForSnapshot(deps.store.db, params.id);
      return { snapshot, report: report ?? null };
    },
  );

  router.route(
    {
      method: "get",
      path: "/imports",
      summary: "Seneste importforsøg (også afviste)",
      tag: "Data",
      action: "read",
      response: snapshots.reports,
    },
    async ({ deps }) => ({ reports: await listImportReports(deps.store.db, 50) }),
  );

  router.route(
    {
      method: "get",
      path: "/imports/:id",
      summary: "Ét importforsøgs valideringsrapport med afviste rækker",
      tag: "Data",
      action: "read",
      params: reportParam,
      response: snapshots.report,
    },
    async ({ params, deps }) => {
      const report = await getImportReport(deps.store.db, params.id);
      if (!report) throw notFound(`Importrapport ${params.id}`);
      return { report };
    },
  );

  router.route(
    {
      method: "get",
      path: "/import-jobs/:id",
      summary: "Status for en igangværende import (fremdrift, resultat)",
      tag: "Data",
      action: "import",
      params: jobParam,
      response: snapshots.job,
    },
    async ({ params }) => ({ job: importJob(params.id) }),
  );

  router.route(
    {
      method: "post",
      path: "/imports",
      summary:
        "Upload udtræksfiler (multipart: felt «files», flere filer; valgfrit «profile» (YAML) og «acceptValidRows»=true) og start importen",
      tag: "Data",
      action: "import",
      form: importForm,
      status: 201,
      response: snapshots.job,
    },
    async ({ c, deps, actor }) => {
      const form = await readImportForm(c);
      return { job: await startImport(deps.store.db, deps.dataDir, { ...form, importedBy: actor.name }) };
    },
  );
}
