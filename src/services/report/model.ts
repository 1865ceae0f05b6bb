/**
 * The committee report's model (issue 12): everything the PDF, DOCX and XLSX renderers print, built
 * once for a month, a choice of projects and the publication flag. Every number is formatted here
 * and has passed publication suppression here (src/domain/suppression.ts), so the three formats
 * cannot disagree and a renderer never sees a hidden number.
 *
 * Sources: the status scheme (src/services/status-scheme.ts) for rows, cells, statuses and
 * forecasts; economics.ts for potential, business case and realized gain; the måltal report; the
 * frozen values for revisions; the engine's descriptions for the appendix.
 */
import { addMonths, daysInMonthOf, type Month, monthOf } from "../../domain/calendar.ts";
import {
  beforeReferralCheck,
  effectSentence,
  headlineRow,
  intervalHoldsZero,
  MIN_MATCHED,
  matchingRateText,
} from "../../domain/effect.ts";
import { InvalidFieldError } from "../../domain/errors.ts";
import {
  EMPTY_TEXT,
  formatDate,
  formatKroner,
  formatNumber,
  formatPercent,
  formatValue,
  monthLabel,
  monthLabelLong,
  type Unit,
} from "../../domain/format.ts";
import { goalStatusSentence, goalText } from "../../domain/report-text.ts";
import { STATUS_LABELS, type Status } from "../../domain/status.ts";
import {
  isSmallCount,
  type ShownValue,
  SMALL_COUNT_LIMIT,
  SUPPRESSION_NOTE,
  shownCount,
  shownValue,
} from "../../domain/suppression.ts";
import type { Db } from "../../store/db.ts";
import { latestSuccessfulComputation, snapshotExtractionDate } from "../../store/repositories/computed.ts";
import { listBudgetPeriods } from "../../store/repositories/economics.ts";
import { listProjects, type ProjectRow } from "../../store/repositories/projects.ts";
import {
  extractionDates,
  listFrozenBesideCurrent,
  listShareCounts,
} from "../../store/repositories/reports.ts";
import { definitionOfIndicator, describeIndicatorDefinition } from "../compute.ts";
import { maaltalReport, periodMonths, projectEconomics } from "../economics.ts";
import { latestEffectEstimates } from "../effects.ts";
import { buildStatusScheme, type SchemeRow, type StatusScheme } from "../status-scheme.ts";

export const REPORT_COMMITTEE = "Udvalget for Beskæftigelse";
export const REPORT_TITLE = "Opfølgning på investeringsprojekter";
/** How many months the status grid shows by default (the report month and the five before it). */
export const DEFAULT_GRID_MONTHS = 6;

export interface ReportOptions {
  /** the report month (YYYY-MM); default the month of the newest extraction date */
  month?: Month;
  /** project ids; default all */
  projectIds?: number[];
  publication?: boolean;
  /** first month of the status grid; default five months before the report month */
  gridFrom?: Month;
  municipality?: string;
  /** progress: a Danish step and how far (0–1) */
  onProgress?: (step: string, fraction: number) => void;
}

/** Status counts as the summary shows them: no baseline counts as "Intet mål" (no goal to judge against). */
export interface SummaryCounts {
  achieved: number;
  on_track: number;
  behind: number;
  no_goal: number;
  no_data: number;
  total: number;
}

export const SUMMARY_COLUMNS: { key: keyof Omit<SummaryCounts, "total">; label: string }[] = [
  { key: "achieved", label: STATUS_LABELS.achieved },
  { key: "on_track", label: STATUS_LABELS.on_track },
  { key: "behind", label: STATUS_LABELS.behind },
  { key: "no_goal", label: STATUS_LABELS.no_goal },
  { key: "no_data", label: STATUS_LABELS.no_data },
];

export interface ReportGoal {
  indicatorId: number;
  indicator: string;
  goal: string;
  status: Status;
  statusLabel: string;
  /** the current status in words and numbers */
  sentence: string;
  /** numbers of the project's footnotes that belong to this goal */
  footnotes: number[];
  /** the final goal's forecast word with probability, when there is one */
  forecast: string | null;
}

export interface ReportGridRow {
  group: string | null;
  indicatorId: number;
  name: string;
  unit: Unit;
  baseline: string;
  /** one text per month of the grid */
  cells: string[];
  /** the numbers behind `cells` for spreadsheets; null when missing or suppressed */
  values: (number | null)[];
  baselineValue: number | null;
  targetValues: (number | null)[];
  /** one status per month (for the cell colour); null when there is no value */
  cellStatus: (Status | null)[];
  /** one text per target column */
  targets: string[];
  status: Status;
  statusLabel: string;
}

export interface ChartPoint {
  month: Month;
  value: number | null;
}

