/** Contract of the snapshot-in-use routes: which snapshot the values come from, and what Beregn would use. */
import { z } from "zod";
import type { planComputation, snapshotInUse } from "../../services/snapshot-choice.ts";
import { typed } from "./common.ts";

type SnapshotInUse = Awaited<ReturnType<typeof snapshotInUse>>;
export type ComputePlan = Awaited<ReturnType<typeof planComputation>>;

export const snapshotIdQuery = z.object({
  snapshot: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Ugyldigt snapshot-id")
    .optional(),
});

export const responses = {
  snapshotInUse: z.object({
    inUse: typed<SnapshotInUse>("the snapshot of the latest successful computation, or null").nullable(),
    next: typed<Pick<ComputePlan, "snapshot" | "change">>("what Beregn would use, or null").nullable(),
  }),
  computePlan: typed<ComputePlan>(
    "the snapshot a computation would use and whether the change needs confirming",
  ),
  computedOne: z.object({
    status: z.string(),
    error: z.string().nullable(),
    warnings: z.array(z.object({ message: z.string() }).passthrough()),
    valueCount: z.number().int(),
    snapshot: z.unknown().nullable(),
    range: z.object({ from: z.string(), to: z.string() }).nullable(),
  }),
};
