/**
 * The per-effect helper tables of one effect computation (plain tables of the session's
 * in-memory database, dropped after the effect). Each step (units.ts, covariates.ts,
 * matching.ts, outcomes.ts) creates one or more of them from the earlier ones.
 */
export interface EffectTables {
  /** the population's benefit records, whole chains, for the forløb */
  records: string;
  /** forløb of `records` (compile/forloeb.ts) */
  forloeb: string;
  /** population at each intake D: (d, person_key, benefit, category, course_start) */
  population: string;
  /** the population's persons with a small integer id (pid), birth date and sex */
  people: string;
  /** treated and control units: population + unit id (uid), pid and treated flag */
  units: string;
  /** merged (union) intervals of each unit person's outcome-benefit records */
  support: string;
  /** units with their covariates and strata */
  covariates: string;
  /** units with match level (treated) and weight (controls) */
  matched: string;
  /** (unit, horizon) outcomes of the units the estimates use */
  outcomes: string;
}

export function effectTables(index: number): EffectTables {
  const t = (name: string) => `effect_${index}_${name}`;
  return {
    records: t("records"),
    forloeb: t("forloeb"),
    population: t("population"),
    people: t("people"),
    units: t("units"),
    support: t("support"),
    covariates: t("covariates"),
    matched: t("matched"),
    outcomes: t("outcomes"),
  };
}

/**
 * The snapshot relations an effect reads. By default the session's relations of the same name
 * (execute.ts openSnapshot); computeEffects points them at in-memory copies of just these three.
 */
export interface EffectInputs {
  persons: string;
  benefitRecords: string;
  markers: string;
}

export const sessionInputs: EffectInputs = {
  persons: "persons",
  benefitRecords: "benefit_records",
  markers: "markers",
};

/** in creation order; dropped in reverse */
export function tableList(t: EffectTables): string[] {
  return [
    t.records,
    t.forloeb,
    t.population,
    t.people,
    t.units,
    t.support,
    t.covariates,
    t.matched,
    t.outcomes,
  ];
}

/** one CREATE step: a label for timings and its SQL */
export interface EffectStatement {
  label: string;
  sql: string;
}

export function create(label: string, table: string, select: string): EffectStatement {
  return { label, sql: `CREATE OR REPLACE TABLE ${table} AS\n${select}` };
}
