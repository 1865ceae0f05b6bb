/**
 * Measures over ended forløb (DESIGN 6.3): ended_outcome_share, avg_duration_ended and
 * returned_within. The universe is counted per forløb, not per person: forløb of the
 * population's benefits whose end E lies in a window before D and whose exit-defining record
 * (latest end, on a tie later start) matches the categories, the age at E and the project
 * (marker active on E).
 */
import type { BenefitCode, MeasureTarget } from "../definition-parts.ts";
import type { MeasureSql } from "./shape.ts";
import {
  type CompileContext,
  list,
  minusMonths,
  num,
  personJoin,
  populationConditions,
  type Relations,
  where,
} from "./sql.ts";

/**
 * ended(d, person_key, course_start, course_end, exit_reason): one row per month and forløb
 * ending in [from, to], where from/to are SQL expressions of m.d.
 */
function endedCte(def: MeasureTarget, rel: Relations, from: string, to: string): string {
  const pop = def.population;
  if (!pop) throw new Error(`Indikatoren ${def.id} mangler population`);
  return `ended AS (
  SELECT m.d, f.person_key, f.course_start, f.course_end, f.exit_reason
  FROM months m
  JOIN ${rel.forloeb} f ON f.is_exit_record AND f.course_end IS NOT NULL
    AND f.course_end >= ${from} AND f.course_end <= ${to}
  ${personJoin(pop, "f", rel)}
  ${where(populationConditions(pop, "f", "f.course_end", rel))}
)`;
}

export function compileEndedOutcomeShare(
  def: MeasureTarget,
  m: { outcomes: string[]; window_months: number },
  { rel }: CompileContext,
): MeasureSql {
  return {
    ctes: [
      endedCte(def, rel, minusMonths("m.d", m.window_months), "m.d - 1"),
      `units AS (SELECT d, COALESCE(exit_reason IN ${list(m.outcomes)}, false) AS hit FROM ended)`,
    ],
    shape: { kind: "share" },
    usesForloeb: true,
  };
}

/** duration in weeks, both ends inclusive: (E − S + 1) ÷ 7 */
export function compileAvgDurationEnded(
  def: MeasureTarget,
  m: { window_months: number },
  { rel }: CompileContext,
): MeasureSql {
  return {
    ctes: [
      endedCte(def, rel, minusMonths("m.d", m.window_months), "m.d - 1"),
      "units AS (SELECT d, CAST(course_end - course_start + 1 AS DOUBLE) / 7 AS x FROM ended)",
    ],
    shape: { kind: "mean" },
    usesForloeb: true,
  };
}

/** B = D − days: the window ends a full follow-up period before D, so every forløb in it has had `days` days to return. */
export function returnWindowEnd(d: string, days: number): string {
  return `(${d} - ${num(days)})`;
}

export function compileReturnedWithin(
  def: MeasureTarget,
  m: { days: number; window_months: number; return_benefits?: BenefitCode[] | undefined },
  { rel }: CompileContext,
): MeasureSql {
  const b = returnWindowEnd("m.d", m.days);
  const benefitFilter = m.return_benefits ? ` AND r.benefit IN ${list(m.return_benefits)}` : "";
  return {
    ctes: [
      endedCte(def, rel, minusMonths(b, m.window_months), `${b} - 1`),
      `units AS (
  SELECT e.d, EXISTS (SELECT 1 FROM ${rel.benefitRecords} r WHERE r.person_key = e.person_key${benefitFilter}
    AND r.start_date >= e.course_end + 1 AND r.start_date <= e.course_end + ${num(m.days)}) AS hit
  FROM ended e
)`,
    ],
    shape: { kind: "share" },
    usesForloeb: true,
  };
}
