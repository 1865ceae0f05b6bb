/**
 * Small-number suppression for reports meant for publication ("Til offentliggørelse", DESIGN 8):
 * a count from 1 to 4 is shown as "<5", and a share whose denominator is below 5 is not shown at
 * all, in every table, chart label and sentence of that report. Zero is shown (it reveals no one),
 * and targets (milestones, goals) are not data about persons, so they are never suppressed.
 *
 * Pure: the report model calls it for every value it prints; the renderers only print the result.
 */
import { formatValue, type Unit } from "./format.ts";

/** What a suppressed count shows. */
export const SMALL_COUNT_TEXT = "<5";
/** What a share with a denominator below 5 shows. */
export const SUPPRESSED_SHARE_TEXT = "(n<5)";
/** The explanation printed once in a publication report. */
export const SUPPRESSION_NOTE =
  "Til offentliggørelse: antal fra 1 til 4 vises som «<5», og andele, hvis nævner er under 5, vises ikke («(n<5)»).";

export const SMALL_COUNT_LIMIT = 5;

/** Units whose value is a number of persons or things (the rest are shares, durations, kroner, FTE). */
export function isCountUnit(unit: Unit): boolean {
  return unit === "personer" || unit === "antal";
}

export interface ShownValue {
  /** the number a chart or spreadsheet may show; null when missing or suppressed */
  value: number | null;
  /** the text every format prints */
  text: string;
  /** why the number is hidden, when it is */
  suppressed: "small_count" | "small_denominator" | null;
}

export interface SuppressionInput {
  value: number | null | undefined;
  unit: Unit;
  /** for shares: the number of persons the share is taken of */
  denominator?: number | null;
  /** the numerator of a share, or the count itself */
  numerator?: number | null;
}

/** Whether a count (a whole number of persons) must be hidden in publication. */
export function isSmallCount(n: number | null | undefined): boolean {
  return n !== null && n !== undefined && Number.isFinite(n) && n > 0 && n < SMALL_COUNT_LIMIT;
}

/**
 * The value as a report shows it. Without `publication` it is the plain Danish value. With it:
 * a count from 1 to 4 (units personer and antal; rounded as printed) → "<5"; a share (procent)
 * whose denominator is known and below 5 → "(n<5)". Shares without a known denominator (typed in
 * by hand, taken from jobindsats.dk) are shown: the report cannot know their base.
 */
export function shownValue(
  input: SuppressionInput,
  publication: boolean,
  options: { empty?: string; withUnit?: boolean } = {},
): ShownValue {
  const { value, unit } = input;
  const plain: ShownValue = {
    value: value ?? null,
    text: formatValue(value, unit, options),
    suppressed: null,
  };
  if (!publication || value === null || value === undefined || !Number.isFinite(value)) return plain;
  if (isCountUnit(unit) && isSmallCount(Math.round(value))) {
    return { value: null, text: SMALL_COUNT_TEXT, suppressed: "small_count" };
  }
  if (unit === "procent" && input.denominator !== null && input.denominator !== undefined) {
    if (input.denominator < SMALL_COUNT_LIMIT) {
      return { value: null, text: SUPPRESSED_SHARE_TEXT, suppressed: "small_denominator" };
    }
  }
  return plain;
}

/** A bare count in running text ("3 borgere" → "<5 borgere" in publication). */
export function shownCount(n: number, publication: boolean): string {
  if (publication && isSmallCount(Math.round(n))) return SMALL_COUNT_TEXT;
  return formatValue(n, "antal");
}
