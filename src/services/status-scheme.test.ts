import { expect, it } from "vitest";
import { seedProjects } from "../demo/projects.ts";
import {
  createIndicator,
  getProjectByCode,
  listIndicators,
  setManualValue,
  updateIndicator,
} from "../store/repositories/projects.ts";
import { describeEachStore } from "../store/testing.ts";
import { freezeProjectPeriod } from "./freeze.ts";
import { buildOverview, buildStatusScheme } from "./status-scheme.ts";
import { storeSeed000Status } from "./test-fixtures.ts";

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

  it("counts statuses per project in the overview, judged inside the project's period", async () => {
    const { db } = getStore();
    let overview = await buildOverview(db, { today: "2030-01-01" });
    let kp = overview.find((p) => p.code === "kompetenceporten")!;
    // 6 indicators, all with goals; the only value (mar-26, above) lies after the period
    // (01-01-2024 – 31-12-2025), so it is not judged: 6 × Ingen data
    expect(kp.counts).toEqual({
      achieved: 0,
      on_track: 0,
      behind: 0,
      no_baseline: 0,
      no_goal: 0,
      no_data: 6,
    });
    expect(overview.map((p) => p.indicators.length)).toEqual([7, 10, 6, 7, 10, 9]);
    const ind = (await listIndicators(db, kp.id)).find((i) => i.code === "kp-behovsafdaekning")!;
    await setManualValue(db, { indicatorId: ind.id, period: "2025-11", value: 40, enteredBy: "test" });
    overview = await buildOverview(db, { today: "2030-01-01" });
    kp = overview.find((p) => p.code === "kompetenceporten")!;
    const row = kp.indicators.find((i) => i.code === "kp-behovsafdaekning")!;
    // ended: the final status at the goal date; milestones 30 (01-08-2024) and 50 (31-12-2024, the
    // final goal as no slutmål is set): 40 < 50 → Bagud, although mar-26's 50 would meet it
    expect(row.judgement).toEqual({
      status: "behind",
      period: "2025-11",
      value: 40,
      date: "2024-12-31",
      ended: true,
    });
    expect(row.statusNote).toBe("slutstatus pr. 31-12-2024 (projektet er afsluttet; værdi fra nov-25)");
    expect(kp.counts.behind).toBe(1);
    expect(kp.ended).toBe(true);
  });

  it("shows Intet mål for an indicator without a goal and Bagud for the 2019 project's missed goals", async () => {
    const { db } = getStore();
    const kpjId = await idOf("klar-parat-i-job");
    // a manual indicator with a baseline but no goal (like seed 002's "A-dagpenge i alt") → Intet mål
    const created = await createIndicator(db, kpjId, {
      code: "test-uden-maal",
      name: "Uden mål",
      unit: "personer",
      kind: "manual",
      target: {
        baseline: { value: 644, date: "2024-01-10" },
        milestones: [],
        goal: { kind: "absolute", value: null, date: null },
      },
    });
    await setManualValue(db, { indicatorId: created.id, period: "2025-05", value: 600, enteredBy: "test" });
    const again = await buildStatusScheme(db, kpjId, { today: "2025-06-15" });
    const row = again!.rows.find((r) => r.indicator.code === "test-uden-maal")!;
    expect([row.status, row.statusLabel, row.statusNote]).toEqual([
      "no_goal",
      "Intet mål",
      "status for maj-25",
    ]);
    expect(row.cells.find((c) => c.period === "2025-05")).toMatchObject({ value: 600, status: "no_goal" });
    expect(again!.ended).toBe(false);

    // the 2019 project's indicators are computed from case data (all but løntilskud, typed in);
    // without a snapshot here, seed 000's "Aktuel status" of December 2020 is stored as a computation would
    const jaId = await idOf("jobafklaring-2019");
    const jaIndicators = await listIndicators(db, jaId);
    await storeSeed000Status(db, (code) => jaIndicators.find((i) => i.code === code)!.id);
    const ja = await buildStatusScheme(db, jaId, { today: "2026-12-02" });
    const by = (code: string) => ja!.rows.find((r) => r.indicator.code === code)!;
    // seed 000 "Aktuel status" december 2020 against the goals of maj-21, no baselines:
    // løntilskud 5 < 17 pct., varighed over 1 år 88,6 > 50 (lower is better), over 2 år 44 > 23,
    // uden tilbud 25 > 15 → Bagud; praktik 38 ≥ 30 → Opfyldt
    expect(by("ja-loentilskud-loentimer").statusLabel).toBe("Bagud");
    expect(by("ja-varighed-over-1-aar").statusLabel).toBe("Bagud");
    expect(by("ja-varighed-over-2-aar").statusLabel).toBe("Bagud");
    expect(by("ja-uden-tilbud").statusLabel).toBe("Bagud");
    expect(by("ja-virksomhedspraktik").statusLabel).toBe("Opfyldt");
    // relative goals on baselines: job 40,6 × 1,10 = 44,66 > 23,7 → Bagud; fleksjob 14,3 × 1,05 =
    // 15,015 ≤ 16,3 → Opfyldt; a-dagpenge 10,5 × 1,05 = 11,025 > 8,9 → Bagud
    expect(by("ja-afsluttet-job").statusLabel).toBe("Bagud");
    expect(by("ja-afsluttet-fleksjob").statusLabel).toBe("Opfyldt");
    expect(by("ja-afsluttet-adagpenge").statusLabel).toBe("Bagud");
    // −12,5 pct. of a baseline that is not given, and no value → Ingen data
    expect(by("ja-antal-i-jobafklaring").status).toBe("no_data");
    // the period ended 30-04-2021: final statuses at the goal date 01-05-2021
    expect(ja!.ended).toBe(true);
    expect(by("ja-loentilskud-loentimer").judgement).toEqual({
      status: "behind",
      period: "2020-12",
      value: 5,
      date: "2021-05-01",
      ended: true,
    });
  });

  it("marks frozen cells with the reported value", async () => {
    const { db } = getStore();
    const ja = await idOf("jobafklaring-2019");
    const result = await freezeProjectPeriod(db, { projectId: ja, period: "2020-12", frozenBy: "test" });
    // 8 of the 9 indicators have a value for december 2020 (7 computed above, løntilskud typed in;
    // not the number in jobafklaring)
    expect(result).toEqual({ frozen: 8, alreadyFrozen: 0 });
    const ind = (await listIndicators(db, ja)).find((i) => i.code === "ja-loentilskud-loentimer")!;
    await setManualValue(db, { indicatorId: ind.id, period: "2020-12", value: 4, enteredBy: "test" });
    const s = await buildStatusScheme(db, ja, { today: "2026-12-02" });
    const cell = s!.rows
      .find((r) => r.indicator.code === "ja-loentilskud-loentimer")!
      .cells.find((c) => c.period === "2020-12")!;
    // the reported 5 (seed 000) stays frozen beside the corrected 4
    expect([cell.value, cell.frozen?.value, cell.frozen?.frozenBy]).toEqual([4, 5, "test"]);
    const other = s!.rows.find((r) => r.indicator.code === "ja-virksomhedspraktik")!;
    expect(other.cells.find((c) => c.period === "2020-11")?.frozen).toBeNull();
  });

  it("forecasts each target from the monthly values since the baseline month, shown from 6 points", async () => {
    const { db } = getStore();
    const kpjId = await idOf("klar-parat-i-job");
    const created = await createIndicator(db, kpjId, {
      code: "test-prognose",
      name: "Prognose",
      unit: "personer",
      kind: "manual",
      target: {
        baseline: { value: 10, date: "2024-01-10" },
        milestones: [{ date: "2024-08-01", value: 20 }],
        goal: { kind: "absolute", value: 40, date: "2025-02-01" },
      },
    });
    const put = (period: string, value: number) =>
      setManualValue(db, { indicatorId: created.id, period, value, enteredBy: "test" });
    // dec-23 lies before the baseline month (jan-24): not used for the fit
    await put("2023-12", 100);
    for (const [period, value] of [
      ["2024-02", 10],
      ["2024-03", 13],
      ["2024-04", 14],
      ["2024-05", 15],
      ["2024-06", 18],
    ] as const)
      await put(period, value);
    // 5 points since the baseline month: below the app's 6 → no forecast
    let s = await buildStatusScheme(db, kpjId, { today: "2024-07-15" });
    let row = s!.rows.find((r) => r.indicator.code === "test-prognose")!;
    expect(row.forecast).toBeNull();

    await put("2024-07", 20);
    s = await buildStatusScheme(db, kpjId, { today: "2024-07-15" });
    row = s!.rows.find((r) => r.indicator.code === "test-prognose")!;
    const f = row.forecast!;
    // t = 0…5 (feb-24 … jul-24), y = 10, 13, 14, 15, 18, 20: t̄ = 2,5, ȳ = 90/6 = 15,
    // Sxx = 2·(2,5² + 1,5² + 0,5²) = 17,5, Sxy = 12,5 + 3 + 0,5 + 0 + 4,5 + 12,5 = 33
    // slope b = 33/17,5 = 1,885714…, intercept a = 15 − 2,5·b = 10,285714…
    expect(f.from).toBe("2024-01");
    expect(f.n).toBe(6);
    expect(f.slope).toBeCloseTo(33 / 17.5, 10);
    expect(f.intercept).toBeCloseTo(15 - 2.5 * (33 / 17.5), 10);
    // residuals −0,2857, 0,8286, −0,0571, −0,9429, 0,1714, 0,2857: SSR = 1,7714, s = √(SSR/4) = 0,6655
    expect(f.residualSd).toBeCloseTo(Math.sqrt(1.771428571 / 4), 6);
    const [milestone, goal] = f.targets;
    // milestone aug-24 (t₀ = 6): ŷ = a + 6b = 21,6; se = s·√(1 + 1/6 + 3,5²/17,5) = 0,9093;
    // z = (20 − 21,6)/0,9093 = −1,76 → P(Y ≥ 20) = T₄(1,76) ≈ 0,92 → Forventes nået
    expect(milestone).toMatchObject({ key: "m:2024-08-01", period: "2024-08", value: 20 });
    expect(milestone!.forecast).toBeCloseTo(21.6, 10);
    expect(milestone!.probability).toBeCloseTo(0.92, 2);
    expect(milestone!.status).toBe("Forventes nået");
    // the 80 % interval ŷ ± t₄(0,90)·se = 21,6 ± 1,5332·0,9093 = 20,206 … 22,994
    expect(milestone!.pi80[0]).toBeCloseTo(21.6 - 1.5332 * 0.9093, 2);
    // goal feb-25 (t₀ = 12): ŷ = a + 12b = 32,914; se = s·√(1 + 1/6 + 9,5²/17,5) = 1,6735;
    // z = (40 − 32,914)/1,6735 = 4,23 → P ≈ 0,007 → Forventes ikke nået
    expect(goal).toMatchObject({ key: "g:2025-02-01", period: "2025-02", value: 40 });
    expect(goal!.forecast).toBeCloseTo(10.285714 + 12 * 1.885714, 4);
    expect(goal!.probability).toBeLessThan(0.01);
    expect(goal!.status).toBe("Forventes ikke nået");
    // the chart's line runs from the last value (jul-24, the fitted 19,714) to the goal (feb-25): 8 months
    expect(f.line.map((p) => p.period)).toEqual([
      "2024-07",
      "2024-08",
      "2024-09",
      "2024-10",
      "2024-11",
      "2024-12",
      "2025-01",
      "2025-02",
    ]);
    expect(f.line[0]!.forecast).toBeCloseTo(10.285714 + 5 * 1.885714, 4);
    expect(f.line[7]!.pi95[1]).toBeGreaterThan(f.line[7]!.pi80[1]);
    const overview = await buildOverview(db, { today: "2024-07-15" });
    const ov = overview.find((p) => p.id === kpjId)!.indicators.find((i) => i.code === "test-prognose")!;
    expect(ov.forecast).toEqual({ status: "Forventes ikke nået", probability: goal!.probability });
  });

  it("fits the forecast from the later of the baseline month and the indicator's break month", async () => {
    const { db } = getStore();
    const kpjId = await idOf("klar-parat-i-job");
    const ind = (await listIndicators(db, kpjId)).find((i) => i.code === "test-prognose")!;
    const rowOf = async (today: string) =>
      (await buildStatusScheme(db, kpjId, { today }))!.rows.find(
        (r) => r.indicator.code === "test-prognose",
      )!;
    // a break month before the baseline month (jan-24) changes nothing: the same 6 points as above
    await updateIndicator(db, ind.id, { breakMonth: "2023-06" });
    expect((await rowOf("2024-07-15")).forecast).toMatchObject({ from: "2024-01", n: 6 });
    // break month mar-24: feb-24 drops out, 5 points (mar … jul) → below the app's 6, no forecast
    await updateIndicator(db, ind.id, { breakMonth: "2024-03" });
    expect((await rowOf("2024-07-15")).forecast).toBeNull();
    await setManualValue(db, { indicatorId: ind.id, period: "2024-08", value: 21, enteredBy: "test" });
    const f = (await rowOf("2024-08-15")).forecast!;
    // t = 0…5 (mar-24 … aug-24), y = 13, 14, 15, 18, 20, 21: t̄ = 2,5, Sxx = 17,5,
    // Sxy = −2,5·13 − 1,5·14 − 0,5·15 + 0,5·18 + 1,5·20 + 2,5·21 = 30,5 → b = 30,5/17,5,
    // a = ȳ − 2,5·b = 101/6 − 2,5·30,5/17,5
    expect(f.from).toBe("2024-03");
    expect(f.n).toBe(6);
    expect(f.slope).toBeCloseTo(30.5 / 17.5, 10);
    expect(f.intercept).toBeCloseTo(101 / 6 - (2.5 * 30.5) / 17.5, 10);
    await updateIndicator(db, ind.id, { breakMonth: null });
  });

  it("is undefined for an unknown project", async () => {
    expect(await buildStatusScheme(getStore().db, 99_999)).toBeUndefined();
  });
});
