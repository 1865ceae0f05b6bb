/**
 * Targets (måltal) and the status rules of the monthly status scheme (DESIGN 2.2–2.3).
 *
 * A target has a baseline (startmåling), minimum milestones (mindste mål) and a final goal
 * (slutmål). Goals may be absolute or relative to the baseline. The trajectory is the straight
 * line from the baseline through each milestone to the final goal, interpolated by calendar day.
 */
import { z } from "zod";
import { diffDays, type IsoDate, isIsoDate } from "./calendar.ts";
import { parseDanishNumber } from "./format.ts";

export type Direction = "higher" | "lower";

/**
 * A goal value. A plain number is absolute. `relative_percent` changes the baseline by a percent
 * of itself ("-40 pct." of 80 → 48); `relative_points` adds percentage points ("+10 procentpoint"
 * on 47 pct. → 57 pct.). Seed 000 warns that "10 pct. flere" is ambiguous, so a target must say which.
 */
export type Goal =
  | { kind: "absolute"; value: number }
  | { kind: "relative_percent"; percent: number }
  | { kind: "relative_points"; points: number };
export type GoalValue = number | Goal;

export interface Baseline {
  value: number;
  date: IsoDate;
  /** e.g. "jobindsats.dk 3.kvt.2022 til 2.kvt.2023" */
  source?: string;
}

export interface Milestone {
  date: IsoDate;
  /** null = the seed leaves the cell empty; such milestones are skipped. */
  value: GoalValue | null;
}

export interface Target {
  baseline?: Baseline;
  milestones: Milestone[];
  /** The final goal (slutmål). When absent, the latest milestone is the final goal. */
  final?: Milestone;
}

export type Status = "achieved" | "on_track" | "behind" | "no_data";

export interface TrajectoryPoint {
  date: IsoDate;
  value: number;
  kind: "baseline" | "milestone" | "final";
}

// ------------------------------------------------------------------ validation

const isoDate = z.string().refine(isIsoDate, { message: "Ugyldig dato: forventet ÅÅÅÅ-MM-DD" });
const finite = z.number().refine(Number.isFinite, { message: "Skal være et tal" });

export const goalSchema = z.union([
  finite,
  z.object({ kind: z.literal("absolute"), value: finite }),
  z.object({ kind: z.literal("relative_percent"), percent: finite }),
  z.object({ kind: z.literal("relative_points"), points: finite }),
]);
export const milestoneSchema = z.object({ date: isoDate, value: goalSchema.nullable() });
export const targetSchema = z.object({
  baseline: z.object({ value: finite, date: isoDate, source: z.string().optional() }).optional(),
  milestones: z.array(milestoneSchema),
  final: milestoneSchema.optional(),
});
export const directionSchema = z.enum(["higher", "lower"]);

/**
 * Reads a goal as written in the seeds. A signed percent is relative to the baseline
 * ("-40 pct.", "+10 %"); percentage points are always relative ("+10 procentpoint", "10 pct.-point");
 * anything else is absolute ("70 pct." is the value 70 of a procent indicator, "48" is 48).
 * Returns null when the text is not a goal.
 */
export function parseGoal(text: string): Goal | null {
  const m = /^([-−+]?)\s*([\d.,]+)\s*(procentpoint|pct\.?-?point|%-?point|pp|pct\.?|procent|%)?$/i.exec(
    text.trim().replace(/\s+/g, " "),
  );
  if (!m) return null;
  const number = parseDanishNumber(m[2] ?? "");
  if (number === null) return null;
  const sign = m[1] === "-" || m[1] === "−" ? -1 : 1;
  const unit = (m[3] ?? "").toLowerCase();
  if (/point|^pp$/.test(unit)) return { kind: "relative_points", points: sign * number };
  if (unit !== "" && m[1] !== "") return { kind: "relative_percent", percent: sign * number };
  return { kind: "absolute", value: sign * number };
}

// ------------------------------------------------------------------ goals and trajectory

function resolve(goal: GoalValue, baseline: number | undefined): number | null {
  if (typeof goal === "number") return goal;
  switch (goal.kind) {
    case "absolute":
      return goal.value;
    case "relative_percent":
      return baseline === undefined ? null : baseline * (1 + goal.percent / 100);
    case "relative_points":
      return baseline === undefined ? null : baseline + goal.points;
  }
}

/** The final goal point (explicit `final`, else the latest milestone with a value), unresolved. */
function finalMilestone(target: Target): Milestone | null {
  if (target.final && target.final.value !== null) return target.final;
  const withValue = target.milestones.filter((m) => m.value !== null);
  return withValue.reduce<Milestone | null>(
    (last, m) => (last === null || m.date >= last.date ? m : last),
    null,
  );
}

/**
 * The number a goal stands for, resolved against the target's baseline: `goal` defaults to the
 * final goal. Null when there is no such goal, or it is relative and there is no baseline.
 */
