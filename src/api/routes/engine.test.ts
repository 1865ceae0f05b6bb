import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { tempDir } from "../../engine/test-support.ts";
import { waitForBackgroundComputations } from "../../services/computations.ts";
import {
  catalogueSnapshot,
  personA,
  personB,
  seedTinyProject,
  tinyRows,
  writeDataDirSnapshot,
} from "../../services/test-fixtures.ts";
import { queryRows } from "../../store/db.ts";
import { saveOutcomeGroupSet } from "../../store/repositories/outcome-groups.ts";
import { describeEachStore } from "../../store/testing.ts";
import { createApp } from "../app.ts";
import type { Actor } from "../auth.ts";

const analyst: Actor = { id: "ana", name: "Ana Lytiker", role: "analytiker", personLevel: false };
const caseworker: Actor = { id: "sag", name: "Sagsbehandler", role: "analytiker", personLevel: true };
const politician: Actor = { id: "pol", name: "Politiker", role: "laeser", personLevel: false };

describeEachStore("engine routes", (getStore) => {
  const dataDir = tempDir("effektspor-api-");
  let ids: Awaited<ReturnType<typeof seedTinyProject>>;
  let actor: Actor = analyst;
  let personListsEnabled = false;
  const app = () =>
    createApp({
      store: getStore(),
      dataDir,
      resolveActor: async () => actor,
      config: { personListsEnabled },
    });
  const get = (path: string) => app().request(`/api${path}`);
  const post = (path: string, body?: unknown) =>
    app().request(`/api${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    const { db } = getStore();
    ids = await seedTinyProject(db);
    await writeDataDirSnapshot(dataDir, "s1", tinyRows);
    await catalogueSnapshot(db, "s1");
  });

  it("has no provenance before anything is computed: 404 in Danish", async () => {
    const res = await get(`/indicators/${ids.stock.id}/values/2024-02/provenance`);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.message).toBe(
      "Der er ingen beregnet værdi for «Aktivitetsparate kontanthjælpsmodtagere» i februar 2024",
    );
  });

  it("refuses Beregn to a role without the compute action", async () => {
    actor = politician;
    const res = await post("/compute");
    actor = analyst;
    expect(res.status).toBe(403);
  });

  it("starts a computation that can be followed to ok on /computations/latest", async () => {
    const res = await post("/compute");
    expect(res.status).toBe(201);
    const started = await res.json();
    expect(started.computation.status).toBe("running");
    await waitForBackgroundComputations();
    const latest = await (await get("/computations/latest")).json();
    expect(latest.computation.id).toBe(started.computation.id);
    expect(latest.computation.status).toBe("ok");
    // 2 indicators × 2024-01 … 2024-03
    expect(latest.computation.valueCount).toBe(6);
    expect(latest.computation.progressDone).toBe(2);
    expect(latest.lastSuccessful.id).toBe(started.computation.id);
  });

  it("shows how a value was made", async () => {
    const res = await get(`/indicators/${ids.praktik.id}/values/2024-02/provenance`);
    expect(res.status).toBe(200);
    const p = await res.json();
    expect(p.description).toBe(
      "Andel af personer på kontanthjælp, kategori aktivitetsparat, den 1. i måneden, som er i virksomhedspraktik samme dag",
    );
    expect(p.sql).toMatch(/^-- indikator flere-i-job-kh-akt-praktik \(activity_share\)/);
    expect(p.snapshotId).toBe("s1");
    expect(p.extractionDate).toBe("2024-03-15");
    // A in praktik on 2024-02-01, A and B in the population: 1 of 2
    expect([p.numerator, p.denominator, p.value]).toEqual([1, 2, 50]);
    expect(p.definitionVersion).toBe(1);
    expect(typeof p.computedAt).toBe("string");
    expect(p.frozen).toBeNull();
    expect(p.revision).toBeNull();
  });

  it("freezes a month and shows a later change as a revision old → new", async () => {
    const res = await post(`/projects/${ids.project.id}/freeze`, { period: "2024-02" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ period: "2024-02", frozen: 2, alreadyFrozen: 0 });
    // new snapshot: A's praktik gone → 2024-02 share 0 of 2
    await writeDataDirSnapshot(dataDir, "s2", { ...tinyRows, activities: [] });
    await post("/compute");
    await waitForBackgroundComputations();
    const p = await (await get(`/indicators/${ids.praktik.id}/values/2024-02/provenance`)).json();
    expect(p.value).toBe(0);
    expect(p.snapshotId).toBe("s2");
    expect(p.frozen).toMatchObject({ value: 50, frozenBy: "ana" });
    expect(p.revision).toEqual({ old: 50, new: 0 });
    const revisions = await (await get(`/projects/${ids.project.id}/revisions`)).json();
    expect(
      revisions.revisions.map((r: { code: string; old: number; new: number }) => [r.code, r.old, r.new]),
    ).toEqual([["flere-i-job-kh-akt-praktik", 50, 0]]);
  });

  it("rejects a bad freeze month with the field named", async () => {
    const res = await post(`/projects/${ids.project.id}/freeze`, { period: "feb-24" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe("period");
  });

  it("validates definitions from YAML and objects", async () => {
    const ok = await (
      await post("/definitions/validate", {
        yaml: "population:\n  benefits: [kontanthjaelp]\n  categories: [aktivitetsparat]\n  age: { min: 30 }\nmeasure: { kind: stock }\n",
      })
    ).json();
    expect(ok.errors).toEqual([]);
    expect(ok.descriptions).toEqual([
      "Antal personer på kontanthjælp, kategori aktivitetsparat, 30 år eller ældre, den 1. i måneden",
    ]);
    const bad = await (
      await post("/definitions/validate", {
        definition: { population: { benefits: [] }, measure: { kind: "stock" } },
      })
    ).json();
    expect(bad.value).toEqual([]);
    expect(bad.errors).toEqual([{ path: "population.benefits", message: "Listen må ikke være tom" }]);
  });

  it("refuses person lists while they are switched off, even for a caseworker", async () => {
    actor = caseworker;
    const res = await get(`/indicators/${ids.stock.id}/values/2024-02/persons`);
    actor = analyst;
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe(
      "Personlister (borgeroverblik) er slået fra i denne installation",
    );
  });

  it("refuses person lists to a user without person-level permission when on", async () => {
    personListsEnabled = true;
    const res = await get(`/indicators/${ids.stock.id}/values/2024-02/persons`);
    personListsEnabled = false;
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe("Du har ikke adgang til personlister (borgeroverblik)");
  });

  it("lists the persons behind a number for a caseworker when on, and audits the view", async () => {
    const { db } = getStore();
    personListsEnabled = true;
    actor = caseworker;
    const res = await get(`/indicators/${ids.stock.id}/values/2024-02/persons`);
    actor = analyst;
    personListsEnabled = false;
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.snapshotId).toBe("s2");
    // D = 2024-02-01. A: born 1980-05-01 → 43 år; forløb from 2023-06-01 → 245 days (30+31+31+30+31+30+31+31 = 245)
    // B: born 1990-02-01 → birthday on D counts → 34 år; forløb from 2024-01-15 → 17 days. Longest first.
    expect(body.persons).toEqual([
      {
        personKey: personA,
        age: 43,
        benefit: "kontanthjaelp",
        category: "aktivitetsparat",
        durationDays: 245,
        activity: null,
      },
      {
        personKey: personB,
        age: 34,
        benefit: "kontanthjaelp",
        category: "aktivitetsparat",
        durationDays: 17,
        activity: null,
      },
    ]);
    const audit = await queryRows<{
      actor: string;
      action: string;
      subject: string;
      details: { count: number };
    }>(db, sql`select actor, action, subject, details from audit_log where action = 'read-persons'`);
    expect(audit).toEqual([
      {
        actor: "sag",
        action: "read-persons",
        subject: `indicator:${ids.stock.id}:2024-02`,
        details: { indicator: ids.stock.code, period: "2024-02", snapshotId: "s2", count: 2 },
      },
    ]);
  });

  it("answers exit statistics with groups, and as XLSX", async () => {
    const { db } = getStore();
    await saveOutcomeGroupSet(db, { name: "job", groups: [{ name: "Job", reasons: ["job"] }] });
    // s2: B's forløb ended 2024-02-20 with exit reason job; A's is open
    const res = await get("/exit-statistics?benefits=kontanthjaelp&from=2024-01&to=2024-12&groupSet=job");
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r.columns).toEqual(["2024"]);
    expect(r.rows.map((x: { label: string; counts: number[] }) => [x.label, x.counts])).toEqual([
      ["job", [1]],
    ]);
    expect(r.labels).toEqual({ job: "Ordinært job" });
    expect(r.groups[0].byColumn[0].percentRounded).toBe(100);
    const xlsx = await get("/exit-statistics.xlsx?benefits=kontanthjaelp&from=2024-01&to=2024-12");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toMatch(/spreadsheetml/);
    const unknown = await get("/exit-statistics?benefits=kontanthjaelp&from=2024-01&to=2024-12&groupSet=nej");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toBe("Grupperingen «nej» findes ikke");
  });

  it("saves an outcome group set, refusing a reason in two groups", async () => {
    const put = (body: unknown) =>
      app().request("/api/outcome-group-sets", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const bad = await put({
      name: "dobbelt",
      groups: [
        { name: "A", reasons: ["job"] },
        { name: "B", reasons: ["job", "flyttet"] },
      ],
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe(
      "Afslutningsårsagen «job» står både i «A» og «B»; en årsag kan kun høre til én gruppe",
    );
    const ok = await put({ name: "job", groups: [{ name: "I job", reasons: ["job"] }] });
    expect(ok.status).toBe(200);
    const sets = await (await get("/outcome-group-sets")).json();
    expect(sets.groupSets.find((g: { name: string }) => g.name === "job").groups).toEqual([
      { name: "I job", reasons: ["job"] },
    ]);
  });
});
