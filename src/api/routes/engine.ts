import { describeDefinition } from "../../engine/definition.ts";
import { measureCatalogue } from "../../engine/measure-view.ts";
import { exitStatisticsXlsx } from "../../reports/exit-statistics-xlsx.ts";
import { computationStatus, startComputationJob } from "../../services/computations.ts";
import {
  describeIndicatorDefinition,
  type ResultView,
  validateDefinitionInput,
} from "../../services/compute.ts";
import { exitReport } from "../../services/exit-reports.ts";
import { freezeProjectPeriod, projectRevisions } from "../../services/freeze.ts";
import { deleteOutcomeGroups, saveOutcomeGroups } from "../../services/outcome-groups.ts";
import { personListOfValue } from "../../services/person-lists.ts";
import { valueProvenance } from "../../services/provenance.ts";
import { inTransaction } from "../../store/db.ts";
import { listOutcomeGroupSets } from "../../store/repositories/outcome-groups.ts";
import { idParam, XLSX, xlsxResponse } from "../contract/common.ts";
import {
  definitionValidateBody,
  responses as engine,
  exitQuery,
  freezeBody,
  groupSetNameParam,
  outcomeGroupSetBody,
  valueParams,
} from "../contract/engine.ts";
import { measureCatalogueResponse } from "../contract/measures.ts";
import { ApiError, badRequest } from "../errors.ts";
import type { ApiRouter } from "../router.ts";
import { checkedComputePlan } from "./snapshot-use.ts";