export function resolveGoalValue(target: Target, goal?: GoalValue | null): number | null {
  const g = goal === undefined ? (finalMilestone(target)?.value ?? null) : goal;
  return g === null ? null : resolve(g, target.baseline?.value);
}

/** Baseline, milestones and final goal as resolved numbers, sorted by date (for charts too). */
export function trajectoryPoints(target: Target): TrajectoryPoint[] {
  const points: TrajectoryPoint[] = [];
  const base = target.baseline;
  if (base) points.push({ date: base.date, value: base.value, kind: "baseline" });
  const final = finalMilestone(target);
  const steps = target.final ? [...target.milestones, target.final] : target.milestones;
  for (const m of steps) {
    if (m.value === null) continue;
    const value = resolve(m.value, base?.value);
    if (value === null) continue; // relative goal without baseline: cannot be placed
    points.push({ date: m.date, value, kind: m === final ? "final" : "milestone" });
  }
  // Stable sort keeps the baseline first when a milestone shares its date.
  return points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The value the trajectory requires on `date`: linear by calendar day between neighbouring points;
 * after the last point, the final goal. Before the first point: the baseline, which is then the
 * first point. Without a baseline there is no line before the first milestone, so null (a target
 * is not "behind" a milestone whose date has not come). Null also when there are no points.
 */
export function trajectoryAt(target: Target, date: IsoDate): number | null {
  const points = trajectoryPoints(target);
  const first = points[0];
  if (!first) return null;
  if (date < first.date) return first.kind === "baseline" ? first.value : null;
  let i = 0;
  while (i + 1 < points.length && points[i + 1]!.date <= date) i++;
  const from = points[i]!;
  const to = points[i + 1];
  if (!to) return from.value;
  const share = diffDays(date, from.date) / diffDays(to.date, from.date);
  return from.value + (to.value - from.value) * share;
}

// Interpolated values are fractions such as 101.3529…; the tolerance only absorbs float noise.
const EPSILON = 1e-9;

function meets(value: number, required: number, better: Direction): boolean {
  return better === "higher" ? value >= required - EPSILON : value <= required + EPSILON;
}

/**
 * Status of a measured value on `date`:
 * - no_data: the value is missing, or there is no final goal to measure against (a target with
 *   only a baseline has no goal, so its status is no_data even though the value is shown);
 * - achieved: the final goal is met in the better direction (on any date, also before the goal date);
 * - on_track: the trajectory's value on that date is met;
 * - behind: otherwise. Also no_data when `date` lies before the first milestone of a target
 *   without baseline (nothing to compare with yet; see trajectoryAt).
 */
export function statusOf(
  value: number | null | undefined,
  date: IsoDate,
  target: Target,
  better: Direction,
): Status {
  if (value === null || value === undefined || !Number.isFinite(value)) return "no_data";
  const goal = resolveGoalValue(target);
  if (goal === null) return "no_data";
  if (meets(value, goal, better)) return "achieved";
  const required = trajectoryAt(target, date);
  if (required === null) return "no_data";
  return meets(value, required, better) ? "on_track" : "behind";
}

export const STATUS_LABELS: Record<Status, string> = {
  achieved: "Opfyldt",
  on_track: "På rette spor",
  behind: "Bagud",
  no_data: "Ingen data",
};

/** Danish label of a status. */
export function statusLabel(status: Status): string {
  return STATUS_LABELS[status];
}

/** Plain-Danish explanation of the rules above, for the UI's help text. */
export const STATUS_RULES_HELP = `Sådan beregnes status for en indikator

Hver indikator har en startmåling, et eller flere mindste mål med en dato og et slutmål. Mellem \
startmålingen, de mindste mål og slutmålet trækkes en lige linje, dag for dag. Linjen viser, hvor \
indikatoren mindst skal være på en given dato for at nå slutmålet. Efter slutmålets dato gælder \
slutmålet. Et mål kan være et tal (fx 92 personer) eller relativt til startmålingen: "-40 pct." \
betyder startmålingen minus 40 procent (80 bliver til 48), og "+10 procentpoint" betyder \
startmålingen plus 10 (47 pct. bliver til 57 pct.).

• Opfyldt: værdien har nået slutmålet (højere eller lavere, alt efter hvad der er bedst for indikatoren).
• På rette spor: slutmålet er ikke nået endnu, men værdien er mindst så god som linjen på datoen.
• Bagud: værdien er dårligere end linjen på datoen.
• Ingen data: der er ingen værdi for måneden, eller der er intet mål at sammenligne med. Har \
indikatoren kun en startmåling, vises værdien, men status er Ingen data. Mangler startmålingen, er \
der ingen linje før det første mindste mål, og status er Ingen data indtil da.

Værdien måles primo måneden, dvs. den 1. i måneden.`;
