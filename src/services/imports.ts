/**
 * Use case: import uploaded extract files as a new snapshot, in the background. The files wait in a
 * memory-backed folder while the import runs and are removed when it ends; the page polls the job.
 */
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { InvalidFieldError, notFound } from "../domain/errors.ts";
import type { Db } from "../store/db.ts";
import {
  ImportInputError,
  type ImportProgress,
  type ImportResult,
  importSnapshot,
} from "../warehouse/import/index.ts";
import { type MappingProfile, ProfileError, parseProfile } from "../warehouse/profile.ts";
import { type JobStatus, jobs } from "./jobs.ts";
import { invalidateReadModels } from "./read-model.ts";

/** An import started from the web UI; polled by the Data page. */
export type ImportJob = JobStatus<ImportProgress, ImportResult, { files: string[] }>;

/** An uploaded file as the HTTP layer hands it over (a web File). */
export interface UploadedFile {
  name: string;
  stream(): ReadableStream<Uint8Array>;
  text(): Promise<string>;
}

export interface ImportRequest {
  files: UploadedFile[];
  /** a mapping profile (YAML) */
  profile?: UploadedFile;
  acceptValidRows: boolean;
  importedBy: string;
}

const SAFE_NAME = /^[\p{L}\p{N} ._()-]+\.(csv|xlsx|json)$/iu;

/** Checks the names, reads the profile, stores the files and starts the import; returns its job. */
export async function startImport(db: Db, dataDir: string, request: ImportRequest): Promise<ImportJob> {
  const names = checkFileNames(request.files);
  const profile = request.profile ? await readProfile(request.profile) : undefined;
  const folder = await storeUploads(request.files);
  mkdirSync(dataDir, { recursive: true });
  return jobs.start<ImportProgress, ImportResult, { files: string[] }>("import", {
    startedBy: request.importedBy,
    fields: { files: names },
    run: (onProgress) =>
      importSnapshot({
        folder,
        dataDir,
        db,
        profile,
        acceptValidRows: request.acceptValidRows,
        importedBy: request.importedBy,
        onProgress,
      }).finally(() => invalidateReadModels(db)),
    describeError: (err) =>
      err instanceof ImportInputError ? err.message : `Importen mislykkedes: ${(err as Error).message}`,
    cleanup: () => rmSync(folder, { recursive: true, force: true }),
  });
}

export function importJob(id: string): ImportJob {
  const job = jobs.get<ImportJob>("import", id);
  if (!job) throw notFound(`Importjob ${id}`);
  return job;
}

/** Resolves when every import started through the API has finished (tests, shutdown). */
export function waitForBackgroundImports(): Promise<void> {
  return jobs.settled("import");
}

/** The lower-cased file names, each allowed and chosen once. */
function checkFileNames(files: UploadedFile[]): string[] {
  if (files.length === 0) throw new InvalidFieldError("Vælg mindst én fil at importere", "files");
  const names = new Set<string>();
  for (const f of files) {
    const name = path.basename(f.name);
    if (!SAFE_NAME.test(name)) {
      throw new InvalidFieldError(
        `Filnavnet «${name}» er ikke tilladt: brug .csv, .xlsx eller manifest.json`,
        "files",
      );
    }
    if (names.has(name.toLowerCase()))
      throw new InvalidFieldError(`Filen «${name}» er valgt to gange`, "files");
    names.add(name.toLowerCase());
  }
  return [...names];
}

async function readProfile(file: UploadedFile): Promise<MappingProfile> {
  try {
    return parseProfile(await file.text(), file.name || "profil");
  } catch (err) {
    throw new InvalidFieldError(err instanceof ProfileError ? err.message : String(err), "profile");
  }
}

/**
 * Uploaded files wait for the import in a memory-backed folder (/dev/shm) where there is one, so an
 * extract with raw CPR numbers is not written to disk by the server; it is removed right after.
 */
async function storeUploads(files: UploadedFile[]): Promise<string> {
  const base = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
  const folder = mkdtempSync(path.join(base, "effektspor-upload-"));
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
  return folder;
}
