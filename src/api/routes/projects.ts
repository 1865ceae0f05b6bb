import { z } from "zod";
import {
  commentInputSchema,
  indicatorCreateSchema,
  indicatorUpdateSchema,
  manualValueInputSchema,
  monthSchema,
  projectCreateSchema,
  projectUpdateSchema,
  targetInputSchema,
} from "../../domain/projects.ts";
import { statusSchemeWorkbook } from "../../reports/status-xlsx.ts";
import { buildOverview, buildStatusScheme } from "../../services/status-scheme.ts";
import type { Db } from "../../store/db.ts";
import {
  createIndicator,
  createProject,
  deleteIndicator,
  deleteManualValue,
  deleteProject,
  getIndicator,
  getProject,
  type IndicatorWithMilestones,
  listComments,
  listComputedValues,
  listIndicators,
  listManualValues,
  listProjects,
  setComment,
  setManualValue,
  setTarget,
  updateIndicator,
  updateProject,
} from "../../store/repositories/projects.ts";
import { badRequest, notFound } from "../errors.ts";
import { type ApiRouter, idParam } from "../router.ts";

const TAG = "Projekter";
const periodParam = z.object({ id: z.coerce.number().int().positive(), period: monthSchema });
const rangeQuery = z.object({ from: monthSchema.optional(), to: monthSchema.optional() });

async function requireProject(db: Db, id: number) {
  const project = await getProject(db, id);
  if (!project) throw notFound(`Projekt ${id}`);
  return project;
}

async function requireIndicator(db: Db, id: number): Promise<IndicatorWithMilestones> {
  const indicator = await getIndicator(db, id);
  if (!indicator) throw notFound(`Indikator ${id}`);
  return indicator;
}

/** The status-scheme row of one indicator after an edit, so the UI can show the new status at once. */
async function schemeRow(db: Db, indicator: IndicatorWithMilestones) {
  const scheme = await buildStatusScheme(db, indicator.projectId);
  return scheme?.rows.find((r) => r.indicator.id === indicator.id) ?? null;
}

