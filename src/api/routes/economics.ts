import { computePotential, potentialDetail } from "../../domain/economics/potential.ts";
import { economicsWorkbook, maaltalWorkbook } from "../../reports/economics-xlsx.ts";
import {
  addBusinessCase,
  businessCase,
  economicsByProject,
  economicsExport,
  editBusinessCase,
  projectEconomicsOrNotFound,
} from "../../services/business-cases.ts";
import { businessCasesOf } from "../../services/economics.ts";
import {
  addMaaltalLine,
  editMaaltalLine,
  maaltalOverview,
  maaltalReportOf,
  removeMaaltalLine,
} from "../../services/maaltal.ts";
import { pricesFromData, pricesWithDerived, staircase, withDerived } from "../../services/prices.ts";
import {
  deleteBusinessCase,
  deletePrice,
  updatePrice,
  upsertPrice,
} from "../../store/repositories/economics.ts";
import { idParam, okResponse, XLSX, xlsxResponse } from "../contract/common.ts";
import {
  businessCaseCreateBody,
  businessCasesQuery,
  businessCaseUpdateBody,
  responses as economics,
  fromDataQuery,
  maaltalCreateBody,
  maaltalPatchBody,
  periodQuery,
  potentialBody,
  priceBody,
  pricePatchBody,
  staircaseQuery,
  yearQuery,
} from "../contract/economics.ts";
import { notFound } from "../errors.ts";
import type { ApiRouter } from "../router.ts";

const TAG = "Økonomi";

