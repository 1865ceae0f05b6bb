import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { tempDir } from "../../test/temp.ts";
import { RAR_OESTJYLLAND } from "../domain/jobindsats.ts";
import { JobindsatsClient } from "../integrations/jobindsats/client.ts";
import {
  type FakeJobindsats,
  type FakeTable,
  startFakeJobindsats,
} from "../integrations/jobindsats/test-server.ts";
import { listJobindsatsValues, upsertJobindsatsValues } from "../store/repositories/jobindsats.ts";
import {
  createIndicator,
  createProject,
  getIndicator,
  listManualValues,
} from "../store/repositories/projects.ts";
import { describeEachStore } from "../store/testing.ts";
import {
  baselineFromJobindsats,
  benchmarkView,
  fetchJobindsats,
  importJobindsatsExport,
  indicatorJobindsatsSeries,
  manualValueFromJobindsats,
  ownVsJobindsats,
  saveBenchmarkSettings,
} from "./jobindsats.ts";
import { catalogueSnapshot, tinyRows, writeDataDirSnapshot } from "./test-fixtures.ts";

/** share on a-dagpenge per municipality (pct.), by hand; Hedensted the lowest in RAR Østjylland */
const SHARE: Record<string, number> = {
  Aarhus: 2.9,
  Favrskov: 1.9,
  Hedensted: 1.6,
  Horsens: 2.4,
  Norddjurs: 2.6,
  Odder: 1.7,
  Randers: 2.5,
  Samsø: 2.2,
  Silkeborg: 1.8,
  Skanderborg: 1.65,
  Syddjurs: 2.1,
  "RAR Østjylland": 2.3,
  "Hele landet": 2.5,
  Vejle: 1.5,
};
const y01a02: FakeTable = {
  id: "y01a02",
  name: "A-dagpenge",
  measures: [
    { id: "yfuld", label: "Antal fuldtidspersoner" },
    { id: "ypct", label: "Fuldtidspersoner i pct. af befolkningen 16-66 år" },
  ],
  dimensions: [{ id: "_kon", label: "Køn", values: ["Køn i alt", "Kvinder", "Mænd"] }],
  areas: Object.keys(SHARE),
  periods: ["2024M01", "2024M02", "2024M03"],
  // the share rises by 0,1 a month; fuldtid = share × 300
  value: ({ area, period, measure }) => {
    const share = SHARE[area]! + 0.1 * (Number(period.slice(5)) - 1);
    return measure === "ypct" ? share : share * 300;
  },
};

let api: FakeJobindsats;
beforeAll(async () => {
  api = await startFakeJobindsats([y01a02]);
});
afterAll(async () => {
  await api.close();
});

