/**
 * Step 1, units (DESIGN 9.1): for each intake month M with D = its first day and N = the first
 * day of the next month,
 * - the population at D (DESIGN 6.1, the effect's filter without project), one row per person
 *   with the start of the forløb used for the duration (the earliest, over the matching active
 *   records) and the smallest (benefit, category) pair of those records (category NULL = "");
 * - treated at D: the person's earliest marker of the project starts in [D, N − 1];
 * - control at D: no marker of the project starts before N (not yet referred).
 * A person whose earliest marker started before D is neither. Each (D, person) is one unit.
 *
 * Months whose D is after the snapshot's extraction date are left out (DESIGN 6.1: such a
 * month has no value), so an intake reaching past the extraction adds no units.
 */
import { forloebRunSelectFrom } from "../compile/forloeb.ts";
import {
  activeOn,
  list,
  monthsCte,
  personJoin,
  populationConditions,
  type Relations,
  str,
  viewRelations,
} from "../compile/sql.ts";
import type { EffectDefinition } from "./definition.ts";
import {
  create,
  type EffectInputs,
  type EffectStatement,
  type EffectTables,
  sessionInputs,
} from "./tables.ts";

export interface IntakeRange {
  /** YYYY-MM */
  from: string;
  /** YYYY-MM, inclusive */
  to: string;
}

/**
 * The intake months limited to those with D on or before the extraction date; undefined when
 * none is left.
 */
export function effectiveIntake(def: EffectDefinition, extractionDate: string): IntakeRange | undefined {
  const last = extractionDate.slice(0, 7);
  // YYYY-MM strings sort chronologically
  const to = [def.intake.to, last].sort()[0]!;
  return def.intake.from <= to ? { from: def.intake.from, to } : undefined;
}

export function unitsStatements(
  def: EffectDefinition,
  t: EffectTables,
  intake: IntakeRange,
  inputs: EffectInputs = sessionInputs,
): EffectStatement[] {
  const pop = def.population;
  const rel: Relations = { ...viewRelations, ...inputs };
  const first = `DATE ${str(`${intake.from}-01`)}`;
  const last = `DATE ${str(`${intake.to}-01`)}`;
  return [
    // whole (person, benefit) groups of the population's benefits with a record that can be
    // active on some D of the intake, so their forløb come out as from all records
    create(
      "(ydelser)",
      t.records,
      `SELECT s.person_key, s.benefit, s.category, s.start_date, s.end_date, s.exit_reason
FROM ${inputs.benefitRecords} s
SEMI JOIN (SELECT person_key, benefit FROM ${inputs.benefitRecords}
  WHERE benefit IN ${list(pop.benefits)} AND start_date <= ${last} AND (end_date IS NULL OR end_date >= ${first})) g
  ON g.person_key = s.person_key AND g.benefit = s.benefit`,
    ),
    create("(forløb)", t.forloeb, forloebRunSelectFrom(t.records)),
    create(
      "(population)",
      t.population,
      `WITH ${monthsCte(intake)}
SELECT m.d, f.person_key, min(f.course_start) AS course_start,
  min({'benefit': f.benefit, 'category': COALESCE(f.category, '')}) AS pair
FROM months m
JOIN ${t.forloeb} f ON ${activeOn("f", "m.d")}
${personJoin(pop, "f", rel)}
WHERE ${populationConditions(pop, "f", "m.d", rel).join("\n  AND ")}
GROUP BY m.d, f.person_key`,
    ),
    // the 64-character person keys are joined once here; the later steps join and group on
    // the integer ids (pid, uid)
    create(
      "(personer)",
      t.people,
      `SELECT x.person_key, CAST(row_number() OVER (ORDER BY x.person_key) AS INTEGER) AS pid, p.birth_date, p.sex
FROM (SELECT DISTINCT person_key FROM ${t.population}) x
LEFT JOIN ${inputs.persons} p ON p.person_key = x.person_key`,
    ),
    create(
      "(enheder)",
      t.units,
      `SELECT CAST(row_number() OVER (ORDER BY u.d, pe.pid) AS INTEGER) AS uid, u.d, pe.pid, u.person_key,
  pe.birth_date, pe.sex, u.course_start, u.pair.benefit AS benefit, u.pair.category AS category,
  (k.first_start IS NOT NULL AND k.first_start < CAST(u.d + INTERVAL 1 MONTH AS DATE)) AS treated
FROM ${t.population} u
JOIN ${t.people} pe ON pe.person_key = u.person_key
LEFT JOIN (SELECT person_key, min(start_date) AS first_start FROM ${inputs.markers}
  WHERE project = ${str(def.project)} GROUP BY person_key) k ON k.person_key = u.person_key
WHERE k.first_start IS NULL OR k.first_start >= u.d`,
    ),
  ];
}
