/**
 * Use case: freeze a project's values for one month (the numbers reported to the committee), and
 * list the revisions: frozen values that a later computation changed.
 *
 * A freeze writes the frozen values and its audit entry; the caller opens one transaction for both
 * (`inTransaction(db, (tx) => freezeProjectPeriod(tx, …))`) so neither lands without the other.
 */
import { notFound } from "../domain/errors.ts";
import type { Db } from "../store/db.ts";
import { writeAudit } from "../store/repositories/audit.ts";
import {
  type ComputedValue,
  insertFrozenValues,
  listRevisions,
  type NewFrozenValue,
  projectExists,
  projectPeriodValues,
  type RevisionRow,
} from "../store/repositories/computed.ts";
import { invalidateReadModels } from "./read-model.ts";

export interface FreezeInput {
  projectId: number;
  period: string;
  frozenBy: string;
  reportLabel?: string;
}

/**
 * Freezes the project's current values for the month: computed values (with their snapshot) and
 * manual values. A value already frozen for that month stays as it was: what was reported is never
 * overwritten. Returns how many were frozen now and how many were frozen before.
 */
export async function freezeProjectPeriod(
  tx: Db,
  input: FreezeInput,
): Promise<{ frozen: number; alreadyFrozen: number }> {
  if (!(await projectExists(tx, input.projectId))) throw notFound("Projektet");
  const { computed, manual } = await projectPeriodValues(tx, input.projectId, input.period);
  const candidates = valuesToFreeze(computed, manual).map((c) => ({
    ...c,
    period: input.period,
    frozenBy: input.frozenBy,
    reportLabel: input.reportLabel ?? null,
  }));
  const inserted = await insertFrozenValues(tx, candidates);
  const result = { frozen: inserted, alreadyFrozen: candidates.length - inserted };
  await writeAudit(tx, {
    actor: input.frozenBy,
    action: "freeze",
    subject: `project:${input.projectId}:${input.period}`,
    details: result,
  });
  // the schemes mark frozen cells
  await invalidateReadModels(tx);
  return result;
}

type Candidate = Omit<NewFrozenValue, "period" | "frozenBy" | "reportLabel">;

/** The policy: an indicator's computed value is frozen; its manual value only when it has no computed one. */
export function valuesToFreeze(
  computed: ComputedValue[],
  manual: { indicatorId: number; value: number | null }[],
): Candidate[] {
  return [
    ...computed.map((v) => ({
      indicatorId: v.indicatorId,
      value: v.value,
      numerator: v.numerator,
      denominator: v.denominator,
      snapshotId: v.snapshotId,
    })),
    ...manual
      .filter((m) => !computed.some((c) => c.indicatorId === m.indicatorId))
      .map((m) => ({
        indicatorId: m.indicatorId,
        value: m.value,
        numerator: null,
        denominator: null,
        snapshotId: null,
      })),
  ];
}

/** The project's frozen values whose current computed value differs (old → new). */
export async function projectRevisions(db: Db, projectId: number): Promise<RevisionRow[]> {
  if (!(await projectExists(db, projectId))) throw notFound("Projektet");
  return listRevisions(db, projectId);
}
