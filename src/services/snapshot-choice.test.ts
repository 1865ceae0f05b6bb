import { rmSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApp } from "../api/app.ts";
import type { Actor } from "../api/auth.ts";
import { tempDir } from "../engine/test-support.ts";
import { schema } from "../store/db.ts";
import { latestComputation, listComputedValues } from "../store/repositories/computed.ts";
import { describeEachStore } from "../store/testing.ts";
import { waitForBackgroundComputations } from "./computations.ts";
import { runComputation } from "./compute.ts";
import { planComputation, snapshotInUse } from "./snapshot-choice.ts";
import { ongoingKontanthjaelpRows, seedTinyProject, writeDataDirSnapshot } from "./test-fixtures.ts";

const analyst: Actor = { id: "ana", name: "Ana Lytiker", role: "analytiker", personLevel: false };

describeEachStore("snapshot choice: the snapshot in use and a step back confirmed", (getStore) => {
  const dataDir = tempDir("effektspor-choice-");
  const app = () =>
    createApp({
      store: getStore(),
      dataDir,
      resolveActor: async () => analyst,
      config: { personListsEnabled: false },
    });
  const post = (path: string, body?: unknown) =>
    app().request(`/api${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  let ids: Awaited<ReturnType<typeof seedTinyProject>>;

  beforeAll(async () => {
    const { db } = getStore();
    ids = await seedTinyProject(db);
    // "full": 10 persons, extraction 2024-03-15, in the catalogue; imported first
    await writeDataDirSnapshot(dataDir, "full", ongoingKontanthjaelpRows(10), "2024-03-15");
    await db.insert(schema.snapshots).values({
      id: "full",
      extractionDate: "2024-03-15",
      source: "test",
      contentHash: "hash-full",
      folder: "snapshots/full",
      counts: {},
      dateRange: { from: "2019-01-01", to: "2024-03-15" },
      personCount: 10,
      importedBy: "test",
      createdAt: new Date("2024-03-16T08:00:00Z"),
    });
    // "small": a 2-person test extract with an EARLIER extraction date, imported later (only a folder)
    await writeDataDirSnapshot(dataDir, "small", ongoingKontanthjaelpRows(2), "2024-02-29");
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("computes on the newest extraction date, not on the newest import", async () => {
    const { db } = getStore();
    const plan = await planComputation(db, dataDir);
    expect(plan.snapshot.id).toBe("full");
    expect(plan.explicit).toBe(false);
    expect(plan.inUse).toBeNull();
    expect(plan.change.needsConfirmation).toBe(false);
    const summary = await runComputation(db, dataDir, { startedBy: "test" });
    expect(summary.status).toBe("ok");
    expect(summary.snapshot?.id).toBe("full");
    const inUse = await snapshotInUse(db, dataDir);
    expect(inUse).toMatchObject({ id: "full", extractionDate: "2024-03-15", persons: 10 });
    // the project has no period: 2024-01 … 2024-03, 10 persons on kontanthjælp each month
    const values = await listComputedValues(db, ids.stock.id);
    expect(values.map((v) => [v.period, v.value])).toEqual([
      ["2024-01", 10],
      ["2024-02", 10],
      ["2024-03", 10],
    ]);
  });

  it("asks before computing on the older, smaller extract, naming both snapshots and the drop", async () => {
    const { db } = getStore();
    const plan = await planComputation(db, dataDir, { snapshotId: "small" });
    expect(plan.change.olderExtraction).toBe(true);
    // (10 − 2) / 10 = 0,8
    expect(plan.change.personDrop).toBeCloseTo(0.8, 10);
    expect(plan.change.reasons).toEqual([
      "Snapshot small (udtræksdato 29-02-2024, 2 personer) har en tidligere udtræksdato end snapshot full (udtræksdato 15-03-2024, 10 personer), som værdierne kommer fra nu.",
      "Snapshot small (udtræksdato 29-02-2024, 2 personer) har 8 færre personer (80 % færre) end snapshot full (udtræksdato 15-03-2024, 10 personer), som værdierne kommer fra nu.",
    ]);
    const refused = await post("/compute", { snapshotId: "small" });
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body.error.message).toMatch(/^Snapshot small .* Bekræft for at erstatte værdierne/);
    // nothing was started: the latest computation is still the one on "full"
    expect((await latestComputation(db))?.snapshotId).toBe("full");
    expect((await snapshotInUse(db, dataDir))?.id).toBe("full");
  });

  it("computes on the older extract once confirmed, and then reports it in use", async () => {
    const { db } = getStore();
    const res = await post("/compute", { snapshotId: "small", confirm: true });
    expect(res.status).toBe(201);
    await waitForBackgroundComputations();
    const status = await (await app().request("/api/snapshot-in-use")).json();
    expect(status.inUse).toMatchObject({ id: "small", extractionDate: "2024-02-29", persons: 2 });
    // the default is still the newest extraction date, and going forward needs no confirmation
    expect(status.next.snapshot.id).toBe("full");
    expect(status.next.change.needsConfirmation).toBe(false);
    // 2024-01 … 2024-02 (extraction month), 2 persons
    expect((await listComputedValues(db, ids.stock.id)).map((v) => [v.period, v.value])).toEqual([
      ["2024-01", 2],
      ["2024-02", 2],
    ]);
  });

  it("computes one saved indicator at once on the snapshot in use, not on the default", async () => {
    const { db } = getStore();
    const res = await post(`/indicators/${ids.praktik.id}/compute`);
    expect(res.status).toBe(200);
    const body = await res.json();
    // in use is "small" (the confirmed step back), extraction 2024-02-29: 2024-01 and 2024-02
    expect(body).toMatchObject({ status: "ok", valueCount: 2, snapshot: { id: "small" } });
    expect((await snapshotInUse(db, dataDir))?.id).toBe("small");
    // the other indicator's values are untouched (still from the confirmed run: 2 persons)
    expect((await listComputedValues(db, ids.stock.id)).map((v) => v.value)).toEqual([2, 2]);
  });

  it("answers an unknown snapshot with a Danish 404", async () => {
    const res = await post("/compute", { snapshotId: "findes-ikke" });
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toBe(
      "Snapshot «findes-ikke» findes ikke (eller dets persondata er slettet); vælg et af: full, small",
    );
  });
});

describeEachStore("each project over its own period", (getStore) => {
  const dataDir = tempDir("effektspor-period-");
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("computes the 2019 jobafklaring project for 2019-05 … 2021-04 when the snapshot reaches back", async () => {
    const { db } = getStore();
    const later = await seedTinyProject(db, "flere-i-job");
    const early = await seedTinyProject(db, "jobafklaring");
    const { eq } = await import("drizzle-orm");
    await db
      .update(schema.projects)
      .set({ periodStart: "2019-05-01", periodEnd: "2021-04-30" })
      .where(eq(schema.projects.id, early.project.id));
    await db
      .update(schema.projects)
      .set({ periodStart: "2024-01-01", periodEnd: "2025-12-31" })
      .where(eq(schema.projects.id, later.project.id));
    await writeDataDirSnapshot(dataDir, "s", ongoingKontanthjaelpRows(3), "2024-03-15");
    const summary = await runComputation(db, dataDir, { startedBy: "test" });
    expect(summary.status).toBe("ok");
    expect(summary.range).toEqual({ from: "2019-05", to: "2024-03" });
    const earlyValues = await listComputedValues(db, early.stock.id);
    // 2019-05 … 2021-04 = 24 months, 3 persons on kontanthjælp since 2019-01-01 in each
    expect(earlyValues).toHaveLength(24);
    expect(earlyValues[0]).toMatchObject({ period: "2019-05", value: 3 });
    expect(earlyValues[23]).toMatchObject({ period: "2021-04", value: 3 });
    // Flere i job: 2024-01 … 2024-03 (the extraction month comes before the period's end)
    expect((await listComputedValues(db, later.stock.id)).map((v) => v.period)).toEqual([
      "2024-01",
      "2024-02",
      "2024-03",
    ]);
  });
});
