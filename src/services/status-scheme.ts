/**
 * The monthly status scheme (månedsvis statusskema) of a project, as in seed 002: indicators as rows;
 * columns baseline (startmåling), the months (feb-24, mar-24, …, measured primo måneden) and the
 * milestone columns (mindste mål … slutmål); a status per value and per indicator; a comment per month.
 *
 * Values: manual indicators show what was typed in (manual_values); computed ones show the engine's
 * current values (computed_values), or nothing ("Ingen data") until the engine has run.
 */
import {
  addMonths,
  isoDateFromUtc,
  type Month,
  monthOf,
  monthRange,
  referenceDate,
} from "../domain/calendar.ts";
import { monthLabel, type Unit } from "../domain/format.ts";
import { goalOf, toTarget } from "../domain/projects.ts";
import {
  resolveGoalValue,
  STATUS_LABELS,
  STATUS_RULES_HELP,
  type Status,
  statusOf,
  type TrajectoryPoint,
  trajectoryAt,
  trajectoryPoints,
} from "../domain/status.ts";
import type { Db } from "../store/db.ts";
import { listComputedSeries } from "../store/repositories/computed.ts";
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
}

export interface SchemeIndicator {
  id: number;
  code: string;
  name: string;
  groupLabel: string | null;
  unit: Unit;
  better: "higher" | "lower";
  kind: "manual" | "computed";
  hasDefinition: boolean;
  definition: Record<string, unknown> | null;
  sortOrder: number;
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
  };
}

export interface SchemeRow {
  indicator: SchemeIndicator;
  /** resolved target per column key (null: the seed leaves the cell empty) */
  targets: Record<string, number | null>;
  trajectory: TrajectoryPoint[];
  cells: SchemeCell[];
  latest: { period: Month; value: number; status: Status } | null;
  status: Status;
  statusLabel: string;
}

export interface StatusScheme {
  project: ProjectRow;
  months: Month[];
  monthLabels: string[];
  columns: SchemeColumn[];
  rows: SchemeRow[];
  comments: Record<Month, { comment: string; author: string; updatedAt: string }>;
  statusHelp: string;
}

export interface SchemeOptions {
  /** first and last month shown; default from the project's baseline/period to its final goal */
  from?: Month;
  to?: Month;
  /** "today", for the default end of the month range; default the current UTC date */
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
    better: ind.better === "lower" ? "lower" : "higher",
    kind: ind.kind === "computed" ? "computed" : "manual",
    hasDefinition: ind.definition !== null,
    definition: ind.definition,
    sortOrder: ind.sortOrder,
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
}

async function load(db: Db, projectId?: number): Promise<Loaded> {
  const allProjects = await listProjects(db);
  const projects = projectId === undefined ? allProjects : allProjects.filter((p) => p.id === projectId);
  const indicators = await listIndicators(db, projectId);
  const manualIds = indicators.filter((i) => i.kind !== "computed").map((i) => i.id);
  const computedIds = indicators.filter((i) => i.kind === "computed").map((i) => i.id);
  const [manual, computed, comments] = await Promise.all([
    listManualValues(db, manualIds),
    listComputedSeries(db, computedIds),
    listComments(
      db,
      projects.map((p) => p.id),
    ),
  ]);
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
  return { projects, indicators, values, comments: byProject };
}

function assemble(project: ProjectRow, loaded: Loaded, options: SchemeOptions): StatusScheme {
  const today = options.today ?? isoDateFromUtc(new Date());
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
      };
    });
    // latest value of all the indicator's values (also outside the shown months)
    let latest: SchemeRow["latest"] = null;
    for (const [period, v] of [...(values?.entries() ?? [])].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (v.value === null) continue;
      latest = { period, value: v.value, status: statusOf(v.value, referenceDate(period), target, better) };
    }
    const status = latest?.status ?? "no_data";
    return {
      indicator: view,
      targets,
      trajectory: trajectoryPoints(target),
      cells,
      latest,
      status,
      statusLabel: STATUS_LABELS[status],
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
  goal: { value: number | null; date: string | null };
}

export interface OverviewProject {
  id: number;
  code: string;
  name: string;
  committee: string;
  periodStart: string | null;
  periodEnd: string | null;
  counts: Record<Status, number>;
  indicators: OverviewIndicator[];
}

/** Every project with its indicators' latest value and status (the Overblik page). */
export async function buildOverview(db: Db, options: SchemeOptions = {}): Promise<OverviewProject[]> {
  const loaded = await load(db);
  return loaded.projects.map((project) => {
    const scheme = assemble(project, loaded, options);
    const counts: Record<Status, number> = { achieved: 0, on_track: 0, behind: 0, no_data: 0 };
    for (const r of scheme.rows) counts[r.status]++;
    return {
      id: project.id,
      code: project.code,
      name: project.name,
      committee: project.committee,
      periodStart: project.periodStart,
      periodEnd: project.periodEnd,
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
        goal: { value: r.indicator.goal.resolved, date: r.indicator.goal.date },
      })),
    };
  });
}
