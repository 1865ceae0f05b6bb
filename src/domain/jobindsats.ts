/**
 * jobindsats.dk (STAR) in domain terms (DESIGN 9.3): period codes, the tables Effektspor reads,
 * the RAR Østjylland municipalities, and the benchmark's ranks and sentence. Pure: no I/O; the
 * client (src/integrations/jobindsats), the services and the web all use it.
 *
 * Period codes: `2024M03` (a month), `2023Q3` (a quarter), `2023QMAT03` (the moving four quarters
 * ending with the third quarter of 2023; the published API clients send two digits, "QMAT03", and
 * DESIGN writes `YYYYQMATq`, so both are read and two digits are written) and `2023` (a year).
 */
import { addMonths, type Month, monthParts } from "./calendar.ts";
import { MONTH_NAMES } from "./format.ts";

export type JobindsatsPeriod =
  | { kind: "M"; year: number; month: number }
  | { kind: "Q"; year: number; quarter: number }
  | { kind: "QMAT"; year: number; quarter: number }
  | { kind: "Y"; year: number };

export type PeriodKind = JobindsatsPeriod["kind"];

const CODE = /^(\d{4})(?:M(\d{2})|Q([1-4])|QMAT0?([1-4]))?$/;

/** '2024M03' → {kind M, 2024, 3}; null when the text is not a period code. */
export function parsePeriodCode(code: string): JobindsatsPeriod | null {
  const m = CODE.exec(code.trim().toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: "M", year, month } : null;
  }
  if (m[3] !== undefined) return { kind: "Q", year, quarter: Number(m[3]) };
  if (m[4] !== undefined) return { kind: "QMAT", year, quarter: Number(m[4]) };
  return { kind: "Y", year };
}

/** The code the API speaks: {M, 2024, 3} → '2024M03'; {QMAT, 2023, 3} → '2023QMAT03'. */
export function formatPeriodCode(p: JobindsatsPeriod): string {
  switch (p.kind) {
    case "M":
      return `${p.year}M${String(p.month).padStart(2, "0")}`;
    case "Q":
      return `${p.year}Q${p.quarter}`;
    case "QMAT":
      return `${p.year}QMAT${String(p.quarter).padStart(2, "0")}`;
    case "Y":
      return String(p.year);
  }
}

/** A code as the API's canonical spelling ('2023qmat3' → '2023QMAT03'); null when not a code. */
export function normalizePeriodCode(code: string): string | null {
  const p = parsePeriodCode(code);
  return p ? formatPeriodCode(p) : null;
}

const quarterText = (year: number, q: number) => `${q}. kvt. ${year}`;

/** The period four quarters back from (year, q) inclusive: QMAT 2023 Q2 starts in 2022 Q3. */
function matStart(year: number, quarter: number): { year: number; quarter: number } {
  return quarter === 4 ? { year, quarter: 1 } : { year: year - 1, quarter: quarter + 1 };
}

/**
 * Danish label: '2024M03' → "marts 2024", '2023Q3' → "3. kvt. 2023",
 * '2023QMAT02' → "3. kvt. 2022–2. kvt. 2023", '2023' → "2023". An unknown code is shown as is.
 */
export function periodLabel(code: string): string {
  const p = parsePeriodCode(code);
  if (!p) return code;
  switch (p.kind) {
    case "M":
      return `${MONTH_NAMES[p.month - 1]} ${p.year}`;
    case "Q":
      return quarterText(p.year, p.quarter);
    case "QMAT": {
      const s = matStart(p.year, p.quarter);
      return `${quarterText(s.year, s.quarter)}–${quarterText(p.year, p.quarter)}`;
    }
    case "Y":
      return String(p.year);
  }
}

/**
 * A period as a jobindsats export writes it, code or Danish label: "2024M03", "marts 2024",
 * "3. kvt. 2023", "3.kvt.2023", "2023K3", "3. kvt. 2022–2. kvt. 2023" (moving year). Null when
 * not recognised.
 */
