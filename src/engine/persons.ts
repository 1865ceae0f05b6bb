/**
 * Borgeroverblik, the engine's part: the persons behind a population-at-D number (DESIGN 6.1):
 * pseudonymous key, age at D, benefit and category of the matching active record(s), duration at
 * D in days (D − the forløb start) and the activities active on D.
 *
 * Only measures whose units are the population persons at D have such a list (the catalogue's
 * measures on the shared population, measures.ts); ended-forløb, fte and marker measures have none.
 */
import { forloebCte, forloebRelation } from "./compile/forloeb.ts";
import { popCte } from "./compile/point.ts";
import { activeOn, ageAt, list, monthsCte } from "./compile/sql.ts";
import type { IndicatorDefinition } from "./definition.ts";
import { openSnapshot } from "./execute.ts";
import { countsPopulation } from "./measures.ts";

export function hasPersonList(def: IndicatorDefinition): boolean {
  return countsPopulation(def.measure.kind) && def.population !== undefined;
}

export interface PersonRow {
  personKey: string;
  age: number | null;
  benefit: string;
  category: string | null;
  durationDays: number;
  activity: string | null;
}

export function personListSql(def: IndicatorDefinition, period: string): string {
  const pop = def.population;
  if (!pop || !hasPersonList(def)) throw new RangeError(`Indikatoren ${def.id} har ingen personliste`);
  const categoryFilter = pop.categories ? ` AND f.category IN ${list(pop.categories)}` : "";
  return `-- borgeroverblik for ${def.id} ${period}
WITH ${monthsCte({ from: period, to: period })},
${forloebCte()},
${popCte(pop)}
SELECT u.person_key,
  ${ageAt("p.birth_date", "u.d")} AS age,
  (SELECT string_agg(DISTINCT f.benefit, ', ' ORDER BY f.benefit) FROM ${forloebRelation} f
    WHERE f.person_key = u.person_key AND f.benefit IN ${list(pop.benefits)}${categoryFilter} AND ${activeOn("f", "u.d")}) AS benefit,
  (SELECT string_agg(DISTINCT f.category, ', ' ORDER BY f.category) FROM ${forloebRelation} f
    WHERE f.person_key = u.person_key AND f.benefit IN ${list(pop.benefits)}${categoryFilter} AND ${activeOn("f", "u.d")}) AS category,
  CAST(u.d - u.course_start AS INTEGER) AS duration_days,
  (SELECT string_agg(DISTINCT a.kind, ', ' ORDER BY a.kind) FROM activities a
    WHERE a.person_key = u.person_key AND ${activeOn("a", "u.d")}) AS activity
FROM pop u
LEFT JOIN persons p ON p.person_key = u.person_key
ORDER BY duration_days DESC, u.person_key`;
}

/** The persons behind the definition's number in month `period` (YYYY-MM) on a snapshot folder. */
export async function queryPersons(
  snapshotDir: string,
  def: IndicatorDefinition,
  period: string,
): Promise<PersonRow[]> {
  const session = await openSnapshot(snapshotDir);
  try {
    const reader = await session.connection.runAndReadAll(personListSql(def, period));
    return reader.getRowObjectsJS().map((r) => ({
      personKey: String(r.person_key),
      age: r.age === null || r.age === undefined ? null : Number(r.age),
      benefit: String(r.benefit ?? ""),
      category: r.category === null || r.category === undefined ? null : String(r.category),
      durationDays: Number(r.duration_days),
      activity: r.activity === null || r.activity === undefined ? null : String(r.activity),
    }));
  } finally {
    session.close();
  }
}
