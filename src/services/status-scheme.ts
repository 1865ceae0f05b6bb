/**
 * The monthly status scheme (månedsvis statusskema) of a project, as in seed 002: indicators as rows;
 * columns baseline (startmåling), the months (feb-24, mar-24, …, measured primo måneden) and the
 * milestone columns (mindste mål … slutmål); a status per value and per indicator; a comment per month.
 *
 * Values: manual indicators show what was typed in (manual_values); computed ones show the engine's
 * current values (computed_values), or nothing ("Ingen data") until the engine has run. A value
 * frozen when it was reported to the committee (frozen_values) is marked on its cell, with the
 * reported value beside the current one when a later computation changed it.
 *
 * The indicator's status is judged by src/domain/status.ts (judgeIndicator): the latest value
 * inside the project's period; once the period is over, the final status at the goal date.
 */
import {
  addMonths,
  isoDateFromUtc,
  type Month,
  monthOf,
  monthRange,
  referenceDate,
} from "../domain/calendar.ts";
import {
  type ForecastStatus,
  fitLinear,
  forecastPoints,
  forecastStart,
  forecastStatus,
  forecastTarget,
} from "../domain/forecast.ts";
import { monthLabel, type Unit, unitName } from "../domain/format.ts";
import { goalChangeText, goalOf, toTarget } from "../domain/projects.ts";
import {
  type Judgement,
  judgeIndicator,
  judgementText,
  resolveGoalValue,
  STATUS_LABELS,
  STATUS_ORDER,
  STATUS_RULES_HELP,
  type Status,
  statusOf,
  type TrajectoryPoint,
  trajectoryAt,
  trajectoryPoints,
} from "../domain/status.ts";
import type { Db } from "../store/db.ts";
import {
  latestSuccessfulComputation,
  listComputedSeries,
  listFrozenValues,
  snapshotExtractionDate,
} from "../store/repositories/computed.ts";
import {
  type IndicatorWithMilestones,
  listComments,
  listIndicators,
  listManualValues,
  listProjects,
  type ProjectRow,
} from "../store/repositories/projects.ts";

export interface SchemeColumn {
  /** "m:2024-08-01" for a minimum milestone, "g:2026-01-01" for a final goal */
  key: string;
  date: string;
  label: string;
  kind: "milestone" | "final";
}

export interface SchemeCell {
  period: Month;
  value: number | null;
  source: "manual" | "computed" | null;
  status: Status;
  /** what the goal trajectory requires on the month's reference date */
  required: number | null;
  note: string | null;
  /** the value reported to the committee for this month, when the month is frozen */
  frozen: { value: number | null; frozenAt: string; frozenBy: string } | null;
}

export interface SchemeIndicator {
  id: number;
  code: string;
  name: string;
  groupLabel: string | null;
  unit: Unit;
  /** the unit as a word for axes and running text ("pct.", "fuldtidspersoner") */
  unitName: string;
  better: "higher" | "lower";
  kind: "manual" | "computed";
  hasDefinition: boolean;
  definition: Record<string, unknown> | null;
  sortOrder: number;
  /** a break in the series (YYYY-MM): the forecast is fitted from the later of the baseline and this month */
  breakMonth: string | null;
  baseline: {
    value: number | null;
    date: string | null;
    source: string | null;
    note: string | null;
    count: number | null;
  };
  milestones: { date: string; value: number | null; label: string | null }[];
  goal: {
    kind: string;
    value: number | null;
    date: string | null;
    text: string | null;
    /** the goal as a number (relative goals resolved against the baseline) */
    resolved: number | null;
    /** a relative goal as the change it asks for: "−40 pct.", "+10 procentpoint", "−2 fuldtidspersoner" */
    changeText: string | null;
  };
}

/** The forecast of one target (a milestone or the final goal), DESIGN 9.2. */
export interface TargetForecastView {
  /** the column key ("m:2024-08-01", "g:2026-01-01") */
  key: string;
  period: Month;
  value: number;
  forecast: number;
  pi80: [number, number];
  pi95: [number, number];
  /** P(reaching the target), 0–1 */
  probability: number;
  status: ForecastStatus;
}