/** Routes for: projects, indicators, targets, manual values, comments, status schemes, exports. */
export function projectsRoutes(router: ApiRouter): void {
  const db = () => router.deps.store.db;

  router.route(
    {
      method: "get",
      path: "/overview",
      summary: "Overblik: alle projekter med indikatorernes seneste status",
      tag: TAG,
      action: "read",
    },
    async () => ({ projects: await buildOverview(db()) }),
  );

  // ------------------------------------------------------------ projects
  router.route(
    { method: "get", path: "/projects", summary: "Alle projekter", tag: TAG, action: "read" },
    async () => {
      const [projects, indicators] = await Promise.all([listProjects(db()), listIndicators(db())]);
      return {
        projects: projects.map((p) => ({
          ...p,
          indicatorCount: indicators.filter((i) => i.projectId === p.id).length,
        })),
      };
    },
  );

  router.route(
    {
      method: "post",
      path: "/projects",
      summary: "Opret et projekt",
      tag: TAG,
      action: "edit-project",
      body: projectCreateSchema,
      status: 201,
    },
    async ({ body }) => ({ project: await createProject(db(), body) }),
  );

  router.route(
    {
      method: "get",
      path: "/projects/:id",
      summary: "Et projekt med dets indikatorer og mål",
      tag: TAG,
      action: "read",
      params: idParam,
    },
    async ({ params }) => {
      const project = await requireProject(db(), params.id);
      return { project, indicators: await listIndicators(db(), project.id) };
    },
  );

  router.route(
    {
      method: "patch",
      path: "/projects/:id",
      summary: "Ret et projekt (kun de felter, der sendes)",
      tag: TAG,
      action: "edit-project",
      params: idParam,
      body: projectUpdateSchema,
    },
    async ({ params, body }) => {
      await requireProject(db(), params.id);
      const current = await getProject(db(), params.id);
      const start = body.periodStart !== undefined ? body.periodStart : current?.periodStart;
      const end = body.periodEnd !== undefined ? body.periodEnd : current?.periodEnd;
      if (start && end && start > end)
        throw badRequest("Ugyldigt felt «periodEnd»: Slutdatoen må ikke ligge før startdatoen", "periodEnd");
      const project = await updateProject(db(), params.id, body);
      if (!project) throw notFound(`Projekt ${params.id}`);
      return { project };
    },
  );

  router.route(
    {
      method: "delete",
      path: "/projects/:id",
      summary: "Slet et projekt med indikatorer, værdier og kommentarer",
      tag: TAG,
      action: "edit-project",
      params: idParam,
    },
    async ({ params }) => {
      if (!(await deleteProject(db(), params.id))) throw notFound(`Projekt ${params.id}`);
      return { deleted: true };
    },
  );

  // ------------------------------------------------------------ indicators and targets
  router.route(
    {
      method: "get",
      path: "/projects/:id/indicators",
      summary: "Et projekts indikatorer",
      tag: TAG,
      action: "read",
      params: idParam,
    },
    async ({ params }) => {
      await requireProject(db(), params.id);
      return { indicators: await listIndicators(db(), params.id) };
    },
  );

  router.route(
    {
      method: "post",
      path: "/projects/:id/indicators",
      summary: "Opret en indikator (med startmåling, mindste mål og slutmål)",
      tag: TAG,
      action: "edit-project",
      params: idParam,
      body: indicatorCreateSchema,
      status: 201,
    },
    async ({ params, body }) => {
      await requireProject(db(), params.id);
      return { indicator: await createIndicator(db(), params.id, body) };
    },
  );

  router.route(
    {
      method: "get",
      path: "/indicators/:id",
      summary: "En indikator med mål",
      tag: TAG,
      action: "read",
      params: idParam,
    },
    async ({ params }) => ({ indicator: await requireIndicator(db(), params.id) }),
  );

  router.route(
    {
      method: "patch",
      path: "/indicators/:id",
      summary: "Ret en indikator; et medsendt mål erstatter startmåling, mindste mål og slutmål",
      tag: TAG,
      action: "edit-project",
      params: idParam,
      body: indicatorUpdateSchema,
    },
    async ({ params, body }) => {
      const indicator = await updateIndicator(db(), params.id, body);
      if (!indicator) throw notFound(`Indikator ${params.id}`);
      return { indicator };
    },
  );

  router.route(
    {
      method: "delete",
      path: "/indicators/:id",
      summary: "Slet en indikator med dens værdier",
      tag: TAG,
      action: "edit-project",
      params: idParam,
    },
    async ({ params }) => {
      if (!(await deleteIndicator(db(), params.id))) throw notFound(`Indikator ${params.id}`);
      return { deleted: true };
    },
  );

  router.route(
    {
      method: "get",
      path: "/indicators/:id/target",
      summary: "En indikators mål: startmåling, mindste mål og slutmål",
      tag: TAG,
      action: "read",
      params: idParam,
    },
    async ({ params }) => {
      const i = await requireIndicator(db(), params.id);
      return {
        target: {
          baseline: {
            value: i.baselineValue,
            date: i.baselineDate,
            source: i.baselineSource,
            note: i.baselineNote,
            count: i.baselineCount,
          },
          milestones: i.milestones.map((m) => ({ date: m.date, value: m.value, label: m.label })),
          goal: { kind: i.goalKind, value: i.goalValue, date: i.goalDate, text: i.goalText },
        },
      };
    },
  );

  router.route(
    {
      method: "put",
      path: "/indicators/:id/target",
      summary: "Sæt en indikators mål (erstatter startmåling, alle mindste mål og slutmål)",
      tag: TAG,
      action: "edit-project",
      params: idParam,
      body: targetInputSchema,
    },
    async ({ params, body }) => {
      const indicator = await setTarget(db(), params.id, body);
      if (!indicator) throw notFound(`Indikator ${params.id}`);
      return { indicator, row: await schemeRow(db(), indicator) };
    },
  );

  // ------------------------------------------------------------ values
  router.route(
    {
      method: "get",
      path: "/indicators/:id/values",
      summary: "En indikators månedsværdier (indtastede eller beregnede)",
      tag: TAG,
      action: "read",
      params: idParam,
    },
    async ({ params }) => {
      const i = await requireIndicator(db(), params.id);
      if (i.kind === "computed") {
        const values = await listComputedValues(db(), [i.id]);
        return {
          kind: i.kind,
          values: values.map((v) => ({ period: v.period, value: v.value, source: "computed" })),
        };
      }
      const values = await listManualValues(db(), [i.id]);
      return {
        kind: i.kind,
        values: values.map((v) => ({
          period: v.period,
          value: v.value,
          note: v.note,
          source: "manual",
          enteredBy: v.enteredBy,
          enteredAt: v.enteredAt,
        })),
      };
    },
  );

  router.route(
    {
      method: "put",
      path: "/indicators/:id/values/:period",
      summary: "Indtast månedens værdi for en manuel indikator (ÅÅÅÅ-MM, målt primo måneden)",
      tag: TAG,
      action: "edit-project",
      params: periodParam,
      body: manualValueInputSchema,
    },
    async ({ params, body, actor }) => {
      const i = await requireIndicator(db(), params.id);
      if (i.kind === "computed") {
        throw badRequest(
          `Indikatoren «${i.name}» beregnes fra sagsdata; dens værdier kan ikke indtastes`,
          "value",
        );
      }
      const value = await setManualValue(db(), {
        indicatorId: i.id,
        period: params.period,
        value: body.value,
        note: body.note ?? null,
        enteredBy: actor.id,
      });
      return { value, row: await schemeRow(db(), i) };
    },
  );

  router.route(
    {
      method: "delete",
      path: "/indicators/:id/values/:period",
      summary: "Slet månedens indtastede værdi",
      tag: TAG,
      action: "edit-project",
      params: periodParam,
    },
    async ({ params }) => {
      const i = await requireIndicator(db(), params.id);
      if (!(await deleteManualValue(db(), i.id, params.period))) {
        throw notFound(`Værdien for ${params.period}`);
      }
      return { deleted: true, row: await schemeRow(db(), i) };
    },
  );

  // ------------------------------------------------------------ comments
  router.route(
    {
      method: "get",
      path: "/projects/:id/comments",
      summary: "Et projekts månedskommentarer",
      tag: TAG,
      action: "read",
      params: idParam,
    },
    async ({ params }) => {
      await requireProject(db(), params.id);
      return { comments: await listComments(db(), [params.id]) };
    },
  );

  router.route(
    {
      method: "put",
      path: "/projects/:id/comments/:period",
      summary: "Skriv månedens kommentar (tom tekst sletter den)",
      tag: TAG,
      action: "edit-project",
      params: periodParam,
      body: commentInputSchema,
    },
    async ({ params, body, actor }) => {
      await requireProject(db(), params.id);
      const comment = await setComment(db(), {
        projectId: params.id,
        period: params.period,
        comment: body.comment,
        author: actor.id,
      });
      return { comment };
    },
  );

  // ------------------------------------------------------------ status scheme
  router.route(
    {
      method: "get",
      path: "/projects/:id/status-scheme",
      summary:
        "Månedsvis statusskema: indikatorer × måneder med startmåling, mindste mål, status og kommentarer",
      tag: TAG,
      action: "read",
      params: idParam,
      query: rangeQuery,
    },
    async ({ params, query }) => {
      if (query.from && query.to && query.from > query.to) {
        throw badRequest("Ugyldigt felt «to»: må ikke ligge før «from»", "to");
      }
      const scheme = await buildStatusScheme(db(), params.id, { from: query.from, to: query.to });
      if (!scheme) throw notFound(`Projekt ${params.id}`);
      return scheme;
    },
  );

  router.route(
    {
      method: "get",
      path: "/projects/:id/status-scheme.xlsx",
      summary: "Statusskemaet som Excel-fil (XLSX)",
      tag: TAG,
      action: "read",
      params: idParam,
      query: rangeQuery,
    },
    async ({ params, query }) => {
      const scheme = await buildStatusScheme(db(), params.id, { from: query.from, to: query.to });
      if (!scheme) throw notFound(`Projekt ${params.id}`);
      const buffer = await statusSchemeWorkbook(scheme);
      const filename = `statusskema-${scheme.project.code}.xlsx`;
      return new Response(new Uint8Array(buffer), {
        headers: {
          "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "content-disposition": `attachment; filename="${filename}"`,
        },
      });
    },
  );
}
