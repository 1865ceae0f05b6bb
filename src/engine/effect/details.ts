/**
 * What the effect page shows beside the estimates (DESIGN 9.1 "In the app"), from the same helper
 * tables as the estimates, in one pass per effect:
 * - the curve: share on benefit of the matched treated and the weighted controls at every month
 *   h = −12 … +24 around the reference date D (h = 0 is D itself: the share on D);
 * - the balance: the covariate distribution (benefit/category, duration, age, sex and prior-support
 *   bands) of the matched treated units against the weighted controls (each control counts with
 *   its weight), in percent;
 * - the matching rate: treated units, matched at each level, unmatched, control units (all and
 *   with weight > 0).
 * The estimates are the definition's horizons, exactly as runEffect gives them (the curve's extra
 * horizons are outcome rows of their own and change nothing in the definition's rows).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { SnapshotSession } from "../execute.ts";
import type { EffectDefinition } from "./definition.ts";
import { type EffectEstimate, estimate, estimatesSql, type HorizonAggregates } from "./estimates.ts";
import { type EffectRunOptions, runEffect, withEffectTables } from "./run.ts";
import type { EffectTables } from "./tables.ts";

/** months around referral on the effect page's chart */
export const CURVE_FROM = -12;
export const CURVE_TO = 24;

export interface EffectCurvePoint {
  month: number;
  /** units counted at this month (treated matched or not, and controls with weight > 0) */
  treated: number;
  matched: number;
  share_treated: number | null;
  share_control: number | null;
}

export interface BalanceRow {
  covariate: "ydelse" | "varighed" | "alder" | "koen" | "forsorg";
  value: string;
  /** percent of the matched treated units */
  treated: number;
  /** weighted percent of the control units */
  control: number;
}

export interface MatchingRate {
  treated: number;
  matched: number;
  unmatched: number;
  level0: number;
  level1: number;
  level2: number;
  /** control units in the intake months, and those with weight > 0 */
  controlUnits: number;
  weightedControls: number;
}

export interface EffectDetails {
  curve: EffectCurvePoint[];
  balance: BalanceRow[];
  matching: MatchingRate;
}

export interface EffectWithDetails {
  estimates: EffectEstimate[];
  details: EffectDetails;
}

function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  return typeof v === "bigint" ? Number(v) : Number(v);
}

function rows(result: { getRowObjectsJS(): Record<string, unknown>[] }) {
  return result.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v])));
}

const bandSql = `CAST(c.duration_band AS VARCHAR)`;

function balanceSql(t: EffectTables): string {
  const value = (expr: string, name: string) =>
    `SELECT '${name}' AS covariate, ${expr} AS value, m.treated, CASE WHEN m.treated THEN 1.0 ELSE m.weight END AS w
  FROM ${t.matched} m JOIN ${t.covariates} c ON c.uid = m.uid
  WHERE (m.treated AND m.match_level IS NOT NULL) OR (NOT m.treated AND m.weight > 0)`;
  return `WITH v AS (
  ${value("c.benefit || '/' || COALESCE(c.category, '')", "ydelse")}
  UNION ALL ${value(bandSql, "varighed")}
  UNION ALL ${value("CAST(c.age_band AS VARCHAR)", "alder")}
  UNION ALL ${value("c.sex", "koen")}
  UNION ALL ${value("CAST(c.prior_band AS VARCHAR)", "forsorg")}
), tot AS (
  SELECT covariate, treated, sum(w) AS total FROM v GROUP BY covariate, treated
)
SELECT v.covariate, v.value,
  COALESCE(100.0 * sum(v.w) FILTER (WHERE v.treated) / any_value(tt.total), 0) AS treated,
  COALESCE(100.0 * sum(v.w) FILTER (WHERE NOT v.treated) / any_value(tc.total), 0) AS control
FROM v
LEFT JOIN tot tt ON tt.covariate = v.covariate AND tt.treated
LEFT JOIN tot tc ON tc.covariate = v.covariate AND NOT tc.treated
GROUP BY v.covariate, v.value
ORDER BY v.covariate, v.value`;
}

function matchingSql(t: EffectTables): string {
  return `SELECT count(*) FILTER (WHERE treated) AS treated,
  count(match_level) AS matched,
  count(*) FILTER (WHERE match_level = 0) AS level0,
  count(*) FILTER (WHERE match_level = 1) AS level1,
  count(*) FILTER (WHERE match_level = 2) AS level2,
  count(*) FILTER (WHERE NOT treated) AS control_units,
  count(*) FILTER (WHERE NOT treated AND weight > 0) AS weighted_controls
FROM ${t.matched}`;
}

const emptyMatching: MatchingRate = {
  treated: 0,
  matched: 0,
  unmatched: 0,
  level0: 0,
  level1: 0,
  level2: 0,
  controlUnits: 0,
  weightedControls: 0,
};

async function read(c: DuckDBConnection, sql: string) {
  return rows(await c.runAndReadAll(sql));
}

/** The estimates of one effect with the effect page's curve, balance and matching rate. */
export async function runEffectWithDetails(
  session: SnapshotSession,
  def: EffectDefinition,
  index = 0,
  options: EffectRunOptions = {},
): Promise<EffectWithDetails> {
  const curveMonths: number[] = [];
  for (let h = CURVE_FROM; h <= CURVE_TO; h++) curveMonths.push(h);
  const all = [...def.horizons, ...curveMonths.filter((h) => !def.horizons.includes(h))];
  const wide = { ...def, horizons: all };
  const result = await withEffectTables(
    session,
    wide,
    index,
    async (t, c) => {
      const aggregates = await read(c, estimatesSql(wide, t));
      const balance = await read(c, balanceSql(t));
      const [m] = await read(c, matchingSql(t));
      return { aggregates, balance, m };
    },
    options,
  );
  if (!result) {
    return {
      estimates: await runEffect(session, def, index, options),
      details: {
        curve: curveMonths.map((month) => ({
          month,
          treated: 0,
          matched: 0,
          share_treated: null,
          share_control: null,
        })),
        balance: [],
        matching: emptyMatching,
      },
    };
  }
  const byHorizon = new Map<number, EffectEstimate>();
  for (const r of result.aggregates) {
    const a = Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, num(v)]),
    ) as unknown as HorizonAggregates;
    const h = all[a.idx]!;
    byHorizon.set(h, estimate(def.id, h, a));
  }
  const m = result.m ?? {};
  const treated = num(m.treated) ?? 0;
  const matched = num(m.matched) ?? 0;
  return {
    estimates: def.horizons.map((h) => byHorizon.get(h)!),
    details: {
      curve: curveMonths.map((month) => {
        const e = byHorizon.get(month)!;
        return {
          month,
          treated: e.treated,
          matched: e.matched,
          share_treated: e.share_treated,
          share_control: e.share_control,
        };
      }),
      balance: result.balance.map((b) => ({
        covariate: String(b.covariate) as BalanceRow["covariate"],
        value: String(b.value),
        treated: num(b.treated) ?? 0,
        control: num(b.control) ?? 0,
      })),
      matching: {
        treated,
        matched,
        unmatched: treated - matched,
        level0: num(m.level0) ?? 0,
        level1: num(m.level1) ?? 0,
        level2: num(m.level2) ?? 0,
        controlUnits: num(m.control_units) ?? 0,
        weightedControls: num(m.weighted_controls) ?? 0,
      },
    },
  };
}
