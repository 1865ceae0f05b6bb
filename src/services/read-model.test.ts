import type { Hono } from "hono";
import { beforeAll, expect, it } from "vitest";
import { tempDir } from "../../test/temp.ts";
import { createApp } from "../api/app.ts";
import { defaultActorResolver } from "../api/default-actor.ts";
import { seedProjects } from "../demo/projects.ts";
import { schema } from "../store/db.ts";
import { getProjectByCode, listIndicators } from "../store/repositories/projects.ts";
import { describeEachStore } from "../store/testing.ts";
import { runComputation } from "./compute.ts";
import {
  invalidateReadModels,
  overviewReadModel,
  READ_MODEL_VERSION_KEY,
  STORE_VERSION_TTL_MS,
  statusSchemeReadModel,
} from "./read-model.ts";
import { catalogueSnapshot, seedTinyProject, tinyRows, writeDataDirSnapshot } from "./test-fixtures.ts";

type Json = Record<string, any>;

describeEachStore("read model of the overview and the status schemes", (getStore) => {
  let app: Hono;
  const dataDir = tempDir("effektspor-read-model-");
  let kp: number;
  let manualId: number;

  beforeAll(async () => {
    const { db } = getStore();
    await seedProjects(db);
    app = createApp({
      store: getStore(),
      dataDir,
      config: { personListsEnabled: false },
      resolveActor: defaultActorResolver(false),
    });
    kp = (await getProjectByCode(db, "kompetenceporten"))!.id;
    manualId = (await listIndicators(db, kp)).find((i) => i.code === "kp-behovsafdaekning")!.id;
  });

  const send = (method: string, url: string, body?: unknown) =>
    app.request(url, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const overviewIndicator = async (code: string) => {
    const { projects } = (await (await app.request("/api/overview")).json()) as Json;
    return projects.flatMap((p: Json) => p.indicators).find((i: Json) => i.code === code);
  };
  const schemeRow = async (projectId: number, code: string) => {
    const s = (await (await app.request(`/api/projects/${projectId}/status-scheme`)).json()) as Json;
    return s.rows.find((r: Json) => r.indicator.code === code);
  };

  it("serves the overview and a scheme from memory while nothing changes", async () => {
    const { db } = getStore();
    const first = await overviewReadModel(db);
    expect(await overviewReadModel(db)).toBe(first);
    const scheme = await statusSchemeReadModel(db, kp);
    expect(await statusSchemeReadModel(db, kp)).toBe(scheme);
    // another range is another answer
    expect(await statusSchemeReadModel(db, kp, { from: "2024-03", to: "2024-04" })).not.toBe(scheme);
  });

  it("shows an entered manual value in the very next overview and scheme", async () => {
    expect((await overviewIndicator("kp-behovsafdaekning")).latest).toBeNull();
    expect((await schemeRow(kp, "kp-behovsafdaekning")).latest).toBeNull();
    const res = await send("PUT", `/api/indicators/${manualId}/values/2024-06`, { value: "42" });
    expect(res.status).toBe(200);
    expect((await overviewIndicator("kp-behovsafdaekning")).latest).toMatchObject({
      period: "2024-06",
      value: 42,
    });
    const row = await schemeRow(kp, "kp-behovsafdaekning");
    expect(row.cells.find((c: Json) => c.period === "2024-06").value).toBe(42);
    // and its removal at once too
    expect((await send("DELETE", `/api/indicators/${manualId}/values/2024-06`)).status).toBe(200);
    expect((await overviewIndicator("kp-behovsafdaekning")).latest).toBeNull();
  });

  it("shows a renamed project, a new comment and a freeze in the next answers", async () => {
    await app.request("/api/overview");
    expect((await send("PATCH", `/api/projects/${kp}`, { name: "Kompetenceporten II" })).status).toBe(200);
    const { projects } = (await (await app.request("/api/overview")).json()) as Json;
    expect(projects.find((p: Json) => p.id === kp).name).toBe("Kompetenceporten II");

    await send("PUT", `/api/projects/${kp}/comments/2024-05`, { comment: "Godt i gang" });
    let s = (await (await app.request(`/api/projects/${kp}/status-scheme`)).json()) as Json;
    expect(s.comments["2024-05"].comment).toBe("Godt i gang");

    await send("PUT", `/api/indicators/${manualId}/values/2024-05`, { value: 30 });
    await app.request(`/api/projects/${kp}/status-scheme`);
    expect((await send("POST", `/api/projects/${kp}/freeze`, { period: "2024-05" })).status).toBe(200);
    s = (await (await app.request(`/api/projects/${kp}/status-scheme`)).json()) as Json;
    const cell = s.rows
      .find((r: Json) => r.indicator.code === "kp-behovsafdaekning")
      .cells.find((c: Json) => c.period === "2024-05");
    expect(cell.frozen).toMatchObject({ value: 30, frozenBy: "analytiker" });
  });

  it("shows a computation's values in the next overview, also one run outside the API", async () => {
    const { db } = getStore();
    const ids = await seedTinyProject(db, "lille-projekt");
    await writeDataDirSnapshot(dataDir, "s1", tinyRows);
    await catalogueSnapshot(db, "s1");
    // stored beside the API, so said as the API would after creating them
    await invalidateReadModels(db);
    expect((await overviewIndicator(ids.stock.code)).latest).toBeNull();
    // as `effektspor compute` runs it: the service, no API write around it
    const summary = await runComputation(db, dataDir, { startedBy: "test", indicatorIds: [ids.stock.id] });
    expect(summary.status).toBe("ok");
    // A (ongoing) alone on 01-03-2024; B's course ended 20-02-2024 (src/services/test-fixtures.ts)
    expect((await overviewIndicator(ids.stock.code)).latest).toMatchObject({ period: "2024-03", value: 1 });
  });

  it("shows a write another process made (it changes the store's version) within a second", async () => {
    const { db } = getStore();
    await app.request("/api/overview");
    // another process: enters the value and stores a new version, as its invalidateReadModels does
    await db.insert(schema.manualValues).values({
      indicatorId: manualId,
      period: "2024-08",
      value: 55,
      enteredBy: "planlagt-job",
    });
    await db
      .insert(schema.settings)
      .values({ key: READ_MODEL_VERSION_KEY, value: "fra-en-anden-proces" })
      .onConflictDoUpdate({ target: schema.settings.key, set: { value: "fra-en-anden-proces" } });
    await new Promise((resolve) => setTimeout(resolve, STORE_VERSION_TTL_MS + 50));
    expect((await overviewIndicator("kp-behovsafdaekning")).latest).toMatchObject({
      period: "2024-08",
      value: 55,
    });
  });

  it("answers an unknown project's scheme 404 from the read model too", async () => {
    const res = await app.request("/api/projects/2147483647/status-scheme");
    expect(res.status).toBe(404);
    expect(((await res.json()) as Json).error.code).toBe("not_found");
  });
});
