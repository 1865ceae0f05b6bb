/**
 * Use case: the borgeroverblik of one number, the persons behind it, listed from the snapshot the
 * number was computed on; every view is written to the audit log. Whether the asker may see person
 * lists at all is decided before (the installation switch and the person-level permission).
 */
import { InvalidFieldError, NotFoundError, notFound } from "../domain/errors.ts";
import { type ResolvedSnapshot, resolveSnapshot } from "../engine/snapshots.ts";
import type { Db } from "../store/db.ts";
import { writeAudit } from "../store/repositories/audit.ts";
import { getComputedValue } from "../store/repositories/computed.ts";
import { getIndicator } from "../store/repositories/projects.ts";
import { definitionOfIndicator } from "./compute.ts";
import { hasPersonList, listPersons } from "./persons.ts";

export async function personListOfValue(
  db: Db,
  dataDir: string,
  input: { indicatorId: number; period: string; viewedBy: string },
) {
  const ind = await getIndicator(db, input.indicatorId);
  if (!ind) throw notFound("Indikatoren");
  const def = definitionOfIndicator(ind);
  if (!def.value) throw new InvalidFieldError(`Indikatoren «${ind.name}» har ingen gyldig definition`);
  if (!hasPersonList(def.value)) {
    throw new InvalidFieldError(
      "Personlisten findes kun for mål over personerne i målgruppen den 1. i måneden (ikke for afsluttede forløb, fuldtidspersoner eller markeringer)",
    );
  }
  const value = await getComputedValue(db, ind.id, input.period);
  const snapshot = await snapshotOfValue(dataDir, value?.snapshotId ?? undefined);
  const persons = await listPersons(snapshot.dir, def.value, input.period);
  await writeAudit(db, {
    actor: input.viewedBy,
    action: "read-persons",
    subject: `indicator:${ind.id}:${input.period}`,
    details: { indicator: ind.code, period: input.period, snapshotId: snapshot.id, count: persons.length },
  });
  return {
    indicator: { id: ind.id, code: ind.code, name: ind.name },
    period: input.period,
    snapshotId: snapshot.id,
    count: persons.length,
    persons,
  };
}

async function snapshotOfValue(dataDir: string, snapshotId: string | undefined): Promise<ResolvedSnapshot> {
  try {
    return await resolveSnapshot(dataDir, snapshotId);
  } catch {
    throw new NotFoundError(
      snapshotId
        ? `Snapshottet ${snapshotId}, som tallet er beregnet på, findes ikke længere`
        : "Der er ingen snapshots; importér data først",
    );
  }
}
