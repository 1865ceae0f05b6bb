/**
 * Input schemas for editing projects, indicators and targets (API and UI share them). Pure: no I/O.
 *
 * Goals: `goal.kind` says how `goal.value` is meant (seed 000 shows why it must be said):
 * - "absolute": the value itself ("70 pct.", "48 personer");
 * - "relative_percent": percent change of the baseline ("-40 pct." of 80 → 48);
 * - "relative_points": percentage points added to the baseline ("+10 procentpoint" on 47 → 57);
 * - "relative_change": a change in the indicator's own unit ("−2 fuldtidspersoner" on 221,6 → 219,6).
 *   Before it existed, fuldtidspersoner goals were stored as relative_points; those are shown
 *   (goalChangeText) and computed the same way, in the indicator's unit, never as "procentpoint".
 */
import { z } from "zod";
import "./zod-da.ts";
import { isIsoDate, isMonth } from "./calendar.ts";
import { formatNumber, parseDanishNumber, UNITS, type Unit } from "./format.ts";
import { int4 } from "./input-rules.ts";
import type { Goal, Milestone, Target } from "./status.ts";

export const GOAL_KINDS = ["absolute", "relative_percent", "relative_points", "relative_change"] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];
export const GOAL_KIND_LABELS: Record<GoalKind, string> = {
  absolute: "Absolut værdi",
  relative_percent: "Pct. af startmålingen (fx -40 pct.)",
  relative_points: "Procentpoint i forhold til startmålingen (fx +10 procentpoint)",
  relative_change: "Ændring fra startmålingen i enheden (fx −2 fuldtidspersoner)",
};

/** The goal kinds that make sense for a unit: procentpoint only for shares (procent). */
export function goalKindsFor(unit: string): GoalKind[] {
  return unit === "procent"
    ? ["absolute", "relative_percent", "relative_points"]
    : ["absolute", "relative_percent", "relative_change"];
}
export const DIRECTIONS = ["higher", "lower"] as const;
export const DIRECTION_LABELS: Record<(typeof DIRECTIONS)[number], string> = {
  higher: "Højere er bedre",
  lower: "Lavere er bedre",
};
export const INDICATOR_KINDS = ["manual", "computed"] as const;
export const INDICATOR_KIND_LABELS: Record<(typeof INDICATOR_KINDS)[number], string> = {
  manual: "Manuel (indtastes månedligt)",
  computed: "Beregnet fra sagsdata",
};

const CODE_RE = /^[a-z0-9][a-z0-9-]*$/;
export const codeSchema = z
  .string()
  .trim()
  .min(1, "Skal udfyldes")
  .max(80, "Højst 80 tegn")
  .regex(CODE_RE, "Kun små bogstaver a-z, tal og bindestreg, fx flere-i-job");
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: "Ugyldig dato: forventet ÅÅÅÅ-MM-DD med en dato, der findes" });
export const monthSchema = z.string().refine(isMonth, { message: "Ugyldig måned: forventet ÅÅÅÅ-MM" });
const text = (max = 20_000) => z.string().max(max, `Højst ${max} tegn`);
const requiredText = (max = 300) => z.string().trim().min(1, "Skal udfyldes").max(max, `Højst ${max} tegn`);
const textList = z.array(text(5_000)).max(200, "Højst 200 punkter");

/** What a person is told when a number field holds something else. */
export const NUMBER_HINT = "Skriv et tal, fx 12 eller 15,5";

/**
 * A number, or a Danish-written number ("17,8", "1.212", "87,9 pct."). A text that is not a number
 * gets one plain message ("«tolv» er ikke et tal. Skriv et tal, fx 12 eller 15,5"), never zod's
 * union wording ("matcher ingen af de tilladte typer").
 */
export const numberInput = z.union(
  [
    z.number().refine(Number.isFinite, { message: NUMBER_HINT }),
    z.string().transform((s, ctx) => {
      const n = parseDanishNumber(s);
      if (n === null || !Number.isFinite(n)) {
        ctx.addIssue({ code: "custom", message: `«${s}» er ikke et tal. ${NUMBER_HINT}` });
        return z.NEVER;
      }
      return n;
    }),
  ],
  {
    error: (issue) => {
      if (issue.code !== "invalid_union") return undefined;
      const input = (issue as { input?: unknown }).input;
      return typeof input === "string" && input.trim() !== ""
        ? `«${input.trim()}» er ikke et tal. ${NUMBER_HINT}`
        : NUMBER_HINT;
    },
  },
);
const nullableNumber = numberInput.nullable();

