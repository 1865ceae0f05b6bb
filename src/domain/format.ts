/**
 * Danish display formats (DESIGN 8): 1.212 · 17,8 uger · 87,9 pct. · 118.804 kr. · 10-01-2024 · feb-24.
 *
 * Grouping and rounding are done by hand rather than with Intl: Node built with small-icu lacks
 * da-DK and would silently fall back to English ("1,212.5"), so output must not depend on the build.
 */
import { type IsoDate, isIsoDate, type Month, monthParts } from "./calendar.ts";

/** Units an indicator value can have. */
export const UNITS = ["personer", "procent", "uger", "fuldtidspersoner", "antal", "kr."] as const;
export type Unit = (typeof UNITS)[number];

/** Shown for a missing value in tables (an en dash); EMPTY_TEXT where words read better. */
export const EMPTY = "–";
export const EMPTY_TEXT = "Ingen data";

export const MONTH_ABBREVIATIONS = [
  "jan",
  "feb",
  "mar",
  "apr",
  "maj",
  "jun",
  "jul",
  "aug",
  "sep",
  "okt",
  "nov",
  "dec",
] as const;

export const MONTH_NAMES = [
  "januar",
  "februar",
  "marts",
  "april",
  "maj",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "december",
] as const;

/**
 * Rounds half away from zero to `decimals` places, as the seeds' hand-made tables do
 * (2,45 → 2,5). Goes via the decimal string ("1.005e2") so binary fractions such as 1.005,
 * stored as 1.00499…, still round the way a person reading the number expects.
 */
export function roundHalfUp(value: number, decimals = 0): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  const text = String(abs);
  const scaled = text.includes("e") ? abs * 10 ** decimals : Number(`${text}e${decimals}`);
  const rounded = Math.round(scaled) / 10 ** decimals;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/**
 * A number with Danish separators and exactly `decimals` decimals (default 0): 1212 → "1.212",
 * (17.85, 1) → "17,9", (-15) → "-15". With `trimZeros`, trailing zero decimals are dropped
 * (70,0 → "70"), which is how the seeds print percentages and weeks.
 */
export function formatNumber(value: number, decimals = 0, trimZeros = false): string {
  if (!Number.isFinite(value)) return EMPTY;
  const rounded = roundHalfUp(value, decimals);
  const [int = "0", frac = ""] = Math.abs(rounded).toFixed(decimals).split(".");
  const fraction = trimZeros ? frac.replace(/0+$/, "") : frac;
  const sign = rounded < 0 ? "-" : "";
  return `${sign}${groupThousands(int)}${fraction ? `,${fraction}` : ""}`;
}

/** A number with a fixed number of decimals (default 1): (17.8, 1) → "17,8", (100, 1) → "100,0". */
export function formatDecimal(value: number, decimals = 1): string {
  return formatNumber(value, decimals);
}

/**
 * A percentage: 87.9 → "87,9 pct.". Default: at most one decimal, a zero decimal dropped
 * (70 → "70 pct."), as in the seed's status schemes. Pass `fixed` for aligned table columns
 * (70 → "70,0 pct.").
 */
export function formatPercent(value: number, decimals = 1, fixed = false): string {
  return `${formatNumber(value, decimals, !fixed)} pct.`;
}

/** Whole kroner: 118804 → "118.804 kr."; 2285.4 → "2.285 kr.". */
export function formatKroner(value: number): string {
  return `${formatNumber(value, 0)} kr.`;
}

/** Millions of kroner as in seed 000/001: 1500000 → "1,5 mio. kr.". */
export function formatMillionKroner(value: number, decimals = 1): string {
  return `${formatNumber(value / 1_000_000, decimals, true)} mio. kr.`;
}

/** An ISO date in Danish form: '2024-01-10' → "10-01-2024". */
export function formatDate(date: IsoDate): string {
  if (!isIsoDate(date)) throw new RangeError(`Ugyldig dato "${date}": forventet ÅÅÅÅ-MM-DD`);
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}

/** Short month label for column heads and chart axes: '2024-02' → "feb-24". */
export function monthLabel(month: Month): string {
  const { year, month: m } = monthParts(month);
  return `${MONTH_ABBREVIATIONS[m - 1]}-${String(year % 100).padStart(2, "0")}`;
}

/** Long month label for running text: '2024-02' → "februar 2024". */
export function monthLabelLong(month: Month): string {
  const { year, month: m } = monthParts(month);
  return `${MONTH_NAMES[m - 1]} ${year}`;
}

export interface FormatValueOptions {
  /** Text for a missing value; default EMPTY ("–"). */
  empty?: string;
  /** Append the unit word where it is customary (pct., uger, kr.); default true. */
  withUnit?: boolean;
}

