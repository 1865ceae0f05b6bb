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
  /** treated and control units: population + treated flag */
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
    units: t("units"),
    support: t("support"),
    covariates: t("covariates"),
    matched: t("matched"),
    outcomes: t("outcomes"),
  };
}

/** in creation order; dropped in reverse */
export function tableList(t: EffectTables): string[] {
  return [t.records, t.forloeb, t.population, t.units, t.support, t.covariates, t.matched, t.outcomes];
}

/** one CREATE step: a label for timings and its SQL */
export interface EffectStatement {
  label: string;
  sql: string;
}

export function create(label: string, table: string, select: string): EffectStatement {
  return { label, sql: `CREATE OR REPLACE TABLE ${table} AS\n${select}` };
}