/** Routes for: computation, provenance, person lists, exit statistics, freezing. */
export function engineRoutes(router: ApiRouter): void {
  router.route(
    {
      method: "post",
      path: "/compute",
      summary: "Start en beregning af alle beregnede indikatorer (Beregn); følg den på /computations/latest",
      tag: "Beregning",
      action: "compute",
      status: 201,
      response: engine.computationStarted,
    },
    async ({ actor, deps, c }) => {
      // the snapshot: the chosen one, else the newest extraction date; a step back is confirmed first
      const { snapshotId } = await checkedComputePlan(c, deps);
      return { computation: await startComputationJob(deps.store.db, deps.dataDir, actor.id, snapshotId) };
    },
  );

  router.route(
    {
      method: "get",
      path: "/computations/latest",
      summary: "Den seneste beregning med fremdrift, status og fejl, og den seneste vellykkede",
      tag: "Beregning",
      action: "read",
      response: engine.computationStatus,
    },
    async ({ deps }) => computationStatus(deps.store.db),
  );

  router.route(
    {
      method: "get",
      path: "/indicators/:id/values/:period/provenance",
      summary: "Hvordan et tal er lavet: definition i ord, SQL, snapshot, tæller og nævner, beregningstid",
      tag: "Beregning",
      action: "read",
      params: valueParams,
      response: engine.provenance,
    },
    async ({ params, deps }) => valueProvenance(deps.store.db, deps.dataDir, params.id, params.period),
  );

  router.route(
    {
      method: "post",
      path: "/definitions/validate",
      summary: "Valider en indikatordefinition givet som YAML-tekst eller objekt",
      tag: "Beregning",
      action: "read",
      body: definitionValidateBody,
      response: engine.definitionValidation,
    },
    async ({ body }) => {
      if (body.yaml === undefined && body.definition === undefined) {
        throw badRequest("Angiv enten yaml (tekst) eller definition (objekt)", "yaml");
      }
      const result = validateDefinitionInput(body);
      const view = (result.stored?.result as ResultView | undefined) ?? "share";
      return {
        ...result,
        descriptions: result.value.map((d) =>
          result.stored ? describeIndicatorDefinition(d, view) : describeDefinition(d),
        ),
      };
    },
  );

  router.route(
    {
      method: "post",
      path: "/projects/:id/freeze",
      summary: "Indefrys projektets værdier for en måned (de tal, der er rapporteret til udvalget)",
      tag: "Beregning",
      action: "freeze",
      params: idParam,
      body: freezeBody,
      response: engine.freeze,
    },
    async ({ params, body, actor, deps }) => {
      const result = await inTransaction(deps.store.db, (tx) =>
        freezeProjectPeriod(tx, { projectId: params.id, ...body, frozenBy: actor.id }),
      );
      return { period: body.period, ...result };
    },
  );

  router.route(
    {
      method: "get",
      path: "/projects/:id/revisions",
      summary: "Indefrosne værdier, som en senere beregning har ændret (gammel → ny)",
      tag: "Beregning",
      action: "read",
      params: idParam,
      response: engine.revisions,
    },
    async ({ params, deps }) => ({ revisions: await projectRevisions(deps.store.db, params.id) }),
  );

  router.route(
    {
      method: "get",
      path: "/indicators/:id/values/:period/persons",
      summary: "Borgeroverblik: personerne bag et tal (kræver personadgang; hver visning logges)",
      tag: "Beregning",
      action: "read-persons",
      params: valueParams,
      response: engine.persons,
    },
    async ({ params, actor, deps }) => {
      if (!deps.config.personListsEnabled) {
        throw new ApiError("forbidden", "Personlister (borgeroverblik) er slået fra i denne installation");
      }
      const input = { indicatorId: params.id, period: params.period, viewedBy: actor.id };
      return personListOfValue(deps.store.db, deps.dataDir, input);
    },
  );

  router.route(
    {
      method: "get",
      path: "/outcome-group-sets",
      summary: "Grupperinger af afslutningsårsager til udfaldsgrupper",
      tag: "Afgangsstatistik",
      action: "read",
      response: engine.groupSets,
    },
    async ({ deps }) => ({ groupSets: await listOutcomeGroupSets(deps.store.db) }),
  );

  router.route(
    {
      method: "put",
      path: "/outcome-group-sets",
      summary: "Gem en gruppering af afslutningsårsager (erstatter en med samme navn)",
      tag: "Afgangsstatistik",
      action: "manage-projects",
      body: outcomeGroupSetBody,
      response: engine.groupSet,
    },
    async ({ body, actor, deps }) => ({
      groupSet: await inTransaction(deps.store.db, (tx) => saveOutcomeGroups(tx, body, actor.id)),
    }),
  );

  router.route(
    {
      method: "delete",
      path: "/outcome-group-sets/:name",
      summary: "Slet en gruppering af afslutningsårsager",
      tag: "Afgangsstatistik",
      action: "manage-projects",
      params: groupSetNameParam,
      response: engine.groupSetDeleted,
    },
    async ({ params, actor, deps }) =>
      inTransaction(deps.store.db, (tx) => deleteOutcomeGroups(tx, params.name, actor.id)),
  );

  router.route(
    {
      method: "get",
      path: "/measures",
      summary: "Målingskataloget: hver målings parametre med standardværdier, og hvad den måler",
      tag: "Beregning",
      action: "read",
      response: measureCatalogueResponse,
    },
    async () => measureCatalogue(),
  );

  router.route(
    {
      method: "get",
      path: "/exit-statistics",
      summary: "Afgangsstatistik: afsluttede forløb pr. afslutningsårsag og år, med udfaldsgrupper",
      tag: "Afgangsstatistik",
      action: "read",
      query: exitQuery,
      response: engine.exitStatistics,
    },
    async ({ query, deps }) => exitReport(deps.store.db, deps.dataDir, query),
  );

  router.route(
    {
      method: "get",
      path: "/exit-statistics.xlsx",
      summary: "Afgangsstatistikken som Excel-fil",
      tag: "Afgangsstatistik",
      action: "read",
      query: exitQuery,
      response: { file: XLSX },
    },
    async ({ query, deps }) => {
      const report = await exitReport(deps.store.db, deps.dataDir, query);
      const buf = await exitStatisticsXlsx(report);
      return xlsxResponse(buf, `afgangsstatistik-${query.from}-${query.to}.xlsx`);
    },
  );
}