export function parsePeriodText(text: string): JobindsatsPeriod | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  const code = parsePeriodCode(t);
  if (code) return code;
  const kvt = /^([1-4])\. ?kvt\. ?(\d{4})$/;
  const single = kvt.exec(t);
  if (single) return { kind: "Q", year: Number(single[2]), quarter: Number(single[1]) };
  const k = /^(\d{4}) ?k([1-4])$/.exec(t);
  if (k) return { kind: "Q", year: Number(k[1]), quarter: Number(k[2]) };
  const range = /^([1-4])\. ?kvt\. ?(\d{4}) ?(?:–|-|til) ?([1-4])\. ?kvt\. ?(\d{4})$/.exec(t);
  if (range) {
    const end = { year: Number(range[4]), quarter: Number(range[3]) };
    const s = matStart(end.year, end.quarter);
    if (s.year !== Number(range[2]) || s.quarter !== Number(range[1])) return null;
    return { kind: "QMAT", ...end };
  }
  const month = /^([a-zæøå]+) (\d{4})$/.exec(t);
  if (month) {
    const i = MONTH_NAMES.indexOf(month[1] as (typeof MONTH_NAMES)[number]);
    if (i >= 0) return { kind: "M", year: Number(month[2]), month: i + 1 };
  }
  return null;
}

/** The last month a period covers ('2023Q3' → '2023-09'): where a value sits on a monthly axis. */
export function periodEndMonth(code: string): Month | null {
  const p = parsePeriodCode(code);
  if (!p) return null;
  const m = p.kind === "M" ? p.month : p.kind === "Y" ? 12 : p.quarter * 3;
  return `${p.year}-${String(m).padStart(2, "0")}`;
}

/**
 * The Effektspor month whose value covers the same time as a jobindsats period: Effektspor measures
 * primo måneden (DESIGN 6.1), so the month after the period's last ('2024M06' → '2024-07', '2024QMAT04'
 * → '2025-01'). Where a jobindsats value sits beside Effektspor's own, or becomes a monthly value.
 */
export function followUpMonth(code: string): Month | null {
  const end = periodEndMonth(code);
  return end ? addMonths(end, 1) : null;
}

