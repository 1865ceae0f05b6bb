/**
 * The effect page's words (DESIGN 9.1 "In the app"), pure: the one-sentence estimate with its
 * 95 % interval, the before-referral check, the caveats, and the measured effect in kroner. The
 * web, the API's services and the committee report all use these, so they say the same.
 */
import { formatDecimal, formatNumber } from "./format.ts";

/**
 * One row of the `effect` command's output (DESIGN 9.1), fields in this order; the engine builds it
 * (`estimate` in src/engine/effect/estimates.ts, as `EffectEstimate`) and the store keeps it as is.
 */
export interface EffectRow {
  effect: string;
  horizon: number;
  treated: number;
  matched: number;
  unmatched: number;
  controls: number;
  share_treated: number | null;
  share_control: number | null;
  share_difference: number | null;
  share_ci_low: number | null;
  share_ci_high: number | null;
  days_treated: number | null;
  days_control: number | null;
  days_difference: number | null;
  days_ci_low: number | null;
  days_ci_high: number | null;
}

/** Fewer matched treated units than this: shown, but too uncertain to conclude on (DESIGN 9.1). */
export const MIN_MATCHED = 30;

/**
 * The horizon the sentence is about: the longest positive horizon with an estimate and at least
 * MIN_MATCHED matched treated units; else the longest positive horizon with an estimate; else none.
 */
export function headlineRow(rows: readonly EffectRow[]): EffectRow | undefined {
  const positive = rows
    .filter((r) => r.horizon > 0 && r.days_difference !== null)
    .sort((a, b) => b.horizon - a.horizon);
  return positive.find((r) => r.matched >= MIN_MATCHED) ?? positive[0];
}

const months = (h: number) => (h === 1 ? "den første måned" : `de første ${h} måneder`);
const days = (v: number) => formatDecimal(v, 1);

/**
 * "De henviste havde 19,5 færre dage på ydelse de første 6 måneder end sammenlignelige borgere,
 * der ikke var henvist (95 %-interval 7,6–31,5 dage)". The difference is treated − controls, so a
 * negative difference is "færre" and its interval is turned around (−high … −low).
 */
export function effectSentence(row: EffectRow | undefined): string {
  if (!row || row.days_difference === null || row.days_ci_low === null || row.days_ci_high === null) {
    return "Der er endnu ingen henviste borgere med en sammenlignelig kontrolgruppe, så effekten kan ikke beregnes.";
  }
  const d = row.days_difference;
  const fewer = d < 0;
  const [lo, hi] = fewer ? [-row.days_ci_high, -row.days_ci_low] : [row.days_ci_low, row.days_ci_high];
  const word = fewer ? "færre" : "flere";
  // a range with a negative end reads "-3,1 til 12,0", not "-3,1–12,0"
  const range = lo < 0 ? `${days(lo)} til ${days(hi)}` : `${days(lo)}–${days(hi)}`;
  return `De henviste havde ${days(Math.abs(d))} ${word} dage på ydelse ${months(row.horizon)} end sammenlignelige borgere, der ikke var henvist (95 %-interval ${range} dage).`;
}

/** Does the interval hold 0 (no difference can be told from chance)? */
export function intervalHoldsZero(low: number | null, high: number | null): boolean {
  return low === null || high === null || (low <= 0 && high >= 0);
}

export interface BeforeReferralCheck {
  /** true when every negative horizon's days and share intervals hold 0 (or there is none) */
  passed: boolean;
  horizons: {
    horizon: number;
    passed: boolean;
    daysDifference: number | null;
    shareDifference: number | null;
  }[];
  text: string;
}

/**
 * The negative horizons are a check, not an effect: before referral the referred and the
 * comparison group should have been alike, so a difference there (an interval without 0) means
 * the groups were not comparable and the estimate after referral is suspect.
 */
export function beforeReferralCheck(rows: readonly EffectRow[]): BeforeReferralCheck {
  const horizons = rows
    .filter((r) => r.horizon < 0 && r.matched > 0)
    .map((r) => ({
      horizon: r.horizon,
      passed:
        intervalHoldsZero(r.days_ci_low, r.days_ci_high) &&
        intervalHoldsZero(r.share_ci_low, r.share_ci_high),
      daysDifference: r.days_difference,
      shareDifference: r.share_difference,
    }));
  if (horizons.length === 0) {
    return {
      passed: true,
      horizons,
      text: "Definitionen har ingen negative horisonter, så det er ikke tjekket, om grupperne lignede hinanden før henvisningen.",
    };
  }
  const passed = horizons.every((h) => h.passed);
  const text = passed
    ? "Før henvisningen lignede de henviste og sammenligningsgruppen hinanden: forskellen i månederne før er ikke til at skelne fra tilfældighed. Det styrker tilliden til effekten."
    : "Advarsel: de henviste og sammenligningsgruppen var forskellige allerede før henvisningen. Så kan forskellen efter henvisningen skyldes, hvem der blev henvist, og ikke indsatsen.";
  return { passed, horizons, text };
}