/** One month of the fitted trend for the chart, with its 80 % and 95 % prediction bands. */
export interface ForecastLinePoint {
  period: Month;
  forecast: number;
  pi80: [number, number];
  pi95: [number, number];
}

/** An indicator's forecast: a linear trend of its monthly values (DESIGN 9.2). */
export interface SchemeForecast {
  /** the first month the trend is fitted from (the later of the baseline month and the break month) */
  from: Month | null;
  /** points used */
  n: number;
  slope: number;
  intercept: number;
  residualSd: number;
  /** per target column */
  targets: TargetForecastView[];
  /** the trend from the last value's month to the latest target's month */
  line: ForecastLinePoint[];
}

/** The app shows a forecast from this many points (DESIGN 9.2). */
export const APP_FORECAST_MIN_POINTS = 6;

export interface SchemeRow {
  indicator: SchemeIndicator;
  /** the trend forecast (null: no targets, or fewer than 6 values since the baseline month) */
  forecast: SchemeForecast | null;
  /** resolved target per column key (null: the seed leaves the cell empty) */
  targets: Record<string, number | null>;
  trajectory: TrajectoryPoint[];
  cells: SchemeCell[];
  /** the latest value of all (also outside the project's period), with its month's status */
  latest: { period: Month; value: number; status: Status } | null;
  /** the indicator's status: see judgeIndicator (latest value inside the period; final once ended) */
  status: Status;
  statusLabel: string;
  judgement: Judgement;
  /** "status for okt-25", "slutstatus pr. 01-05-2021 (projektet er afsluttet; …)" */
  statusNote: string;
}

export interface StatusScheme {
  project: ProjectRow;
  months: Month[];
  monthLabels: string[];
  columns: SchemeColumn[];
  rows: SchemeRow[];
  comments: Record<Month, { comment: string; author: string; updatedAt: string }>;
  statusHelp: string;
  /** the project's period is over: statuses are final statuses at the goal date */
  ended: boolean;
  /** the date statuses are judged as of: today, or the extraction date of the data when earlier */
  asOf: string;
}

export interface SchemeOptions {
  /** first and last month shown; default from the project's baseline/period to its final goal */
  from?: Month;
  to?: Month;
  /**
   * "today", for the default end of the month range and for whether a project has ended; default
   * the current UTC date, or the extraction date of the snapshot the computed values come from when
   * that is earlier (the data know the world up to then: a project whose period runs past it has
   * not ended as far as its values go)
   */
  today?: string;
}

function indicatorView(ind: IndicatorWithMilestones): SchemeIndicator {
  const target = toTarget(ind);
  return {
    id: ind.id,
    code: ind.code,
    name: ind.name,
    groupLabel: ind.groupLabel,
    unit: ind.unit as Unit,
    unitName: unitName(ind.unit as Unit),
    better: ind.better === "lower" ? "lower" : "higher",
    kind: ind.kind === "computed" ? "computed" : "manual",
    hasDefinition: ind.definition !== null,
    definition: ind.definition,
    sortOrder: ind.sortOrder,
    breakMonth: ind.breakMonth,
    baseline: {
      value: ind.baselineValue,
      date: ind.baselineDate,
      source: ind.baselineSource,
      note: ind.baselineNote,
      count: ind.baselineCount,
    },
    milestones: ind.milestones.map((m) => ({ date: m.date, value: m.value, label: m.label })),
    goal: {
      kind: ind.goalKind,
      value: ind.goalValue,
      date: ind.goalDate,
      text: ind.goalText,
      resolved: ind.goalValue === null ? null : resolveGoalValue(target, goalOf(ind.goalKind, ind.goalValue)),
      changeText:
        ind.goalValue === null ? null : goalChangeText(ind.goalKind, ind.goalValue, ind.unit as Unit),
    },
  };
}

