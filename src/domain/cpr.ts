/**
 * Danish CPR numbers (DESIGN 4): DDMMYY-SSSS, dash optional. Birth date and sex are derived from
 * the number; the old modulus-11 check is not applied (not used since 2007). Pure: no I/O.
 *
 * Raw CPR numbers must never reach disk or logs: use `maskCpr` in every message.
 */

export type Sex = "M" | "K";

/**
 * The 10 digits of a CPR number written `DDMMYY-SSSS` or `DDMMYYSSSS` (surrounding space allowed),
 * or null when the text has another form. `padNine` accepts 9 digits with the leading zero missing
 * (as the refusion files deliver them).
 */
export function normalizeCpr(text: string, options: { padNine?: boolean } = {}): string | null {
  const t = text.trim();
  const m = /^(\d{6})-?(\d{4})$/.exec(t);
  if (m) return `${m[1]}${m[2]}`;
  if (options.padNine && /^\d{9}$/.test(t)) return `0${t}`;
  return null;
}

/** Century of the birth year from the 7th digit and YY (DESIGN 4). */
export function birthYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Birth date (ISO) of a normalized CPR, or null when DDMM is not a real date (e.g. substitute numbers). */
export function cprBirthDate(cpr10: string): string | null {
  const day = Number(cpr10.slice(0, 2));
  const month = Number(cpr10.slice(2, 4));
  const year = birthYear(Number(cpr10.slice(4, 6)), Number(cpr10[6]));
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${cpr10.slice(2, 4)}-${cpr10.slice(0, 2)}`;
}

/** Sex from the last digit: odd → male ('M'), even → female ('K'). */
export function cprSex(cpr10: string): Sex {
  return Number(cpr10[9]) % 2 === 1 ? "M" : "K";
}

/** A CPR-like text with the serial hidden, for messages and reports: "010203-****". */
export function maskCpr(text: string): string {
  const t = text.trim();
  const digits = t.replace(/\D/g, "");
  if (digits.length >= 6) return `${digits.slice(0, 6)}-****`;
  // too short to be a CPR: still hide every digit but the first two
  return t.replace(/\d/g, (d, i: number) => (i < 2 ? d : "*"));
}
