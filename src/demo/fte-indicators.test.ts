import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { monthRange } from "../domain/calendar.ts";
import { JOBINDSATS_TABLES, MEASURE_FTE } from "../domain/jobindsats.ts";
import { runComputation } from "../services/compute.ts";
import { indicatorJobindsatsSeries } from "../services/jobindsats.ts";
import { tinyRows, writeDataDirSnapshot } from "../services/test-fixtures.ts";
import { upsertJobindsatsValues } from "../store/repositories/jobindsats.ts";
import { listIndicators } from "../store/repositories/projects.ts";
import { describeEachStore } from "../store/testing.ts";
import { addDemoFteIndicators, DEMO_FTE_INDICATORS, setFteBaselinesFromData } from "./fte-indicators.ts";
import { DEMO_MONTHS, demoJobindsatsValues } from "./jobindsats.ts";
import { seedProjects } from "./projects.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "effektspor-fte-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describeEachStore("demo fte indicators", (getStore) => {
  it("adds one computed fte indicator per måltal benefit and takes January 2024 as the baseline", async () => {
    const { db } = getStore();
    await seedProjects(db);
    expect(await addDemoFteIndicators(db)).toBe(DEMO_FTE_INDICATORS.length);

    await writeDataDirSnapshot(dataDir, `fte-${getStore().target}`, tinyRows);
    const summary = await runComputation(db, dataDir, { startedBy: "test" });
    expect(summary.status, summary.error).toBe("ok");
    expect(await setFteBaselinesFromData(db)).toBe(DEMO_FTE_INDICATORS.length);

    const byCode = new Map((await listIndicators(db)).map((i) => [i.code, i]));
    // Jan 2024 reads December 2023: person A is on kontanthjælp all 31 days, person B starts
    // 2024-01-15, so 31 covered days ÷ 31 days = 1 full-time person.
    expect(byCode.get("fij-fte-kontanthjaelp")?.baselineValue).toBe(1);
    expect(byCode.get("fij-fte-kontanthjaelp")?.baselineDate).toBe("2024-01-01");
    // nobody is on uddannelseshjælp in the tiny case: 0 full-time persons
    expect(byCode.get("fij-fte-uddannelseshjaelp")?.baselineValue).toBe(0);
    expect(byCode.get("kp-fte-a-dagpenge")?.goalKind).toBe("relative_change");
    expect(byCode.get("kp-fte-a-dagpenge")?.goalValue).toBe(-3);
  });

  it("names the jobindsats table of its benefit, so the project page shows jobindsats.dk's series beside it", async () => {
    const { db } = getStore();
    for (const f of DEMO_FTE_INDICATORS) {
      expect(JOBINDSATS_TABLES.find((t) => t.id === f.table)?.benefit, f.code).toBe(f.benefit);
    }
    await upsertJobindsatsValues(db, demoJobindsatsValues());
    const byCode = new Map((await listIndicators(db)).map((i) => [i.code, i]));
    for (const f of DEMO_FTE_INDICATORS) {
      const series = await indicatorJobindsatsSeries(db, byCode.get(f.code)!.id);
      expect(series, f.code).toMatchObject({ tableId: f.table, measure: MEASURE_FTE, area: "Hedensted" });
      // one value a month over the demo's benchmark months
      expect(series!.points).toHaveLength(monthRange(DEMO_MONTHS.from, DEMO_MONTHS.to).length);
      expect(series!.points[0]).toMatchObject({ period: "2023M01", month: "2023-02" });
    }
  });
});
