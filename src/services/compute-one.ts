/** "Gem" on a computed indicator computes it at once (issue 9, item 5). */
import type { Db } from "../store/db.ts";
import { activeComputation } from "./computations.ts";
import { type ComputeSummary, runComputation } from "./compute.ts";
import { listComputableSnapshots, SnapshotChoiceError, snapshotInUse } from "./snapshot-choice.ts";

/**
 * Compute one indicator at once (a computed indicator just saved in the form), on the snapshot the
 * other values come from, so the scheme stays on one snapshot; before any computation, on the
 * default. Over its project's own period. Refused while another computation runs.
 */
export async function computeIndicatorNow(
  db: Db,
  dataDir: string,
  indicatorId: number,
  startedBy: string,
): Promise<ComputeSummary> {
  const running = await activeComputation(db);
  if (running) {
    throw new SnapshotChoiceError(
      `En beregning er allerede i gang (startet af ${running.startedBy}); indikatoren beregnes, når du trykker «Beregn» bagefter`,
    );
  }
  const inUse = await snapshotInUse(db, dataDir);
  const snapshotId =
    inUse && (await listComputableSnapshots(db, dataDir)).some((s) => s.id === inUse.id)
      ? inUse.id
      : undefined;
  return runComputation(db, dataDir, { startedBy, snapshotId, indicatorIds: [indicatorId] });
}
