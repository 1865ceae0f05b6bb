/**
 * Danish wording shared by the descriptions of definitions ("hvordan måles det?") and the measure
 * catalogue's parameter hints: code labels as they read inside a sentence, "a, b eller c" lists,
 * numbers with a decimal comma, and the population filter in words.
 */
import { ACTIVITY_KINDS, BENEFITS, CATEGORIES } from "../domain/codes.ts";
import type { ActivityCode, BenefitCode, Population } from "./definition-parts.ts";

/**
 * The code's label from the canonical list, as it reads inside a sentence: the labels are
 * capitalised ("Kontanthjælp", "Åbenlyst uddannelsesparat"), the descriptions use them in
 * lower case ("på kontanthjælp, kategori åbenlyst uddannelsesparat").
 */
function namesOf<T extends readonly { code: string; label: string }[]>(
  entries: T,
): Record<T[number]["code"], string> {
  return Object.fromEntries(entries.map((e) => [e.code, e.label.toLocaleLowerCase("da")])) as Record<
    T[number]["code"],
    string
  >;
}

export const benefitNames = namesOf(BENEFITS);
export const categoryNames = namesOf(CATEGORIES);
export const activityNames = namesOf(ACTIVITY_KINDS);

/** "a, b eller c" */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} eller ${items[items.length - 1]}`;
}

/** "a, b og c" */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

/** a number with a decimal comma */
export const fmt = (n: number) => String(n).replace(".", ",");

export const kindsText = (kinds: readonly ActivityCode[]) => orList(kinds.map((k) => activityNames[k]));
export const benefitsText = (benefits: readonly BenefitCode[]) =>
  orList(benefits.map((b) => benefitNames[b]));

/** The population filter in words: "på kontanthjælp, kategori aktivitetsparat, 30 år eller ældre". */
export function describePopulation(p: Population): string {
  const parts = [`på ${benefitsText(p.benefits)}`];
  if (p.categories) {
    parts.push(`kategori ${orList(p.categories.map((c) => categoryNames[c]))}`);
  }
  const { min, max } = p.age ?? {};
  if (min !== undefined && max !== undefined) parts.push(`${min}-${max} år`);
  else if (min !== undefined) parts.push(`${min} år eller ældre`);
  else if (max !== undefined) parts.push(`${max} år eller yngre`);
  if (p.project) parts.push(`med aktiv markering for projektet ${p.project}`);
  return parts.join(", ");
}

/** The phrases a measure's description is built from. */
export interface DescribeText {
  /** the population in words ("på kontanthjælp, …"); empty for measures without population */
  pop: string;
  /** "af personer <pop>, den 1. i måneden" */
  ofPop: string;
}

export function describeText(p: Population | undefined): DescribeText {
  const pop = p ? describePopulation(p) : "";
  return { pop, ofPop: `af personer ${pop}, den 1. i måneden` };
}