export const investmentSchema = z.strictObject({
  text: text(5_000).optional(),
  staff: numberInput.optional(),
  costPerYear: numberInput.optional(),
  years: numberInput.optional(),
});

const projectFields = {
  code: codeSchema,
  name: requiredText(),
  committee: requiredText(),
  periodStart: isoDateSchema.nullable(),
  periodEnd: isoDateSchema.nullable(),
  background: text(),
  targetGroups: textList,
  activities: textList,
  shortTermGoals: textList,
  longTermGoals: textList,
  investment: investmentSchema,
  relatedProjects: textList,
  dataSources: textList,
  notes: text(),
  footnotes: textList,
  sortOrder: int4,
};

const periodOrder = (p: { periodStart?: string | null; periodEnd?: string | null }) =>
  !p.periodStart || !p.periodEnd || p.periodStart <= p.periodEnd;
const periodOrderIssue = { message: "Slutdatoen må ikke ligge før startdatoen", path: ["periodEnd"] };

export const projectCreateSchema = z
  .strictObject({
    ...projectFields,
    committee: projectFields.committee.optional(),
    periodStart: projectFields.periodStart.optional(),
    periodEnd: projectFields.periodEnd.optional(),
    background: projectFields.background.optional(),
    targetGroups: textList.optional(),
    activities: textList.optional(),
    shortTermGoals: textList.optional(),
    longTermGoals: textList.optional(),
    investment: investmentSchema.optional(),
    relatedProjects: textList.optional(),
    dataSources: textList.optional(),
    notes: projectFields.notes.optional(),
    footnotes: textList.optional(),
    sortOrder: projectFields.sortOrder.optional(),
  })
  .refine(periodOrder, periodOrderIssue);
export type ProjectCreate = z.infer<typeof projectCreateSchema>;

export const projectUpdateSchema = z
  .strictObject(projectFields)
  .partial()
  .refine(periodOrder, periodOrderIssue);
export type ProjectUpdate = z.infer<typeof projectUpdateSchema>;

export const milestoneInputSchema = z.strictObject({
  date: isoDateSchema,
  value: nullableNumber,
  label: text(200).nullable().optional(),
});
export type MilestoneInput = z.infer<typeof milestoneInputSchema>;

export const baselineInputSchema = z.strictObject({
  value: nullableNumber,
  date: isoDateSchema.nullable(),
  source: text(500).nullable().optional(),
  note: text(2_000).nullable().optional(),
  /** the count behind a baseline share ("17 (17 pct.)") */
  count: nullableNumber.optional(),
});

export const goalInputSchema = z
  .strictObject({
    kind: z.enum(GOAL_KINDS, {
      error: `Ukendt måltype; gyldige: ${GOAL_KINDS.join(", ")}`,
    }),
    value: nullableNumber,
    date: isoDateSchema.nullable(),
    text: text(2_000).nullable().optional(),
  })
  .refine((g) => g.value === null || g.date !== null, {
    message: "Et slutmål med en værdi skal have en dato",
    path: ["date"],
  });

const uniqueDates = (ms: { date: string }[]) => new Set(ms.map((m) => m.date)).size === ms.length;

/** The target of an indicator: baseline, any number of milestones, final goal. */
export const targetInputSchema = z
  .strictObject({
    baseline: baselineInputSchema,
    milestones: z
      .array(milestoneInputSchema)
      .max(60, "Højst 60 mindste mål")
      .refine(uniqueDates, { message: "To mindste mål har samme dato" }),
    goal: goalInputSchema,
  })
  .superRefine((t, ctx) => {
    if (t.baseline.value !== null && t.baseline.date === null) {
      ctx.addIssue({
        code: "custom",
        message: "En startmåling skal have en dato",
        path: ["baseline", "date"],
      });
    }
    // A relative goal without a baseline is allowed (the baseline may be measured later); until
    // then the goal cannot be placed and the status is "Ingen data".
  });
export type TargetInput = z.infer<typeof targetInputSchema>;

const indicatorFields = {
  code: codeSchema,
  name: requiredText(500),
  groupLabel: text(300).nullable(),
  unit: z.enum(UNITS, { error: `Ukendt enhed; gyldige: ${UNITS.join(", ")}` }),
  better: z.enum(DIRECTIONS, {
    error: "Retning skal være higher (højere er bedre) eller lower (lavere er bedre)",
  }),
  kind: z.enum(INDICATOR_KINDS, { error: "Type skal være manual eller computed" }),
  /** the engine's definition object; validated by the engine when computed */
  definition: z.record(z.string(), z.unknown()).nullable(),
  sortOrder: int4,
  /**
   * a break in the series (a law change, covid): the forecast is fitted from the later of the
   * baseline month and this month (DESIGN 9.2); null = none
   */
  breakMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Brudmåneden skal skrives ÅÅÅÅ-MM, fx 2020-03")
    .nullable(),
};