/**
 * An indicator value in its unit. Counts (personer, antal) are whole numbers without a unit word,
 * because the row label carries it ("Antal … (personer)"); fuldtidspersoner get one decimal since
 * person-time ÷ period is fractional, and carry their unit ("103,8 fuldtidspersoner", "1
 * fuldtidsperson") so they are never read as persons; procent and uger at most one decimal, as in
 * seed 002.
 */
export function formatValue(
  value: number | null | undefined,
  unit: Unit,
  options: FormatValueOptions = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return options.empty ?? EMPTY;
  const withUnit = options.withUnit ?? true;
  switch (unit) {
    case "personer":
    case "antal":
      return formatNumber(value, 0);
    case "fuldtidspersoner": {
      const n = formatNumber(value, 1, true);
      return withUnit ? `${n} ${n === "1" || n === "-1" ? "fuldtidsperson" : "fuldtidspersoner"}` : n;
    }
    case "procent":
      return withUnit ? formatPercent(value) : formatNumber(value, 1, true);
    case "uger":
      return `${formatNumber(value, 1, true)}${withUnit ? " uger" : ""}`;
    case "kr.":
      return withUnit ? formatKroner(value) : formatNumber(value, 0);
  }
}

/** The unit as a word for axis names and running text: "pct.", "fuldtidspersoner", "personer". */
export function unitName(unit: Unit): string {
  return unit === "procent" ? "pct." : unit;
}

/**
 * Danish singular or plural: (1, "værdi", "værdier") → "1 værdi"; (3, …) → "3 værdier"; the
 * number in Danish form ("1.212 værdier").
 */
export function countText(n: number, singular: string, plural: string): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

/**
 * Reads a number typed by a person or found in a spreadsheet. Spaces (also non-breaking and
 * thin spaces), a leading sign ('-', '−', '+') and a trailing unit ("pct.", "%", "kr.", "uger")
 * are ignored. Returns null when the text is empty or not a number.
 *
 * Ambiguity rule, Danish first:
 * - both '.' and ',': the LAST one is the decimal mark, the other must group by threes
 *   ("1.212,5" → 1212.5; "1,212.5" → 1212.5 for English-formatted exports).
 * - ',' only: one comma is the decimal mark ("17,8" → 17.8, "1,212" → 1.212); several commas
 *   must be valid thousands groups ("1,234,567").
 * - '.' only: several dots must be thousands groups ("1.234.567"). A single dot is a thousands
 *   separator when it is followed by exactly three digits and preceded by 1–3 digits not starting
 *   with 0 ("1.212" → 1212, as this app prints it); otherwise it is a decimal mark ("17.8" → 17.8,
 *   "0.125" → 0.125, "1234.5" → 1234.5).
 */
export function parseDanishNumber(text: string): number | null {
  let t = text.replace(/[\s\u00a0\u202f]/g, "").replace(/(pct\.?|%|kr\.?|uger)$/i, "");
  let sign = 1;
  if (/^[-−+]/.test(t)) {
    if (t[0] !== "+") sign = -1;
    t = t.slice(1);
  }
  if (!/^[\d.,]+$/.test(t) || !/\d/.test(t)) return null;

  const lastDot = t.lastIndexOf(".");
  const lastComma = t.lastIndexOf(",");
  let intPart: string;
  let fracPart = "";
  let groupSep: string | null = null;

  if (lastDot >= 0 && lastComma >= 0) {
    const decimalMark = lastDot > lastComma ? "." : ",";
    groupSep = decimalMark === "." ? "," : ".";
    const at = t.lastIndexOf(decimalMark);
    intPart = t.slice(0, at);
    fracPart = t.slice(at + 1);
  } else if (lastComma >= 0 || lastDot >= 0) {
    const mark = lastComma >= 0 ? "," : ".";
    const count = t.split(mark).length - 1;
    const singleDotIsGrouping = mark === "." && /^[1-9]\d{0,2}\.\d{3}$/.test(t);
    if (count > 1 || singleDotIsGrouping) {
      groupSep = mark;
      intPart = t;
    } else {
      const at = t.indexOf(mark);
      intPart = t.slice(0, at);
      fracPart = t.slice(at + 1);
    }
  } else {
    intPart = t;
  }

  if (groupSep !== null && intPart.includes(groupSep)) {
    const groups = intPart.split(groupSep);
    const [head = "", ...rest] = groups;
    if (!/^\d{1,3}$/.test(head) || rest.some((g) => !/^\d{3}$/.test(g))) return null;
    intPart = groups.join("");
  }
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fracPart) || (intPart === "" && fracPart === "")) return null;
  const value = Number(`${intPart || "0"}.${fracPart || "0"}`);
  return value === 0 ? 0 : sign * value; // no -0 from "-0"
}
