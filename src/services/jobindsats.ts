/**
 * Benchmark with jobindsats.dk (DESIGN 9.3, issue 14): the settings (municipality and comparison
 * set), fetching the tables from the API, importing a downloaded export, the benchmark view (the
 * municipality beside the set, ranks, the sentence), Effektspor's own full-time persons beside
 * jobindsats', and taking a baseline or a manual value from a stored value with its source noted.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { addMonths, monthRange } from "../domain/calendar.ts";
import { InvalidFieldError, notFound } from "../domain/errors.ts";
import { formatDate, formatNumber } from "../domain/format.ts";
import {
  type BenchmarkSettings,
  COMPARISON_LABELS,
  comparePeriodCodes,
  comparisonAreas,
  DEFAULT_BENCHMARK_SETTINGS,
  followUpMonth,
  JOBINDSATS_TABLES,
  MEASURE_FTE,
  measurePhrase,
  normalizeTableId,
  parsePeriodCode,
  periodEndDate,
  periodEndMonth,
  periodLabel,
  RAR_OESTJYLLAND_NAME,
  type RankedArea,
  rankAreas,
  rankSentence,
  TABLE_ID_PATTERN,
  tableInfo,
  WHOLE_COUNTRY,
} from "../domain/jobindsats.ts";
import { type BenefitCode, benefitCodes, type IndicatorDefinition } from "../engine/definition.ts";
import { computeIndicators } from "../engine/execute.ts";
import { resolveSnapshot } from "../engine/snapshots.ts";
import type { JobindsatsClient } from "../integrations/jobindsats/client.ts";
import { JobindsatsError } from "../integrations/jobindsats/client.ts";
import { readJobindsatsExport } from "../integrations/jobindsats/export.ts";
import type { Db } from "../store/db.ts";
import {
  getBenchmarkSettings,
  getJobindsatsValue,
  type JobindsatsSeriesSummary,
  type JobindsatsValueInput,
  type JobindsatsValueRow,
  listJobindsatsAreas,
  listJobindsatsValues,
  putBenchmarkSettings,
  summarizeJobindsatsValues,
  upsertJobindsatsValues,
} from "../store/repositories/jobindsats.ts";
import { getIndicator, updateIndicator } from "../store/repositories/projects.ts";
import { enterManualValue } from "./projects.ts";
import { defaultSnapshotId, snapshotInUse } from "./snapshot-choice.ts";

// ---------------------------------------------------------------- settings

export const benchmarkSettingsSchema = z.strictObject({
  municipality: z.string().trim().min(1, "Vælg kommunen").max(100),
  comparison: z.enum(["rar", "chosen", "country"], {
    error: "Sammenligningen skal være rar, chosen eller country",
  }),
  chosen: z.array(z.string().trim().min(1).max(100)).max(98, "Højst 98 kommuner"),
});

export async function benchmarkSettings(db: Db): Promise<BenchmarkSettings> {
  return (await getBenchmarkSettings(db)) ?? DEFAULT_BENCHMARK_SETTINGS;
}

export async function saveBenchmarkSettings(db: Db, input: BenchmarkSettings): Promise<BenchmarkSettings> {
  if (input.comparison === "chosen" && input.chosen.filter((c) => c !== input.municipality).length === 0) {
    throw new InvalidFieldError("Vælg mindst én sammenlignelig kommune", "chosen");
  }
  const value = { ...input, chosen: [...new Set(input.chosen)] };
  await putBenchmarkSettings(db, value);
  return value;
}

function setName(s: BenchmarkSettings): string {
  return s.comparison === "rar" ? RAR_OESTJYLLAND_NAME : COMPARISON_LABELS[s.comparison];
}

// ---------------------------------------------------------------- fetch and import

export interface FetchOptions {
  /** table ids (default: every table DESIGN 9.3 names) */
  tables?: string[];
  /** how many of the newest monthly periods (default 24); quarterly and moving-year: 8 */
  latest?: number;
}

export interface TableFetchResult {
  tableId: string;
  values: number;
  error?: string;
}

