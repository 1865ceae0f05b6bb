import { statusSchemeWorkbook } from "../../reports/status-xlsx.ts";
import {
  editProject,
  enterManualValue,
  indicatorTarget,
  indicatorValues,
  projectsWithIndicatorCounts,
  removeManualValue,
  requireIndicator,
  requireProject,
  schemeRow,
} from "../../services/projects.ts";
import { overviewReadModel, statusSchemeReadModel } from "../../services/read-model.ts";
import { buildStatusScheme } from "../../services/status-scheme.ts";
import {
  createIndicator,
  createProject,
  deleteIndicator,
  deleteProject,
  listComments,
  listIndicators,
  setComment,
  setTarget,
  updateIndicator,
} from "../../store/repositories/projects.ts";
import { deletedResponse, idParam, jsonBytesResponse, XLSX, xlsxResponse } from "../contract/common.ts";
import {
  commentBody,
  indicatorCreateBody,
  indicatorUpdateBody,
  manualValueBody,
  periodParam,
  projectCreateBody,
  responses as projects,
  projectUpdateBody,
  rangeQuery,
  targetBody,
} from "../contract/projects.ts";
import { badRequest, notFound } from "../errors.ts";
import type { ApiRouter } from "../router.ts";

const TAG = "Projekter";

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
      response: projects.overview,
    },
    async () => jsonBytesResponse((await overviewReadModel(db())).json()),
  );

  // ------------------------------------------------------------ projects
  router.route(
    {
      method: "get",
      path: "/projects",
      summary: "Alle projekter",
      tag: TAG,
      action: "read",
      response: projects.projects,
    },
    async () => ({ projects: await projectsWithIndicatorCounts(db()) }),
  );

  router.route(
    {
      method: "post",
      path: "/projects",
      summary: "Opret et projekt",
      tag: TAG,
      action: "manage-projects",
      body: projectCreateBody,
      status: 201,
      response: projects.project,
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
      response: projects.projectWithIndicators,
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
      body: projectUpdateBody,
      response: projects.project,
    },
    async ({ params, body }) => ({ project: await editProject(db(), params.id, body) }),
  );

  router.route(
    {
      method: "delete",
      path: "/projects/:id",
      summary: "Slet et projekt med indikatorer, værdier og kommentarer",
      tag: TAG,
      action: "manage-projects",
      params: idParam,
      response: deletedResponse,
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
      response: projects.indicators,
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
      action: "manage-projects",
      params: idParam,
      body: indicatorCreateBody,
      status: 201,
      response: projects.indicator,
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
      response: projects.indicator,
    },
    async ({ params }) => ({ indicator: await requireIndicator(db(), params.id) }),
  );

  router.route(
    {
      method: "patch",
      path: "/indicators/:id",
      summary: "Ret en indikator; et medsendt mål erstatter startmåling, mindste mål og slutmål",
      tag: TAG,
      action: "manage-projects",
      params: idParam,
      body: indicatorUpdateBody,
      response: projects.indicator,
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
      action: "manage-projects",
      params: idParam,
      response: deletedResponse,
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
      response: projects.target,
    },
    async ({ params }) => ({ target: await indicatorTarget(db(), params.id) }),
  );

  router.route(
    {
      method: "put",
      path: "/indicators/:id/target",
      summary: "Sæt en indikators mål (erstatter startmåling, alle mindste mål og slutmål)",
      tag: TAG,
      action: "edit-project",
      params: idParam,
      body: targetBody,
      response: projects.indicatorWithRow,
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
      response: projects.values,
    },
    async ({ params }) => indicatorValues(db(), params.id),
  );

  router.route(
    {
      method: "put",
      path: "/indicators/:id/values/:period",
      summary: "Indtast månedens værdi for en manuel indikator (ÅÅÅÅ-MM, målt primo måneden)",
      tag: TAG,
      action: "edit-project",
      params: periodParam,
      body: manualValueBody,
      response: projects.manualValue,
    },
    async ({ params, body, actor }) =>
      enterManualValue(db(), { indicatorId: params.id, period: params.period, ...body, enteredBy: actor.id }),
  );

  router.route(
    {
      method: "delete",
      path: "/indicators/:id/values/:period",
      summary: "Slet månedens indtastede værdi",
      tag: TAG,
      action: "edit-project",
      params: periodParam,
      response: projects.manualValueDeleted,
    },
    async ({ params }) => removeManualValue(db(), params.id, params.period),
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
      response: projects.comments,
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
      body: commentBody,
      response: projects.comment,
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
      response: projects.statusScheme,
    },
    async ({ params, query }) => {
      if (query.from && query.to && query.from > query.to) {
        throw badRequest("Ugyldigt felt «to»: må ikke ligge før «from»", "to");
      }
      const scheme = await statusSchemeReadModel(db(), params.id, { from: query.from, to: query.to });
      if (!scheme.value) throw notFound(`Projekt ${params.id}`);
      return jsonBytesResponse(scheme.json());
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
      response: { file: XLSX },
    },
    async ({ params, query }) => {
      const scheme = await buildStatusScheme(db(), params.id, { from: query.from, to: query.to });
      if (!scheme) throw notFound(`Projekt ${params.id}`);
      const buffer = await statusSchemeWorkbook(scheme);
      const filename = `statusskema-${scheme.project.code}.xlsx`;
      return xlsxResponse(buffer, filename);
    },
  );
}
