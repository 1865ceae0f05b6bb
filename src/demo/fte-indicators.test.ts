import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { runComputation } from "../services/compute.ts";
import { tinyRows, writeDataDirSnapshot } from "../services/test-fixtures.ts";
import { listIndicators } from "../store/repositories/projects.ts";
import { describeEachStore } from "../store/testing.ts";
import { addDemoFteIndicators, DEMO_FTE_INDICATORS, setFteBaselinesFromData } from "./fte-indicators.ts";
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
});
