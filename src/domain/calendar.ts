/**
 * Calendar helpers for months ('YYYY-MM') and calendar dates ('YYYY-MM-DD').
 *
 * All arithmetic goes through a day number (days since 1970-01-01) computed with pure integer
 * math, never through `Date` in local time: a date is a calendar date (DESIGN 6.1), so there is
 * no timezone or daylight-saving shift to get wrong, and years below 100 are not remapped to
 * 19xx the way `Date.UTC` does.
 */

/** A month as 'YYYY-MM', e.g. '2024-02'. Plain strings compare and sort in calendar order. */
export type Month = string;
/** A calendar date as ISO 'YYYY-MM-DD', e.g. '2024-01-10'. Compares and sorts in calendar order. */
export type IsoDate = string;

const MONTH_RE = /^(\d{4})-(\d{2})$/;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Danish day-first dates as written in the seeds and FACIT extracts: 10-01-2024, 10.01.2024, 10/01/2024.
const DANISH_RE = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month given as year and month number 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Number of days in a 'YYYY-MM' month. */
export function daysInMonthOf(month: Month): number {
  const { year, month: m } = monthParts(month);
  return daysInMonth(year, m);
}

// ---------------------------------------------------------------- months

/** True when `text` is a valid 'YYYY-MM' month. */
export function isMonth(text: string): boolean {
  const m = MONTH_RE.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** Validates and normalizes a month ('2024-2' → '2024-02'); throws a Danish RangeError otherwise. */
export function parseMonth(text: string): Month {
  const m = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) {
    throw new RangeError(`Ugyldig måned "${text}": forventet ÅÅÅÅ-MM, fx 2024-02`);
  }
  return `${m[1]}-${pad(month, 2)}`;
}

/** Splits a valid month into year and month number 1–12. */
export function monthParts(month: Month): { year: number; month: number } {
  const m = MONTH_RE.exec(month);
  if (!m || !isMonth(month)) throw new RangeError(`Ugyldig måned "${month}": forventet ÅÅÅÅ-MM`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

function monthIndex(month: Month): number {
  const { year, month: m } = monthParts(month);
  return year * 12 + (m - 1);
}

function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  return `${pad(year, 4)}-${pad(index - year * 12 + 1, 2)}`;
}

/** The month `n` months after `month` (n may be negative). */
export function addMonths(month: Month, n: number): Month {
  return monthFromIndex(monthIndex(month) + n);
}

/** Number of months from `from` to `to` (positive when `to` is later). */
export function monthsBetween(from: Month, to: Month): number {
  return monthIndex(to) - monthIndex(from);
}

/** Every month from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthRange(from: Month, to: Month): Month[] {
  const start = monthIndex(from);
  const end = monthIndex(to);
  const out: Month[] = [];
  for (let i = start; i <= end; i++) out.push(monthFromIndex(i));
  return out;
}

/** Reference date D of a month: its first day, "primo måneden" (DESIGN 6.1). */
export function referenceDate(month: Month): IsoDate {
  monthParts(month);
  return `${month}-01`;
}

/** The month a date falls in. */
export function monthOf(date: IsoDate): Month {
  assertIsoDate(date);
  return date.slice(0, 7);
}

// ---------------------------------------------------------------- dates

/** True when `text` is an ISO 'YYYY-MM-DD' string naming a real calendar date. */
export function isIsoDate(text: string): boolean {
  const m = ISO_RE.exec(text);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function assertIsoDate(date: IsoDate): void {
  if (!isIsoDate(date)) throw new RangeError(`Ugyldig dato "${date}": forventet ÅÅÅÅ-MM-DD`);
}

/**
 * Reads 'YYYY-MM-DD' or the Danish day-first 'DD-MM-YYYY' (also with '.' or '/'), returns ISO,
 * or null when the text is not a real calendar date (31-02-2024 is rejected, not rolled over).
 */
export function tryParseDate(text: string): IsoDate | null {
  const t = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO_RE.exec(t);
  const dk = iso ? null : DANISH_RE.exec(t);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dk) [day, month, year] = [Number(dk[1]), Number(dk[2]), Number(dk[3])];
  else return null;
  if (!isRealDate(year, month, day)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Like tryParseDate, but throws a Danish RangeError naming the text. */
export function parseDate(text: string): IsoDate {
  const date = tryParseDate(text);
  if (date === null) {
    throw new RangeError(
      `Ugyldig dato "${text}": forventet DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD med en dato, der findes`,
    );
  }
  return date;
}

/**
 * Days since 1970-01-01 for a civil date (proleptic Gregorian), after H. Hinnant's
 * days_from_civil. Exported so hot loops (engine) can compare and subtract plain integers.
 */
export function toDayNumber(date: IsoDate): number {
  assertIsoDate(date);
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber. */
export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The date `n` days after `date` (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** `a − b` in days, like subtraction: diffDays('2024-01-10', '2024-01-01') = 9. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/**
 * Moves a date by `n` whole months (n may be negative). The day of month is kept; where the target
 * month lacks that day, its last day is used (DESIGN: '2024-03-31' − 1 month = '2024-02-29').
 */
export function addMonthsToDate(date: IsoDate, n: number): IsoDate {
  assertIsoDate(date);
  const target = addMonths(date.slice(0, 7), n);
  const { year, month } = monthParts(target);
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${target}-${pad(day, 2)}`;
}

/** "X − N months" with DESIGN's rule (day kept, clamped to the target month's last day). */
export function subtractMonthsFromDate(date: IsoDate, n: number): IsoDate {
  return addMonthsToDate(date, -n);
}

/**
 * Completed years from `from` to `to` (age at D: a birthday on D counts, DESIGN 6.1).
 * A 29 February birthday is reached on 1 March in non-leap years.
 */
export function completedYears(from: IsoDate, to: IsoDate): number {
  assertIsoDate(from);
  assertIsoDate(to);
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  // Month-day strings compare correctly as text ('02-29' > '02-28'), so no date arithmetic needed.
  return to.slice(5) >= from.slice(5) ? years : years - 1;
}

/** The calendar date of a JS Date in UTC (use for timestamps already known to be UTC). */
export function isoDateFromUtc(d: Date): IsoDate {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}
