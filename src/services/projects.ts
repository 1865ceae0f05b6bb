/**
 * Use cases on projects and their indicators beyond plain storage: the project list with indicator
 * counts, a project edit that checks the period, an indicator's target and values as the UI shows
 * them, and a manual value entered or removed with the indicator's new status-scheme row.
 */
import { InvalidFieldError, notFound } from "../domain/errors.ts";
import type { ProjectUpdate } from "../domain/projects.ts";
import type { Db } from "../store/db.ts";
import { listComputedSeries } from "../store/repositories/computed.ts";
import {
  deleteManualValue,
  getIndicator,
  getProject,
  type IndicatorWithMilestones,
  listIndicators,
  listManualValues,
  listProjects,
  type ProjectRow,
  setManualValue,
  updateProject,
} from "../store/repositories/projects.ts";
import { buildStatusScheme } from "./status-scheme.ts";

export async function requireProject(db: Db, id: number): Promise<ProjectRow> {
  const project = await getProject(db, id);
  if (!project) throw notFound(`Projekt ${id}`);
  return project;
}

export async function requireIndicator(db: Db, id: number): Promise<IndicatorWithMilestones> {
  const indicator = await getIndicator(db, id);
  if (!indicator) throw notFound(`Indikator ${id}`);
  return indicator;
}

/** The status-scheme row of one indicator after an edit, so the UI can show the new status at once. */
export async function schemeRow(db: Db, indicator: IndicatorWithMilestones) {
  const scheme = await buildStatusScheme(db, indicator.projectId);
  return scheme?.rows.find((r) => r.indicator.id === indicator.id) ?? null;
}

export async function projectsWithIndicatorCounts(db: Db) {
  const [projects, indicators] = await Promise.all([listProjects(db), listIndicators(db)]);
  return projects.map((p) => ({
    ...p,
    indicatorCount: indicators.filter((i) => i.projectId === p.id).length,
  }));
}

/** Applies the sent fields; the period, as it will be, must not end before it starts. */
export async function editProject(db: Db, id: number, patch: ProjectUpdate): Promise<ProjectRow> {
  const current = await requireProject(db, id);
  const start = patch.periodStart !== undefined ? patch.periodStart : current.periodStart;
  const end = patch.periodEnd !== undefined ? patch.periodEnd : current.periodEnd;
  if (start && end && start > end) {
    throw new InvalidFieldError(
      "Ugyldigt felt «periodEnd»: Slutdatoen må ikke ligge før startdatoen",
      "periodEnd",
    );
  }
  const project = await updateProject(db, id, patch);
  if (!project) throw notFound(`Projekt ${id}`);
  return project;
}

/** An indicator's target: baseline, milestones and final goal. */
export async function indicatorTarget(db: Db, id: number) {
  const i = await requireIndicator(db, id);
  return {
    baseline: {
      value: i.baselineValue,
      date: i.baselineDate,
      source: i.baselineSource,
      note: i.baselineNote,
      count: i.baselineCount,
    },
    milestones: i.milestones.map((m) => ({ date: m.date, value: m.value, label: m.label })),
    goal: { kind: i.goalKind, value: i.goalValue, date: i.goalDate, text: i.goalText },
  };
}

/** An indicator's month values: computed ones from the engine, or the entered ones. */
export async function indicatorValues(db: Db, id: number) {
  const i = await requireIndicator(db, id);
  if (i.kind === "computed") {
    const values = await listComputedSeries(db, [i.id]);
    return {
      kind: i.kind,
      values: values.map((v) => ({ period: v.period, value: v.value, source: "computed" as const })),
    };
  }
  const values = await listManualValues(db, [i.id]);
  return {
    kind: i.kind,
    values: values.map((v) => ({
      period: v.period,
      value: v.value,
      note: v.note,
      source: "manual" as const,
      enteredBy: v.enteredBy,
      enteredAt: v.enteredAt,
    })),
  };
}

/** Enters the month's value of a manual indicator; returns it with the indicator's new scheme row. */
export async function enterManualValue(db: Db, input: Parameters<typeof setManualValue>[1]) {
  const i = await requireIndicator(db, input.indicatorId);
  if (i.kind === "computed") {
    throw new InvalidFieldError(
      `Indikatoren «${i.name}» beregnes fra sagsdata; dens værdier kan ikke indtastes`,
      "value",
    );
  }
  const value = await setManualValue(db, { ...input, indicatorId: i.id, note: input.note ?? null });
  return { value, row: await schemeRow(db, i) };
}

export async function removeManualValue(db: Db, indicatorId: number, period: string) {
  const i = await requireIndicator(db, indicatorId);
  if (!(await deleteManualValue(db, i.id, period))) throw notFound(`Værdien for ${period}`);
  return { deleted: true, row: await schemeRow(db, i) };
}