export const indicatorCreateSchema = z.strictObject({
  ...indicatorFields,
  groupLabel: indicatorFields.groupLabel.optional(),
  better: indicatorFields.better.optional(),
  kind: indicatorFields.kind.optional(),
  definition: indicatorFields.definition.optional(),
  sortOrder: indicatorFields.sortOrder.optional(),
  breakMonth: indicatorFields.breakMonth.optional(),
  target: targetInputSchema.optional(),
});
export type IndicatorCreate = z.infer<typeof indicatorCreateSchema>;

export const indicatorUpdateSchema = z
  .strictObject({ ...indicatorFields, target: targetInputSchema })
  .partial();
export type IndicatorUpdate = z.infer<typeof indicatorUpdateSchema>;

export const manualValueInputSchema = z.strictObject({
  value: nullableNumber,
  note: text(2_000).nullable().optional(),
});
export const commentInputSchema = z.strictObject({ comment: text(10_000) });

/** The target fields of a stored indicator, as the status rules read them. */
export interface StoredTarget {
  baselineValue: number | null;
  baselineDate: string | null;
  baselineSource: string | null;
  goalKind: string;
  goalValue: number | null;
  goalDate: string | null;
  milestones: { date: string; value: number | null }[];
}

/** The goal value as status.ts reads it (absolute number or relative to the baseline). */
export function goalOf(kind: string, value: number): Goal {
  if (kind === "relative_percent") return { kind: "relative_percent", percent: value };
  if (kind === "relative_points") return { kind: "relative_points", points: value };
  if (kind === "relative_change") return { kind: "relative_change", change: value };
  return { kind: "absolute", value };
}

/** Converts a stored indicator's target columns to status.ts's Target. */
export function toTarget(t: StoredTarget): Target {
  const milestones: Milestone[] = [...t.milestones]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((m) => ({ date: m.date, value: m.value }));
  return {
    ...(t.baselineValue !== null && t.baselineDate !== null
      ? {
          baseline: {
            value: t.baselineValue,
            date: t.baselineDate,
            ...(t.baselineSource ? { source: t.baselineSource } : {}),
          },
        }
      : {}),
    milestones,
    ...(t.goalValue !== null && t.goalDate !== null
      ? { final: { date: t.goalDate, value: goalOf(t.goalKind, t.goalValue) } }
      : {}),
  };
}

const UNIT_WORDS: Record<Unit, [string, string]> = {
  personer: ["person", "personer"],
  fuldtidspersoner: ["fuldtidsperson", "fuldtidspersoner"],
  uger: ["uge", "uger"],
  antal: ["", ""],
  "kr.": ["kr.", "kr."],
  procent: ["procentpoint", "procentpoint"],
};

/**
 * A relative goal as the change it asks for, in words and in the indicator's unit:
 * ("relative_percent", -40) → "−40 pct."; ("relative_points", 10) → "+10 procentpoint";
 * ("relative_change", -2, "fuldtidspersoner") → "−2 fuldtidspersoner". A change of a share is in
 * procentpoint; any other unit keeps its own word (also for old fte goals stored as relative_points).
 * Null for an absolute goal.
 */
export function goalChangeText(kind: string, value: number, unit: Unit): string | null {
  if (kind !== "relative_percent" && kind !== "relative_points" && kind !== "relative_change") return null;
  const sign = value > 0 ? "+" : value < 0 ? "−" : "";
  const n = `${sign}${formatNumber(Math.abs(value), 2, true)}`;
  if (kind === "relative_percent") return `${n} pct.`;
  const [one, many] = UNIT_WORDS[unit] ?? ["", ""];
  const word = Math.abs(value) === 1 ? one : many;
  return word ? `${n} ${word}` : n;
}

/** Danish words for a goal: "−40 pct. af startmålingen", "+10 procentpoint i forhold til startmålingen". */
export function describeGoalKind(kind: string, value: number, unit: Unit = "procent"): string {
  const change = goalChangeText(kind, value, unit);
  if (change === null) return formatNumber(value, 2, true);
  return kind === "relative_percent" ? `${change} af startmålingen` : `${change} i forhold til startmålingen`;
}