/** The last day of a period as an ISO date (a baseline's date). */
export function periodEndDate(code: string): string | null {
  const month = periodEndMonth(code);
  if (!month) return null;
  const { year, month: m } = monthParts(month);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, "0")}`;
}

/** A month as the API's period code: '2024-03' → '2024M03'. */
export function monthToPeriodCode(month: Month): string {
  const { year, month: m } = monthParts(month);
  return formatPeriodCode({ kind: "M", year, month: m });
}

/** Chronological order of codes of one kind (a year-quarter-month key). */
export function comparePeriodCodes(a: string, b: string): number {
  const ka = periodEndMonth(a) ?? a;
  const kb = periodEndMonth(b) ?? b;
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

// ─── tables ──────────────────────────────────────────────────────────────────────────────────

export interface JobindsatsTableInfo {
  id: string;
  label: string;
  /** Effektspor's benefit code (src/domain/codes.ts) when the table counts one benefit */
  benefit?: string;
  kind: "recipients" | "exits" | "benchmark";
}

/** The tables DESIGN 9.3 names: recipients and full-time persons per benefit, exits, expected vs actual. */
export const JOBINDSATS_TABLES: readonly JobindsatsTableInfo[] = [
  { id: "y01a02", label: "A-dagpenge", benefit: "a-dagpenge", kind: "recipients" },
  { id: "y07a02", label: "Sygedagpenge", benefit: "sygedagpenge", kind: "recipients" },
  { id: "y08a02", label: "Fleksjob", benefit: "fleksjob", kind: "recipients" },
  { id: "y11a02", label: "Ressourceforløb", benefit: "ressourceforloeb", kind: "recipients" },
  { id: "y12a02", label: "Jobafklaringsforløb", benefit: "jobafklaring", kind: "recipients" },
  { id: "y36a02", label: "Kontanthjælp (til 2025)", benefit: "kontanthjaelp", kind: "recipients" },
  { id: "y60a02", label: "Kontanthjælp", benefit: "kontanthjaelp", kind: "recipients" },
  { id: "y38a02", label: "Uddannelseshjælp", benefit: "uddannelseshjaelp", kind: "recipients" },
  { id: "y14d03", label: "Fra ydelse til job", kind: "exits" },
  { id: "y30r21", label: "Forventet og faktisk andel på offentlig forsørgelse", kind: "benchmark" },
];

/** Table ids are case-insensitive at jobindsats ('Y30R21' = 'y30r21'); stored lower-case. */
export const normalizeTableId = (id: string) => id.trim().toLowerCase();

export const TABLE_ID_PATTERN = /^y\d{2}[a-z]\d{2}$/;

export function tableInfo(id: string): JobindsatsTableInfo | undefined {
  const key = normalizeTableId(id);
  return JOBINDSATS_TABLES.find((t) => t.id === key);
}

/**
 * How a measure reads in a sentence: "andel på a-dagpenge (fuldtidspersoner i pct. af befolkningen
 * 16-66 år)" for the *a02 tables' share, the measure's own name otherwise.
 */
export function measurePhrase(tableId: string, measure: string): string {
  const info = tableInfo(tableId);
  if (info?.kind === "recipients" && /i pct\. af/i.test(measure)) {
    return `andel på ${info.label.toLowerCase()} (${measure.charAt(0).toLowerCase()}${measure.slice(1)})`;
  }
  if (info?.kind === "recipients" && /^antal/i.test(measure))
    return `${measure.toLowerCase()} på ${info.label.toLowerCase()}`;
  return measure;
}

/** Measure names of the *a02 tables as jobindsats labels them. */
export const MEASURE_PERSONS = "Antal personer";
export const MEASURE_FTE = "Antal fuldtidspersoner";

// ─── areas and comparison sets ───────────────────────────────────────────────────────────────

export const WHOLE_COUNTRY = "Hele landet";
export const RAR_OESTJYLLAND_NAME = "RAR Østjylland";

/** The municipalities of the regional labour market council RAR Østjylland. */
export const RAR_OESTJYLLAND: readonly string[] = [
  "Aarhus",
  "Favrskov",
  "Hedensted",
  "Horsens",
  "Norddjurs",
  "Odder",
  "Randers",
  "Samsø",
  "Silkeborg",
  "Skanderborg",
  "Syddjurs",
];

export type ComparisonKind = "rar" | "chosen" | "country";

export const COMPARISON_LABELS: Record<ComparisonKind, string> = {
  rar: RAR_OESTJYLLAND_NAME,
  chosen: "sammenlignelige kommuner",
  country: "hele landet",
};

export interface BenchmarkSettings {
  municipality: string;
  comparison: ComparisonKind;
  /** the chosen "sammenlignelige kommuner" (used when comparison = chosen) */
  chosen: string[];
}

export const DEFAULT_BENCHMARK_SETTINGS: BenchmarkSettings = {
  municipality: "Hedensted",
  comparison: "rar",
  chosen: ["Horsens", "Skanderborg", "Odder", "Favrskov", "Syddjurs"],
};

/**
 * The areas of a comparison set, the municipality included. The whole country is every
 * municipality the stored values hold (`known`: not the totals "Hele landet", the RAR areas,
 * regions or landsdele); "Hele landet" is shown beside as a reference.
 */
export function comparisonAreas(settings: BenchmarkSettings, known: readonly string[] = []): string[] {
  const set =
    settings.comparison === "rar"
      ? [...RAR_OESTJYLLAND]
      : settings.comparison === "chosen"
        ? [...settings.chosen]
        : known.filter((a) => a !== WHOLE_COUNTRY && !/^(RAR|Region|Landsdel) /.test(a));
  if (!set.includes(settings.municipality)) set.push(settings.municipality);
  return [...new Set(set)].sort(compareDanish);
}

/**
 * Alphabetical order with æ, ø, å after z (by hand, not Intl: small-icu builds lack da-DK, and
 * full ICU files "Aarhus" under å, which a list of municipalities does not expect).
 */
export function compareDanish(a: string, b: string): number {
  const key = (s: string) => s.toLowerCase().replace(/æ/g, "{").replace(/ø/g, "|").replace(/å/g, "}");
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

// ─── ranks and the sentence ──────────────────────────────────────────────────────────────────

export interface RankedArea {
  area: string;
  value: number;
  /** 1 = the best in the set (lowest when lower is better); ties share a rank */
  rank: number;
}

/** Ranks the areas' values; `better` says which end is first. Areas without a value are left out. */
export function rankAreas(
  values: readonly { area: string; value: number | null }[],
  better: "lower" | "higher",
): RankedArea[] {
  const known = values.filter((v): v is { area: string; value: number } => v.value !== null);
  const sign = better === "lower" ? 1 : -1;
  const sorted = [...known].sort((a, b) => sign * (a.value - b.value) || compareDanish(a.area, b.area));
  const out: RankedArea[] = [];
  for (const [i, v] of sorted.entries()) {
    const prev = out[i - 1];
    out.push({ area: v.area, value: v.value, rank: prev && prev.value === v.value ? prev.rank : i + 1 });
  }
  return out;
}

/**
 * The sentence that answers "has Hedensted the lowest … in RAR Østjylland?":
 * "Hedensted har den laveste andel … i RAR Østjylland (marts 2024)." or
 * "Hedensted har ikke den laveste … : nr. 3 af 11; lavest er Odder (2,1)."
 */
export function rankSentence(input: {
  municipality: string;
  measureLabel: string;
  setName: string;
  periodCode: string;
  better: "lower" | "higher";
  ranked: readonly RankedArea[];
  format: (v: number) => string;
}): string {
  const { municipality, ranked, better, setName } = input;
  const period = periodLabel(input.periodCode);
  const what = input.measureLabel.charAt(0).toLowerCase() + input.measureLabel.slice(1);
  // "det laveste antal …", "den laveste andel …"
  const article = /^antal\b/i.test(what) ? "det" : "den";
  const extreme = better === "lower" ? "laveste" : "højeste";
  const own = ranked.find((r) => r.area === municipality);
  if (!own) return `${municipality} har ingen værdi for ${what} i ${period}.`;
  const n = ranked.length;
  const shared = ranked.filter((r) => r.rank === own.rank).length > 1;
  if (own.rank === 1) {
    return `${municipality} har ${shared ? "delt " : ""}${article} ${extreme} ${what} i ${setName} i ${period} (${input.format(own.value)}).`;
  }
  const first = ranked.filter((r) => r.rank === 1).map((r) => r.area);
  return `${municipality} har ikke ${article} ${extreme} ${what} i ${setName} i ${period}: nr. ${own.rank} af ${n} (${input.format(own.value)}); ${better === "lower" ? "lavest" : "højest"} er ${first.join(" og ")} (${input.format(ranked[0]!.value)}).`;
}

/**
 * Whether a jobindsats measure is a share (pct., andel) rather than a count: a share does not fit
 * an indicator counted in persons, nor a count one in procent (the picker warns).
 */
export function isShareMeasure(measure: string): boolean {
  return /\bpct\b|procent|andel/i.test(measure);
}

/** A Danish warning when a jobindsats measure's kind does not fit the indicator's unit, else null. */
export function unitMismatch(measure: string, unit: string): string | null {
  const share = isShareMeasure(measure);
  if (share === (unit === "procent")) return null;
  return share
    ? `Bemærk: «${measure}» er en andel, men indikatoren måles i ${unit}.`
    : `Bemærk: «${measure}» er et antal, men indikatoren måles i procent.`;
}
