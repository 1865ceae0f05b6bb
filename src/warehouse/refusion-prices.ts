/**
 * Prices from data (DESIGN 7, issue 5 point 2): actual gross cost, refusion, municipal net cost and
 * full-time persons per benefit and month, from a snapshot's refusion_weeks.parquet (the
 * Ydelsesrefusion files: one row per person-week), queried with DuckDB in-process.
 *
 * - A person-week counts once however many rows (corrections) it has; its amounts are summed.
 * - Municipal net cost = gross − refusion for refusion benefits; for a-dagpenge (paid by the state
 *   via the a-kasse) it is the municipality's co-financing amount.
 * - The week belongs to the month of its date (`Uge`). Full-time persons in a month = person-weeks
 *   ÷ (days in the month ÷ 7); the price per full-time person per year = amount ÷ person-weeks × 52.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { snapshotTables } from "./snapshot-layout.ts";

export interface RefusionPriceRow {
  benefit: string;
  /** YYYY-MM, or null in a benefit's total row */
  month: string | null;
  persons: number;
  personWeeks: number;
  gross: number;
  refusion: number;
  cofinancing: number;
  net: number;
  /** full-time persons in the month (or on average over the months of a total row) */
  fte: number;
  grossPerFteYear: number;
  /** refusion ÷ gross × 100 (a-dagpenge: co-financing ÷ gross × 100) */
  refusionPct: number | null;
  netPerFteYear: number;
}

export interface RefusionPrices {
  /** false when the snapshot has no refusion file or it holds no rows */
  available: boolean;
  months: RefusionPriceRow[];
  totals: RefusionPriceRow[];
}

function num(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (v && typeof v === "object" && "toDouble" in v && typeof v.toDouble === "function")
    return v.toDouble() as number;
  return Number(v ?? 0);
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function refusionPrices(snapshotDir: string): Promise<RefusionPrices> {
  const file = join(snapshotDir, snapshotTables.refusion_weeks.file);
  if (!existsSync(file)) return { available: false, months: [], totals: [] };
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const sql = `
      WITH pw AS (
        SELECT person_key, benefit, week,
               sum(coalesce(gross, 0)) AS gross,
               sum(coalesce(refusion_amount, 0)) AS refusion,
               sum(coalesce(cofinancing_amount, 0)) AS cofinancing
        FROM read_parquet(${sqlString(file)})
        WHERE week IS NOT NULL AND benefit IS NOT NULL
        GROUP BY person_key, benefit, week
      ), m AS (
        SELECT benefit, strftime(week, '%Y-%m') AS month,
               count(DISTINCT person_key) AS persons,
               count(*) AS person_weeks,
               sum(gross) AS gross, sum(refusion) AS refusion, sum(cofinancing) AS cofinancing,
               sum(CASE WHEN benefit = 'a-dagpenge' THEN cofinancing ELSE gross - refusion END) AS net,
               day(last_day(min(week))) AS days
        FROM pw GROUP BY benefit, strftime(week, '%Y-%m')
      ), t AS (
        SELECT benefit, NULL AS month,
               (SELECT count(DISTINCT person_key) FROM pw WHERE pw.benefit = m.benefit) AS persons,
               sum(person_weeks) AS person_weeks, sum(gross) AS gross, sum(refusion) AS refusion,
               sum(cofinancing) AS cofinancing, sum(net) AS net,
               -- average monthly fte over the benefit's months
               sum(person_weeks / (days / 7.0)) / count(*) AS fte
        FROM m GROUP BY benefit
      )
      SELECT benefit, month, persons, person_weeks, gross, refusion, cofinancing, net, person_weeks / (days / 7.0) AS fte
      FROM m
      UNION ALL
      SELECT benefit, month, persons, person_weeks, gross, refusion, cofinancing, net, fte FROM t
      ORDER BY benefit, month NULLS LAST`;
    const reader = await connection.runAndReadAll(sql);
    const rows = reader.getRowObjects().map((r): RefusionPriceRow => {
      const benefit = String(r.benefit);
      const personWeeks = num(r.person_weeks);
      const gross = num(r.gross);
      const refusion = num(r.refusion);
      const cofinancing = num(r.cofinancing);
      const net = num(r.net);
      const share = benefit === "a-dagpenge" ? cofinancing : refusion;
      return {
        benefit,
        month: r.month === null ? null : String(r.month),
        persons: num(r.persons),
        personWeeks,
        gross,
        refusion,
        cofinancing,
        net,
        fte: num(r.fte),
        grossPerFteYear: personWeeks > 0 ? (gross / personWeeks) * 52 : 0,
        refusionPct: gross !== 0 ? (share / gross) * 100 : null,
        netPerFteYear: personWeeks > 0 ? (net / personWeeks) * 52 : 0,
      };
    });
    return {
      available: rows.length > 0,
      months: rows.filter((r) => r.month !== null),
      totals: rows.filter((r) => r.month === null),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