/** The milestone columns of a project: every milestone date, then every final-goal date. */
function columnsOf(indicators: IndicatorWithMilestones[]): SchemeColumn[] {
  const byKey = new Map<string, SchemeColumn>();
  for (const ind of indicators) {
    for (const m of ind.milestones) {
      const key = `m:${m.date}`;
      const existing = byKey.get(key);
      if (!existing) {
        byKey.set(key, {
          key,
          date: m.date,
          label: m.label ?? `Mindste mål pr. ${monthLabel(monthOf(m.date))}`,
          kind: "milestone",
        });
      } else if (m.label && existing.label.startsWith("Mindste mål pr.")) {
        existing.label = m.label;
      }
    }
  }
  for (const ind of indicators) {
    if (!ind.goalDate) continue;
    const key = `g:${ind.goalDate}`;
    if (!byKey.has(key)) {
      byKey.set(key, {
        key,
        date: ind.goalDate,
        label: `Slutmål ${monthLabel(monthOf(ind.goalDate))}`,
        kind: "final",
      });
    }
  }
  return [...byKey.values()].sort((a, b) =>
    a.kind !== b.kind ? (a.kind === "milestone" ? -1 : 1) : a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
}

/** The first month after the earliest baseline (its column is the baseline), else the project's start. */
function defaultRange(
  project: ProjectRow,
  indicators: IndicatorWithMilestones[],
  valuePeriods: Month[],
  today: string,
): { from: Month; to: Month } {
  const baselineDates = indicators.map((i) => i.baselineDate).filter((d): d is string => d !== null);
  const earliestBaseline = baselineDates.sort()[0];
  let from: Month;
  if (earliestBaseline) from = addMonths(monthOf(earliestBaseline), 1);
  else if (project.periodStart) from = monthOf(project.periodStart);
  else from = monthOf(today);
  const ends = [
    ...indicators.map((i) => i.goalDate),
    ...indicators.flatMap((i) => i.milestones.map((m) => m.date)),
    project.periodEnd,
  ].filter((d): d is string => d !== null);
  let to = ends.length > 0 ? monthOf(ends.sort()[ends.length - 1]!) : from;
  const current = monthOf(today);
  if (to > current) to = current;
  const lastValue = [...valuePeriods].sort()[valuePeriods.length - 1];
  if (lastValue && lastValue > to) to = lastValue;
  if (to < from) to = from;
  return { from, to };
}

interface Loaded {
  projects: ProjectRow[];
  indicators: IndicatorWithMilestones[];
  values: Map<
    number,
    Map<Month, { value: number | null; source: "manual" | "computed"; note: string | null }>
  >;
  comments: Map<number, StatusScheme["comments"]>;
  frozen: Map<number, Map<Month, NonNullable<SchemeCell["frozen"]>>>;
  /** extraction date of the snapshot behind the computed values (latest successful computation) */
  extractionDate: string | null;
}

async function load(db: Db, projectId?: number): Promise<Loaded> {
  const allProjects = await listProjects(db);
  const projects = projectId === undefined ? allProjects : allProjects.filter((p) => p.id === projectId);
  const indicators = await listIndicators(db, projectId);
  const manualIds = indicators.filter((i) => i.kind !== "computed").map((i) => i.id);
  const computedIds = indicators.filter((i) => i.kind === "computed").map((i) => i.id);
  const [manual, computed, comments, frozenRows] = await Promise.all([
    listManualValues(db, manualIds),
    listComputedSeries(db, computedIds),
    listComments(
      db,
      projects.map((p) => p.id),
    ),
    listFrozenValues(
      db,
      indicators.map((i) => i.id),
    ),
  ]);
  const frozen: Loaded["frozen"] = new Map();
  for (const f of frozenRows) {
    const m = frozen.get(f.indicatorId) ?? new Map();
    frozen.set(f.indicatorId, m);
    m.set(f.period, { value: f.value, frozenAt: f.frozenAt.toISOString(), frozenBy: f.frozenBy });
  }
  const values: Loaded["values"] = new Map();
  const put = (
    id: number,
    period: Month,
    v: { value: number | null; source: "manual" | "computed"; note: string | null },
  ) => {
    const m = values.get(id) ?? new Map();
    values.set(id, m);
    m.set(period, v);
  };
  for (const v of manual) put(v.indicatorId, v.period, { value: v.value, source: "manual", note: v.note });
  for (const v of computed) put(v.indicatorId, v.period, { value: v.value, source: "computed", note: null });
  const byProject: Loaded["comments"] = new Map();
  for (const c of comments) {
    const m = byProject.get(c.projectId) ?? {};
    byProject.set(c.projectId, m);
    m[c.period] = { comment: c.comment, author: c.author, updatedAt: c.updatedAt.toISOString() };
  }
  const computation = await latestSuccessfulComputation(db);
  const extractionDate = computation?.snapshotId
    ? ((await snapshotExtractionDate(db, computation.snapshotId)) ?? null)
    : null;
  return { projects, indicators, values, comments: byProject, frozen, extractionDate };
}

/**
 * The forecast of an indicator from its monthly values, fitted from the later of the baseline month
 * and the indicator's break month (DESIGN 9.2), shown from 6 points.
 */
function forecastOf(
  view: SchemeIndicator,
  targets: Record<string, number | null>,
  series: { period: Month; value: number | null }[],
): SchemeForecast | null {
  const targetList = Object.entries(targets)
    .filter((e): e is [string, number] => e[1] !== null)
    .map(([key, value]) => ({ key, period: monthOf(key.slice(2)), value }));
  if (targetList.length === 0) return null;
  // the later of the baseline month and the break month (DESIGN 9.2)
  const from = forecastStart(view.baseline.date, view.breakMonth);
  const points = forecastPoints(series, from);
  if (points.length < APP_FORECAST_MIN_POINTS) return null;
  const fit = fitLinear(points);
  if (!fit) return null;
  const views = targetList.map((t): TargetForecastView => {
    const f = forecastTarget(fit, { period: t.period, value: t.value }, view.better);
    const probability = f.probability ?? 0;
    return {
      key: t.key,
      period: t.period,
      value: t.value,
      forecast: f.forecast ?? 0,
      pi80: [f.pi80_low ?? 0, f.pi80_high ?? 0],
      pi95: [f.pi95_low ?? 0, f.pi95_high ?? 0],
      probability,
      status: forecastStatus(probability),
    };
  });
  const last = points[points.length - 1]!.period;
  const end = targetList.map((t) => t.period).sort()[targetList.length - 1]!;
  const line =
    end > last
      ? monthRange(last, end).map((period): ForecastLinePoint => {
          const f = forecastTarget(fit, { period, value: 0 }, view.better);
          return {
            period,
            forecast: f.forecast ?? 0,
            pi80: [f.pi80_low ?? 0, f.pi80_high ?? 0],
            pi95: [f.pi95_low ?? 0, f.pi95_high ?? 0],
          };
        })
      : [];
  return {
    from: from ?? null,
    n: fit.n,
    slope: fit.slope,
    intercept: fit.intercept,
    residualSd: fit.residualSd,
    targets: views,
    line,
  };
}

function assemble(project: ProjectRow, loaded: Loaded, options: SchemeOptions): StatusScheme {
  const clock = isoDateFromUtc(new Date());
  const today =
    options.today ?? (loaded.extractionDate && loaded.extractionDate < clock ? loaded.extractionDate : clock);
  const indicators = loaded.indicators.filter((i) => i.projectId === project.id);
  const valuePeriods = indicators.flatMap((i) => [...(loaded.values.get(i.id)?.keys() ?? [])]);
  const range = defaultRange(project, indicators, valuePeriods, today);
  const months = monthRange(options.from ?? range.from, options.to ?? range.to);
  const columns = columnsOf(indicators);

  const rows = indicators.map((ind): SchemeRow => {
    const view = indicatorView(ind);
    const target = toTarget(ind);
    const better = view.better;
    const targets: Record<string, number | null> = {};
    for (const col of columns) {
      if (col.kind === "milestone") {
        const m = ind.milestones.find((x) => x.date === col.date);
        if (m) targets[col.key] = m.value;
      } else if (ind.goalDate === col.date) {
        targets[col.key] = view.goal.resolved;
      }
    }
    const values = loaded.values.get(ind.id);
    const frozen = loaded.frozen.get(ind.id);
    const cells = months.map((period): SchemeCell => {
      const v = values?.get(period);
      const date = referenceDate(period);
      const value = v?.value ?? null;
      return {
        period,
        value,
        source: v ? v.source : null,
        status: statusOf(value, date, target, better),
        required: trajectoryAt(target, date),
        note: v?.note ?? null,
        frozen: frozen?.get(period) ?? null,
      };
    });
    const all = [...(values?.entries() ?? [])]
      .map(([period, v]) => ({ period, value: v.value }))
      .sort((a, b) => (a.period < b.period ? -1 : 1));
    // latest value of all the indicator's values (also outside the shown months and the period)
    let latest: SchemeRow["latest"] = null;
    for (const { period, value } of all) {
      if (value === null) continue;
      latest = { period, value, status: statusOf(value, referenceDate(period), target, better) };
    }
    const forecast = forecastOf(view, targets, all);
    const judgement = judgeIndicator(
      all,
      target,
      better,
      { start: project.periodStart, end: project.periodEnd },
      today,
    );
    return {
      indicator: view,
      forecast,
      targets,
      trajectory: trajectoryPoints(target),
      cells,
      latest,
      status: judgement.status,
      statusLabel: STATUS_LABELS[judgement.status],
      judgement,
      statusNote: judgementText(judgement),
    };
  });

  return {
    project,
    months,
    monthLabels: months.map(monthLabel),
    columns,
    rows,
    comments: loaded.comments.get(project.id) ?? {},
    statusHelp: STATUS_RULES_HELP,
    ended: project.periodEnd !== null && project.periodEnd < today,
    asOf: today,
  };
}

/** The status scheme of one project, or undefined when the project does not exist. */
export async function buildStatusScheme(
  db: Db,
  projectId: number,
  options: SchemeOptions = {},
): Promise<StatusScheme | undefined> {
  const loaded = await load(db, projectId);
  const project = loaded.projects[0];
  return project ? assemble(project, loaded, options) : undefined;
}

export interface OverviewIndicator {
  id: number;
  code: string;
  name: string;
  unit: Unit;
  kind: "manual" | "computed";
  better: "higher" | "lower";
  latest: SchemeRow["latest"];
  status: Status;
  statusLabel: string;
  judgement: Judgement;
  statusNote: string;
  goal: { value: number | null; date: string | null };
  /** the final goal's forecast (null: none shown) */
  forecast: { status: ForecastStatus; probability: number } | null;
}

export interface OverviewProject {
  id: number;
  code: string;
  name: string;
  committee: string;
  periodStart: string | null;
  periodEnd: string | null;
  ended: boolean;
  counts: Record<Status, number>;
  indicators: OverviewIndicator[];
}

/** Every project with its indicators' latest value and status (the Overblik page). */
export async function buildOverview(db: Db, options: SchemeOptions = {}): Promise<OverviewProject[]> {
  const loaded = await load(db);
  return loaded.projects.map((project) => {
    const scheme = assemble(project, loaded, options);
    const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>;
    for (const r of scheme.rows) counts[r.status]++;
    return {
      id: project.id,
      code: project.code,
      name: project.name,
      committee: project.committee,
      periodStart: project.periodStart,
      periodEnd: project.periodEnd,
      ended: scheme.ended,
      counts,
      indicators: scheme.rows.map((r) => ({
        id: r.indicator.id,
        code: r.indicator.code,
        name: r.indicator.name,
        unit: r.indicator.unit,
        kind: r.indicator.kind,
        better: r.indicator.better,
        latest: r.latest,
        status: r.status,
        statusLabel: r.statusLabel,
        judgement: r.judgement,
        statusNote: r.statusNote,
        goal: { value: r.indicator.goal.resolved, date: r.indicator.goal.date },
        forecast: finalForecast(r),
      })),
    };
  });
}

/** The final goal's forecast word and probability of a row, or null. */
function finalForecast(row: SchemeRow): OverviewIndicator["forecast"] {
  const date = row.indicator.goal.date;
  const f = date ? row.forecast?.targets.find((t) => t.key === `g:${date}`) : undefined;
  return f ? { status: f.status, probability: f.probability } : null;
}