export interface FetchResult {
  tables: TableFetchResult[];
  values: number;
  failed: number;
}

const isTotal = (v: string) => /i alt$/i.test(v.trim());

/**
 * Fetches the benchmark tables for the municipality, its comparison set, the RAR area and the
 * whole country. Each table is stored on its own once complete; a table that fails (bad token,
 * rate limit, changed shape, no network) is reported and leaves its stored values as they were.
 */
export async function fetchJobindsats(
  db: Db,
  client: JobindsatsClient,
  options: FetchOptions = {},
): Promise<FetchResult> {
  const settings = await benchmarkSettings(db);
  const wanted = (options.tables ?? JOBINDSATS_TABLES.map((t) => t.id)).map(normalizeTableId);
  const latest = options.latest ?? 24;
  const results: TableFetchResult[] = [];
  for (const tableId of wanted) {
    try {
      const meta = await client.tableMetadata(tableId);
      const areas =
        settings.comparison === "country"
          ? ["*"]
          : [...comparisonAreas(settings), RAR_OESTJYLLAND_NAME, WHOLE_COUNTRY].filter(
              (a) => meta.areas.length === 0 || meta.areas.includes(a),
            );
      const monthly = meta.periods.filter((p) => parsePeriodCode(p)?.kind === "M");
      const pool = monthly.length > 0 ? monthly : meta.periods;
      const periods = [...pool].sort(comparePeriodCodes).slice(-(monthly.length > 0 ? latest : 8));
      // the totals of each dimension ("Køn i alt"); a dimension without one is fetched in full
      const dimensions = Object.fromEntries(
        meta.dimensions
          .map((d) => [d.id, d.values.filter(isTotal)] as const)
          .filter(([, totals]) => totals.length > 0),
      );
      const rows = await client.fetchData(tableId, { areas, periods, dimensions });
      const fetchedAt = new Date();
      const values: JobindsatsValueInput[] = rows.map((r) => ({
        tableId,
        tableName: meta.name,
        measure: r.measureLabel,
        measureLabel: r.measureLabel,
        area: r.area,
        period: r.period,
        dimensions: r.dimensions,
        value: r.value,
        fetchedAt,
        source: "api",
      }));
      results.push({ tableId, values: await upsertJobindsatsValues(db, values) });
    } catch (e) {
      if (!(e instanceof JobindsatsError)) throw e;
      results.push({ tableId, values: 0, error: e.message });
      // a bad token or no network fails every table alike: stop asking
      if (e.kind === "token" || e.kind === "network" || e.kind === "rate-limit") break;
    }
  }
  return {
    tables: results,
    values: results.reduce((n, r) => n + r.values, 0),
    failed: results.filter((r) => r.error).length,
  };
}

export interface ImportResult {
  tableId: string;
  tableName: string;
  values: number;
  source: string;
}

/** Imports a downloaded export; a bad file stores nothing (JobindsatsExportError, Danish). */
export async function importJobindsatsExport(
  db: Db,
  filePath: string,
  fileName: string,
): Promise<ImportResult> {
  const parsed = await readJobindsatsExport(filePath, fileName);
  const source = `fil:${fileName}`;
  const fetchedAt = new Date();
  const values = await upsertJobindsatsValues(
    db,
    parsed.rows.map((r) => ({
      tableId: parsed.tableId,
      tableName: parsed.tableName,
      measure: r.measureLabel,
      measureLabel: r.measureLabel,
      area: r.area,
      period: r.period,
      dimensions: r.dimensions,
      value: r.value,
      fetchedAt,
      source,
    })),
  );
  return { tableId: parsed.tableId, tableName: parsed.tableName, values, source };
}

