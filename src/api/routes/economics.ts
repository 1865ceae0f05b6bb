import path from "node:path";
import { z } from "zod";
import { businessCaseModelSchema } from "../../domain/economics/business-case.ts";
import { MAALTAL_KINDS } from "../../domain/economics/maaltal.ts";
import { computePotential, potentialDetail, potentialInputSchema } from "../../domain/economics/potential.ts";
import {
  benefitCode,
  priceFor,
  priceInputSchema,
  priceRow,
  WEEKS_PER_YEAR,
} from "../../domain/economics/prices.ts";
import { COFINANCED_BENEFITS, STAIRCASE_BANDS, staircaseTable } from "../../domain/economics/staircase.ts";
import { economicsWorkbook, maaltalWorkbook, XLSX_CONTENT_TYPE } from "../../reports/economics-xlsx.ts";
import {
  businessCasesOf,
  evaluateBusinessCase,
  maaltalReport,
  projectEconomics,
} from "../../services/economics.ts";
import {
  createBusinessCase,
  deleteBusinessCase,
  deleteMaaltalLine,
  deletePrice,
  getBusinessCase,
  getMaaltalLine,
  getProjectBrief,
  insertMaaltalLines,
  listBudgetPeriods,
  listMaaltalLines,
  listPrices,
  listProjectBriefs,
  type PriceRecord,
  snapshotFolder,
  updateBusinessCase,
  updateMaaltalLine,
  updatePrice,
  upsertPrice,
} from "../../store/repositories/economics.ts";
import { refusionPrices } from "../../warehouse/refusion-prices.ts";
import { ApiError, notFound } from "../errors.ts";
import { type ApiRouter, idParam } from "../router.ts";

const TAG = "Økonomi";

function withDerived(p: PriceRecord) {
  const r = priceRow(p);
  return {
    ...p,
    benefitName: r.benefitName,
    net: r.net,
    weekly: r.weekly,
    netRounded: r.netRounded,
    weeklyRounded: r.weeklyRounded,
  };
}

const pricePatchSchema = z
  .object({
    grossPerFteYear: z.number().nonnegative().optional(),
    refusionPct: z.number().min(0).max(100).optional(),
    sourceNote: z.string().max(500).optional(),
  })
  .strict();

const businessCaseCreateSchema = z.object({
  projectId: z.number().int().positive(),
  name: z.string().trim().min(1).max(200),
  model: businessCaseModelSchema,
});
const businessCaseUpdateSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  model: businessCaseModelSchema.optional(),
});

const budgetPeriod = z.string().regex(/^\d{4}(-\d{4})?$/, "forventet budgetperiode som 2024-2025");

const maaltalLineSchema = z.object({
  groupName: z.string().trim().min(1).max(200),
  groupOrder: z.number().int().min(0).default(0),
  lineOrder: z.number().int().min(0).default(0),
  label: z.string().trim().min(1).max(300),
  fte: z.number(),
  kind: z.enum(MAALTAL_KINDS as [string, ...string[]]),
  projectId: z.number().int().positive().nullable().optional(),
  benefits: z.array(benefitCode).default([]),
});
const maaltalCreateSchema = maaltalLineSchema.extend({ budgetPeriod });
const maaltalPatchSchema = maaltalLineSchema.partial().strict();

const staircaseQuery = z.object({
  benefit: benefitCode.default("kontanthjaelp"),
  grossPerWeek: z.coerce.number().positive().optional(),
  maxWeeks: z.coerce.number().int().min(1).max(520).default(104),
  priorWeeks: z.coerce.number().int().min(0).max(2000).default(0),
});

