/**
 * Targets (måltal) and the status rules of the monthly status scheme (DESIGN 2.2–2.3).
 *
 * A target has a baseline (startmåling), minimum milestones (mindste mål) and a final goal
 * (slutmål). Goals may be absolute or relative to the baseline. The trajectory is the straight
 * line from the baseline through each milestone to the final goal, interpolated by calendar day.
 *
 * The UI's help text (STATUS_HELP) is generated here from the same rules and functions, so the
 * words a user reads and the code that decides a status cannot drift apart.
 */
import { z } from "zod";
import { diffDays, type IsoDate, isIsoDate, type Month, monthOf, referenceDate } from "./calendar.ts";
import { formatDate, formatNumber, monthLabel, parseDanishNumber } from "./format.ts";

export type Direction = "higher" | "lower";

/**
 * A goal value. A plain number is absolute. `relative_percent` changes the baseline by a percent
 * of itself ("-40 pct." of 80 → 48); `relative_points` adds percentage points to a share
 * ("+10 procentpoint" on 47 pct. → 57 pct.); `relative_change` adds a change in the indicator's own
 * unit ("−2 fuldtidspersoner" on 221,6 → 219,6). Seed 000 warns that "10 pct. flere" is ambiguous,
 * so a target must say which.
 */
export type Goal =
  | { kind: "absolute"; value: number }
  | { kind: "relative_percent"; percent: number }
  | { kind: "relative_points"; points: number }
  | { kind: "relative_change"; change: number };
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

/**
 * - achieved / on_track / behind: measured against the goal and its line (statusOf);
 * - no_goal: the indicator has no goal at all (a value may well be shown);
 * - no_baseline: the goal is relative to a baseline that is missing, so it cannot be placed;
 * - no_data: there is no value to judge.
 */
export type Status = "achieved" | "on_track" | "behind" | "no_baseline" | "no_goal" | "no_data";

/** The statuses in the order the UI lists and counts them. */
export const STATUS_ORDER: readonly Status[] = [
  "achieved",
  "on_track",
  "behind",
  "no_baseline",
  "no_goal",
  "no_data",
];

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
  z.object({ kind: z.literal("relative_change"), change: finite }),
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
 * a signed number with a count word is a change in the indicator's unit ("−2 fuldtidspersoner",
 * "+5 personer"); anything else is absolute ("70 pct." is the value 70 of a procent indicator,
 * "48" is 48). Returns null when the text is not a goal.
 */
