/**
 * The sentences of the committee report's "Opfølgning på mål" (seed 000): each goal beside its
 * current status in words and numbers, e.g. "Fra april 2019 til december 2020 et fald på 41 pct."
 * or "Andelen er øget fra 14,3 pct. til 16,3 pct.". Pure: the report model calls these with values
 * that publication suppression has already judged, so a hidden number never reaches a sentence.
 */
import type { Month } from "./calendar.ts";
import { formatNumber, formatValue, monthLabel, monthLabelLong, type Unit } from "./format.ts";
import type { ShownValue } from "./suppression.ts";

export interface SentenceInput {
  unit: Unit;
  baseline: { shown: ShownValue; month: Month | null } | null;
  latest: { shown: ShownValue; month: Month } | null;
  kind: "manual" | "computed";
}

/** The current status of a goal in words and numbers. */
export function goalStatusSentence(input: SentenceInput): string {
  const { latest, baseline, unit } = input;
  if (!latest) return input.kind === "manual" ? "Ingen værdi indtastet endnu" : "Ingen data endnu";
  const now = latest.shown.text;
  if (!baseline || baseline.shown.text === formatValue(null, unit)) {
    return `Aktuelt ${now} (primo ${monthLabelLong(latest.month)})`;
  }
  const before = baseline.shown.text;
  const hidden = baseline.shown.value === null || latest.shown.value === null;
  if (unit === "procent") {
    if (hidden) return `Andelen var ${before} og er nu ${now}`;
    const diff = latest.shown.value! - baseline.shown.value!;
    if (Math.abs(diff) < 0.05) return `Andelen er uændret ${now}`;
    return `Andelen er ${diff > 0 ? "øget" : "faldet"} fra ${before} til ${now}`;
  }
  const from = baseline.month ? monthLabelLong(baseline.month) : "startmålingen";
  const to = monthLabelLong(latest.month);
  if (hidden) return `Fra ${from} til ${to}: fra ${before} til ${now}`;
  const b = baseline.shown.value!;
  const v = latest.shown.value!;
  if (b === 0 || v === b) return `Fra ${from} til ${to}: fra ${before} til ${now}`;
  const pct = ((v - b) / Math.abs(b)) * 100;
  const word = pct < 0 ? "et fald" : "en stigning";
  return `Fra ${from} til ${to} ${word} på ${formatNumber(Math.abs(pct), 0)} pct. (fra ${before} til ${now})`;
}

export interface GoalTextInput {
  unit: Unit;
  text: string | null;
  resolved: number | null;
  changeText: string | null;
  date: string | null;
}

/** The goal as the committee reads it: the project's own words, else "Slutmål jan-26: 92 (−40 pct.)". */
export function goalText(goal: GoalTextInput): string {
  if (goal.text) return goal.text;
  if (goal.resolved === null) return "Intet slutmål";
  const when = goal.date ? ` ${monthLabel(goal.date.slice(0, 7))}` : "";
  const change = goal.changeText ? ` (${goal.changeText})` : "";
  return `Slutmål${when}: ${formatValue(goal.resolved, goal.unit)}${change}`;
}