/** The caveats in plain Danish, for the rows shown. */
export function effectCaveats(rows: readonly EffectRow[]): string[] {
  const out = [
    "Sammenligningen tager kun højde for det, udtrækket indeholder: ydelse, kategori, varighed, alder, køn og tidligere forsørgelse. Blev borgerne udvalgt til projektet på noget andet – fx motivation, helbred eller sagsbehandlerens vurdering – kan en del af forskellen skyldes det og ikke indsatsen.",
  ];
  const few = rows.filter((r) => r.matched > 0 && r.matched < MIN_MATCHED).map((r) => r.horizon);
  if (rows.some((r) => r.matched < MIN_MATCHED)) {
    out.push(
      `Under ${MIN_MATCHED} matchede henviste er for usikkert at konkludere på${few.length > 0 ? ` (horisont ${few.join(", ")})` : ""}; tallene vises, men bør ikke bruges som dokumentation.`,
    );
  }
  const unmatched = rows.reduce((m, r) => Math.max(m, r.unmatched), 0);
  if (unmatched > 0) {
    out.push(
      "Henviste uden en sammenlignelig borger i kontrolgruppen er talt, men udeladt af beregningen; effekten gælder kun de matchede.",
    );
  }
  return out;
}

/** Is the row too uncertain to conclude on (fewer than MIN_MATCHED matched treated units)? */
export function tooUncertain(row: EffectRow): boolean {
  return row.matched < MIN_MATCHED;
}

export interface MeasuredEffectKroner {
  horizon: number;
  /** days difference (treated − controls); negative = fewer days on benefit */
  daysDifference: number;
  matched: number;
  pricePerYear: number;
  /** net price per day = catalogue price ÷ 365 */
  pricePerDay: number;
  /** saved kroner: −days difference × matched × price per day (positive = a saving) */
  kroner: number;
  kronerLow: number;
  kronerHigh: number;
}

/**
 * DESIGN 9.1: days difference × matched treated × the benefit's net price per day (catalogue
 * price ÷ 365). A negative days difference (fewer days) is a saving, so the kroner are its
 * negation; the interval is the days interval turned the same way.
 */
export function measuredEffectKroner(row: EffectRow, pricePerYear: number): MeasuredEffectKroner | undefined {
  if (row.days_difference === null || row.days_ci_low === null || row.days_ci_high === null) return undefined;
  const pricePerDay = pricePerYear / 365;
  const k = (d: number) => -d * row.matched * pricePerDay;
  return {
    horizon: row.horizon,
    daysDifference: row.days_difference,
    matched: row.matched,
    pricePerYear,
    pricePerDay,
    kroner: k(row.days_difference),
    kronerLow: k(row.days_ci_high),
    kronerHigh: k(row.days_ci_low),
  };
}

/** "1.234 af 1.300 henviste (94,9 pct.) fik en sammenlignelig kontrolgruppe" */
export function matchingRateText(treated: number, matched: number): string {
  if (treated === 0) return "Ingen henviste i optagsperioden.";
  const pct = formatDecimal((100 * matched) / treated, 1);
  return `${formatNumber(matched)} af ${formatNumber(treated)} henviste (${pct} pct.) fik en sammenlignelig kontrolgruppe.`;
}

/**
 * Which to trust: the measured effect (against a matched comparison group in the same months) or
 * the before/after realized gain (against the baseline, moving with the business cycle).
 */
export function trustSentence(
  measured: { matched: number; checkPassed: boolean; holdsZero: boolean } | null,
): string {
  const why =
    "Den målte effekt sammenligner de henviste med sammenlignelige borgere, der ikke var henvist, i de samme måneder, så konjunktur og lovændringer rammer begge grupper; før/efter-gevinsten måler mod startmålingen og flytter sig med konjunkturen, ikke kun med projektet.";
  if (!measured)
    return `Der er ingen målt effekt endnu, så kun før/efter-gevinsten kan vises – læs den med forbehold. ${why}`;
  if (!measured.checkPassed)
    return `Stol på ingen af dem alene: de henviste og sammenligningsgruppen var forskellige allerede før henvisningen, så den målte effekt kan være skæv, og før/efter-gevinsten flytter sig med konjunkturen.`;
  if (measured.matched < MIN_MATCHED)
    return `Den målte effekt bygger på færre end ${MIN_MATCHED} matchede henviste og er for usikker at konkludere på; før/efter-gevinsten flytter sig med konjunkturen. ${why}`;
  if (measured.holdsZero)
    return `Stol mest på den målte effekt, men bemærk, at dens interval rummer 0: effekten kan ikke skelnes fra tilfældighed endnu. ${why}`;
  return `Stol mest på den målte effekt. ${why}`;
}
