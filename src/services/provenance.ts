/**
 * Use case: how a number was made ("Hvordan er tallet lavet?"): the definition in words, the SQL,
 * the snapshot and its extraction date, numerator and denominator, when it was computed, whether it
 * was frozen and has since been revised, and whether the persons behind it can be listed.
 */
import { NotFoundError, notFound } from "../domain/errors.ts";
import { monthLabelLong } from "../domain/format.ts";
import { resolveSnapshot } from "../engine/snapshots.ts";
import type { Db } from "../store/db.ts";
import {
  getComputedValue,
  getFrozenValue,
  revisionOf,
  snapshotExtractionDate,
} from "../store/repositories/computed.ts";
import { getIndicator } from "../store/repositories/projects.ts";
import { definitionOfIndicator, describeIndicatorDefinition } from "./compute.ts";
import { hasPersonList } from "./persons.ts";

export async function valueProvenance(db: Db, dataDir: string, indicatorId: number, period: string) {
  const ind = await getIndicator(db, indicatorId);
  if (!ind) throw notFound("Indikatoren");
  const value = await getComputedValue(db, ind.id, period);
  const frozen = await getFrozenValue(db, ind.id, period);
  if (!value) {
    throw new NotFoundError(`Der er ingen beregnet værdi for «${ind.name}» i ${monthLabelLong(period)}`);
  }
  const def = definitionOfIndicator(ind);
  return {
    indicator: { id: ind.id, code: ind.code, name: ind.name, unit: ind.unit },
    period,
    description: def.value ? describeIndicatorDefinition(def.value, def.result) : null,
    result: def.result,
    definition: ind.definition,
    sql: value.compiledSql,
    snapshotId: value.snapshotId,
    extractionDate: value.snapshotId ? await extractionDateOf(db, dataDir, value.snapshotId) : null,
    numerator: value.numerator,
    denominator: value.denominator,
    value: value.value,
    computedAt: value.computedAt,
    computationId: value.computationId,
    definitionVersion: value.definitionVersion,
    currentDefinitionVersion: ind.definitionVersion,
    definitionHash: value.definitionHash,
    frozen: frozen ? { value: frozen.value, frozenAt: frozen.frozenAt, frozenBy: frozen.frozenBy } : null,
    revision: revisionOf(frozen, value),
    personListAvailable: def.value ? hasPersonList(def.value) : false,
  };
}

/** From the catalogue; for a snapshot not (or no longer) in it, from its manifest; else null. */
async function extractionDateOf(db: Db, dataDir: string, snapshotId: string): Promise<string | null> {
  const catalogued = await snapshotExtractionDate(db, snapshotId);
  if (catalogued) return catalogued;
  try {
    return (await resolveSnapshot(dataDir, snapshotId)).manifest.extractionDate;
  } catch {
    return null;
  }
}
