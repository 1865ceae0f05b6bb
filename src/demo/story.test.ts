/**
 * The demo tells the seeds' story: the synthetic municipality (scale 1, seed 1, as on first start)
 * starts at seed 002's target-group counts and the måltal table's full-time persons, then moves
 * like a working project with noise (some indicators on track, some behind); Socialt Frikort has
 * markers and wage hours; and the 2019 jobafklaring project (seed 000) can be computed from the
 * same snapshot. Real PGlite and DuckDB; every expected number comes from test/golden.
 */
import { readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goldenPath } from "../../test/fixtures.ts";
import { monthRange } from "../domain/calendar.ts";
import { runComputation } from "../services/compute.ts";
import { measuredFteByBenefit, projectEconomics } from "../services/economics.ts";
import { buildOverview } from "../services/status-scheme.ts";
import { listComputedSeries } from "../store/repositories/computed.ts";
import { getProjectByCode, listIndicators } from "../store/repositories/projects.ts";
import { createTestStore, type TestStore } from "../store/testing.ts";
import { tempDir } from "../warehouse/test-support.ts";
import { attachDemoDefinitions, DEMO_DEFINITIONS } from "./definitions.ts";
import { DEMO_MAALTAL } from "./economics.ts";
import { addDemoFteIndicators, setFteBaselinesFromData } from "./fte-indicators.ts";
import { seedDemoStore } from "./seed.ts";
import { ensureDemoSnapshot } from "./snapshot.ts";

interface GoldenIndicator {
  name: string;
  baseline?: number | null;
}
const golden = JSON.parse(readFileSync(goldenPath("statusskemaer.json"), "utf8")) as {
  projects: { name: string; indicators?: GoldenIndicator[] }[];
};
const tables = JSON.parse(readFileSync(goldenPath("seed-tables.json"), "utf8")) as {
  maaltal_2024_2025: { groups: { group: string; lines: [string, number][] }[] };
};

/** ±10 % */
function expectNear(actual: number | null | undefined, expected: number, where: string): void {
  expect(actual, where).not.toBeNull();
  expect(actual!, where).toBeGreaterThanOrEqual(expected * 0.9);
  expect(actual!, where).toBeLessThanOrEqual(expected * 1.1);
}

/** a definition that counts the persons of a target group (a stock, or a share's count/rest) */
function isTargetGroupCount(code: string): boolean {
  const d = DEMO_DEFINITIONS[code];
  if (!d) return false;
  const kind = (d.measure as { kind: string }).kind;
  return (
    kind === "stock" || (kind === "duration_over_share" && (d.result === "count" || d.result === "rest"))
  );
}