export function parseGoal(text: string): Goal | null {
  const m =
    /^([-−+]?)\s*([\d.,]+)\s*(procentpoint|pct\.?-?point|%-?point|pp|pct\.?|procent|%|fuldtidspersoner|fuldtidsperson|helårspersoner|personer|person|stk\.?)?$/i.exec(
      text.trim().replace(/\s+/g, " "),
    );
  if (!m) return null;
  const number = parseDanishNumber(m[2] ?? "");
  if (number === null) return null;
  const sign = m[1] === "-" || m[1] === "−" ? -1 : 1;
  const unit = (m[3] ?? "").toLowerCase();
  if (/point|^pp$/.test(unit)) return { kind: "relative_points", points: sign * number };
  const percent = /^(pct\.?|procent|%)$/.test(unit);
  if (percent && m[1] !== "") return { kind: "relative_percent", percent: sign * number };
  if (unit !== "" && !percent && m[1] !== "") return { kind: "relative_change", change: sign * number };
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
    case "relative_change":
      return baseline === undefined ? null : baseline + goal.change;
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

/** The date of the final goal (slutmål), or null when the target has no goal. */
export function finalGoalDate(target: Target): IsoDate | null {
  return finalMilestone(target)?.date ?? null;
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
 * first point. Without a baseline there is no line before the first milestone, so null (statusOf
 * then compares with that milestone itself). Null also when there are no points.
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
 * Status of a measured value on `date` (the rules STATUS_HELP spells out):
 * - no_data: the value is missing;
 * - no_goal: the target has no final goal (a target with only a baseline has none);
 * - no_baseline: the final goal is relative and the baseline is missing;
 * - achieved: the final goal is met in the better direction (on any date, also before the goal date);
 * - on_track: the trajectory's value on that date is met; without a baseline there is no line
 *   before the first milestone, so until then the value is compared with that milestone itself;
 * - behind: otherwise.
 */
export function statusOf(
  value: number | null | undefined,
  date: IsoDate,
  target: Target,
  better: Direction,
): Status {
  if (value === null || value === undefined || !Number.isFinite(value)) return "no_data";
  const final = finalMilestone(target);
  if (final === null) return "no_goal";
  const goal = resolveGoalValue(target);
  if (goal === null) return "no_baseline";
  if (meets(value, goal, better)) return "achieved";
  const required = trajectoryAt(target, date) ?? trajectoryPoints(target)[0]?.value ?? goal;
  return meets(value, required, better) ? "on_track" : "behind";
}

/** How an indicator's status was judged: which value, on which date, and whether the project ended. */
export interface Judgement {
  status: Status;
  /** the month whose value was judged; null when no value lies inside the project's period */
  period: Month | null;
  value: number | null;
  /** the date the value was measured against: its month's reference date, or the goal date */
  date: IsoDate | null;
  /** the project's period is over: the status is its final status at the goal date */
  ended: boolean;
}

/**
 * The status of an indicator as the committee reads it:
 * - the value judged is the latest one inside the project's period (months from the period's start
 *   to its end, and not after `today`); values outside the period are shown but not judged;
 * - while the project runs, it is judged on its month's reference date (primo måneden);
 * - once the period has ended (`today` after its end), it is the final status: the latest value
 *   inside the period measured against the final goal on the goal date;
 * - without a value inside the period: Intet mål when there is no goal, else Ingen data.
 */
export function judgeIndicator(
  values: readonly { period: Month; value: number | null }[],
  target: Target,
  better: Direction,
  period: { start: IsoDate | null; end: IsoDate | null },
  today: IsoDate,
): Judgement {
  const first = period.start ? monthOf(period.start) : null;
  const last = [period.end ? monthOf(period.end) : null, monthOf(today)]
    .filter((m): m is Month => m !== null)
    .sort()[0]!;
  let latest: { period: Month; value: number } | null = null;
  for (const v of values) {
    if (v.value === null || !Number.isFinite(v.value)) continue;
    if ((first !== null && v.period < first) || v.period > last) continue;
    if (latest === null || v.period > latest.period) latest = { period: v.period, value: v.value };
  }
  const ended = period.end !== null && period.end < today;
  if (latest === null) {
    // nothing to judge; without a goal there would be nothing to judge against either
    const status: Status = finalMilestone(target) === null ? "no_goal" : "no_data";
    return { status, period: null, value: null, date: null, ended };
  }
  const goalDate = finalGoalDate(target);
  const date = ended && goalDate !== null ? goalDate : referenceDate(latest.period);
  return {
    status: statusOf(latest.value, date, target, better),
    period: latest.period,
    value: latest.value,
    date,
    ended,
  };
}

export const STATUS_LABELS: Record<Status, string> = {
  achieved: "Opfyldt",
  on_track: "På rette spor",
  behind: "Bagud",
  no_baseline: "Mangler startmåling",
  no_goal: "Intet mål",
  no_data: "Ingen data",
};

/** Danish label of a status. */
export function statusLabel(status: Status): string {
  return STATUS_LABELS[status];
}

// ------------------------------------------------------------------ help text, from the rules

const n1 = (v: number) => formatNumber(v, 1, true);

/** The worked examples of the help text, computed with the functions above (seed 002's numbers). */
function helpExamples() {
  const line: Target = {
    baseline: { value: 103, date: "2024-01-10" },
    milestones: [{ date: "2024-08-01", value: 100 }],
    final: { date: "2026-01-01", value: 92 },
  };
  const onLine = trajectoryAt(line, "2024-05-01")!;
  const rel = (goal: Goal, base: number) =>
    resolveGoalValue({
      baseline: { value: base, date: "2024-01-10" },
      milestones: [],
      final: { date: "2026-01-01", value: goal },
    })!;
  const noBase: Target = { milestones: [], final: { date: "2021-05-01", value: 17 } };
  return {
    line: `Startmåling 103 den ${formatDate("2024-01-10")}, mindste mål 100 pr. ${formatDate("2024-08-01")} og lavere er bedre: den ${formatDate("2024-05-01")} ligger linjen på ${n1(onLine)}, så 101 er ${STATUS_LABELS[statusOf(101, "2024-05-01", line, "lower")]} og 102 er ${STATUS_LABELS[statusOf(102, "2024-05-01", line, "lower")]}.`,
    percent: `"-40 pct." betyder startmålingen minus 40 procent af den (80 bliver til ${n1(rel({ kind: "relative_percent", percent: -40 }, 80))})`,
    points: `"+10 procentpoint" lægger 10 til en andel (47 pct. bliver til ${n1(rel({ kind: "relative_points", points: 10 }, 47))} pct.)`,
    change: `"−2 fuldtidspersoner" er en ændring i indikatorens egen enhed (221,6 fuldtidspersoner bliver til ${n1(rel({ kind: "relative_change", change: -2 }, 221.6))})`,
    noBaseline: `fx er 5 pct. mod et slutmål på 17 pct. ${STATUS_LABELS[statusOf(5, "2020-12-01", noBase, "higher")]}`,
  };
}

export interface StatusHelp {
  title: string;
  intro: string[];
  /** one entry per status, in STATUS_ORDER */
  rules: { status: Status; label: string; text: string }[];
  notes: string[];
}

const ex = helpExamples();

/** What each status means, in plain Danish: the rules of statusOf and judgeIndicator. */
export const STATUS_HELP: StatusHelp = {
  title: "Sådan beregnes status for en indikator",
  intro: [
    "Hver indikator har en startmåling, et eller flere mindste mål med en dato og et slutmål. Mellem startmålingen, de mindste mål og slutmålet trækkes en lige linje, dag for dag. Linjen viser, hvor indikatoren mindst skal være på en given dato for at nå slutmålet. Efter slutmålets dato gælder slutmålet.",
    `Eksempel: ${ex.line}`,
    `Et mål kan være et tal (fx 92 personer) eller relativt til startmålingen: ${ex.percent}; ${ex.points}; ${ex.change}.`,
  ],
  rules: STATUS_ORDER.map((status) => ({
    status,
    label: STATUS_LABELS[status],
    text: {
      achieved:
        "værdien har nået slutmålet (højere eller lavere, alt efter hvad der er bedst for indikatoren), også før slutmålets dato.",
      on_track: "slutmålet er ikke nået endnu, men værdien er mindst så god som linjen på datoen.",
      behind: `værdien er dårligere end linjen på datoen. Mangler startmålingen, er der ingen linje før det første mindste mål; indtil da sammenlignes værdien med det første mindste mål selv (${ex.noBaseline}).`,
      no_baseline:
        "slutmålet er relativt til startmålingen (fx -40 pct.), men der er ingen startmåling, så målet kan ikke placeres.",
      no_goal: "indikatoren har intet slutmål at sammenligne med. Værdien vises, men den får ingen status.",
      no_data: "der er et mål, men ingen værdi at vurdere inden for projektets periode.",
    }[status],
  })),
  notes: [
    "Værdien måles primo måneden, dvs. den 1. i måneden.",
    "Indikatorens status er status for den seneste måned med en værdi inden for projektets periode. Værdier fra før projektets start eller efter dets slut vises i skemaet, men indgår ikke i status.",
    "Er projektets periode slut, er status slutstatus: den seneste værdi i perioden holdt op mod slutmålet på slutmålets dato. Den vises som afsluttet.",
  ],
};

/** The help text as plain text (API's statusHelp, exports): the same words as STATUS_HELP. */
export const STATUS_RULES_HELP = [
  STATUS_HELP.title,
  ...STATUS_HELP.intro,
  STATUS_HELP.rules.map((r) => `• ${r.label}: ${r.text}`).join("\n"),
  ...STATUS_HELP.notes,
].join("\n\n");

/** For a grid cell: "maj-25", or "slutstatus, værdi fra dec-20" for an ended project. */
export function judgementShortText(j: Judgement): string {
  if (j.period === null) return "";
  return j.ended ? `slutstatus, værdi fra ${monthLabel(j.period)}` : monthLabel(j.period);
}

/** "status for okt-25", or "slutstatus pr. 01-05-2021 (projektet er afsluttet; …)" when ended. */
export function judgementText(j: Judgement): string {
  if (j.period === null) return j.ended ? "projektet er afsluttet" : "";
  if (j.ended && j.date) {
    return `slutstatus pr. ${formatDate(j.date)} (projektet er afsluttet; værdi fra ${monthLabel(j.period)})`;
  }
  return `status for ${monthLabel(j.period)}`;
}
