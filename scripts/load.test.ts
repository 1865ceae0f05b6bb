/**
 * The suite's bounded load check (issue 16, item 4): the real server on loopback over the demo
 * store, 50 clients for ~2,5 s on /api/overview and ~2,5 s on a status scheme, no errors. It asserts
 * no timing (the machine is shared); the figures are for `npm run bench:load` (docs/BENCHMARKS.md).
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/api/app.ts";
import { defaultActorResolver } from "../src/api/default-actor.ts";
import { attachDemoDefinitions } from "../src/demo/definitions.ts";
import { seedDemoStore } from "../src/demo/seed.ts";
import { getProjectByCode } from "../src/store/repositories/projects.ts";
import { createTestStore, type TestStore } from "../src/store/testing.ts";
import { tempDir } from "../test/temp.ts";
import { benchHeaders, percentile, runLoad } from "./load.ts";

describe("load check: 50 clients on the overview and a status scheme", () => {
  let store: TestStore;
  let server: ReturnType<typeof serve>;
  let base = "";
  let projectId = 0;

  beforeAll(async () => {
    store = await createTestStore();
    await seedDemoStore(store.db);
    await attachDemoDefinitions(store.db);
    const app = createApp({
      store,
      dataDir: tempDir("effektspor-load-"),
      config: { personListsEnabled: false },
      resolveActor: defaultActorResolver(false),
    });
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    projectId = (await getProjectByCode(store.db, "flere-i-job"))!.id;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await store?.close();
  });

  it("answers every request of 50 concurrent clients without an error", async () => {
    const options = { clients: 50, durationMs: 2_500 };
    const overview = await runLoad("overview", `${base}/api/overview`, options);
    const scheme = await runLoad("scheme", `${base}/api/projects/${projectId}/status-scheme`, options);
    for (const r of [overview, scheme]) {
      expect(r.errorSamples).toEqual([]);
      expect(r.errors).toBe(0);
      // every client got at least one answer
      expect(r.requests).toBeGreaterThanOrEqual(50);
      expect(r.p50).toBeLessThanOrEqual(r.p95);
      expect(r.p95).toBeLessThanOrEqual(r.p99);
      expect(r.p99).toBeLessThanOrEqual(r.max);
    }
  }, 30_000);

  it("counts an answer that is not 2xx as an error", async () => {
    const r = await runLoad("ukendt", `${base}/api/projects/2147483647`, { clients: 2, durationMs: 200 });
    expect(r.errors).toBe(r.requests);
    expect(r.errorSamples[0]).toMatch(/^404/);
  });
});

describe("load generator helpers", () => {
  it("takes the nearest-rank percentile", () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // rank ⌈0,5 × 10⌉ = 5 → 5; ⌈0,95 × 10⌉ = 10 → 10; ⌈0,1 × 10⌉ = 1 → 1
    expect([percentile(ten, 50), percentile(ten, 95), percentile(ten, 10)]).toEqual([5, 10, 1]);
    expect(percentile([], 50)).toBe(0);
  });

  it("sends the signed-in cookie and --header values with every request", () => {
    expect(
      benchHeaders(["X-Test: 1", "Authorization: Bearer a:b"], { EFFEKTSPOR_BENCH_COOKIE: "s=abc" }),
    ).toEqual({ "X-Test": "1", Authorization: "Bearer a:b", cookie: "s=abc" });
    expect(() => benchHeaders(["uden kolon"], {})).toThrow(/Navn: værdi/);
  });
});
