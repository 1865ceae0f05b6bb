import type { Hono } from "hono";
import { beforeAll, expect, it } from "vitest";
import { tempDir } from "../../test/temp.ts";
import { seedDemoStore } from "../demo/seed.ts";
import { describeEachStore } from "../store/testing.ts";
import { createApp } from "./app.ts";
import { defaultActorResolver } from "./default-actor.ts";

type Json = Record<string, any>;

/** "seed 003" and the like are the developers' names for the source documents, not the users'. */
function hits(label: string, value: unknown): string[] {
  return [...JSON.stringify(value).matchAll(/.{0,40}\bseed .{0,40}/gi)].map((m) => `${label}: ${m[0]}`);
}

describeEachStore("no developer words in what the user reads", (getStore) => {
  let app: Hono;

  beforeAll(async () => {
    const store = getStore();
    await seedDemoStore(store.db);
    app = createApp({
      store,
      dataDir: tempDir("effektspor-words-"),
      config: { personListsEnabled: false },
      resolveActor: defaultActorResolver(false),
    });
  });

  const get = async (url: string): Promise<Json> => {
    const res = await app.request(url);
    expect(res.status, url).toBe(200);
    return (await res.json()) as Json;
  };

  it("the OpenAPI document's summaries and descriptions say no «seed »", async () => {
    const doc = await get("/api/openapi.json");
    const texts = Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([p, ops]) =>
      Object.entries(ops).map(([method, op]) => [`${method} ${p}`, [op.summary, op.description]] as const),
    );
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.flatMap(([label, t]) => hits(label, t))).toEqual([]);
  });

  it("the demo's projects, indicators, notes, comments and business cases say no «seed »", async () => {
    const found: string[] = [];
    const { projects } = await get("/api/projects");
    expect(projects.length).toBe(6);
    for (const p of projects) {
      for (const url of [
        `/api/projects/${p.id}`,
        `/api/projects/${p.id}/indicators`,
        `/api/projects/${p.id}/status-scheme`,
      ])
        found.push(...hits(url, await get(url)));
    }
    for (const url of ["/api/economics/business-cases", "/api/economics/maaltal", "/api/economics/prices"])
      found.push(...hits(url, await get(url)));
    expect(found).toEqual([]);
  });
});
