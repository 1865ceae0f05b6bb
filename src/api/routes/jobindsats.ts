import { RAR_OESTJYLLAND } from "../../domain/jobindsats.ts";
import { clientFromEnv } from "../../integrations/jobindsats/client.ts";
import {
  baselineFromJobindsats,
  benchmarkSettings,
  benchmarkView,
  fetchJobindsats,
  importJobindsatsUpload,
  indicatorJobindsatsSeries,
  listStoredSeries,
  manualValueFromJobindsats,
  ownVsJobindsats,
  pickableValues,
  requireClient,
  saveBenchmarkSettings,
} from "../../services/jobindsats.ts";
import { idParam } from "../contract/common.ts";
import {
  benchmarkQuery,
  fetchBody,
  fromValueBody,
  importForm,
  responses as jobindsats,
  settingsBody,
  valuesQuery,
} from "../contract/jobindsats.ts";
import { responses as projects } from "../contract/projects.ts";
import { ApiError } from "../errors.ts";
import type { ApiRouter } from "../router.ts";

const TAG = "Benchmark (jobindsats.dk)";

/** Routes for: benchmark settings, stored jobindsats values, fetch and import, values into indicators. */
export function jobindsatsRoutes(router: ApiRouter): void {
  const db = () => router.deps.store.db;

  router.route(
    {
      method: "get",
      path: "/jobindsats/settings",
      summary: "Kommunen og dens sammenligningsgrundlag; om der er en adgangsnøgle til jobindsats.dk",
      tag: TAG,
      action: "read",
      response: jobindsats.settings,
    },
    async () => ({
      settings: await benchmarkSettings(db()),
      rar: [...RAR_OESTJYLLAND],
      tokenConfigured: clientFromEnv() !== null,
    }),
  );

  router.route(
    {
      method: "put",
      path: "/jobindsats/settings",
      summary:
        "Vælg kommunen og sammenligningsgrundlaget (RAR-området, sammenlignelige kommuner, hele landet)",
      tag: TAG,
      action: "admin",
      body: settingsBody,
      response: jobindsats.settings,
    },
    async ({ body }) => ({
      settings: await saveBenchmarkSettings(db(), body),
      rar: [...RAR_OESTJYLLAND],
      tokenConfigured: clientFromEnv() !== null,
    }),
  );

  router.route(
    {
      method: "get",
      path: "/jobindsats/series",
      summary: "De gemte tal fra jobindsats.dk: én linje pr. tabel, måling og dimension",
      tag: TAG,
      action: "read",
      response: jobindsats.series,
    },
    async () => ({ series: await listStoredSeries(db()) }),
  );

  router.route(
    {
      method: "get",
      path: "/jobindsats/benchmark",
      summary:
        "Kommunen ved siden af sammenligningsgrundlaget for én måling: perioder, placering og en sætning",
      tag: TAG,
      action: "read",
      query: benchmarkQuery,
      response: jobindsats.benchmark,
    },
    async ({ query }) => ({ benchmark: await benchmarkView(db(), query) }),
  );

  router.route(
    {
      method: "get",
      path: "/jobindsats/values",
      summary: "Gemte værdier for kommunen, som en startmåling eller en manuel værdi kan tages fra",
      tag: TAG,
      action: "read",
      query: valuesQuery,
      response: jobindsats.values,
    },
    async ({ query }) => ({ values: await pickableValues(db(), query) }),
  );

  router.route(
    {
      method: "get",
      path: "/jobindsats/own-vs-jobindsats",
      summary: "Effektspors egne fuldtidspersoner ved siden af jobindsats.dk's for de samme måneder",
      tag: TAG,
      action: "read",
      response: jobindsats.ownVs,
    },
    async ({ deps }) => ({ comparison: await ownVsJobindsats(db(), deps.dataDir) }),
  );

  router.route(
    {
      method: "post",
      path: "/jobindsats/fetch",
      summary: "Hent benchmarktabellerne fra jobindsats.dk (kræver EFFEKTSPOR_JOBINDSATS_TOKEN)",
      tag: TAG,
      action: "import",
      body: fetchBody,
      response: jobindsats.fetch,
    },
    async ({ body }) => ({ result: await fetchJobindsats(db(), requireClient(clientFromEnv()), body) }),
  );

  router.route(
    {
      method: "post",
      path: "/jobindsats/import",
      summary: "Importér en tabel downloadet fra jobindsats.dk (multipart: felt «file», .csv eller .xlsx)",
      tag: TAG,
      action: "import",
      form: importForm,
      status: 201,
      response: jobindsats.import,
    },
    async ({ c }) => {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const file = (form as Record<string, unknown>).file;
      if (!(file instanceof File)) {
        throw new ApiError("bad_request", "Vælg en fil downloadet fra jobindsats.dk (feltet «file»)", "file");
      }
      return { result: await importJobindsatsUpload(db(), file) };
    },
  );

  router.route(
    {
      method: "post",
      path: "/indicators/:id/baseline-from-jobindsats",
      summary: "Sæt indikatorens startmåling til en gemt jobindsats-værdi; kilde og periode skrives i noten",
      tag: TAG,
      action: "edit-project",
      params: idParam,
      body: fromValueBody,
      response: projects.indicator,
    },
    async ({ params, body }) => ({ indicator: await baselineFromJobindsats(db(), params.id, body.valueId) }),
  );

  router.route(
    {
      method: "post",
      path: "/indicators/:id/manual-values/from-jobindsats",
      summary:
        "Indtast en manuel indikators månedsværdi fra en gemt jobindsats-værdi (som standard måneden efter perioden, målt primo; kilde og periode i noten)",
      tag: TAG,
      action: "edit-project",
      params: idParam,
      body: fromValueBody,
      response: projects.manualValue,
    },
    // enteredBy is the actor's id, as for a value typed into the grid
    async ({ params, body, actor }) =>
      manualValueFromJobindsats(db(), {
        indicatorId: params.id,
        valueId: body.valueId,
        month: body.month,
        enteredBy: actor.id,
      }),
  );

  router.route(
    {
      method: "get",
      path: "/indicators/:id/jobindsats",
      summary:
        "Jobindsats-serien for en indikator, hvis definition eller startmåling nævner en jobindsats-tabel",
      tag: TAG,
      action: "read",
      params: idParam,
      response: jobindsats.indicatorSeries,
    },
    async ({ params }) => ({ series: await indicatorJobindsatsSeries(db(), params.id) }),
  );
}