export interface ReportChart {
  indicatorId: number;
  title: string;
  unit: Unit;
  unitName: string;
  better: "higher" | "lower";
  months: Month[];
  labels: string[];
  /** null: missing or suppressed */
  values: (number | null)[];
  baseline: { month: Month; value: number; label: string } | null;
  milestones: { month: Month; value: number; label: string }[];
  goal: { month: Month; value: number; label: string } | null;
  /** the goal trajectory (straight lines baseline → milestones → goal) */
  trajectory: ChartPoint[];
  forecast: { months: Month[]; mid: number[]; low80: number[]; high80: number[] } | null;
  /** "Seneste: 97 (okt-25)"; suppression applied */
  latestText: string;
  /** how many months are hidden by publication suppression */
  suppressedPoints: number;
}

export interface ReportRevision {
  project: string;
  indicator: string;
  month: string;
  old: string;
  new: string;
  why: string;
  frozenAt: string;
  frozenBy: string;
}

export interface ReportEconomics {
  potential: { lines: { label: string; fte: string; net: string; amount: string }[]; total: string } | null;
  businessCases: {
    name: string;
    investment: string;
    savings: string;
    net: string;
    payback: string;
    roi: string;
    years: { year: string; investment: string; savings: string; net: string; cumulative: string }[];
    error: string | null;
  }[];
  realized: {
    through: string;
    total: string;
    lines: { label: string; baseline: string; latest: string; gain: string }[];
    notes: string[];
  } | null;
}

export interface ReportProject {
  id: number;
  code: string;
  name: string;
  period: string;
  brief: string;
  targetGroups: string[];
  counts: SummaryCounts;
  goals: ReportGoal[];
  footnotes: string[];
  grid: {
    monthLabels: string[];
    baselineHead: string;
    targetHeads: string[];
    rows: ReportGridRow[];
    notes: string[];
  };
  charts: ReportChart[];
  comments: { month: string; text: string; author: string }[];
  economics: ReportEconomics | null;
  revisions: ReportRevision[];
  /** the stored effect estimates (issue 13): one per effect definition with a computed result */
  effects: ReportEffect[];
}

/** The share on benefit by month around referral (−12 … +24), referred vs weighted comparison group. */
export interface ReportEffectChart {
  title: string;
  /** months from referral */
  months: number[];
  labels: string[];
  /** percent; null when missing or suppressed (fewer than 5 matched referred that month) */
  treated: (number | null)[];
  control: (number | null)[];
  suppressedPoints: number;
  /** what the curve counts, as under the Effekt page's chart, with how few its last month holds */
  caption: string;
}

export interface ReportEffect {
  name: string;
  /** the Effekt page's sentence with its 95 % interval */
  sentence: string;
  /** "412 af 430 henviste (95,8 pct.) fik en sammenlignelig kontrolgruppe." (counts suppressed) */
  matchingText: string;
  /** caveats: fewer than 30 matched, the before-referral check failed */
  caveats: string[];
  /** when and on what it was computed */
  provenance: string;
  chart: ReportEffectChart | null;
}

export interface ReportMaaltal {
  budgetPeriod: string;
  month: string;
  groups: {
    group: string;
    lines: { label: string; fte: string; project: string | null }[];
    total: string;
    measured: string;
    difference: string;
  }[];
  total: string;
}

export interface ReportModel {
  front: {
    title: string;
    municipality: string;
    committee: string;
    month: Month;
    monthText: string;
    extractionDate: string | null;
    extractionText: string;
    snapshotId: string | null;
    computationId: number | null;
    generatedAt: string;
    publication: boolean;
  };
  summary: {
    columns: { key: string; label: string }[];
    rows: { project: string; counts: SummaryCounts; expected: string }[];
    total: SummaryCounts;
    /** goals with a forecast: how many are expected reached */
    expected: { reached: number; uncertain: number; notReached: number; withForecast: number } | null;
    text: string;
  };
  projects: ReportProject[];
  maaltal: ReportMaaltal | null;
  revisions: ReportRevision[];
  appendix: { project: string; indicators: { name: string; kind: string; description: string }[] }[];
  notes: string[];
}

function emptyCounts(): SummaryCounts {
  return { achieved: 0, on_track: 0, behind: 0, no_goal: 0, no_data: 0, total: 0 };
}

function countStatus(c: SummaryCounts, s: Status): void {
  c.total++;
  if (s === "no_baseline") c.no_goal++;
  else c[s]++;
}

const key = (id: number, period: string) => `${id}:${period}`;

