import { expect, it } from "vitest";
import { seedProjects } from "../demo/projects.ts";
import { getProjectByCode, listIndicators, setManualValue } from "../store/repositories/projects.ts";
import { describeEachStore } from "../store/testing.ts";
import { buildOverview, buildStatusScheme } from "./status-scheme.ts";

describeEachStore("status scheme service", (getStore) => {
  const idOf = async (code: string) => (await getProjectByCode(getStore().db, code))!.id;

  it("runs from the month after the baseline to the final goal, but not past today", async () => {
    const { db } = getStore();
    await seedProjects(db);
    const kpj = await idOf("klar-parat-i-job");
    // baseline 10-01-2024 → first month feb-24; today 15-05-2024 → last month maj-24
    let s = await buildStatusScheme(db, kpj, { today: "2024-05-15" });
    expect(s!.monthLabels).toEqual(["feb-24", "mar-24", "apr-24", "maj-24"]);
    // final goal 01-01-2026 → feb-24 … jan-26 = 24 months
    s = await buildStatusScheme(db, kpj, { today: "2030-01-01" });
    expect([s!.months.length, s!.monthLabels[0], s!.monthLabels[23]]).toEqual([24, "feb-24", "jan-26"]);
    // the jobafklaring project: baseline 01-04-2019 → maj-19; goal 01-05-2021 → maj-21 = 25 months
    s = await buildStatusScheme(db, await idOf("jobafklaring-2019"), { today: "2030-01-01" });
    expect([s!.months.length, s!.monthLabels[0], s!.monthLabels[24]]).toEqual([25, "maj-19", "maj-21"]);
    expect(s!.columns).toEqual([
      { key: "g:2021-05-01", date: "2021-05-01", label: "Slutmål maj-21", kind: "final" },
    ]);
  });

  it("shows months with values beyond the goal date, and an explicit range when asked", async () => {
    const { db } = getStore();
    const kp = await idOf("kompetenceporten");
    const ind = (await listIndicators(db, kp)).find((i) => i.code === "kp-behovsafdaekning")!;
    await setManualValue(db, { indicatorId: ind.id, period: "2026-03", value: 50, enteredBy: "test" });
    let s = await buildStatusScheme(db, kp, { today: "2030-01-01" });
    // no baseline: starts at the project's start, jan-24; the value of mar-26 extends the end
    expect([s!.monthLabels[0], s!.monthLabels[s!.months.length - 1]]).toEqual(["jan-24", "mar-26"]);
    s = await buildStatusScheme(db, kp, { from: "2025-01", to: "2025-03", today: "2030-01-01" });
    expect(s!.months).toEqual(["2025-01", "2025-02", "2025-03"]);
    // the latest value counts for the indicator's status even outside the shown months:
    // 50 ≥ the last milestone 50 (31-12-2024), which is the final goal when no slutmål is set
    const row = s!.rows.find((r) => r.indicator.code === "kp-behovsafdaekning")!;
    expect(row.latest).toEqual({ period: "2026-03", value: 50, status: "achieved" });
  });

  it("counts statuses per project in the overview", async () => {
    const { db } = getStore();
    const overview = await buildOverview(db, { today: "2030-01-01" });
    const kp = overview.find((p) => p.code === "kompetenceporten")!;
    // 6 indicators; only kp-behovsafdaekning has a value (achieved, above)
    expect(kp.counts).toEqual({ achieved: 1, on_track: 0, behind: 0, no_data: 5 });
    expect(overview.map((p) => p.indicators.length)).toEqual([7, 10, 6, 7, 10, 9]);
  });

  it("is undefined for an unknown project", async () => {
    expect(await buildStatusScheme(getStore().db, 99_999)).toBeUndefined();
  });
});
