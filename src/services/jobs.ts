/**
 * The one registry of long-running work started from the API (import, compute; later reports).
 * A job runs in the background of this process; the page polls its status: who started it, how far
 * it has come (progress), and how it ended (result or a Danish error message). Finished jobs are
 * kept an hour for the page to poll, then forgotten.
 */
import { randomBytes } from "node:crypto";

export type JobKind = "import" | "compute" | "report";
export type JobState = "running" | "done" | "failed";

/** What a page polls. `X` adds the kind's own fields (an import's file names). */
export type JobStatus<P, R, X extends object = Record<never, never>> = {
  id: string;
  state: JobState;
  startedAt: string;
  startedBy: string;
} & X & {
    progress: P | null;
    result: R | null;
    error: string | null;
  };

export interface JobSpec<P, R, X extends object> {
  startedBy: string;
  /** jobs of one kind and scope run one at a time (compute: one per store) */
  scope?: unknown;
  fields?: X;
  run: (reportProgress: (progress: P) => void) => Promise<R>;
  /** the message a failed job shows */
  describeError: (err: unknown) => string;
  /** runs when the job has ended either way (remove uploaded files) */
  cleanup?: () => void;
}

interface Entry {
  kind: JobKind;
  scope: unknown;
  status: JobStatus<unknown, unknown>;
  done: Promise<void>;
}

const KEEP_FINISHED_MS = 3_600_000;

export class JobRegistry {
  readonly #entries = new Map<string, Entry>();

  start<P, R, X extends object = Record<never, never>>(
    kind: JobKind,
    spec: JobSpec<P, R, X>,
  ): JobStatus<P, R, X> {
    this.#forgetOld();
    const status = {
      id: randomBytes(8).toString("hex"),
      state: "running",
      startedAt: new Date().toISOString(),
      startedBy: spec.startedBy,
      ...spec.fields,
      progress: null,
      result: null,
      error: null,
    } as JobStatus<P, R, X>;
    const done = spec
      .run((progress) => {
        status.progress = progress;
      })
      .then((result) => {
        status.result = result;
        status.state = "done";
      })
      .catch((err: unknown) => {
        status.state = "failed";
        status.error = spec.describeError(err);
      })
      .finally(() => spec.cleanup?.());
    this.#entries.set(status.id, { kind, scope: spec.scope, status, done });
    return status;
  }

  /** The status of a job of this kind, or undefined when there is none (or it was forgotten). */
  get<S = JobStatus<unknown, unknown>>(kind: JobKind, id: string): S | undefined {
    const entry = this.#entries.get(id);
    return entry?.kind === kind ? (entry.status as S) : undefined;
  }

  /** Whether a job of this kind (and scope, when given) is still running in this process. */
  isRunning(kind: JobKind, scope?: unknown): boolean {
    return [...this.#entries.values()].some(
      (e) => e.kind === kind && e.status.state === "running" && (scope === undefined || e.scope === scope),
    );
  }

  /** Resolves when every job (of this kind) started so far has ended (tests, shutdown). */
  async settled(kind?: JobKind): Promise<void> {
    await Promise.all([...this.#entries.values()].filter((e) => !kind || e.kind === kind).map((e) => e.done));
  }

  #forgetOld(): void {
    for (const [id, e] of this.#entries) {
      if (e.status.state !== "running" && Date.now() - Date.parse(e.status.startedAt) > KEEP_FINISHED_MS) {
        this.#entries.delete(id);
      }
    }
  }
}

/** The process's registry. */
export const jobs = new JobRegistry();
