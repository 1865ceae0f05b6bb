/**
 * Marker measures (DESIGN 6.3): computed on project markers alone; the population filter is not
 * applied.
 */
import type { Measure } from "../definition.ts";
import type { MeasureSql } from "./shape.ts";
import { activeOn, type CompileContext, list, minusMonths, str, viewRelations } from "./sql.ts";

type MarkerMeasure = Extract<Measure, { kind: "marker_count" | "marker_outcome_share" }>;

export function isMarkerMeasure(m: Measure): m is MarkerMeasure {
  return m.kind === "marker_count" || m.kind === "marker_outcome_share";
}

export function compileMarker(
  m: MarkerMeasure,
  { rel }: CompileContext = { rel: viewRelations },
): MeasureSql {
  if (m.kind === "marker_count") {
    const condition = {
      cumulative: "k.start_date < m.d",
      active: activeOn("k", "m.d"),
      started: `k.start_date >= ${minusMonths("m.d", 1)} AND k.start_date < m.d`,
    }[m.mode];
    return {
      // distinct persons: a person with two markers counts once
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
  // per marker: markers ended before D (within the window when given)
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