/** An uploaded export (the web's form): written to a private temp folder, read, removed. */
export async function importJobindsatsUpload(
  db: Db,
  file: { name: string; arrayBuffer(): Promise<ArrayBuffer> },
): Promise<ImportResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "effektspor-jobindsats-"));
  try {
    const target = path.join(dir, `upload${path.extname(file.name).toLowerCase()}`);
    writeFileSync(target, new Uint8Array(await file.arrayBuffer()));
    return await importJobindsatsExport(db, target, path.basename(file.name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The client from the environment, or a Danish refusal when no token is set. */
export function requireClient(client: JobindsatsClient | null): JobindsatsClient {
  if (!client) {
    throw new InvalidFieldError(
      "EFFEKTSPOR_JOBINDSATS_TOKEN er ikke sat på serveren: hent en personlig nøgle på jobindsats.dk, eller importér en downloadet tabel",
    );
  }
  return client;
}

export function listStoredSeries(db: Db): Promise<JobindsatsSeriesSummary[]> {
  return summarizeJobindsatsValues(db);
}

/** "api" → "jobindsats.dk (API)", "demo" → "demodata", "fil:x.csv" → "downloadet fil x.csv". */
export function sourceText(source: string): string {
  if (source === "api") return "jobindsats.dk (API)";
  if (source === "demo") return "demodata (syntetiske tal)";
  if (source.startsWith("fil:")) return `downloadet fil ${source.slice(4)}`;
  return source;
}

// ---------------------------------------------------------------- benchmark

export interface SeriesKey {
  tableId: string;
  measure: string;
  dimensionKey: string;
}

export interface BenchmarkSeriesChoice extends SeriesKey {
  label: string;
  tableName: string;
  better: "lower" | "higher";
}

export interface BenchmarkView {
  settings: BenchmarkSettings;
  setName: string;
  /** the series that can be shown (totals per table and measure) */
  choices: BenchmarkSeriesChoice[];
  series: BenchmarkSeriesChoice | null;
  periods: { code: string; label: string }[];
  /** one line per area of the set, the municipality first; the RAR area and the country as references */
  areas: { area: string; role: "own" | "set" | "reference"; values: (number | null)[] }[];
  latest: {
    period: string;
    label: string;
    ranked: RankedArea[];
    ownRank: number | null;
    sentence: string;
  } | null;
  sources: string[];
  demo: boolean;
}

/**
 * Which end ranks first: exits to job (y14d03) higher; recipients, full-time persons, shares on
 * support and Y30R21's actual-minus-expected lower. (Y30R21's expected share is a model's figure
 * ranked the same way, for completeness.)
 */
function better(tableId: string): "lower" | "higher" {
  return tableInfo(tableId)?.kind === "exits" ? "higher" : "lower";
}

function isTotalKey(key: string): boolean {
  return key === "" || key.split("|").every((pair) => isTotal(pair.slice(pair.indexOf("=") + 1)));
}

function choiceOf(s: JobindsatsSeriesSummary): BenchmarkSeriesChoice {
  const info = tableInfo(s.tableId);
  return {
    tableId: s.tableId,
    measure: s.measure,
    dimensionKey: s.dimensionKey,
    tableName: s.tableName || info?.label || s.tableId,
    label: `${info?.label ?? (s.tableName || s.tableId)}: ${s.measureLabel}`,
    better: better(s.tableId),
  };
}

const pctFormat = (v: number) => formatNumber(v, Math.abs(v) < 10 ? 2 : Math.abs(v) < 100 ? 1 : 0, true);

/** The municipality beside its comparison set for one stored series (default: the first percentage). */
export async function benchmarkView(db: Db, key?: Partial<SeriesKey>): Promise<BenchmarkView> {
  const settings = await benchmarkSettings(db);
  const choices = (await summarizeJobindsatsValues(db))
    .filter((s) => isTotalKey(s.dimensionKey))
    .map(choiceOf);
  const series =
    choices.find(
      (c) =>
        c.tableId === (key?.tableId && normalizeTableId(key.tableId)) &&
        c.measure === key?.measure &&
        (key?.dimensionKey === undefined || c.dimensionKey === key.dimensionKey),
    ) ??
    choices.find((c) => /pct|andel/i.test(c.measure)) ??
    choices[0] ??
    null;
  const empty: BenchmarkView = {
    settings,
    setName: setName(settings),
    choices,
    series,
    periods: [],
    areas: [],
    latest: null,
    sources: [],
    demo: false,
  };
  if (!series) return empty;
  const known = await listJobindsatsAreas(db);
  const setAreas = comparisonAreas(settings, known);
  const rows = await listJobindsatsValues(db, {
    tableId: series.tableId,
    measure: series.measure,
    dimensionKey: series.dimensionKey,
    areas: [...setAreas, RAR_OESTJYLLAND_NAME, WHOLE_COUNTRY],
  });
  const periods = [...new Set(rows.map((r) => r.period))].sort(comparePeriodCodes);
  const at = new Map(rows.map((r) => [`${r.area}\u0000${r.period}`, r.value]));
  const line = (area: string) => periods.map((p) => at.get(`${area}\u0000${p}`) ?? null);
  const references = [RAR_OESTJYLLAND_NAME, WHOLE_COUNTRY].filter(
    (a) => rows.some((r) => r.area === a) && !setAreas.includes(a),
  );
  const areas = [
    { area: settings.municipality, role: "own" as const, values: line(settings.municipality) },
    ...setAreas
      .filter((a) => a !== settings.municipality)
      .map((a) => ({ area: a, role: "set" as const, values: line(a) })),
    ...references.map((a) => ({ area: a, role: "reference" as const, values: line(a) })),
  ];
  // the newest period the municipality has a value for
  const lastIdx = periods
    .map((_, i) => i)
    .reverse()
    .find((i) => areas[0]!.values[i] !== null);
  let latest: BenchmarkView["latest"] = null;
  if (lastIdx !== undefined) {
    const period = periods[lastIdx]!;
    const ranked = rankAreas(
      areas
        .filter((a) => a.role !== "reference")
        .map((a) => ({ area: a.area, value: a.values[lastIdx] ?? null })),
      series.better,
    );
    latest = {
      period,
      label: periodLabel(period),
      ranked,
      ownRank: ranked.find((r) => r.area === settings.municipality)?.rank ?? null,
      sentence: rankSentence({
        municipality: settings.municipality,
        measureLabel: measurePhrase(series.tableId, series.measure),
        setName: setName(settings),
        periodCode: period,
        better: series.better,
        ranked,
        format: pctFormat,
      }),
    };
  }
  const sources = [...new Set(rows.map((r) => r.source))].sort();
  return {
    ...empty,
    periods: periods.map((code) => ({ code, label: periodLabel(code) })),
    areas,
    latest,
    sources: sources.map(sourceText),
    demo: sources.includes("demo"),
  };
}

// ---------------------------------------------------------------- own numbers against jobindsats

export interface OwnVsJobindsatsRow {
  benefit: string;
  benefitLabel: string;
  tableId: string;
  month: string;
  own: number | null;
  jobindsats: number | null;
  difference: number | null;
  /** 100 × (own − jobindsats) ÷ jobindsats; null without both or when jobindsats is 0 */
  differencePct: number | null;
}

/** One benefit over all its months: how often and how far own and jobindsats' part. */
export interface OwnVsBenefit {
  benefit: string;
  benefitLabel: string;
  tableId: string;
  /** months with both numbers */
  months: number;
  /** months whose difference is above the threshold (in either direction) */
  over: number;
  /** the largest difference in per cent, signed (own below jobindsats: negative) */
  largestPct: number | null;
}

/** Differences above this many per cent are marked: an extract that lacks cases shows here first. */
export const OWN_VS_THRESHOLD_PCT = 5;

export interface OwnVsJobindsats {
  municipality: string;
  snapshotId: string | null;
  threshold: number;
  rows: OwnVsJobindsatsRow[];
  benefits: OwnVsBenefit[];
  /** why there is nothing to compare, in Danish */
  note: string | null;
}

/**
 * Effektspor's full-time persons per benefit (the fte measure over the whole snapshot on the
 * benefit), keyed "benefit\u0000month" in jobindsats' months: Effektspor's fte of month P counts
 * the month before P's 1st, jobindsats' month M counts M itself, so jobindsats' 2024M01 meets
 * Effektspor's 2024-02. Also lays the demo's benchmark set beside the demo's own numbers.
 */
export async function ownFullTimePersons(
  dataDir: string,
  snapshotId: string,
  benefits: readonly BenefitCode[],
  months: { from: string; to: string },
): Promise<Map<string, number | null>> {
  const snapshot = await resolveSnapshot(dataDir, snapshotId);
  const definitions: IndicatorDefinition[] = benefits.map((b) => ({
    id: `jobindsats-fte-${b}`,
    name: `Fuldtidspersoner på ${b}`,
    unit: "fuldtidspersoner",
    better: "lower",
    population: { benefits: [b] },
    measure: { kind: "fte", period: "month" },
  })) as IndicatorDefinition[];
  const own = await computeIndicators(snapshot.dir, definitions, {
    from: addMonths(months.from, 1),
    to: addMonths(months.to, 1),
  });
  return new Map(
    own.map((v) => [
      `${v.indicator.replace("jobindsats-fte-", "")}\u0000${addMonths(v.period, -1)}`,
      v.value,
    ]),
  );
}

/**
 * For the benefits Effektspor and jobindsats both hold: Effektspor's full-time persons (the fte
 * measure on the snapshot in use, the whole population on the benefit) beside jobindsats' "Antal
 * fuldtidspersoner" for the municipality, month by month, with the difference (own − jobindsats).
 */
export async function ownVsJobindsats(db: Db, dataDir: string): Promise<OwnVsJobindsats> {
  const settings = await benchmarkSettings(db);
  const base = {
    municipality: settings.municipality,
    snapshotId: null,
    threshold: OWN_VS_THRESHOLD_PCT,
    rows: [],
    benefits: [],
  };
  const tables = JOBINDSATS_TABLES.filter(
    (t): t is typeof t & { benefit: BenefitCode } =>
      t.benefit !== undefined && (benefitCodes as readonly string[]).includes(t.benefit),
  );
  const theirs = new Map<
    string,
    { tableId: string; benefit: BenefitCode; label: string; month: string; value: number | null }
  >();
  for (const t of tables) {
    const rows = await listJobindsatsValues(db, {
      tableId: t.id,
      measure: MEASURE_FTE,
      areas: [settings.municipality],
    });
    for (const r of rows.filter(
      (x) => isTotalKey(x.dimensionKey) && parsePeriodCode(x.period)?.kind === "M",
    )) {
      const month = periodEndMonth(r.period)!;
      theirs.set(`${t.benefit}\u0000${month}`, {
        tableId: t.id,
        benefit: t.benefit,
        label: t.label,
        month,
        value: r.value,
      });
    }
  }
  if (theirs.size === 0) {
    return {
      ...base,
      note: `Der er ingen månedstal for fuldtidspersoner fra jobindsats.dk for ${settings.municipality}.`,
    };
  }
  const snapshotId = (await snapshotInUse(db, dataDir))?.id ?? (await defaultSnapshotId(db, dataDir));
  if (!snapshotId)
    return { ...base, note: "Der er intet snapshot at regne Effektspors egne fuldtidspersoner på." };
  const months = [...new Set([...theirs.values()].map((v) => v.month))].sort();
  const benefits = [...new Set([...theirs.values()].map((v) => v.benefit))];
  const ownAt = await ownFullTimePersons(dataDir, snapshotId, benefits, {
    from: months[0]!,
    to: months.at(-1)!,
  });
  const rows: OwnVsJobindsatsRow[] = [];
  for (const b of benefits) {
    for (const month of monthRange(months[0]!, months.at(-1)!)) {
      const j = theirs.get(`${b}\u0000${month}`);
      if (!j) continue;
      const o = ownAt.get(`${b}\u0000${month}`) ?? null;
      rows.push({
        benefit: b,
        benefitLabel: j.label,
        tableId: j.tableId,
        month,
        own: o,
        jobindsats: j.value,
        difference: o !== null && j.value !== null ? o - j.value : null,
        differencePct:
          o !== null && j.value !== null && j.value !== 0 ? (100 * (o - j.value)) / j.value : null,
      });
    }
  }
  return { ...base, snapshotId, rows, benefits: benefitSummaries(rows), note: null };
}

function benefitSummaries(rows: OwnVsJobindsatsRow[]): OwnVsBenefit[] {
  const out = new Map<string, OwnVsBenefit>();
  for (const r of rows) {
    const b = out.get(r.benefit) ?? {
      benefit: r.benefit,
      benefitLabel: r.benefitLabel,
      tableId: r.tableId,
      months: 0,
      over: 0,
      largestPct: null,
    };
    if (r.differencePct !== null) {
      b.months++;
      if (Math.abs(r.differencePct) > OWN_VS_THRESHOLD_PCT) b.over++;
      if (b.largestPct === null || Math.abs(r.differencePct) > Math.abs(b.largestPct))
        b.largestPct = r.differencePct;
    }
    out.set(r.benefit, b);
  }
  return [...out.values()];
}

// ---------------------------------------------------------------- values into indicators

/** "jobindsats.dk, Y14D03 Fra ydelse til job" */
function sourceLine(v: JobindsatsValueRow): string {
  return `jobindsats.dk, ${v.tableId.toUpperCase()} ${v.tableName || tableInfo(v.tableId)?.label || ""}`.trim();
}

/** "Andel i job (pct.), Hedensted, 3. kvt. 2022–2. kvt. 2023; hentet 03-12-2026 fra demodata" */
function noteLine(v: JobindsatsValueRow): string {
  const dims = Object.entries(v.dimensions)
    .filter(([, val]) => !isTotal(val))
    .map(([k, val]) => `${k}: ${val}`);
  return `${v.measureLabel}, ${v.area}${dims.length ? ` (${dims.join(", ")})` : ""}, ${periodLabel(v.period)}; hentet ${formatDate(v.fetchedAt.toISOString().slice(0, 10))} fra ${sourceText(v.source)}`;
}

async function storedValue(db: Db, valueId: number): Promise<JobindsatsValueRow & { value: number }> {
  const v = await getJobindsatsValue(db, valueId);
  if (!v) throw notFound(`jobindsats-værdi ${valueId}`);
  if (v.value === null)
    throw new InvalidFieldError(
      "Værdien er ikke offentliggjort af jobindsats.dk og kan ikke bruges",
      "valueId",
    );
  return v as JobindsatsValueRow & { value: number };
}

/** Sets an indicator's baseline from a stored value: value, the period's last day, source and note. */
export async function baselineFromJobindsats(db: Db, indicatorId: number, valueId: number) {
  const indicator = await getIndicator(db, indicatorId);
  if (!indicator) throw notFound(`Indikator ${indicatorId}`);
  const v = await storedValue(db, valueId);
  const updated = await updateIndicator(db, indicatorId, {
    target: {
      baseline: {
        value: v.value,
        date: periodEndDate(v.period),
        source: sourceLine(v),
        note: noteLine(v),
        count: indicator.baselineCount,
      },
      milestones: indicator.milestones.map((m) => ({ date: m.date, value: m.value, label: m.label })),
      goal: {
        kind: indicator.goalKind as "absolute",
        value: indicator.goalValue,
        date: indicator.goalDate,
        text: indicator.goalText,
      },
    },
  });
  return updated!;
}

/**
 * Enters a manual indicator's monthly value from a stored value, by default in the month whose
 * primo value covers the period (followUpMonth: June's numbers are the value primo July). The note
 * names table, measure, area, period, fetch date and source; a value typed over it later drops the
 * note. Returns the value and the indicator's new scheme row, as typing a value does.
 */
export async function manualValueFromJobindsats(
  db: Db,
  input: { indicatorId: number; valueId: number; month?: string; enteredBy: string },
) {
  const indicator = await getIndicator(db, input.indicatorId);
  if (!indicator) throw notFound(`Indikator ${input.indicatorId}`);
  if (indicator.kind !== "manual") {
    throw new InvalidFieldError(
      "Kun en manuel indikator kan få sine månedsværdier fra jobindsats.dk",
      "indicatorId",
    );
  }
  const v = await storedValue(db, input.valueId);
  return enterManualValue(db, {
    indicatorId: input.indicatorId,
    period: input.month ?? followUpMonth(v.period)!,
    value: v.value,
    note: `${sourceLine(v)}: ${noteLine(v)}`,
    enteredBy: input.enteredBy,
  });
}

/**
 * The jobindsats series beside an indicator whose definition (its description or name) or baseline
 * source names a jobindsats table: the municipality's values of that table, the measure matching
 * the indicator's unit. Null when the indicator names no table or nothing is stored for it.
 */
export async function indicatorJobindsatsSeries(db: Db, indicatorId: number) {
  const indicator = await getIndicator(db, indicatorId);
  if (!indicator) throw notFound(`Indikator ${indicatorId}`);
  const def = (indicator.definition ?? {}) as { description?: unknown; name?: unknown };
  const texts = [def.description, def.name, indicator.baselineSource, indicator.baselineNote].filter(
    (t): t is string => typeof t === "string",
  );
  const tableId = texts
    .flatMap((t) => t.toLowerCase().match(/\by\d{2}[a-z]\d{2}\b/g) ?? [])
    .find((id) => TABLE_ID_PATTERN.test(id));
  if (!tableId) return null;
  const settings = await benchmarkSettings(db);
  const rows = (await listJobindsatsValues(db, { tableId, areas: [settings.municipality] })).filter((r) =>
    isTotalKey(r.dimensionKey),
  );
  if (rows.length === 0) return null;
  const measures = [...new Set(rows.map((r) => r.measure))];
  const fromNote = measures.find((m) => indicator.baselineNote?.startsWith(`${m},`));
  const byUnit =
    indicator.unit === "procent"
      ? measures.find((m) => /pct|andel/i.test(m))
      : indicator.unit === "fuldtidspersoner"
        ? measures.find((m) => m === MEASURE_FTE)
        : measures.find((m) => /antal personer/i.test(m));
  const measure = fromNote ?? byUnit ?? measures[0]!;
  const points = rows
    .filter((r) => r.measure === measure)
    .sort((a, b) => comparePeriodCodes(a.period, b.period))
    .map((r) => ({
      id: r.id,
      period: r.period,
      label: periodLabel(r.period),
      /** the Effektspor month covering the same time (primo the month after the period) */
      month: followUpMonth(r.period),
      value: r.value,
    }));
  return {
    tableId,
    tableName: rows[0]!.tableName,
    measure,
    area: settings.municipality,
    sources: [...new Set(rows.map((r) => sourceText(r.source)))],
    points,
  };
}

/** Stored values to pick a baseline from: the municipality's totals, newest first. */
export async function pickableValues(db: Db, filter: { tableId?: string; area?: string } = {}) {
  const settings = await benchmarkSettings(db);
  const area = filter.area ?? settings.municipality;
  const rows = (
    await listJobindsatsValues(db, {
      tableId: filter.tableId ? normalizeTableId(filter.tableId) : undefined,
      areas: [area],
    })
  )
    .filter((r) => isTotalKey(r.dimensionKey) && r.value !== null)
    .sort(
      (a, b) =>
        a.tableId.localeCompare(b.tableId) ||
        a.measure.localeCompare(b.measure) ||
        -comparePeriodCodes(a.period, b.period),
    );
  return rows.map((r) => ({
    id: r.id,
    tableId: r.tableId,
    tableName: r.tableName,
    measure: r.measure,
    area: r.area,
    period: r.period,
    periodLabel: periodLabel(r.period),
    value: r.value as number,
    source: sourceText(r.source),
    label: `${r.tableId.toUpperCase()} ${r.measure}, ${r.area}, ${periodLabel(r.period)}: ${formatNumber(r.value as number, 1, true)}`,
    /** the month a manual indicator gets this value in by default (followUpMonth) */
    month: followUpMonth(r.period)!,
    /** what the baseline form fills in when this value is picked */
    baseline: {
      value: r.value as number,
      date: periodEndDate(r.period)!,
      source: sourceLine(r),
      note: noteLine(r),
    },
  }));
}
