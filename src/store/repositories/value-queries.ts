/**
 * The two reads of computed values that several repositories build on (computed.ts for the status
 * schemes and revisions, reports.ts for the committee report): the current values of some
 * indicators, and each frozen value beside the current value of its indicator and month.
 */
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { PgColumn, SelectedFields } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import type { Db } from "../db.ts";
import { schema } from "../db.ts";

const { computedValues, frozenValues, indicators } = schema;

/** `fields` of the current computed values of the indicators (order it, or await it as is). */
export function currentValuesOf<S extends SelectedFields>(
  db: Db,
  indicatorIds: readonly number[],
  fields: S,
) {
  return db
    .select(fields)
    .from(computedValues)
    .where(inArray(computedValues.indicatorId, [...indicatorIds]));
}

/**
 * `fields` of every frozen value with its indicator and the current computed value of the same
 * indicator and month (a frozen value with no current value is left out), filtered by `where`,
 * in `order`.
 */
export async function frozenBesideCurrent<S extends SelectedFields>(
  db: Db,
  fields: S,
  where: SQL | undefined,
  order: (PgColumn | SQL)[],
): Promise<SelectResultFields<S>[]> {
  // drizzle cannot carry a generic selection through two joins, so the query is built on the
  // plain field type and its rows typed again from `fields` (inner joins: nothing turns nullable)
  const rows = await db
    .select(fields as SelectedFields)
    .from(frozenValues)
    .innerJoin(indicators, eq(indicators.id, frozenValues.indicatorId))
    .innerJoin(
      computedValues,
      and(
        eq(computedValues.indicatorId, frozenValues.indicatorId),
        eq(computedValues.period, frozenValues.period),
      ),
    )
    .where(where)
    .orderBy(...order);
  return rows as SelectResultFields<S>[];
}
