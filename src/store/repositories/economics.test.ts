import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { goldenPath } from "../../../test/fixtures.ts";
import { DEMO_PRICES, seedEconomics } from "../../demo/economics.ts";
import { maaltalReport, projectEconomics } from "../../services/economics.ts";
import { schema } from "../db.ts";
import { describeEachStore } from "../testing.ts";
import {
  createBusinessCase,
  deleteBusinessCase,
  deletePrice,
  getBusinessCase,
  listBudgetPeriods,
  listBusinessCases,
  listFteIndicators,
  listMaaltalLines,
  listPrices,
  updateBusinessCase,
  updateMaaltalLine,
  updatePrice,
  upsertPrice,
} from "./economics.ts";

const golden = JSON.parse(readFileSync(goldenPath("seed-tables.json"), "utf8")) as {
  maaltal_2024_2025: { groups: { group: string; lines: [string, number][]; total: number }[] };
  potentialeberegning_flere_i_job: { expect: { total_reduced_amount: number } };
};

const DEMO_CODES = [
  "klar-parat-i-job",
  "flere-i-job",
  "kompetenceporten",
  "haandholdt-jobparate-kh",
  "socialt-frikort",
  "jobafklaring-2019",
];

describeEachStore("economics repository and demo", (getStore) => {
  it("demoen gengiver måltalstabellen 2024-2025 linje for linje og total for total", async () => {
    const { db } = getStore();
    await db
      .insert(schema.projects)
      .values(DEMO_CODES.map((code, i) => ({ code, name: code, sortOrder: i })));
    await seedEconomics(db);
    expect(await listBudgetPeriods(db)).toEqual(["2024-2025"]);
    const report = await maaltalReport(db, "2024-2025");
    expect(
      report.groups.map((g) => ({
        group: g.group,
        lines: g.lines.map((l) => [l.label, l.fte]),
        total: g.total,
      })),
    ).toEqual(golden.maaltal_2024_2025.groups);
    // no fte indicators yet: every month of the follow-up is "Ingen data"
    expect(report.hasData).toBe(false);
    expect(report.months).toHaveLength(24);
  });

  it("måltalslinjer for investeringer er knyttet til deres projekt", async () => {
    const { db } = getStore();
    const lines = await listMaaltalLines(db, "2024-2025");
    const project = lines.filter((l) => l.kind === "project");
    expect(project.every((l) => l.projectCode !== null)).toBe(true);
    expect(lines.filter((l) => l.projectCode === "flere-i-job").map((l) => l.fte)).toEqual([-2, -2, -2]);
    expect(lines.filter((l) => l.kind === "agreement").map((l) => l.fte)).toEqual([-5, -12, -15]);
  });

  it("priskataloget holder seed 004's tre priser fra Budgetoplæg 2024", async () => {
    const { db } = getStore();
    const rows = await listPrices(db, 2024);
    expect(rows.map((r) => [r.benefit, r.grossPerFteYear, r.refusionPct, r.sourceNote])).toEqual(
      DEMO_PRICES.map((p) => [p.benefit, p.grossPerFteYear, p.refusionPct, "Budgetoplæg 2024"]).sort((a, b) =>
        String(a[0]).localeCompare(String(b[0])),
      ),
    );
  });

  it("upsert erstatter prisen for samme ydelse og år; opdatering og sletning", async () => {
    const { db } = getStore();
    const a = await upsertPrice(db, {
      benefit: "sygedagpenge",
      budgetYear: 2025,
      grossPerFteYear: 200_000,
      refusionPct: 30,
      sourceNote: "",
    });
    const b = await upsertPrice(db, {
      benefit: "sygedagpenge",
      budgetYear: 2025,
      grossPerFteYear: 210_000,
      refusionPct: 31,
      sourceNote: "Budget 2025",
    });
    expect(b.id).toBe(a.id);
    expect(b.grossPerFteYear).toBe(210_000);
    const c = await updatePrice(db, a.id, { refusionPct: 32 });
    expect(c?.refusionPct).toBe(32);
    expect(c?.sourceNote).toBe("Budget 2025");
    expect(await deletePrice(db, a.id)).toBe(true);
    expect(await deletePrice(db, a.id)).toBe(false);
    expect(await updatePrice(db, a.id, { refusionPct: 1 })).toBeUndefined();
  });

  it("demoens business cases: jobafklaring ≈ 1,3 mio. kr. og Flere i job", async () => {
    const { db } = getStore();
    const cases = await listBusinessCases(db);
    expect(cases.map((c) => c.projectCode).sort()).toEqual(["flere-i-job", "jobafklaring-2019"]);

    const jobId = cases.find((c) => c.projectCode === "jobafklaring-2019")!.projectId;
    const job = (await projectEconomics(db, jobId))!.businessCases[0]!;
    expect(job.error).toBeNull();
    // 2 staff × 500.000 × 2 years = 2.000.000; savings (2,5 + 25) × 150.000 × 0,8 = 3.300.000; net 1.300.000
    expect(job.result!.totals.investment).toBe(2_000_000);
    expect(job.result!.totals.savings).toBeCloseTo(3_300_000, 6);
    expect(job.result!.totals.net).toBeCloseTo(1_300_000, 6);
    expect(job.result!.payback).toEqual({ index: 17, month: "2020-09" });

    const fijId = cases.find((c) => c.projectCode === "flere-i-job")!.projectId;
    const fij = (await projectEconomics(db, fijId))!;
    const bc = fij.businessCases[0]!;
    // the potential at full effect is seed 004's 630.728 kr.
    expect(Math.round(bc.potentialTotal)).toBe(
      golden.potentialeberegning_flere_i_job.expect.total_reduced_amount,
    );
    // savings from April 2024 (the effects' start): year 1 saves 9 months, 630.728,04 × 9/12 = 473.046,03,
    // net 473.046,03 − 550.000 = −76.953,97; year 2 630.728,04 − 550.000 = 80.728,04; two years 3.774,07;
    // ROI 3.774,07 ÷ 1.100.000 = 0,343 %; paid back in the last month, december 2025
    expect(bc.result!.years[0]!.net).toBeCloseTo(-76_953.97, 1);
    expect(bc.result!.years[1]!.net).toBeCloseTo(80_728.04, 1);
    expect(bc.result!.totals.net).toBeCloseTo(3_774.07, 1);
    expect(bc.result!.roiPct).toBeCloseTo(0.343, 2);
    expect(bc.result!.payback).toEqual({ index: 24, month: "2025-12" });
    expect(fij.realized.hasData).toBe(false);
    expect(fij.gainChart).toHaveLength(24);
    expect(fij.gainChart.every((m) => m.realizedCumulative === null)).toBe(true);
  });

  it("realiseret gevinst fra fte-indikatorens beregnede værdier mod startmålingen", async () => {
    const { db } = getStore();
    const [fij] = await db.select().from(schema.projects).where(eq(schema.projects.code, "flere-i-job"));
    const [ind] = await db
      .insert(schema.indicators)
      .values({
        projectId: fij!.id,
        code: "fij-kh-fte",
        name: "Fuldtidspersoner på kontanthjælp",
        unit: "fuldtidspersoner",
        better: "lower",
        kind: "computed",
        definition: { population: { benefits: ["kontanthjaelp"] }, measure: { kind: "fte" } },
        baselineValue: 197,
        baselineDate: "2024-01-01",
      })
      .returning();
    const cv = {
      definitionVersion: 1,
      definitionHash: "h",
      compiledSql: "select 1",
      snapshotId: null,
      numerator: null,
      denominator: null,
    };
    await db.insert(schema.computedValues).values([
      { ...cv, indicatorId: ind!.id, period: "2024-02", value: 195 },
      { ...cv, indicatorId: ind!.id, period: "2024-03", value: 196 },
    ]);
    expect(
      (await listFteIndicators(db, fij!.id)).map((i) => [i.code, i.benefits, i.filtered, i.period]),
    ).toEqual([["fij-kh-fte", ["kontanthjaelp"], false, "month"]]);
    const e = (await projectEconomics(db, fij!.id))!;
    // net kontanthjælp 154.031 × 0,7713 = 118.804,1103 a year; feb: 2 × ÷ 12 = 19.800,685; mar: 1 × ÷ 12 = 9.900,343
    const net = 154_031 * (1 - 0.2287);
    expect(e.realized.months.map((m) => m.month)).toEqual(["2024-02", "2024-03"]);
    expect(e.realized.months[0]!.gain).toBeCloseTo((2 * net) / 12, 6);
    expect(e.realized.total).toBeCloseTo((3 * net) / 12, 6);
    expect(e.realized.hasData).toBe(true);
    const feb = e.gainChart.find((m) => m.month === "2024-02")!;
    expect(feb.realizedCumulative).toBeCloseTo((2 * net) / 12, 6);
    // expected savings start in April 2024 (the effects' start): none by February, 630.728,04 ÷ 12 in April
    expect(feb.expectedCumulativeSavings).toBe(0);
    expect(e.gainChart.find((m) => m.month === "2024-04")!.expectedCumulativeSavings).toBeCloseTo(
      630_728.0384 / 12,
      1,
    );
    expect(e.gainChart.find((m) => m.month === "2024-04")!.realizedCumulative).toBeNull();

    // the same indicator feeds the måltal follow-up of the kontanthjælp line's group only when every benefit is measured
    const report = await maaltalReport(db, "2024-2025");
    const kh = report.groups.find((g) => g.group === "Kontanthjælp og uddannelseshjælp")!;
    expect(kh.benefits).toEqual(["kontanthjaelp", "uddannelseshjaelp"]);
    expect(kh.followUp.find((f) => f.month === "2024-02")!.measured).toBeNull();
  });

  it("uden startmåling på indikatoren er første målte måned fra projektstart startmålingen", async () => {
    const { db } = getStore();
    const [ja] = await db.select().from(schema.projects).where(eq(schema.projects.code, "jobafklaring-2019"));
    const [ind] = await db
      .insert(schema.indicators)
      .values({
        projectId: ja!.id,
        code: "ja-fte-jobafklaring",
        name: "Helårspersoner i jobafklaringsforløb",
        unit: "fuldtidspersoner",
        kind: "computed",
        definition: { population: { benefits: ["jobafklaring"] }, measure: { kind: "fte", period: "year" } },
      })
      .returning();
    const cv = { definitionVersion: 1, definitionHash: "h", compiledSql: "select 1", indicatorId: ind!.id };
    await db.insert(schema.computedValues).values([
      { ...cv, period: "2019-04", value: 230 },
      { ...cv, period: "2019-05", value: 200 },
      { ...cv, period: "2019-06", value: 190 },
    ]);
    const e = (await projectEconomics(db, ja!.id))!;
    const r = e.realized.indicators[0]!;
    // april lies before the business case's start (2019-05) and is left out; may is the baseline (200)
    expect([r.baselineSource, r.baselineMonth, r.baselineFte]).toEqual(["data", "2019-05", 200]);
    // june: (200 − 190) × 120.000 ÷ 12 = 100.000 (the case's price assumption: 150.000 × 0,8)
    expect(r.series!.months.map((m) => m.gain)).toEqual([0, 100_000]);
    expect(e.realized.total).toBe(100_000);
  });

  it("måltalsopfølgning: målte fuldtidspersoner mod gruppens total", async () => {
    const { db } = getStore();
    const [p] = await db.select().from(schema.projects).limit(1);
    const [ind] = await db
      .insert(schema.indicators)
      .values({
        projectId: p!.id,
        code: "kommune-sdp-fte",
        name: "Fuldtidspersoner på sygedagpenge",
        unit: "fuldtidspersoner",
        kind: "computed",
        definition: { population: { benefits: ["sygedagpenge"] }, measure: { kind: "fte", period: "month" } },
      })
      .returning();
    await db.insert(schema.computedValues).values({
      indicatorId: ind!.id,
      period: "2024-05",
      value: 640.25,
      definitionVersion: 1,
      definitionHash: "h",
      compiledSql: "select 1",
    });
    const report = await maaltalReport(db, "2024-2025");
    const sdp = report.groups.find((g) => g.group === "Sygedagpenge")!;
    // 640,25 − 649 = −8,75
    expect(sdp.followUp.find((f) => f.month === "2024-05")).toEqual({
      month: "2024-05",
      measured: 640.25,
      target: 649,
      difference: -8.75,
    });
    expect(sdp.measuredBy).toEqual([
      { benefit: "sygedagpenge", indicatorId: ind!.id, code: "kommune-sdp-fte" },
    ]);
    expect(report.hasData).toBe(true);
  });

  it("business case CRUD og en linjeændring", async () => {
    const { db } = getStore();
    const [p] = await db.select().from(schema.projects).limit(1);
    const created = await createBusinessCase(db, {
      projectId: p!.id,
      name: "Test",
      model: { startMonth: "2024-01", years: 1 },
    });
    expect(created.projectCode).toBe(p!.code);
    const updated = await updateBusinessCase(db, created.id, { name: "Test 2" });
    expect(updated?.name).toBe("Test 2");
    expect((await getBusinessCase(db, created.id))?.model).toEqual({ startMonth: "2024-01", years: 1 });
    expect(await deleteBusinessCase(db, created.id)).toBe(true);
    expect(await getBusinessCase(db, created.id)).toBeUndefined();

    const [line] = await listMaaltalLines(db, "2024-2025");
    const changed = await updateMaaltalLine(db, line!.id, { fte: 651 });
    expect(changed?.fte).toBe(651);
    await updateMaaltalLine(db, line!.id, { fte: 650 });
  });
});

describeEachStore("economics demo without projects", (getStore) => {
  it("tåler manglende projekter: linjerne står uden link, business cases udelades", async () => {
    const { db } = getStore();
    await db.insert(schema.projects).values({ code: "flere-i-job", name: "Flere i job" });
    await seedEconomics(db);
    const lines = await listMaaltalLines(db, "2024-2025");
    expect(lines).toHaveLength(golden.maaltal_2024_2025.groups.reduce((s, g) => s + g.lines.length, 0));
    expect(lines.filter((l) => l.kind === "project" && l.projectId === null).length).toBeGreaterThan(0);
    expect((await listBusinessCases(db)).map((c) => c.projectCode)).toEqual(["flere-i-job"]);
  });
});
