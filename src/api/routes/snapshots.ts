import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import {
  getImportReport,
  getSnapshot,
  listImportReports,
  listSnapshots,
  reportForSnapshot,
} from "../../store/repositories/snapshots.ts";
import {
  ImportInputError,
  type ImportProgress,
  type ImportResult,
  importSnapshot,
} from "../../warehouse/import/index.ts";
import { type MappingProfile, ProfileError, parseProfile } from "../../warehouse/profile.ts";
import { ApiError, notFound } from "../errors.ts";
import type { ApiRouter } from "../router.ts";

const snapshotParam = z.object({ id: z.string().regex(/^[A-Za-z0-9._-]+$/, "Ugyldigt snapshot-id") });
const reportParam = z.object({ id: z.coerce.number().int().positive() });
const jobParam = z.object({ id: z.string().regex(/^[a-f0-9]{16}$/, "Ugyldigt job-id") });

/** An import started from the web UI; polled by the Data page. */
export interface ImportJob {
  id: string;
  state: "running" | "done" | "failed";
  startedAt: string;
  startedBy: string;
  files: string[];
  progress: ImportProgress | null;
  result: ImportResult | null;
  error: string | null;
}

const jobs = new Map<string, ImportJob>();
const running = new Set<Promise<unknown>>();

/** Resolves when every import started through the API has finished (tests, shutdown). */
export async function waitForBackgroundImports(): Promise<void> {
  await Promise.all([...running]);
}

/**
 * Uploaded files wait for the import in a memory-backed folder (/dev/shm) where there is one, so an
 * extract with raw CPR numbers is not written to disk by the server; it is removed right after.
 */
function uploadFolder(): string {
  const base = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
  return mkdtempSync(path.join(base, "effektspor-upload-"));
}

const SAFE_NAME = /^[\p{L}\p{N} ._()-]+\.(csv|xlsx|json)$/iu;

/** Routes for: snapshot catalogue, upload/import, validation reports. */
export function snapshotsRoutes(router: ApiRouter): void {
  router.route(
    {
      method: "get",
      path: "/snapshots",
      summary: "Snapshotkataloget (nyeste først)",
      tag: "Data",
      action: "read",
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
    },
    async ({ params }) => {
      const job = jobs.get(params.id);
      if (!job) throw notFound(`Importjob ${params.id}`);
      return { job };
    },
  );

  router.route(
    {
      method: "post",
      path: "/imports",
      summary:
        "Upload udtræksfiler (multipart: felt «files», flere filer; valgfrit «profile» (YAML) og «acceptValidRows»=true) og start importen",
      tag: "Data",
      action: "import",
      status: 201,
    },
    async ({ c, deps, actor }) => {
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
      const files = (Array.isArray(rawFiles) ? rawFiles : rawFiles ? [rawFiles] : []).filter(
        (f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f,
      );
      if (files.length === 0) throw new ApiError("bad_request", "Vælg mindst én fil at importere", "files");
      const names = new Set<string>();
      for (const f of files) {
        const name = path.basename(f.name);
        if (!SAFE_NAME.test(name)) {
          throw new ApiError(
            "bad_request",
            `Filnavnet «${name}» er ikke tilladt: brug .csv, .xlsx eller manifest.json`,
            "files",
          );
        }
        if (names.has(name.toLowerCase()))
          throw new ApiError("bad_request", `Filen «${name}» er valgt to gange`, "files");
        names.add(name.toLowerCase());
      }
      let profile: MappingProfile | undefined;
      const profileField = form.profile;
      if (profileField && typeof profileField === "object" && "text" in profileField) {
        try {
          profile = parseProfile(
            await (profileField as File).text(),
            (profileField as File).name || "profil",
          );
        } catch (err) {
          throw new ApiError(
            "bad_request",
            err instanceof ProfileError ? err.message : String(err),
            "profile",
          );
        }
      }
      const acceptValidRows = form.acceptValidRows === "true" || form.acceptValidRows === "on";

      const folder = uploadFolder();
      try {
        for (const f of files) {
          await pipeline(
            Readable.fromWeb(f.stream() as never),
            createWriteStream(path.join(folder, path.basename(f.name)), { mode: 0o600 }),
          );
        }
      } catch (err) {
        rmSync(folder, { recursive: true, force: true });
        throw err;
      }
      const job: ImportJob = {
        id: randomBytes(8).toString("hex"),
        state: "running",
        startedAt: new Date().toISOString(),
        startedBy: actor.name,
        files: [...names],
        progress: null,
        result: null,
        error: null,
      };
      // finished jobs are kept an hour for the page to poll, then forgotten
      for (const [id, old] of jobs) {
        if (old.state !== "running" && Date.now() - Date.parse(old.startedAt) > 3_600_000) jobs.delete(id);
      }
      jobs.set(job.id, job);
      mkdirSync(deps.dataDir, { recursive: true });
      const work = importSnapshot({
        folder,
        dataDir: deps.dataDir,
        db: deps.store.db,
        profile,
        acceptValidRows,
        importedBy: actor.name,
        onProgress: (p) => {
          job.progress = p;
        },
      })
        .then((result) => {
          job.result = result;
          job.state = "done";
        })
        .catch((err: unknown) => {
          job.state = "failed";
          job.error =
            err instanceof ImportInputError ? err.message : `Importen mislykkedes: ${(err as Error).message}`;
        })
        .finally(() => {
          rmSync(folder, { recursive: true, force: true });
          running.delete(work);
        });
      running.add(work);
      return { job };
    },
  );
}
