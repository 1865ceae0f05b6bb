/**
 * Use case: start the monthly computation ("Beregn") from the API in the background, at most one at
 * a time, and report the latest run. The run itself is services/compute.ts; its progress is stored
 * on the computations row, which the page polls.
 */
import { ConflictError } from "../domain/errors.ts";
import type { Db } from "../store/db.ts";
import {
  type Computation,
  createComputation,
  latestComputation,
  latestSuccessfulComputation,
  listRunningComputations,
  updateComputation,
} from "../store/repositories/computed.ts";
import { type ComputeSummary, runComputation } from "./compute.ts";
import { jobs } from "./jobs.ts";

/** A run still marked running after this long belongs to a process that died. */
export const STALE_COMPUTATION_MS = 30 * 60_000;

/**
 * The computation still marked running that started less than `staleAfterMs` ago. An older one is
 * marked failed so it no longer blocks.
 */
export async function activeComputation(
  db: Db,
  staleAfterMs = STALE_COMPUTATION_MS,
): Promise<Computation | undefined> {
  let active: Computation | undefined;
  for (const c of await listRunningComputations(db)) {
    if (Date.now() - c.startedAt.getTime() > staleAfterMs) {
      await updateComputation(db, c.id, {
        status: "failed",
        error: "Beregningen blev afbrudt (processen stoppede, før den blev færdig)",
        finishedAt: new Date(),
      });
    } else if (!active || c.id > active.id) {
      active = c;
    }
  }
  return active;
}

/** Creates the run's row at once (the answer) and computes in the background. */
export async function startComputationJob(
  db: Db,
  dataDir: string,
  startedBy: string,
  snapshotId?: string,
): Promise<Computation> {
  const active = jobs.isRunning("compute", db) ? await latestComputation(db) : await activeComputation(db);
  if (active && active.status === "running") {
    throw new ConflictError(`En beregning er allerede i gang (startet af ${active.startedBy})`);
  }
  const computation = await createComputation(db, { startedBy });
  jobs.start<never, ComputeSummary>("compute", {
    startedBy,
    scope: db,
    run: () => runComputation(db, dataDir, { startedBy, computation, snapshotId }),
    describeError: (e) => {
      console.error("Beregningen fejlede uventet", e);
      return `Beregningen fejlede uventet: ${(e as Error).message}`;
    },
  });
  return computation;
}

/** The latest run (with progress, status and error) and the latest successful one. */
export async function computationStatus(db: Db) {
  return {
    computation: (await latestComputation(db)) ?? null,
    lastSuccessful: (await latestSuccessfulComputation(db)) ?? null,
  };
}

/** Resolves when every background computation started through the API has finished (tests, shutdown). */
export function waitForBackgroundComputations(): Promise<void> {
  return jobs.settled("compute");
}
