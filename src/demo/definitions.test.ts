import { join } from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { monthRange } from "../domain/calendar.ts";
import { tempDir } from "../engine/test-support.ts";
import { definitionOfIndicator, runComputation } from "../services/compute.ts";
import { schema } from "../store/db.ts";
import { listComputedIndicators, listComputedValues } from "../store/repositories/computed.ts";
import { listOutcomeGroupSets } from "../store/repositories/outcome-groups.ts";
import { describeEachStore } from "../store/testing.ts";
import { importSnapshot } from "../warehouse/import/index.ts";
import { attachDemoDefinitions, DEMO_DEFINITIONS, DEMO_KEEP_MANUAL, DEMO_MANUAL } from "./definitions.ts";
import { generateMunicipality } from "./generate.ts";
import { DEMO_PROJECTS, seedProjects } from "./projects.ts";

const demoIndicators = DEMO_PROJECTS.flatMap((p) => p.indicators.map((i) => ({ ...i, project: p.code })));

it("defines only codes of demo indicators, each valid for the engine", () => {
  const byCode = new Map(demoIndicators.map((i) => [i.code, i]));
  for (const [code, definition] of Object.entries(DEMO_DEFINITIONS)) {
    const ind = byCode.get(code);
    expect(ind, code).toBeDefined();
    const parsed = definitionOfIndicator({
      code,
      name: ind!.name,
      unit: ind!.unit,
      better: ind!.better ?? "higher",
      definition,
    });
    expect(parsed.errors, code).toEqual([]);
  }
});

it("covers every demo indicator the seeds mark as counted from case data, or says why not", () => {
  const computedInSeed = demoIndicators.filter((i) => i.kind === "computed").map((i) => i.code);
  const unexplained = computedInSeed.filter((c) => !(c in DEMO_DEFINITIONS) && !(c in DEMO_MANUAL));
  expect(unexplained).toEqual([]);
});

describeEachStore("demo definitions on the demo municipality", (getStore) => {
  const dataDir = tempDir("effektspor-demo-");
  let attached: { computed: number; manual: number };

  beforeAll(async () => {
    const { db } = getStore();
    process.env.EFFEKTSPOR_PSEUDONYM_KEY ??= "test-key-for-the-demo-definitions-test";
    const csv = join(dataDir, "csv");
    // a small demo municipality (scale 0.1 ≈ 4.700 inhabitants), extraction date 2025-10-10
    await generateMunicipality({ out: csv, scale: 0.1, seed: 7 });
    const imported = await importSnapshot({ folder: csv, dataDir, db, importedBy: "test" });
    expect(imported.outcome).toBe("imported");
    await seedProjects(db);
    attached = await attachDemoDefinitions(db);
  }, 120_000);

  it("makes every defined indicator computed (the 2019 jobafklaring project's too) and the undefinable ones manual", async () => {
    const { db } = getStore();
    const expectedComputed = Object.keys(DEMO_DEFINITIONS).filter((c) => !DEMO_KEEP_MANUAL.has(c));
    const computed = await listComputedIndicators(db);
    expect(computed.map((i) => i.code).sort()).toEqual(expectedComputed.sort());
    expect(attached.computed).toBe(expectedComputed.length);
    for (const code of Object.keys(DEMO_MANUAL)) {
      const [row] = await db.select().from(schema.indicators).where(eq(schema.indicators.code, code));
      expect(row?.kind, code).toBe("manual");
    }
    const [ja] = await db
      .select()
      .from(schema.indicators)
      .where(eq(schema.indicators.code, "ja-uden-tilbud"));
    expect(ja?.kind).toBe("computed");
    expect(ja?.definition).toEqual(DEMO_DEFINITIONS["ja-uden-tilbud"]);
    expect((await listOutcomeGroupSets(db)).map((s) => s.name)).toContain(
      "Job & Trivsel (afgangsstatistik 2014)",
    );
  });

  it("computes all of them over their projects' own period, without warnings", async () => {
    const { db } = getStore();
    const summary = await runComputation(db, dataDir, { startedBy: "test" });
    expect(summary.error).toBeUndefined();
    expect(summary.warnings).toEqual([]);
    // each project over its own period (src/domain/project-period.ts): the seed-002 projects from
    // 2024-01 to the extraction month oct-25 (before their period's end and slutmål jan-26); the
    // 2019 jobafklaring project 2019-05 … 2021-05 (its period to 30-04-2021, and its slutmål dated
    // 01-05-2021, measured primo maj 2021), as the demo's history reaches back
    expect(summary.range).toEqual({ from: "2019-05", to: "2025-10" });
    const months = monthRange("2024-01", "2025-10");
    const jaMonths = monthRange("2019-05", "2021-05");
    const computed = await listComputedIndicators(db);
    const jaProject = (
      await db.select().from(schema.projects).where(eq(schema.projects.code, "jobafklaring-2019"))
    )[0];
    const jaCount = computed.filter((i) => i.projectId === jaProject?.id).length;
    // one value per computed indicator and month of its project
    expect(summary.valueCount).toBe(
      (summary.indicatorCount - jaCount) * months.length + jaCount * jaMonths.length,
    );
    const [stock] = await db
      .select()
      .from(schema.indicators)
      .where(eq(schema.indicators.code, "fij-antal-akt-kh"));
    const values = await listComputedValues(db, stock!.id);
    expect(values.map((v) => v.period)).toEqual(months);
    expect(values.every((v) => v.value !== null && v.value >= 0)).toBe(true);
  }, 120_000);
});
