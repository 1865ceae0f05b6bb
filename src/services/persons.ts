/**
 * Borgeroverblik: the persons behind a stock-like number. The query is the engine's
 * (src/engine/persons.ts); which measures have a list follows from the measure catalogue.
 */
import type { IndicatorDefinition } from "../engine/definition.ts";
import { type PersonRow, queryPersons } from "../engine/persons.ts";

export { hasPersonList, type PersonRow } from "../engine/persons.ts";

/** The persons behind the definition's number in month `period` (YYYY-MM) on a snapshot folder. */
export async function listPersons(
  snapshotDir: string,
  def: IndicatorDefinition,
  period: string,
): Promise<PersonRow[]> {
  return queryPersons(snapshotDir, def, period);
}
