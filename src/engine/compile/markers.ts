/**
 * Marker measures (DESIGN 6.3): computed on project markers alone; the population filter is not
 * applied.
 */
import type { MeasureSql } from "./shape.ts";
import { activeOn, type CompileContext, list, minusMonths, str } from "./sql.ts";

/** distinct persons with a marker for the project: a person with two markers counts once */
export function compileMarkerCount(
  _def: unknown,
  m: { project: string; mode: "cumulative" | "active" | "started" },
  { rel }: CompileContext,
): MeasureSql {
  const condition = {
    cumulative: "k.start_date < m.d",
    active: activeOn("k", "m.d"),
    started: `k.start_date >= ${minusMonths("m.d", 1)} AND k.start_date < m.d`,
  }[m.mode];
  return {
    ctes: [
      `units AS (
  SELECT DISTINCT m.d, k.person_key FROM months m
  JOIN ${rel.markers} k ON k.project = ${str(m.project)} AND ${condition}
)`,
    ],
    shape: { kind: "count" },
    usesForloeb: false,
  };
}

/** per marker: markers ended before D (within the window when given) */
export function compileMarkerOutcomeShare(
  _def: unknown,
  m: { project: string; outcomes: string[]; window_months?: number | undefined },
  { rel }: CompileContext,
): MeasureSql {
  const windowCondition = m.window_months ? ` AND k.end_date >= ${minusMonths("m.d", m.window_months)}` : "";
  return {
    ctes: [
      `units AS (
  SELECT m.d, COALESCE(k.result IN ${list(m.outcomes)}, false) AS hit FROM months m
  JOIN ${rel.markers} k ON k.project = ${str(m.project)} AND k.end_date < m.d${windowCondition}
)`,
    ],
    shape: { kind: "share" },
    usesForloeb: false,
  };
}