const yearQuery = z.object({ budgetYear: z.coerce.number().int().min(2000).max(2100).optional() });
const periodQuery = z.object({ period: budgetPeriod.optional() });

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
    },
    async ({ query }) => ({ prices: (await listPrices(db(), query.budgetYear)).map(withDerived) }),
  );

  router.route(
    {
      method: "post",
      path: "/economics/prices",
      summary: "Opret eller erstat prisen for en ydelse i et budgetår",
      tag: TAG,
      action: "edit-economics",
      body: priceInputSchema,
      status: 201,
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
      body: pricePatchSchema,
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
      query: z.object({ snapshot: z.string().min(1).optional() }),
    },
    async ({ query, deps }) => {
      const snap = await snapshotFolder(db(), query.snapshot);
      if (query.snapshot && !snap) throw notFound(`Snapshot ${query.snapshot}`);
      const catalogue = await listPrices(db());
      if (!snap) return { snapshot: null, available: false, months: [], totals: [], catalogue: [] };
      const data = await refusionPrices(path.resolve(deps.dataDir, snap.folder));
      const year = Number(snap.extractionDate.slice(0, 4));
      const benefits = [...new Set(data.totals.map((t) => t.benefit))];
      return {
        snapshot: { id: snap.id, extractionDate: snap.extractionDate },
        ...data,
        catalogue: benefits.flatMap((b) => {
          const p = priceFor(catalogue, b, year);
          return p ? [withDerived(p)] : [];
        }),
      };
    },
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
    },
    async ({ query }) => {
      let grossPerWeek = query.grossPerWeek;
      let grossSource = "angivet";
      if (grossPerWeek === undefined) {
        const latest = (await listPrices(db())).filter((p) => p.benefit === query.benefit).at(-1);
        grossPerWeek = latest ? latest.grossPerFteYear / WEEKS_PER_YEAR : 1000;
        grossSource = latest ? `priskataloget ${latest.budgetYear}` : "eksempel (1.000 kr. pr. uge)";
      }
      return {
        benefit: query.benefit,
        kind: COFINANCED_BENEFITS.has(query.benefit) ? "medfinansiering" : "refusion",
        grossPerWeek,
        grossSource,
        priorWeeks: query.priorWeeks,
        bands: STAIRCASE_BANDS.map((b) => ({ ...b, toWeek: Number.isFinite(b.toWeek) ? b.toWeek : null })),
        rows: staircaseTable(query.maxWeeks, grossPerWeek, query.benefit, query.priorWeeks),
      };
    },
  );

  router.route(
    {
      method: "post",
      path: "/economics/potential",
      summary: "Potentialeberegning: reducerede fuldtidspersoner × nettoudgift (seed 004 tabel 2)",
      tag: TAG,
      action: "read",
      body: potentialInputSchema,
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
      query: z.object({ projectId: z.coerce.number().int().positive().optional() }),
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
    },
    async ({ params }) => {
      const rec = await getBusinessCase(db(), params.id);
      if (!rec) throw notFound(`Business case ${params.id}`);
      return { businessCase: evaluateBusinessCase(rec, await listPrices(db())) };
    },
  );

  router.route(
    {
      method: "post",
      path: "/economics/business-cases",
      summary: "Opret en business case for et projekt",
      tag: TAG,
      action: "edit-economics",
      body: businessCaseCreateSchema,
      status: 201,
    },
    async ({ body }) => {
      if (!(await getProjectBrief(db(), body.projectId))) {
        throw new ApiError("bad_request", `Projekt ${body.projectId} findes ikke`, "projectId");
      }
      const rec = await createBusinessCase(db(), {
        projectId: body.projectId,
        name: body.name,
        model: body.model as unknown as Record<string, unknown>,
      });
      return { businessCase: evaluateBusinessCase(rec, await listPrices(db())) };
    },
  );

  router.route(
    {
      method: "put",
      path: "/economics/business-cases/:id",
      summary: "Ret en business case (navn og/eller model)",
      tag: TAG,
      action: "edit-economics",
      params: idParam,
      body: businessCaseUpdateSchema,
    },
    async ({ params, body }) => {
      const rec = await updateBusinessCase(db(), params.id, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.model !== undefined ? { model: body.model as unknown as Record<string, unknown> } : {}),
      });
      if (!rec) throw notFound(`Business case ${params.id}`);
      return { businessCase: evaluateBusinessCase(rec, await listPrices(db())) };
    },
  );

  router.route(
    {
      method: "delete",
      path: "/economics/business-cases/:id",
      summary: "Slet en business case",
      tag: TAG,
      action: "edit-economics",
      params: idParam,
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
    },
    async () => {
      const projects = await listProjectBriefs(db());
      const out = [];
      for (const p of projects) {
        const e = await projectEconomics(db(), p.id);
        if (!e) continue;
        const bc = e.businessCases.find((c) => c.result) ?? e.businessCases[0];
        out.push({
          projectId: p.id,
          code: p.code,
          name: p.name,
          businessCaseId: bc?.id ?? null,
          businessCaseError: bc?.error ?? null,
          potential: bc ? bc.potentialTotal : null,
          investment: bc?.result?.totals.investment ?? null,
          expectedSavings: bc?.result?.totals.savings ?? null,
          expectedNet: bc?.result?.totals.net ?? null,
          roiPct: bc?.result?.roiPct ?? null,
          payback: bc?.result?.payback ?? null,
          realized: e.realized.hasData ? e.realized.total : null,
          realizedThrough: e.realized.months.filter((m) => m.gain !== null).at(-1)?.month ?? null,
        });
      }
      return { projects: out };
    },
  );

  router.route(
    {
      method: "get",
      path: "/economics/projects/:id",
      summary: "Et projekts business case, potentiale og realiserede gevinst måned for måned",
      tag: TAG,
      action: "read",
      params: idParam,
    },
    async ({ params }) => {
      const e = await projectEconomics(db(), params.id);
      if (!e) throw notFound(`Projekt ${params.id}`);
      return e;
    },
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
    },
    async ({ query }) => {
      const periods = await listBudgetPeriods(db());
      const period = query.period ?? periods.at(-1);
      if (!period) return { periods, report: null };
      if (query.period && !periods.includes(query.period)) throw notFound(`Budgetperioden ${query.period}`);
      return { periods, report: await maaltalReport(db(), period) };
    },
  );

  router.route(
    {
      method: "post",
      path: "/economics/maaltal/lines",
      summary: "Tilføj en linje til måltalstabellen",
      tag: TAG,
      action: "edit-economics",
      body: maaltalCreateSchema,
      status: 201,
    },
    async ({ body }) => {
      if (body.projectId && !(await getProjectBrief(db(), body.projectId))) {
        throw new ApiError("bad_request", `Projekt ${body.projectId} findes ikke`, "projectId");
      }
      const { budgetPeriod: period, ...line } = body;
      await insertMaaltalLines(db(), period, [
        { ...line, kind: line.kind as (typeof MAALTAL_KINDS)[number] },
      ]);
      const lines = await listMaaltalLines(db(), period);
      return { line: lines.filter((l) => l.label === line.label && l.groupName === line.groupName).at(-1) };
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
      body: maaltalPatchSchema,
    },
    async ({ params, body }) => {
      if (body.projectId && !(await getProjectBrief(db(), body.projectId))) {
        throw new ApiError("bad_request", `Projekt ${body.projectId} findes ikke`, "projectId");
      }
      const { kind, ...rest } = body;
      const line = await updateMaaltalLine(db(), params.id, {
        ...rest,
        ...(kind ? { kind: kind as (typeof MAALTAL_KINDS)[number] } : {}),
      });
      if (!line) throw notFound(`Måltalslinje ${params.id}`);
      return { line };
    },
  );

  router.route(
    {
      method: "delete",
      path: "/economics/maaltal/lines/:id",
      summary: "Slet en linje i måltalstabellen",
      tag: TAG,
      action: "edit-economics",
      params: idParam,
    },
    async ({ params }) => {
      if (!(await getMaaltalLine(db(), params.id))) throw notFound(`Måltalslinje ${params.id}`);
      await deleteMaaltalLine(db(), params.id);
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
    },
    async ({ deps }) => {
      const prices = await listPrices(db());
      const businessCases = await businessCasesOf(db());
      const projectIds = [...new Set(businessCases.map((b) => b.projectId))];
      const projects = [];
      for (const id of projectIds) {
        const e = await projectEconomics(db(), id);
        if (e) projects.push(e);
      }
      const snap = await snapshotFolder(db());
      const fromData = snap ? await refusionPrices(path.resolve(deps.dataDir, snap.folder)) : undefined;
      const buffer = await economicsWorkbook({ prices, businessCases, projects, fromData });
      return new Response(new Uint8Array(buffer), {
        headers: {
          "content-type": XLSX_CONTENT_TYPE,
          "content-disposition": 'attachment; filename="oekonomi.xlsx"',
        },
      });
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
    },
    async ({ query }) => {
      const period = query.period ?? (await listBudgetPeriods(db())).at(-1);
      if (!period) throw notFound("Måltalstabellen");
      const buffer = await maaltalWorkbook(await maaltalReport(db(), period));
      return new Response(new Uint8Array(buffer), {
        headers: {
          "content-type": XLSX_CONTENT_TYPE,
          "content-disposition": `attachment; filename="maaltal-${period}.xlsx"`,
        },
      });
    },
  );
}
