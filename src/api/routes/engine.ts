import { z } from "zod";
import { monthLabelLong } from "../../domain/format.ts";
import { describeDefinition } from "../../engine/definition.ts";
import { resolveSnapshot } from "../../engine/snapshots.ts";
import { computationStatus, startComputationJob } from "../../services/computations.ts";
import {
  definitionOfIndicator,
  describeIndicatorDefinition,
  type ResultView,
  validateDefinitionInput,
} from "../../services/compute.ts";
import { exitStatistics, exitStatisticsXlsx } from "../../services/exit-statistics.ts";
import { hasPersonList, listPersons } from "../../services/persons.ts";
import type { Store } from "../../store/db.ts";
import {
  freezeProjectPeriod,
  getComputedValue,
  getFrozenValue,
  getIndicator,
  listRevisions,
  projectExists,
  revisionOf,
  snapshotExtractionDate,
  writeAudit,
} from "../../store/repositories/computed.ts";
import {
  getOutcomeGroupSet,
  listOutcomeGroupSets,
  saveOutcomeGroupSet,
} from "../../store/repositories/outcome-groups.ts";
import { permits } from "../auth.ts";
import { ApiError, badRequest, notFound } from "../errors.ts";
import { type ApiRouter, idParam } from "../router.ts";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Måneden skal skrives ÅÅÅÅ-MM, fx 2024-02");
const valueParams = z.object({ id: z.coerce.number().int().positive(), period: month });

const commaList = z
  .string()
  .min(1, "Vælg mindst én")
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  );

const exitQuery = z.object({
  benefits: commaList,
  categories: commaList.optional(),
  from: month,
  to: month,
  groupSet: z.string().optional(),
});

type ExitQuery = z.infer<typeof exitQuery>;