describeEachStore("benchmark with jobindsats", (getStore) => {
  it("fetches the totals for the municipality, RAR Østjylland and the country, and ranks Hedensted first", async () => {
    const { db } = getStore();
    const client = new JobindsatsClient({ token: api.token, baseUrl: api.url });
    const result = await fetchJobindsats(db, client, { tables: ["y01a02"], latest: 2 });
    // 11 municipalities + RAR + country = 13 areas × 2 latest months × 2 measures, "Køn i alt" only
    expect(result).toEqual({ tables: [{ tableId: "y01a02", values: 52 }], values: 52, failed: 0 });
    const body = api.requests.at(-1)!.body as Record<string, unknown>;
    expect(body._kon).toEqual(["Køn i alt"]);
    expect(body.period).toEqual(["2024M02", "2024M03"]);

    const view = await benchmarkView(db);
    expect(view.series?.measure).toBe("Fuldtidspersoner i pct. af befolkningen 16-66 år");
    expect(view.periods.map((p) => p.label)).toEqual(["februar 2024", "marts 2024"]);
    expect(view.areas[0]).toMatchObject({ area: "Hedensted", role: "own" });
    // Hedensted 1,6 + 0,2 = 1,8 in March; next Skanderborg 1,85, Odder 1,9
    expect(view.areas[0]!.values[1]).toBeCloseTo(1.8, 6);
    expect(view.latest?.ownRank).toBe(1);
    expect(view.latest?.ranked.slice(0, 3).map((r) => r.area)).toEqual(["Hedensted", "Skanderborg", "Odder"]);
    expect(view.latest?.ranked).toHaveLength(11);
    expect(view.areas.filter((a) => a.role === "reference").map((a) => a.area)).toEqual([
      "RAR Østjylland",
      "Hele landet",
    ]);
    expect(view.latest?.sentence).toBe(
      "Hedensted har den laveste andel på a-dagpenge (fuldtidspersoner i pct. af befolkningen 16-66 år) i RAR Østjylland i marts 2024 (1,8).",
    );
    expect(view.sources).toEqual(["jobindsats.dk (API)"]);
  });

  it("with chosen comparable municipalities, Vejle (1,5) is lower and the sentence says so", async () => {
    const { db } = getStore();
    const client = new JobindsatsClient({ token: api.token, baseUrl: api.url });
    await saveBenchmarkSettings(db, {
      municipality: "Hedensted",
      comparison: "chosen",
      chosen: ["Vejle", "Horsens"],
    });
    await fetchJobindsats(db, client, { tables: ["y01a02"], latest: 2 });
    const view = await benchmarkView(db);
    // March: Vejle 1,7, Hedensted 1,8, Horsens 2,6
    expect(view.latest?.ranked.map((r) => [r.area, r.rank])).toEqual([
      ["Vejle", 1],
      ["Hedensted", 2],
      ["Horsens", 3],
    ]);
    expect(view.latest?.sentence).toBe(
      "Hedensted har ikke den laveste andel på a-dagpenge (fuldtidspersoner i pct. af befolkningen 16-66 år) i sammenlignelige kommuner i marts 2024: nr. 2 af 3 (1,8); lavest er Vejle (1,7).",
    );
    await saveBenchmarkSettings(db, { municipality: "Hedensted", comparison: "rar", chosen: [] });
  });

  it("a failing fetch (bad token, 429, changed shape) keeps what was fetched before", async () => {
    const { db } = getStore();
    const before = await listJobindsatsValues(db, { tableId: "y01a02" });
    const bad = new JobindsatsClient({ token: "forkert", baseUrl: api.url });
    const r1 = await fetchJobindsats(db, bad, { tables: ["y01a02"] });
    expect(r1.failed).toBe(1);
    expect(r1.tables[0]!.error).toMatch(/^jobindsats.dk afviste adgangsnøglen \(HTTP 401/);
    api.rateLimitNext("60");
    const good = new JobindsatsClient({ token: api.token, baseUrl: api.url });
    const r2 = await fetchJobindsats(db, good, { tables: ["y01a02"] });
    expect(r2.tables[0]!.error).toContain("prøv igen om 60 sekunder");
    const broken = await startFakeJobindsats([y01a02]);
    try {
      broken.breakShape("y01a02");
      const r3 = await fetchJobindsats(
        db,
        new JobindsatsClient({ token: broken.token, baseUrl: broken.url }),
        {
          tables: ["y01a02"],
        },
      );
      expect(r3.tables[0]!.error).toMatch(/^Tabellen y01a02 fra jobindsats.dk har ikke den form/);
    } finally {
      await broken.close();
    }
    expect(await listJobindsatsValues(db, { tableId: "y01a02" })).toEqual(before);
  });

  it("imports a downloaded export, and a bad one stores nothing", async () => {
    const { db } = getStore();
    const dir = tempDir("jobindsats-import-");
    const file = path.join(dir, "upload");
    writeFileSync(
      file,
      [
        "Y14D03: Fra ydelse til job",
        "",
        "Område;Periode;Andel i job (pct.)",
        "Hedensted;3.kvt.2022 til 2.kvt.2023;41,3",
        "Horsens;3.kvt.2022 til 2.kvt.2023;38,0",
      ].join("\n"),
    );
    const result = await importJobindsatsExport(db, file, "fra-ydelse-til-job.csv");
    expect(result).toEqual({
      tableId: "y14d03",
      tableName: "Fra ydelse til job",
      values: 2,
      source: "fil:fra-ydelse-til-job.csv",
    });
    const stored = await listJobindsatsValues(db, { tableId: "y14d03" });
    expect(stored.map((v) => [v.area, v.period, v.value])).toEqual([
      ["Hedensted", "2023QMAT02", 41.3],
      ["Horsens", "2023QMAT02", 38],
    ]);
    writeFileSync(
      file,
      "Y14D03\nOmråde;Periode;Andel i job (pct.)\nHedensted;2023QMAT03;42,0\nHorsens;2023QMAT03;fyrre",
    );
    await expect(importJobindsatsExport(db, file, "y14d03.csv")).rejects.toThrow(
      "y14d03.csv, linje 4, kolonne «Andel i job (pct.)»: «fyrre» er ikke et tal. Intet er gemt.",
    );
    expect(await listJobindsatsValues(db, { tableId: "y14d03", periods: ["2023QMAT03"] })).toEqual([]);
  });

  it("a baseline and a manual value taken from a stored value carry source and period in their note", async () => {
    const { db } = getStore();
    const project = await createProject(db, { code: "bench-test", name: "Benchmarktest" });
    const ind = await createIndicator(db, project.id, {
      code: "bench-job",
      name: "Andel afsluttet til job (jobindsats.dk)",
      unit: "procent",
      kind: "manual",
      target: {
        baseline: { value: null, date: null },
        milestones: [{ date: "2024-06-30", value: 45, label: null }],
        goal: { kind: "absolute", value: 50, date: "2025-12-31" },
      },
    });
    const [value] = await listJobindsatsValues(db, { tableId: "y14d03", areas: ["Hedensted"] });
    const updated = await baselineFromJobindsats(db, ind.id, value!.id);
    expect(updated.baselineValue).toBe(41.3);
    expect(updated.baselineDate).toBe("2023-06-30");
    expect(updated.baselineSource).toBe("jobindsats.dk, Y14D03 Fra ydelse til job");
    expect(updated.baselineNote).toMatch(
      /^Andel i job \(pct\.\), Hedensted, 3\. kvt\. 2022–2\. kvt\. 2023; hentet \d\d-\d\d-\d{4} fra downloadet fil fra-ydelse-til-job\.csv$/,
    );
    // the rest of the target is kept
    const again = await getIndicator(db, ind.id);
    expect(again?.milestones.map((m) => m.value)).toEqual([45]);
    expect(again?.goalValue).toBe(50);

    const mv = await manualValueFromJobindsats(db, {
      indicatorId: ind.id,
      valueId: value!.id,
      enteredBy: "test",
    });
    // the moving year to 2. kvt. 2023 is Effektspor's value primo July 2023
    expect(mv.value).toMatchObject({ period: "2023-07", value: 41.3 });
    expect((await listManualValues(db, [ind.id]))[0]!.note).toMatch(
      /^jobindsats.dk, Y14D03 Fra ydelse til job: Andel i job/,
    );

    // the baseline's source names y14d03, so the indicator shows the jobindsats series beside its own
    const series = await indicatorJobindsatsSeries(db, ind.id);
    expect(series).toMatchObject({ tableId: "y14d03", measure: "Andel i job (pct.)", area: "Hedensted" });
    expect(series?.points.map((p) => [p.period, p.value])).toEqual([["2023QMAT02", 41.3]]);
  });

  it("own full-time persons beside jobindsats' for the same months, with the difference", async () => {
    const { db } = getStore();
    const dataDir = tempDir("jobindsats-own-");
    await writeDataDirSnapshot(dataDir, "s1", tinyRows);
    await catalogueSnapshot(db, "s1");
    const common = {
      tableId: "y60a02",
      tableName: "Kontanthjælp",
      measure: "Antal fuldtidspersoner",
      measureLabel: "Antal fuldtidspersoner",
      area: "Hedensted",
      source: "demo",
    };
    await upsertJobindsatsValues(db, [
      { ...common, period: "2024M01", value: 1.5 },
      // February as low as January: Effektspor's 49/29 ≈ 1,69 lies more than 5 % above it
      { ...common, period: "2024M02", value: 1.5 },
    ]);
    const result = await ownVsJobindsats(db, dataDir);
    expect(result.snapshotId).toBe("s1");
    // other benefits may be stored by the tests above; this one is about kontanthjælp
    result.rows = result.rows.filter((r) => r.benefit === "kontanthjaelp");
    // jobindsats' January meets Effektspor's February value, which counts January: A all 31 days,
    // B from 15 January: 17 days → 48/31. February (29 days): A 29, B 1-20 February: 20 → 49/29
    expect(result.rows.map((r) => [r.benefit, r.month, r.jobindsats])).toEqual([
      ["kontanthjaelp", "2024-01", 1.5],
      ["kontanthjaelp", "2024-02", 1.5],
    ]);
    expect(result.rows[0]!.own).toBeCloseTo(48 / 31, 9);
    expect(result.rows[0]!.difference).toBeCloseTo(48 / 31 - 1.5, 9);
    expect(result.rows[1]!.own).toBeCloseTo(49 / 29, 9);
    // in per cent of jobindsats': January (48/31 − 1,5) ÷ 1,5 ≈ 3,2 % (within 5 %), February
    // (49/29 − 1,5) ÷ 1,5 ≈ 12,6 % (above)
    expect(result.threshold).toBe(5);
    expect(result.rows[0]!.differencePct).toBeCloseTo((100 * (48 / 31 - 1.5)) / 1.5, 9);
    expect(result.rows[1]!.differencePct).toBeCloseTo((100 * (49 / 29 - 1.5)) / 1.5, 9);
    const kh = result.benefits.find((b) => b.benefit === "kontanthjaelp")!;
    expect(kh).toMatchObject({ benefitLabel: "Kontanthjælp", tableId: "y60a02", months: 2, over: 1 });
    expect(kh.largestPct).toBeCloseTo((100 * (49 / 29 - 1.5)) / 1.5, 9);
  });

  it("RAR Østjylland has its 11 municipalities in the view", () => {
    expect(RAR_OESTJYLLAND).toContain("Hedensted");
  });
});