describe("the demo municipality tells the seeds' story", () => {
  let store: TestStore;
  const dataDir = tempDir("effektspor-demo-story-");
  let extractionDate = "";
  const seriesOf = new Map<string, Map<string, number | null>>();

  beforeAll(async () => {
    process.env.EFFEKTSPOR_PSEUDONYM_KEY ??= "test-key-for-the-demo-story-test";
    store = await createTestStore();
    const { db } = store;
    // what installDemo does on first start (scale 1, seed 1), computed from 2019 so that the
    // jobafklaring project of 2019–2021 gets its months too
    await seedDemoStore(db);
    await attachDemoDefinitions(db);
    await addDemoFteIndicators(db);
    const imported = await ensureDemoSnapshot({ db, dataDir });
    extractionDate = imported!.extractionDate ?? "";
    const summary = await runComputation(db, dataDir, { startedBy: "test", firstMonth: "2019-01" });
    expect(summary.error).toBeUndefined();
    expect(summary.warnings).toEqual([]);
    await setFteBaselinesFromData(db);
    const indicators = await listIndicators(db);
    const values = await listComputedSeries(
      db,
      indicators.filter((i) => i.kind === "computed").map((i) => i.id),
    );
    const codeOf = new Map(indicators.map((i) => [i.id, i.code]));
    for (const v of values) {
      const code = codeOf.get(v.indicatorId)!;
      const m = seriesOf.get(code) ?? new Map();
      seriesOf.set(code, m);
      m.set(v.period, v.value);
    }
  }, 600_000);

  afterAll(async () => {
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("extracts inside the 2024–2025 projects' period", () => {
    expect(extractionDate >= "2024-01-01" && extractionDate <= "2025-12-31").toBe(true);
  });

  it("starts at seed 002's target-group counts (±10 %) in January and February 2024", async () => {
    const indicators = await listIndicators(store.db);
    let checked = 0;
    for (const p of golden.projects) {
      for (const gi of p.indicators ?? []) {
        if (typeof gi.baseline !== "number") continue;
        const ind = indicators.find((i) => i.name === gi.name || i.name.endsWith(`: ${gi.name}`));
        if (!ind || !isTargetGroupCount(ind.code)) continue;
        for (const month of ["2024-01", "2024-02"]) {
          expectNear(seriesOf.get(ind.code)?.get(month), gi.baseline, `${ind.code} ${month}`);
        }
        checked++;
      }
    }
    // a-dagpenge i alt 644, in the jobcenter 435, in the a-kasse 209; aktivitetsparate
    // kontanthjælpsmodtagere 103; ressourceforløb 74; jobparate kontanthjælpsmodtagere over 30 år 80
    expect(checked).toBe(6);
  });

  it("starts at the måltal table's full-time persons per benefit (±10 %)", async () => {
    const { values } = await measuredFteByBenefit(store.db);
    // the budget lines of each benefit (the demo's table names which benefit a line is), the
    // numbers from the golden table: sygedagpenge 650, kontanthjælp 197, uddannelseshjælp 238,
    // a-dagpenge 393, fleksjob 157 + 225 + 840 = 1.222, ressourceforløb 75
    const budget = new Map<string, number>();
    for (const g of tables.maaltal_2024_2025.groups) {
      for (const [label, fte] of g.lines) {
        const line = DEMO_MAALTAL.flatMap((d) => d.lines).find((l) => l.label === label.replace(/\s+/g, " "));
        if (line?.kind !== "budget") continue;
        for (const b of line.benefits ?? []) budget.set(b, (budget.get(b) ?? 0) + fte);
      }
    }
    expect([...budget.keys()].sort()).toEqual(
      [
        "a-dagpenge",
        "fleksjob",
        "kontanthjaelp",
        "ressourceforloeb",
        "sygedagpenge",
        "uddannelseshjaelp",
      ].sort(),
    );
    for (const [benefit, fte] of budget) {
      // Seed 002 counts 644 persons on a-dagpenge but budgets 393 full-time persons (partial
      // dagpenge); in the canonical extract a day on a-dagpenge is a whole day, so full-time persons
      // equal persons on average: the demo follows the status scheme's 644 (checked above) and the
      // a-dagpenge full-time persons are checked against it
      const expected = benefit === "a-dagpenge" ? 644 : fte;
      for (const month of ["2024-01", "2024-02"]) {
        expectNear(values.get(benefit)?.get(month), expected, `fuldtidspersoner ${benefit} ${month}`);
      }
    }
  });

  it("moves like a working project: some indicators on track, some behind", async () => {
    const overview = await buildOverview(store.db, { today: extractionDate });
    const demo2024 = overview.filter((p) => p.periodStart === "2024-01-01");
    const statuses = demo2024.flatMap((p) => p.indicators.map((i) => i.status));
    expect(statuses).toContain("on_track");
    expect(statuses).toContain("behind");
    expect(statuses).toContain("achieved");
  });

  it("realizes a positive gain for Flere i job, of the order of its potential", async () => {
    const project = await getProjectByCode(store.db, "flere-i-job");
    const economics = await projectEconomics(store.db, project!.id);
    const months = economics!.realized.months.filter((m) => m.gain !== null).length;
    // potential 630.728 kr. a year (seed 004 table 2); the realized gain counts from January 2024
    const potentialSoFar = (630_728 * months) / 12;
    expect(economics!.realized.total).toBeGreaterThan(0);
    expect(economics!.realized.total).toBeLessThan(2 * potentialSoFar);
  });

  it("gives Socialt Frikort markers and wage hours", () => {
    for (const code of [
      "sf-unge-med-frikort",
      "sf-loentimer",
      "sf-loentimer-1-5",
      "sf-loentimer-6-10",
      "sf-loentimer-over-10",
      "sf-praktik-loentilskud",
    ]) {
      const max = Math.max(...[...(seriesOf.get(code)?.values() ?? [])].map((v) => v ?? 0));
      expect(max, code).toBeGreaterThan(0);
    }
  });

  it("computes the 2019 jobafklaring project from the same snapshot", async () => {
    const project = await getProjectByCode(store.db, "jobafklaring-2019");
    const computed = (await listIndicators(store.db, project!.id)).filter((i) => i.kind === "computed");
    // every indicator but the one seed 000 measures two ways at once (løntilskud or wage hours)
    expect(computed.length).toBe(8);
    for (const ind of computed) {
      for (const month of monthRange("2019-05", "2020-12")) {
        const v = seriesOf.get(ind.code)?.get(month);
        expect(v, `${ind.code} ${month}`).not.toBeNull();
        expect(v, `${ind.code} ${month}`).not.toBeUndefined();
      }
    }
  });
});