/** Routes for: prices, staircase, potential, business cases, måltal. */
export function economicsRoutes(router: ApiRouter): void {
  const db = () => router.deps.store.db;

  // ---------------------------------------------------------------- prices
  router.route(
    {
      method: "get",
      path: "/economics/prices",
      summary: "Priskataloget (pr. ydelse og budgetår)",
      tag: TAG,
      action: "read",
      query: yearQuery,
      response: economics.prices,
    },
    async ({ query }) => ({ prices: await pricesWithDerived(db(), query.budgetYear) }),
  );

  router.route(
    {
      method: "post",
      path: "/economics/prices",
      summary: "Opret eller erstat prisen for en ydelse i et budgetår",
      tag: TAG,
      action: "edit-economics",
      body: priceBody,
      status: 201,
      response: economics.price,
    },
    async ({ body }) => ({ price: withDerived(await upsertPrice(db(), body)) }),
  );

  router.route(
    {
      method: "patch",
      path: "/economics/prices/:id",
      summary: "Ret en pris",
      tag: TAG,
      action: "edit-economics",
      params: idParam,
      body: pricePatchBody,
      response: economics.price,
    },
    async ({ params, body }) => {
      const row = await updatePrice(db(), params.id, body);
      if (!row) throw notFound(`Pris ${params.id}`);
      return { price: withDerived(row) };
    },
  );

  router.route(
    {
      method: "delete",
      path: "/economics/prices/:id",
      summary: "Slet en pris",
      tag: TAG,
      action: "edit-economics",
      params: idParam,
      response: okResponse,
    },
    async ({ params }) => {
      if (!(await deletePrice(db(), params.id))) throw notFound(`Pris ${params.id}`);
      return { ok: true };
    },
  );

  router.route(
    {
      method: "get",
      path: "/economics/prices/from-data",
      summary:
        "Faktiske udgifter og refusion pr. ydelse og måned fra snapshottets refusionsdata, ved siden af katalogprisen",
      tag: TAG,
      action: "read",
      query: fromDataQuery,
      response: economics.fromData,
    },
    async ({ query, deps }) => pricesFromData(db(), deps.dataDir, query.snapshot),
  );

  // ---------------------------------------------------------------- staircase and potential
  router.route(
    {
      method: "get",
      path: "/economics/staircase",
      summary: "Refusionstrappen: gennemsnitlig refusion og ugentlig nettopris for forløb på 1…N uger",
      tag: TAG,
      action: "read",
      query: staircaseQuery,
      response: economics.staircase,
    },
    async ({ query }) => staircase(db(), query),
  );

  router.route(
    {
      method: "post",
      path: "/economics/potential",
      // the shape of seed 004 table 2
      summary: "Potentialeberegning: reducerede fuldtidspersoner × nettoudgift pr. ydelse",
      tag: TAG,
      action: "read",
      body: potentialBody,
      response: economics.potential,
    },
    async ({ body }) => ({ result: computePotential(body), detail: potentialDetail(body) }),
  );

  // ---------------------------------------------------------------- business cases
  router.route(
    {
      method: "get",
      path: "/economics/business-cases",
      summary: "Business cases med beregnet resultat",
      tag: TAG,
      action: "read",
      query: businessCasesQuery,
      response: economics.businessCases,
    },
    async ({ query }) => ({ businessCases: await businessCasesOf(db(), query.projectId) }),
  );

  router.route(
    {
      method: "get",
      path: "/economics/business-cases/:id",
      summary: "Én business case",
      tag: TAG,
      action: "read",
      params: idParam,
      response: economics.businessCase,
    },
    async ({ params }) => ({ businessCase: await businessCase(db(), params.id) }),
  );

  router.route(
    {
      method: "post",
      path: "/economics/business-cases",
      summary: "Opret en business case for et projekt",
      tag: TAG,
      action: "edit-economics",
      body: businessCaseCreateBody,
      status: 201,
      response: economics.businessCase,
    },
    async ({ body }) => ({ businessCase: await addBusinessCase(db(), body) }),
  );

  router.route(
    {
      method: "put",
      path: "/economics/business-cases/:id",
      summary: "Ret en business case (navn og/eller model)",
      tag: TAG,
      action: "edit-economics",
      params: idParam,
      body: businessCaseUpdateBody,
      response: economics.businessCase,
    },
    async ({ params, body }) => ({ businessCase: await editBusinessCase(db(), params.id, body) }),
  );

  router.route(
    {
      method: "delete",
      path: "/economics/business-cases/:id",
      summary: "Slet en business case",
      tag: TAG,
      action: "edit-economics",
      params: idParam,
      response: okResponse,
    },
    async ({ params }) => {
      if (!(await deleteBusinessCase(db(), params.id))) throw notFound(`Business case ${params.id}`);
      return { ok: true };
    },
  );

  // ---------------------------------------------------------------- per project
  router.route(
    {
      method: "get",
      path: "/economics/projects",
      summary: "Økonomien pr. projekt: potentiale, forventet resultat og realiseret gevinst",
      tag: TAG,
      action: "read",
      response: economics.projects,
    },
    async () => ({ projects: await economicsByProject(db()) }),
  );

  router.route(
    {
      method: "get",
      path: "/economics/projects/:id",
      summary: "Et projekts business case, potentiale og realiserede gevinst måned for måned",
      tag: TAG,
      action: "read",
      params: idParam,
      response: economics.projectEconomics,
    },
    async ({ params }) => projectEconomicsOrNotFound(db(), params.id),
  );

  // ---------------------------------------------------------------- måltal
  router.route(
    {
      method: "get",
      path: "/economics/maaltal",
      summary: "Måltalstabellen pr. ydelsesgruppe med justeringer, totaler og månedlig opfølgning",
      tag: TAG,
      action: "read",
      query: periodQuery,
      response: economics.maaltal,
    },
    async ({ query }) => maaltalOverview(db(), query.period),
  );

  router.route(
    {
      method: "post",
      path: "/economics/maaltal/lines",
      summary: "Tilføj en linje til måltalstabellen",
      tag: TAG,
      action: "edit-economics",
      body: maaltalCreateBody,
      status: 201,
      response: economics.maaltalLine,
    },
    async ({ body }) => {
      const { budgetPeriod: period, ...line } = body;
      return { line: await addMaaltalLine(db(), period, line) };
    },
  );

  router.route(
    {
      method: "patch",
      path: "/economics/maaltal/lines/:id",
      summary: "Ret en linje i måltalstabellen",
      tag: TAG,
      action: "edit-economics",
      params: idParam,
      body: maaltalPatchBody,
      response: economics.maaltalLine,
    },
    async ({ params, body }) => ({ line: await editMaaltalLine(db(), params.id, body) }),
  );

  router.route(
    {
      method: "delete",
      path: "/economics/maaltal/lines/:id",
      summary: "Slet en linje i måltalstabellen",
      tag: TAG,
      action: "edit-economics",
      params: idParam,
      response: okResponse,
    },
    async ({ params }) => {
      await removeMaaltalLine(db(), params.id);
      return { ok: true };
    },
  );

  // ---------------------------------------------------------------- exports
  router.route(
    {
      method: "get",
      path: "/economics/export.xlsx",
      summary: "Priskatalog, business cases og realiseret gevinst som Excel-fil",
      tag: TAG,
      action: "read",
      response: { file: XLSX },
    },
    async ({ deps }) => {
      const buffer = await economicsWorkbook(await economicsExport(db(), deps.dataDir));
      return xlsxResponse(buffer, "oekonomi.xlsx");
    },
  );

  router.route(
    {
      method: "get",
      path: "/economics/maaltal.xlsx",
      summary: "Måltalstabellen med opfølgning som Excel-fil",
      tag: TAG,
      action: "read",
      query: periodQuery,
      response: { file: XLSX },
    },
    async ({ query }) => {
      const { period, report } = await maaltalReportOf(db(), query.period);
      const buffer = await maaltalWorkbook(report);
      return xlsxResponse(buffer, `maaltal-${period}.xlsx`);
    },
  );
}
