import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import type { Hono } from "hono";
import { beforeAll, expect, it } from "vitest";
import { goldenPath } from "../../../test/fixtures.ts";
import { tempDir } from "../../../test/temp.ts";
import { seedEconomics } from "../../demo/economics.ts";
import { seedProjects } from "../../demo/projects.ts";
import { schema } from "../../store/db.ts";
import { describeEachStore } from "../../store/testing.ts";
import { createApp } from "../app.ts";
import type { Actor } from "../auth.ts";
import { defaultActorResolver } from "../default-actor.ts";

type Json = Record<string, any>;

const golden = JSON.parse(readFileSync(goldenPath("seed-tables.json"), "utf8")) as {
  potentialeberegning_flere_i_job: { input: unknown; expect: unknown };
  maaltal_2024_2025: { groups: { group: string; lines: [string, number][]; total: number }[] };
};

describeEachStore("economics API", (getStore) => {
  let app: Hono;
  let readOnly: Hono;
  const dataDir = tempDir("effektspor-oek-");

  beforeAll(async () => {
    const store = getStore();
    await store.db.transaction(async (tx) => {
      await seedProjects(tx as never);
      await seedEconomics(tx as never);
    });
    const deps = { store, dataDir, config: { personListsEnabled: false } };
    app = createApp({ ...deps, resolveActor: defaultActorResolver(false) });
    const leder: Actor = { id: "leder", name: "Leder", role: "laeser", personLevel: false };
    readOnly = createApp({ ...deps, resolveActor: async () => leder });
  });

  const send = (method: string, url: string, body?: unknown, on: Hono = app) =>
    on.request(url, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("priskataloget med netto og ugepris (seed 004 tabel 1)", async () => {
    const res = await app.request("/api/economics/prices?budgetYear=2024");
    expect(res.status).toBe(200);
    const { prices } = (await res.json()) as Json;
    const kh = prices.find((p: Json) => p.benefit === "kontanthjaelp");
    // 154.031 × (1 − 0,2287) = 118.804,11 → 118.804; ÷ 52 = 2.284,69 → 2.285
    expect(kh.netRounded).toBe(118_804);
    expect(kh.weeklyRounded).toBe(2_285);
    expect(kh.sourceNote).toBe("Budgetoplæg 2024");
    expect(prices).toHaveLength(3);
  });

  it("opret, ret og slet en pris; fejl siges på dansk med feltet", async () => {
    const created = await send("POST", "/api/economics/prices", {
      benefit: "sygedagpenge",
      budgetYear: 2025,
      grossPerFteYear: 200_000,
      refusionPct: 30,
    });
    expect(created.status).toBe(201);
    const { price } = (await created.json()) as Json;
    // 200.000 × 0,7 = 140.000
    expect(price.netRounded).toBe(140_000);
    const patched = await send("PATCH", `/api/economics/prices/${price.id}`, { refusionPct: 40 });
    expect(((await patched.json()) as Json).price.netRounded).toBe(120_000);
    expect((await send("DELETE", `/api/economics/prices/${price.id}`)).status).toBe(200);
    expect((await send("DELETE", `/api/economics/prices/${price.id}`)).status).toBe(404);

    const bad = await send("POST", "/api/economics/prices", {
      benefit: "sygedagpenge",
      budgetYear: 2025,
      grossPerFteYear: 1,
      refusionPct: 120,
    });
    expect(bad.status).toBe(400);
    const err = ((await bad.json()) as Json).error;
    expect(err.field).toBe("refusionPct");
    expect(err.message).toMatch(/Ugyldigt felt «refusionPct»/);
    const unknown = await send("POST", "/api/economics/prices", {
      benefit: "pension",
      budgetYear: 2025,
      grossPerFteYear: 1,
      refusionPct: 1,
    });
    expect(((await unknown.json()) as Json).error.message).toMatch(/ukendt ydelse/);
  });

  it("kun roller med edit-economics må ændre priser", async () => {
    const res = await send(
      "POST",
      "/api/economics/prices",
      { benefit: "sygedagpenge", budgetYear: 2025, grossPerFteYear: 1, refusionPct: 1 },
      readOnly,
    );
    expect(res.status).toBe(403);
    expect((await readOnly.request("/api/economics/prices")).status).toBe(200);
  });

  it("potentialeberegningen gengiver det gyldne expect", async () => {
    const res = await send("POST", "/api/economics/potential", golden.potentialeberegning_flere_i_job.input);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).result).toEqual(golden.potentialeberegning_flere_i_job.expect);
  });

  it("refusionstrappen med katalogets bruttopris", async () => {
    const res = await app.request("/api/economics/staircase?benefit=kontanthjaelp&maxWeeks=60");
    const body = (await res.json()) as Json;
    expect(res.status).toBe(200);
    // gross per week from the catalogue: 154.031 ÷ 52
    expect(body.grossPerWeek).toBeCloseTo(154_031 / 52, 9);
    expect(body.rows).toHaveLength(60);
    // a 4-week course: 20 % municipal share
    expect(body.rows[3].netPerWeek).toBeCloseTo((154_031 / 52) * 0.2, 6);
    expect(body.bands.at(-1).toWeek).toBeNull();
    const ad = (await (
      await app.request("/api/economics/staircase?benefit=a-dagpenge&grossPerWeek=1000&maxWeeks=5")
    ).json()) as Json;
    expect(ad.kind).toBe("medfinansiering");
    // (4 × 20 + 60) ÷ 5 = 28 % co-financing → 280 kr. a week
    expect(ad.rows[4].netPerWeek).toBeCloseTo(280, 9);
  });

  it("måltal: tabellen pr. ydelsesgruppe som seed 002, projekter linket", async () => {
    const res = await app.request("/api/economics/maaltal");
    const { periods, report } = (await res.json()) as Json;
    expect(periods).toEqual(["2024-2025"]);
    expect(
      report.groups.map((g: Json) => ({
        group: g.group,
        lines: g.lines.map((l: Json) => [l.label, l.fte]),
        total: g.total,
      })),
    ).toEqual(golden.maaltal_2024_2025.groups);
    const fij = report.groups
      .flatMap((g: Json) => g.lines)
      .filter((l: Json) => l.projectCode === "flere-i-job");
    expect(fij).toHaveLength(3);
    // 649 + 433 + 385 + 1.212 + 58 = 2.737
    expect(report.grandTotal).toBe(2_737);
    expect(report.hasData).toBe(false);
    expect((await app.request("/api/economics/maaltal?period=1999")).status).toBe(404);
  });

  it("måltal: ret en linje og totalen følger med", async () => {
    const { report } = (await (await app.request("/api/economics/maaltal")).json()) as Json;
    const line = report.groups[0].lines[1];
    const res = await send("PATCH", `/api/economics/maaltal/lines/${line.id}`, { fte: -3 });
    expect(res.status).toBe(200);
    const after = ((await (await app.request("/api/economics/maaltal")).json()) as Json).report;
    // 650 − 3 = 647
    expect(after.groups[0].total).toBe(647);
    await send("PATCH", `/api/economics/maaltal/lines/${line.id}`, { fte: -1 });
    expect((await send("PATCH", "/api/economics/maaltal/lines/999999", { fte: 1 })).status).toBe(404);
  });

  it("økonomi pr. projekt: business case, potentiale og realiseret gevinst for Flere i job", async () => {
    const { projects } = (await (await app.request("/api/economics/projects")).json()) as Json;
    const fij = projects.find((p: Json) => p.code === "flere-i-job");
    // potential 630.728; investment 2 × 550.000; savings from April 2024: 630.728,04 × (9 + 12) ÷ 12 =
    // 1.103.774,07, expected net 3.774,07
    expect(Math.round(fij.potential)).toBe(630_728);
    expect(fij.investment).toBe(1_100_000);
    expect(fij.expectedNet).toBeCloseTo(3_774.07, 1);
    expect(fij.realized).toBeNull();
    const ja = projects.find((p: Json) => p.code === "jobafklaring-2019");
    expect(ja.expectedNet).toBeCloseTo(1_300_000, 6);
    expect(ja.payback).toEqual({ index: 17, month: "2020-09" });

    const detail = (await (await app.request(`/api/economics/projects/${fij.projectId}`)).json()) as Json;
    expect(detail.project.code).toBe("flere-i-job");
    expect(detail.businessCases[0].result.sensitivity.map((s: Json) => s.factorPct)).toEqual([
      50, 75, 100, 125,
    ]);
    expect(detail.gainChart).toHaveLength(24);
    expect((await app.request("/api/economics/projects/999999")).status).toBe(404);
  });

  it("business cases: opret, ret, valider og slet", async () => {
    const { projects } = (await (await app.request("/api/economics/projects")).json()) as Json;
    const projectId = projects[0].projectId;
    const model = {
      startMonth: "2024-01",
      years: 1,
      investment: [{ year: 1, staff: 1, staffCostPerYear: 500_000 }],
      effects: [{ kind: "fte", benefit: "kontanthjaelp", ftePerYear: [5] }],
    };
    const res = await send("POST", "/api/economics/business-cases", { projectId, name: "Prøve", model });
    expect(res.status).toBe(201);
    const bc = ((await res.json()) as Json).businessCase;
    // 5 × 118.804,11 = 594.020,55 − 500.000 = 94.020,55
    expect(bc.result.totals.net).toBeCloseTo(5 * 154_031 * (1 - 0.2287) - 500_000, 6);
    const put = await send("PUT", `/api/economics/business-cases/${bc.id}`, {
      model: { ...model, effects: [{ kind: "fte", benefit: "fleksjob", ftePerYear: [1] }] },
    });
    expect(((await put.json()) as Json).businessCase.error).toMatch(/mangler en pris for fleksjob/);
    const bad = await send("POST", "/api/economics/business-cases", {
      projectId,
      name: "x",
      model: { ...model, effects: [{ kind: "fte", ftePerYear: [1] }] },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).error.field).toBe("model.effects[0].benefit");
    const noProject = await send("POST", "/api/economics/business-cases", {
      projectId: 999_999,
      name: "x",
      model,
    });
    expect(((await noProject.json()) as Json).error.field).toBe("projectId");
    expect((await send("DELETE", `/api/economics/business-cases/${bc.id}`)).status).toBe(200);
    expect((await app.request(`/api/economics/business-cases/${bc.id}`)).status).toBe(404);
  });

  it("priser fra data: uden snapshot ingen data; med refusionsuger et snapshot-resultat ved katalogprisen", async () => {
    const none = (await (await app.request("/api/economics/prices/from-data")).json()) as Json;
    expect(none).toMatchObject({ snapshot: null, available: false });

    const folder = "snapshots/s-oek";
    mkdirSync(path.join(dataDir, folder), { recursive: true });
    const instance = await DuckDBInstance.create(":memory:");
    const c = await instance.connect();
    await c.run(`COPY (SELECT 'p1' AS person_key, DATE '2024-02-05' AS week, 'kontanthjaelp' AS benefit, 'X' AS municipality,
        3000.0 AS gross, 40.0 AS refusion_rate, 1200.0 AS refusion_amount, 0.0 AS cofinancing_rate, 0.0 AS cofinancing_amount)
      TO '${path.join(dataDir, folder, "refusion_weeks.parquet")}' (FORMAT parquet)`);
    c.closeSync();
    instance.closeSync();
    const { db } = getStore();
    await db.insert(schema.snapshots).values({
      id: "s-oek",
      extractionDate: "2024-03-01",
      source: "test",
      contentHash: "h-oek",
      folder,
      counts: {},
      dateRange: { from: null, to: null },
      personCount: 1,
      importedBy: "test",
    });
    const body = (await (await app.request("/api/economics/prices/from-data")).json()) as Json;
    expect(body.snapshot.id).toBe("s-oek");
    expect(body.available).toBe(true);
    // one person-week: net 3.000 − 1.200 = 1.800; per full-time person per year 1.800 × 52 = 93.600
    expect(body.months[0]).toMatchObject({ benefit: "kontanthjaelp", month: "2024-02", net: 1800 });
    expect(body.totals[0].netPerFteYear).toBeCloseTo(93_600, 6);
    expect(body.catalogue[0].netRounded).toBe(118_804);
    expect((await app.request("/api/economics/prices/from-data?snapshot=findes-ikke")).status).toBe(404);
  });

  it("Excel-eksport af økonomi og måltal", async () => {
    const res = await app.request("/api/economics/export.xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet("Priskatalog")!;
    const kh = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === "Kontanthjælp")!;
    expect(kh.getCell(5).numFmt).toBe('#,##0" kr."');
    expect(Math.round(kh.getCell(5).value as number)).toBe(118_804);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["Priskatalog", "Priser fra data", "Realiseret gevinst"]),
    );

    const m = await app.request("/api/economics/maaltal.xlsx");
    expect(m.status).toBe(200);
    const mw = new ExcelJS.Workbook();
    await mw.xlsx.load(await m.arrayBuffer());
    const sheet = mw.getWorksheet("Måltal")!;
    const totals = sheet
      .getRows(1, sheet.rowCount)!
      .filter((r) => r.getCell(1).value === "I alt")
      .map((r) => r.getCell(2).value);
    expect(totals).toEqual(golden.maaltal_2024_2025.groups.map((g) => g.total));
  });

  it("routerne står i OpenAPI-beskrivelsen", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as Json;
    const paths = Object.keys(doc.paths ?? {});
    expect(
      paths.some((p) => p.startsWith("/api/economics/maaltal") || p.startsWith("/economics/maaltal")),
    ).toBe(true);
  });
});