/** The month of the newest extraction date behind the values, else the current month. */
export async function defaultReportMonth(db: Db): Promise<Month> {
  const computation = await latestSuccessfulComputation(db);
  const date = computation?.snapshotId ? await snapshotExtractionDate(db, computation.snapshotId) : undefined;
  return monthOf(date ?? new Date().toISOString().slice(0, 10));
}

/** Builds the report model. Throws a Danish error when a chosen project does not exist. */
export async function buildReportModel(db: Db, options: ReportOptions = {}): Promise<ReportModel> {
  const progress = options.onProgress ?? (() => {});
  const publication = options.publication ?? false;
  progress("Finder data til rapporten", 0.02);
  const computation = await latestSuccessfulComputation(db);
  const snapshotId = computation?.snapshotId ?? null;
  const extractionDate = snapshotId ? ((await snapshotExtractionDate(db, snapshotId)) ?? null) : null;
  const month = options.month ?? monthOf(extractionDate ?? new Date().toISOString().slice(0, 10));
  const endOfMonth = `${month}-${String(daysInMonthOf(month)).padStart(2, "0")}`;
  const today = extractionDate && extractionDate < endOfMonth ? extractionDate : endOfMonth;

  const all = await listProjects(db);
  const chosen = options.projectIds?.length
    ? options.projectIds.map((id) => {
        const p = all.find((x) => x.id === id);
        if (!p) throw new InvalidFieldError(`Projektet med id ${id} findes ikke`, "projectIds");
        return p;
      })
    : all;

  const gridFrom = options.gridFrom ?? addMonths(month, -(DEFAULT_GRID_MONTHS - 1));
  const projects: ReportProject[] = [];
  const appendix: ReportModel["appendix"] = [];
  const summaryRows: ReportModel["summary"]["rows"] = [];
  const total = emptyCounts();
  const expected = { reached: 0, uncertain: 0, notReached: 0, withForecast: 0 };
  const revisionDetails = await listFrozenBesideCurrent(
    db,
    chosen.map((p) => p.id),
  );
  const snapshotDates = await extractionDates(db, [
    ...new Set(
      revisionDetails
        .flatMap((r) => [r.oldSnapshotId, r.newSnapshotId])
        .filter((s): s is string => s !== null),
    ),
  ]);

  for (const [i, project] of chosen.entries()) {
    progress(`Samler ${project.name}`, 0.05 + (0.85 * i) / Math.max(1, chosen.length));
    const projectMonth = projectReportMonth(project, month);
    const scheme = await buildStatusScheme(db, project.id, { to: projectMonth, today });
    if (!scheme) continue;
    const counts = countsOf(scheme);
    const view = await projectView(db, project, scheme, {
      gridFrom: projectMonth === month ? gridFrom : addMonths(projectMonth, -(DEFAULT_GRID_MONTHS - 1)),
      publication,
      month: projectMonth,
      extractionDate,
      counts,
      revisions: revisionDetails.filter((r) => r.projectId === project.id),
      snapshotDates,
    });
    projects.push(view);
    for (const r of scheme.rows) countStatus(total, r.status);
    const e = expectedOf(scheme.rows);
    expected.reached += e.reached;
    expected.uncertain += e.uncertain;
    expected.notReached += e.notReached;
    expected.withForecast += e.withForecast;
    summaryRows.push({
      project: project.name,
      counts: view.counts,
      expected: e.withForecast > 0 ? `${e.reached} af ${e.withForecast}` : "–",
    });
    appendix.push({
      project: project.name,
      indicators: scheme.rows.map((r) => ({
        name: r.indicator.name,
        kind: r.indicator.kind === "computed" ? "Beregnet" : "Indtastet",
        description: describe(r),
      })),
    });
  }
  progress("Samler måltal", 0.92);
  const maaltal = await maaltalOf(db, month);
  const revisions = projects.flatMap((p) => p.revisions);
  const notes = [
    "Status er bedømt primo måneden: seneste værdi i projektets periode mod det krav, målforløbet stiller på datoen (lige linjer fra startmåling over mindste mål til slutmål).",
    "«Intet mål» omfatter indikatorer uden slutmål og relative mål uden startmåling.",
  ];
  if (publication) notes.unshift(SUPPRESSION_NOTE);
  const reachedText =
    expected.withForecast > 0
      ? ` Af de ${expected.withForecast} slutmål med en fremskrivning forventes ${expected.reached} nået, ${expected.uncertain} er usikre, og ${expected.notReached} forventes ikke nået.`
      : "";
  return {
    front: {
      title: REPORT_TITLE,
      municipality: options.municipality ?? process.env.EFFEKTSPOR_MUNICIPALITY ?? "Hedensted Kommune",
      committee: REPORT_COMMITTEE,
      month,
      monthText: capitalize(monthLabelLong(month)),
      extractionDate,
      extractionText: extractionDate
        ? `Data fra udtræk af ${formatDate(extractionDate)} (snapshot ${snapshotId})`
        : "Ingen beregnede data endnu",
      snapshotId,
      computationId: computation?.id ?? null,
      generatedAt: new Date().toISOString(),
      publication,
    },
    summary: {
      columns: SUMMARY_COLUMNS,
      rows: summaryRows,
      total,
      expected: expected.withForecast > 0 ? expected : null,
      text: `${projects.length} projekter med ${total.total} indikatorer: ${total.achieved} opfyldt, ${total.on_track} på rette spor, ${total.behind} bagud, ${total.no_goal} uden mål og ${total.no_data} uden data.${reachedText}`,
    },
    projects,
    maaltal,
    revisions,
    appendix,
    notes,
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The last month a project's part of the report shows: the report month, or for a project whose
 * period ended before it, the month after the period (its final goal's month): a 2019–2021 project
 * in a 2025 report shows its own months, not four empty years.
 */
export function projectReportMonth(project: Pick<ProjectRow, "periodEnd">, month: Month): Month {
  if (!project.periodEnd) return month;
  const after = addMonths(monthOf(project.periodEnd), 1);
  return after < month ? after : month;
}

function countsOf(scheme: StatusScheme): SummaryCounts {
  const c = emptyCounts();
  for (const r of scheme.rows) countStatus(c, r.status);
  return c;
}

function expectedOf(rows: SchemeRow[]) {
  const e = { reached: 0, uncertain: 0, notReached: 0, withForecast: 0 };
  for (const r of rows) {
    const f = finalForecast(r);
    if (!f) continue;
    e.withForecast++;
    if (f.status === "Forventes nået") e.reached++;
    else if (f.status === "Usikkert") e.uncertain++;
    else e.notReached++;
  }
  return e;
}

function finalForecast(r: SchemeRow) {
  const date = r.indicator.goal.date;
  return date ? (r.forecast?.targets.find((t) => t.key === `g:${date}`) ?? null) : null;
}

function describe(r: SchemeRow): string {
  const ind = r.indicator;
  if (ind.kind !== "computed") {
    return `Indtastes manuelt hver måned i Effektspor${ind.baseline.note ? `. ${ind.baseline.note}` : ""}.`;
  }
  const def = definitionOfIndicator({
    code: ind.code,
    name: ind.name,
    unit: ind.unit,
    better: ind.better,
    definition: ind.definition,
  });
  if (!def.value) return "Beregnes af Effektspor, men definitionen er ikke gyldig endnu.";
  return `${describeIndicatorDefinition(def.value, def.result)}.`;
}

interface ProjectContext {
  gridFrom: Month;
  publication: boolean;
  month: Month;
  extractionDate: string | null;
  counts: SummaryCounts;
  revisions: Awaited<ReturnType<typeof listFrozenBesideCurrent>>;
  snapshotDates: Map<string, string>;
}

async function projectView(
  db: Db,
  project: ProjectRow,
  scheme: StatusScheme,
  ctx: ProjectContext,
): Promise<ReportProject> {
  // the grid shows the chosen months; the charts and statuses use every month up to the report month
  const gridAt = scheme.months.flatMap((m, i) => (m >= ctx.gridFrom && m <= ctx.month ? [i] : []));
  const ids = scheme.rows.map((r) => r.indicator.id);
  const shares = new Map(
    (await listShareCounts(db, ids)).map((s) => [key(s.indicatorId, s.period), s] as const),
  );
  const gridOptions = (unit: Unit) => (unit === "fuldtidspersoner" ? { withUnit: false } : {});
  const show = (row: SchemeRow, period: string, value: number | null, empty?: string): ShownValue =>
    shownValue(
      {
        value,
        unit: row.indicator.unit,
        denominator:
          row.indicator.kind === "computed" ? shares.get(key(row.indicator.id, period))?.denominator : null,
      },
      ctx.publication,
      empty === undefined ? {} : { empty },
    );

  const footnotes: string[] = [];
  const note = (text: string): number => {
    const at = footnotes.indexOf(text);
    return at >= 0 ? at + 1 : footnotes.push(text);
  };

  const goals: ReportGoal[] = scheme.rows.map((row) => {
    const ind = row.indicator;
    const j = row.judgement;
    const latest = j.period !== null ? { shown: show(row, j.period, j.value), month: j.period } : null;
    const baseline =
      ind.baseline.value !== null
        ? {
            shown: shownValue({ value: ind.baseline.value, unit: ind.unit }, ctx.publication),
            month: ind.baseline.date ? monthOf(ind.baseline.date) : null,
          }
        : null;
    const marks: number[] = [];
    if (latest) {
      const from = ind.baseline.date
        ? `startmålingen ${formatDate(ind.baseline.date)}${ind.baseline.source ? ` (${ind.baseline.source})` : ""}`
        : null;
      marks.push(
        note(
          from
            ? `Sammenligner ${from} med målingen primo ${monthLabelLong(latest.month)}.`
            : `Målingen primo ${monthLabelLong(latest.month)}; indikatoren har ingen startmåling.`,
        ),
      );
      marks.push(
        note(
          ind.kind === "computed"
            ? `Kilde: Effektspor, beregnet på udtræk fra fagsystemet af ${ctx.extractionDate ? formatDate(ctx.extractionDate) : "ukendt dato"}.`
            : "Kilde: indtastet i Effektspor af projektet.",
        ),
      );
    }
    const src = `${ind.baseline.source ?? ""} ${ind.baseline.note ?? ""}`;
    if (/jobindsats/i.test(src))
      marks.push(note(`Startmålingen er fra jobindsats.dk (${ind.baseline.source}).`));
    const f = finalForecast(row);
    return {
      indicatorId: ind.id,
      indicator: ind.name,
      goal: goalText({ ...ind.goal, unit: ind.unit }),
      status: row.status,
      statusLabel: row.statusLabel,
      sentence: goalStatusSentence({ unit: ind.unit, kind: ind.kind, baseline, latest }),
      footnotes: [...new Set(marks)].sort((a, b) => a - b),
      forecast: f ? `${f.status} (${formatPercent(f.probability * 100, 0)})` : null,
    };
  });

  const targetHeads = scheme.columns.map((c) => c.label);
  const gridRows: ReportGridRow[] = scheme.rows.map((row) => ({
    group: row.indicator.groupLabel,
    indicatorId: row.indicator.id,
    name: row.indicator.name,
    unit: row.indicator.unit,
    baseline:
      row.indicator.baseline.value === null
        ? "–"
        : shownValue(
            { value: row.indicator.baseline.value, unit: row.indicator.unit },
            ctx.publication,
            gridOptions(row.indicator.unit),
          ).text,
    cells: gridAt
      .map((i) => row.cells[i]!)
      .map((c) => gridText(show(row, c.period, c.value), row.indicator.unit)),
    values: gridAt.map((i) => row.cells[i]!).map((c) => show(row, c.period, c.value).value),
    baselineValue:
      row.indicator.baseline.value === null
        ? null
        : shownValue({ value: row.indicator.baseline.value, unit: row.indicator.unit }, ctx.publication)
            .value,
    targetValues: scheme.columns.map((c) => row.targets[c.key] ?? null),
    cellStatus: gridAt.map((i) => row.cells[i]!).map((c) => (c.value === null ? null : c.status)),
    targets: scheme.columns.map((c) =>
      formatValue(row.targets[c.key] ?? null, row.indicator.unit, gridOptions(row.indicator.unit)),
    ),
    status: row.status,
    statusLabel: row.statusLabel,
  }));
  // a baseline with a source or a note gets a mark (*, **, …) whose note says it, as in seed 002
  const noteOf = (r: SchemeRow) =>
    [r.indicator.baseline.source, r.indicator.baseline.note].filter((x): x is string => !!x).join(". ");
  const sources = [...new Set(scheme.rows.map(noteOf).filter((x) => x !== ""))];
  for (const [i, row] of scheme.rows.entries()) {
    const src = noteOf(row);
    const g = gridRows[i]!;
    if (src) g.baseline = `${g.baseline}${"*".repeat(sources.indexOf(src) + 1)}`;
  }
  const sourceNotes = sources.map((src, i) => `${"*".repeat(i + 1)} Startmåling: ${src}`);
  const baselineDates = [...new Set(scheme.rows.map((r) => r.indicator.baseline.date).filter(Boolean))];
  const gridNotes = [
    ...sourceNotes,
    // the project's own footnotes, except starred ones: their marks belong to the seed's layout, and
    // the baselines' own sources and notes are marked above instead
    ...project.footnotes.filter((f) => !/^\*/.test(f.trim())),
    ...(project.dataSources.length
      ? [`Datakilder: ${project.dataSources.map((d) => d.trim().replace(/\.$/, "")).join("; ")}.`]
      : []),
  ];

  const charts = scheme.rows.map((row) => chartOf(row, scheme, show, ctx.month));
  const comments = Object.entries(scheme.comments)
    .filter(([m]) => m <= ctx.month)
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([m, c]) => ({ month: monthLabel(m), text: c.comment, author: c.author }));

  return {
    id: project.id,
    code: project.code,
    name: project.name,
    period:
      project.periodStart && project.periodEnd
        ? `${formatDate(project.periodStart)} – ${formatDate(project.periodEnd)}`
        : "Ingen periode angivet",
    brief: briefOf(project.background),
    targetGroups: project.targetGroups,
    counts: ctx.counts,
    goals,
    footnotes,
    grid: {
      monthLabels: gridAt.map((i) => scheme.monthLabels[i]!),
      baselineHead:
        baselineDates.length === 1 ? `Startmåling ${formatDate(baselineDates[0]!)}` : "Startmåling",
      targetHeads,
      rows: gridRows,
      notes: gridNotes,
    },
    charts,
    comments,
    economics: await economicsOf(db, project.id, ctx.month),
    revisions: revisionsOf(project.name, ctx, scheme),
    effects: await effectsOf(db, project.id, ctx.publication),
  };
}

/** A grid cell: full-time persons without their unit word (the row's name says it). */
function gridText(shown: ShownValue, unit: Unit): string {
  return unit === "fuldtidspersoner" && shown.value !== null
    ? formatValue(shown.value, unit, { withUnit: false })
    : shown.text;
}

/** The background's first paragraph, at most about 600 characters (the brief description). */
export function briefOf(background: string): string {
  const first = background.split(/\n\s*\n/)[0]?.trim() ?? "";
  if (first.length <= 600) return first;
  const cut = first.slice(0, 600);
  const end = cut.lastIndexOf(". ");
  return end > 200 ? cut.slice(0, end + 1) : `${cut.trimEnd()} …`;
}

function chartOf(
  row: SchemeRow,
  scheme: StatusScheme,
  show: (row: SchemeRow, period: string, value: number | null) => ShownValue,
  month: Month,
): ReportChart {
  const ind = row.indicator;
  const cells = row.cells.filter((c) => c.period <= month);
  const shown = cells.map((c) => show(row, c.period, c.value));
  const milestones = ind.milestones
    .filter((m) => m.value !== null)
    .map((m) => ({
      month: monthOf(m.date),
      value: m.value!,
      label: m.label ?? `Mindste mål ${monthLabel(monthOf(m.date))}`,
    }));
  const goal =
    ind.goal.resolved !== null && ind.goal.date
      ? {
          month: monthOf(ind.goal.date),
          value: ind.goal.resolved,
          label: `Slutmål ${monthLabel(monthOf(ind.goal.date))}`,
        }
      : null;
  const lastTarget = [...milestones.map((m) => m.month), goal?.month]
    .filter((m): m is Month => !!m)
    .sort()
    .at(-1);
  const first = ind.baseline.date ? monthOf(ind.baseline.date) : scheme.months[0]!;
  const lastMonth = [month, lastTarget]
    .filter((m): m is Month => !!m)
    .sort()
    .at(-1)!;
  const months: Month[] = [];
  const start = [first, scheme.months[0]!].sort()[0]!;
  for (let m = start; m <= lastMonth; m = addMonths(m, 1)) months.push(m);
  const byMonth = new Map(cells.map((c, i) => [c.period, shown[i]!] as const));
  const values = months.map((m) => byMonth.get(m)?.value ?? null);
  const suppressedPoints = shown.filter((s) => s.suppressed !== null).length;
  const latest = row.judgement.period ? show(row, row.judgement.period, row.judgement.value) : null;
  const trajectory = row.trajectory.map((t) => ({ month: monthOf(t.date), value: t.value }));
  const fc =
    row.forecast && row.forecast.line.length > 0 && suppressedPoints === 0 ? row.forecast.line : null;
  return {
    indicatorId: ind.id,
    title: ind.name,
    unit: ind.unit,
    unitName: ind.unitName,
    better: ind.better,
    months,
    labels: months.map(monthLabel),
    values,
    baseline:
      ind.baseline.value !== null && ind.baseline.date
        ? { month: monthOf(ind.baseline.date), value: ind.baseline.value, label: "Startmåling" }
        : null,
    milestones,
    goal,
    trajectory,
    forecast: fc
      ? {
          months: fc.map((p) => p.period),
          mid: fc.map((p) => p.forecast),
          low80: fc.map((p) => p.pi80[0]),
          high80: fc.map((p) => p.pi80[1]),
        }
      : null,
    latestText: latest
      ? `Seneste: ${latest.text} (${monthLabel(row.judgement.period!)})`
      : `Seneste: ${EMPTY_TEXT}`,
    suppressedPoints,
  };
}

function revisionsOf(projectName: string, ctx: ProjectContext, scheme: StatusScheme): ReportRevision[] {
  const out: ReportRevision[] = [];
  for (const r of ctx.revisions) {
    if (sameValue(r.old, r.new)) continue;
    const unit = r.unit as Unit;
    const fmt = (v: number | null, d: number | null) =>
      shownValue({ value: v, unit, denominator: d }, ctx.publication, { empty: EMPTY_TEXT }).text;
    const oldDate = r.oldSnapshotId ? ctx.snapshotDates.get(r.oldSnapshotId) : undefined;
    const newDate = r.newSnapshotId ? ctx.snapshotDates.get(r.newSnapshotId) : undefined;
    let why: string;
    if (r.oldSnapshotId !== r.newSnapshotId && newDate) {
      why = `Genberegnet på et nyere udtræk (${formatDate(newDate)}${oldDate ? ` mod ${formatDate(oldDate)}` : ""}): sager registreret eller rettet bagudrettet i fagsystemet.`;
    } else {
      why = "Genberegnet på samme udtræk: indikatorens definition eller en manuel værdi er ændret siden.";
    }
    out.push({
      project: projectName,
      indicator: r.name,
      month: monthLabel(r.period),
      old: fmt(r.old, r.oldDenominator),
      new: fmt(r.new, r.newDenominator),
      why,
      frozenAt: formatDate(r.frozenAt.toISOString().slice(0, 10)),
      frozenBy: r.frozenBy,
    });
  }
  void scheme;
  return out;
}

function sameValue(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

async function economicsOf(db: Db, projectId: number, month: Month): Promise<ReportEconomics | null> {
  const e = await projectEconomics(db, projectId);
  if (!e) return null;
  const first = e.businessCases.find((b) => b.potential.length > 0);
  const potential = first
    ? {
        lines: first.potential.map((p) => ({
          label: p.label,
          fte: formatNumber(p.fte, 1, true),
          net: formatKroner(p.netPerFteYear),
          amount: formatKroner(p.amount),
        })),
        total: formatKroner(first.potentialTotal),
      }
    : null;
  const businessCases = e.businessCases.map((b) => ({
    name: b.name,
    investment: b.result ? formatKroner(b.result.totals.investment) : "–",
    savings: b.result ? formatKroner(b.result.totals.savings) : "–",
    net: b.result ? formatKroner(b.result.totals.net) : "–",
    payback: b.result?.payback
      ? `${monthLabel(b.result.payback.month)} (måned ${b.result.payback.index})`
      : "Tjener sig ikke hjem i perioden",
    roi:
      b.result?.roiPct !== null && b.result?.roiPct !== undefined ? formatPercent(b.result.roiPct, 0) : "–",
    years: (b.result?.years ?? []).map((y) => ({
      year: `År ${y.year} (${monthLabel(y.fromMonth)}–${monthLabel(y.toMonth)})`,
      investment: formatKroner(y.investment),
      savings: formatKroner(y.savings),
      net: formatKroner(y.net),
      cumulative: formatKroner(y.cumulative),
    })),
    error: b.error,
  }));
  const realizedLines = e.realized.indicators.map((ri) => {
    const months = (ri.series?.months ?? []).filter((m) => m.month <= month);
    const last = [...months].reverse().find((m) => m.measuredFte !== null);
    const gain = months.at(-1)?.cumulative ?? null;
    return {
      label: ri.name,
      baseline: ri.baselineFte === null ? "–" : formatValue(ri.baselineFte, "fuldtidspersoner"),
      latest: last ? `${formatValue(last.measuredFte, "fuldtidspersoner")} (${monthLabel(last.month)})` : "–",
      gain: gain === null ? "–" : formatKroner(gain),
      note: ri.note,
    };
  });
  const through = e.realized.months.filter((m) => m.month <= month);
  const realized =
    realizedLines.length > 0
      ? {
          through: monthLabel(month),
          total: formatKroner(through.at(-1)?.cumulative ?? 0),
          lines: realizedLines.map(({ note: _n, ...l }) => l),
          notes: realizedLines.flatMap((l) => (l.note ? [`${l.label}: ${l.note}`] : [])),
        }
      : null;
  if (!potential && businessCases.length === 0 && !realized) return null;
  return { potential, businessCases, realized };
}

async function maaltalOf(db: Db, month: Month): Promise<ReportMaaltal | null> {
  const periods = await listBudgetPeriods(db);
  const period = periods.find((p) => periodMonths(p).includes(month)) ?? periods.at(-1);
  if (!period) return null;
  const report = await maaltalReport(db, period);
  const fu = (g: (typeof report.groups)[number]) =>
    [...g.followUp].filter((f) => f.month <= month && f.measured !== null).at(-1) ?? null;
  return {
    budgetPeriod: period,
    month: monthLabel(month),
    groups: report.groups.map((g) => {
      const f = fu(g);
      return {
        group: g.group,
        lines: g.lines.map((l) => ({
          label: l.label,
          fte: formatNumber(l.fte, 1, true),
          project: l.projectName ?? null,
        })),
        total: formatNumber(g.total, 1, true),
        measured: f ? `${formatNumber(f.measured!, 1, true)} (${monthLabel(f.month)})` : EMPTY_TEXT,
        difference:
          f?.difference !== null && f?.difference !== undefined ? formatNumber(f.difference, 1, true) : "–",
      };
    }),
    total: formatNumber(report.grandTotal, 1, true),
  };
}

/**
 * The project's stored effect estimates (issue 13) as the Effekt page words them: the sentence
 * with its 95 % interval, the matching rate, the caveats that matter to a reader (fewer than 30
 * matched, groups unlike before referral) and the curve. Definitions never computed are left out.
 * Publication: matched and referred counts 1–4 read "<5"; a month of the curve with fewer than 5
 * matched referred is not drawn; a headline with fewer than 5 matched gives no sentence (an
 * average over 1–4 persons tells about them).
 */
async function effectsOf(db: Db, projectId: number, publication: boolean): Promise<ReportEffect[]> {
  const out: ReportEffect[] = [];
  for (const e of await latestEffectEstimates(db, projectId)) {
    const r = e.result;
    if (!r) continue;
    const headline = headlineRow(r.estimates);
    const check = beforeReferralCheck(r.estimates);
    const small = publication && headline !== undefined && isSmallCount(headline.matched);
    const sentence = small
      ? `Effekten vises ikke i denne udgave: færre end ${SMALL_COUNT_LIMIT} matchede henviste.`
      : effectSentence(headline);
    const m = r.details.matching;
    let matchingText = matchingRateText(m.treated, m.matched);
    if (publication && (isSmallCount(m.treated) || isSmallCount(m.matched))) {
      matchingText =
        m.treated === 0
          ? matchingText
          : `${shownCount(m.matched, true)} af ${shownCount(m.treated, true)} henviste fik en sammenlignelig kontrolgruppe.`;
    }
    const caveats: string[] = [];
    if (headline && headline.matched < MIN_MATCHED) {
      caveats.push(
        `Under ${MIN_MATCHED} matchede henviste (${shownCount(headline.matched, publication)}) er for usikkert at konkludere på; tallene vises, men bør ikke bruges som dokumentation.`,
      );
    }
    if (!check.passed) caveats.push(check.text);
    else if (headline && !small && intervalHoldsZero(headline.days_ci_low, headline.days_ci_high)) {
      caveats.push(
        "Intervallet rummer 0: forskellen kan ikke skelnes fra tilfældighed, så der er ikke påvist en effekt endnu.",
      );
    }
    if (r.outdated)
      caveats.push("Effektdefinitionen er ændret efter beregningen; tallene er fra den tidligere version.");
    const curve = r.details.curve ?? [];
    const hide = (p: (typeof curve)[number]) =>
      publication && p.matched < SMALL_COUNT_LIMIT && p.matched >= 0;
    const pct = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    const chart: ReportEffectChart | null =
      curve.length > 0
        ? {
            title: `${e.definition.name}: andel på ydelse før og efter henvisningen`,
            months: curve.map((p) => p.month),
            labels: curve.map((p) => String(p.month)),
            treated: curve.map((p) => (hide(p) ? null : pct(p.share_treated))),
            control: curve.map((p) => (hide(p) ? null : pct(p.share_control))),
            suppressedPoints: curve.filter((p) => hide(p) && p.share_treated !== null).length,
            caption: curveCaption(curve, publication),
          }
        : null;
    out.push({
      name: e.definition.name,
      sentence,
      matchingText,
      caveats,
      provenance: `Beregnet ${formatDate(r.computedAt.slice(0, 10))}${r.snapshotId ? ` på udtræk (snapshot ${r.snapshotId})` : ""} mod en matchet sammenligningsgruppe af borgere, der ikke var henvist.`,
      chart,
    });
  }
  return out;
}

/**
 * The Effekt page's caption, and how many matched referred the curve's last drawn month holds: its
 * tail counts only those referred early enough, so a committee member should not read a drop there
 * as an effect.
 */
function curveCaption(
  curve: { month: number; matched: number; share_treated: number | null }[],
  publication: boolean,
): string {
  const base =
    "Måned 0 er henvisningsmåneden. Senere måneder tæller kun henviste, hvis måned ligger før udtræksdatoen";
  const last = [...curve].reverse().find((p) => p.share_treated !== null && p.month > 0);
  const first = curve.find((p) => p.month === 0);
  if (!last || !first || last.matched >= first.matched) return `${base}.`;
  return `${base}, så kurvens sidste måneder bygger på færre borgere (måned ${last.month}: ${shownCount(last.matched, publication)} matchede henviste mod ${shownCount(first.matched, publication)} i måned 0).`;
}
