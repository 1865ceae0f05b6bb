/**
 * How a measure's `units` CTE is aggregated per month into (value, numerator, denominator):
 * - count: one row per counted unit; value = count, numerator/denominator NULL
 * - share: one row per unit with `hit`; value = 100 × hits ÷ units (NULL when no units)
 * - mean:  one row per unit with `x`; value = Σx ÷ units (NULL when none), numerator Σx, denominator units
 * - ratio: rows with `x`; value = Σx ÷ denominator, denominator an expression of the month m.d
 */
export type ResultShape =
  | { kind: "count" }
  | { kind: "share" }
  | { kind: "mean" }
  | { kind: "ratio"; denominator: string };

export interface MeasureSql {
  /** CTEs after `months` (and the forløb), the last named `units` with a column d */
  ctes: string[];
  shape: ResultShape;
  /** whether the query reads the forloeb_records relation */
  usesForloeb: boolean;
}

/** agg(d, ...) and the final SELECT list for a shape */
export function aggregate(shape: ResultShape): { agg: string; select: string } {
  switch (shape.kind) {
    case "count":
      return {
        agg: "agg AS (SELECT d, count(*) AS n FROM units GROUP BY d)",
        select: "COALESCE(a.n, 0) AS value, NULL AS numerator, NULL AS denominator",
      };
    case "share":
      return {
        agg: "agg AS (SELECT d, count(*) FILTER (WHERE hit) AS num, count(*) AS den FROM units GROUP BY d)",
        select: `CASE WHEN COALESCE(a.den, 0) = 0 THEN NULL ELSE CAST(100 * a.num AS DOUBLE) / a.den END AS value,
  COALESCE(a.num, 0) AS numerator, COALESCE(a.den, 0) AS denominator`,
      };
    case "mean":
      return {
        agg: "agg AS (SELECT d, sum(x) AS num, count(*) AS den FROM units GROUP BY d)",
        select: `CASE WHEN COALESCE(a.den, 0) = 0 THEN NULL ELSE CAST(a.num AS DOUBLE) / a.den END AS value,
  COALESCE(a.num, 0) AS numerator, COALESCE(a.den, 0) AS denominator`,
      };
    case "ratio":
      return {
        agg: "agg AS (SELECT d, sum(x) AS num FROM units GROUP BY d)",
        select: `CAST(COALESCE(a.num, 0) AS DOUBLE) / (${shape.denominator}) AS value,
  COALESCE(a.num, 0) AS numerator, (${shape.denominator}) AS denominator`,
      };
  }
}