async function latestSnapshotOr404(dataDir: string) {
  try {
    return await resolveSnapshot(dataDir);
  } catch (e) {
    throw new ApiError(
      "not_found",
      e instanceof Error ? e.message : "Der er ingen snapshots; importér data først",
    );
  }
}

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
    },
    async ({ actor, deps }) => ({
      computation: await startComputationJob(deps.store.db, deps.dataDir, actor.id),
    }),
  );

  router.route(
    {
      method: "get",
      path: "/computations/latest",
      summary: "Den seneste beregning med fremdrift, status og fejl, og den seneste vellykkede",
      tag: "Beregning",
      action: "read",
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
    },
    async ({ params, deps }) => {
      const { db } = deps.store;
      const ind = await getIndicator(db, params.id);
      if (!ind) throw notFound("Indikatoren");
      const value = await getComputedValue(db, ind.id, params.period);
      const frozen = await getFrozenValue(db, ind.id, params.period);
      if (!value) {
        throw new ApiError(
          "not_found",
          `Der er ingen beregnet værdi for «${ind.name}» i ${monthLabelLong(params.period)}`,
        );
      }
      const def = definitionOfIndicator(ind);
      let extractionDate: string | null = null;
      if (value.snapshotId) {
        extractionDate = (await snapshotExtractionDate(db, value.snapshotId)) ?? null;
        if (!extractionDate) {
          try {
            extractionDate = (await resolveSnapshot(deps.dataDir, value.snapshotId)).manifest.extractionDate;
          } catch {
            extractionDate = null;
          }
        }
      }
      return {
        indicator: { id: ind.id, code: ind.code, name: ind.name, unit: ind.unit },
        period: params.period,
        description: def.value ? describeIndicatorDefinition(def.value, def.result) : null,
        result: def.result,
        definition: ind.definition,
        sql: value.compiledSql,
        snapshotId: value.snapshotId,
        extractionDate,
        numerator: value.numerator,
        denominator: value.denominator,
        value: value.value,
        computedAt: value.computedAt,
        computationId: value.computationId,
        definitionVersion: value.definitionVersion,
        currentDefinitionVersion: ind.definitionVersion,
        definitionHash: value.definitionHash,
        frozen: frozen ? { value: frozen.value, frozenAt: frozen.frozenAt, frozenBy: frozen.frozenBy } : null,
        revision: revisionOf(frozen, value),
        personListAvailable: def.value ? hasPersonList(def.value) : false,
      };
    },
  );

  router.route(
    {
      method: "post",
      path: "/definitions/validate",
      summary: "Valider en indikatordefinition givet som YAML-tekst eller objekt",
      tag: "Beregning",
      action: "read",
      body: z.object({ yaml: z.string().optional(), definition: z.unknown().optional() }),
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
      body: z.object({ period: month, reportLabel: z.string().max(200).optional() }),
    },
    async ({ params, body, actor, deps }) => {
      const { db } = deps.store;
      if (!(await projectExists(db, params.id))) throw notFound("Projektet");
      const result = await freezeProjectPeriod(db, {
        projectId: params.id,
        period: body.period,
        frozenBy: actor.id,
        reportLabel: body.reportLabel,
      });
      await writeAudit(db, {
        actor: actor.id,
        action: "freeze",
        subject: `project:${params.id}:${body.period}`,
        details: result,
      });
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
    },
    async ({ params, deps }) => {
      const { db } = deps.store;
      if (!(await projectExists(db, params.id))) throw notFound("Projektet");
      return { revisions: await listRevisions(db, params.id) };
    },
  );

  router.route(
    {
      method: "get",
      path: "/indicators/:id/values/:period/persons",
      summary: "Borgeroverblik: personerne bag et tal (kræver personadgang; hver visning logges)",
      tag: "Beregning",
      // the person-level check is made in the handler, after the installation switch, so each refusal says why
      action: "read",
      params: valueParams,
    },
    async ({ params, actor, deps }) => {
      if (!deps.config.personListsEnabled) {
        throw new ApiError("forbidden", "Personlister (borgeroverblik) er slået fra i denne installation");
      }
      if (!permits(actor, "read-persons")) {
        throw new ApiError("forbidden", "Du har ikke adgang til personlister (borgeroverblik)");
      }
      const { db } = deps.store;
      const ind = await getIndicator(db, params.id);
      if (!ind) throw notFound("Indikatoren");
      const def = definitionOfIndicator(ind);
      if (!def.value) throw badRequest(`Indikatoren «${ind.name}» har ingen gyldig definition`);
      if (!hasPersonList(def.value)) {
        throw badRequest(
          "Personlisten findes kun for mål over personerne i målgruppen den 1. i måneden (ikke for afsluttede forløb, fuldtidspersoner eller markeringer)",
        );
      }
      const value = await getComputedValue(db, ind.id, params.period);
      let snapshot: Awaited<ReturnType<typeof resolveSnapshot>>;
      try {
        snapshot = await resolveSnapshot(deps.dataDir, value?.snapshotId ?? undefined);
      } catch {
        throw new ApiError(
          "not_found",
          value?.snapshotId
            ? `Snapshottet ${value.snapshotId}, som tallet er beregnet på, findes ikke længere`
            : "Der er ingen snapshots; importér data først",
        );
      }
      const persons = await listPersons(snapshot.dir, def.value, params.period);
      await writeAudit(db, {
        actor: actor.id,
        action: "read-persons",
        subject: `indicator:${ind.id}:${params.period}`,
        details: {
          indicator: ind.code,
          period: params.period,
          snapshotId: snapshot.id,
          count: persons.length,
        },
      });
      return {
        indicator: { id: ind.id, code: ind.code, name: ind.name },
        period: params.period,
        snapshotId: snapshot.id,
        count: persons.length,
        persons,
      };
    },
  );

  router.route(
    {
      method: "get",
      path: "/outcome-group-sets",
      summary: "Grupperinger af afslutningsårsager til udfaldsgrupper",
      tag: "Afgangsstatistik",
      action: "read",
    },
    async ({ deps }) => ({ groupSets: await listOutcomeGroupSets(deps.store.db) }),
  );

  router.route(
    {
      method: "put",
      path: "/outcome-group-sets",
      summary: "Gem en gruppering af afslutningsårsager (erstatter en med samme navn)",
      tag: "Afgangsstatistik",
      action: "edit-project",
      body: z.object({
        name: z.string().trim().min(1, "Grupperingen skal have et navn").max(200),
        groups: z
          .array(
            z.object({
              name: z.string().trim().min(1, "Gruppen skal have et navn"),
              reasons: z.array(
                z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "Skal være en afslutningsårsag (kode)"),
              ),
            }),
          )
          .min(1, "Grupperingen skal have mindst én gruppe"),
      }),
    },
    async ({ body, actor, deps }) => {
      const seen = new Map<string, string>();
      for (const g of body.groups) {
        for (const r of g.reasons) {
          const other = seen.get(r);
          if (other !== undefined) {
            throw badRequest(
              `Afslutningsårsagen «${r}» står både i «${other}» og «${g.name}»; en årsag kan kun høre til én gruppe`,
              "groups",
            );
          }
          seen.set(r, g.name);
        }
      }
      const saved = await saveOutcomeGroupSet(deps.store.db, body);
      await writeAudit(deps.store.db, {
        actor: actor.id,
        action: "edit-outcome-groups",
        subject: `outcome-group-set:${saved.name}`,
      });
      return { groupSet: saved };
    },
  );

  const buildExitReport = async (query: ExitQuery, deps: { store: Store; dataDir: string }) => {
    if (query.from > query.to) throw badRequest("Fra-måneden skal ligge før til-måneden", "from");
    let groups: { name: string; reasons: string[] }[] = [];
    if (query.groupSet) {
      const set = await getOutcomeGroupSet(deps.store.db, query.groupSet);
      if (!set) throw notFound(`Grupperingen «${query.groupSet}»`);
      groups = set.groups;
    }
    const snapshot = await latestSnapshotOr404(deps.dataDir);
    return exitStatistics(
      snapshot.dir,
      { benefits: query.benefits, categories: query.categories, from: query.from, to: query.to },
      {
        groups,
        groupSet: query.groupSet ?? null,
        snapshot: { id: snapshot.id, extractionDate: snapshot.manifest.extractionDate },
      },
    );
  };

  router.route(
    {
      method: "get",
      path: "/exit-statistics",
      summary: "Afgangsstatistik: afsluttede forløb pr. afslutningsårsag og år, med udfaldsgrupper",
      tag: "Afgangsstatistik",
      action: "read",
      query: exitQuery,
    },
    async ({ query, deps }) => buildExitReport(query, deps),
  );

  router.route(
    {
      method: "get",
      path: "/exit-statistics.xlsx",
      summary: "Afgangsstatistikken som Excel-fil",
      tag: "Afgangsstatistik",
      action: "read",
      query: exitQuery,
    },
    async ({ query, deps }) => {
      const report = await buildExitReport(query, deps);
      const buf = await exitStatisticsXlsx(report);
      return new Response(new Uint8Array(buf), {
        headers: {
          "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "content-disposition": `attachment; filename="afgangsstatistik-${query.from}-${query.to}.xlsx"`,
        },
      });
    },
  );
}
