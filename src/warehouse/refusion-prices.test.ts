import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { describeEachStore } from "../store/testing.ts";
import { importSnapshot } from "./import/index.ts";
import { refusionPrices } from "./refusion-prices.ts";
import { tempDir, validFiles, writeFolder } from "./test-support.ts";

const dir = tempDir("effektspor-refusion-");

beforeAll(async () => {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  // person-weeks: p1 kontanthjælp 4 weeks in feb-2024 (one week has a correction row), p2 1 week in feb, 1 in mar;
  // p3 a-dagpenge 2 weeks in feb (state pays, municipality co-finances)
  await c.run(`COPY (SELECT person_key, week::DATE AS week, benefit, 'Hedensted' AS municipality, gross::DOUBLE AS gross,
      refusion_rate::DOUBLE AS refusion_rate, refusion_amount::DOUBLE AS refusion_amount,
      cofinancing_rate::DOUBLE AS cofinancing_rate, cofinancing_amount::DOUBLE AS cofinancing_amount
    FROM (VALUES
      ('p1', '2024-02-05', 'kontanthjaelp', 3000, 80, 2400, 0, 0),
      ('p1', '2024-02-12', 'kontanthjaelp', 3000, 80, 2400, 0, 0),
      ('p1', '2024-02-12', 'kontanthjaelp', -500, 80, -400, 0, 0),
      ('p1', '2024-02-19', 'kontanthjaelp', 3000, 80, 2400, 0, 0),
      ('p1', '2024-02-26', 'kontanthjaelp', 3000, 80, 2400, 0, 0),
      ('p2', '2024-02-05', 'kontanthjaelp', 2000, 40, 800, 0, 0),
      ('p2', '2024-03-04', 'kontanthjaelp', 2000, 40, 800, 0, 0),
      ('p3', '2024-02-05', 'a-dagpenge', 4000, 0, 0, 20, 800),
      ('p3', '2024-02-12', 'a-dagpenge', 4000, 0, 0, 20, 800)
    ) t(person_key, week, benefit, gross, refusion_rate, refusion_amount, cofinancing_rate, cofinancing_amount))
    TO '${path.join(dir, "refusion_weeks.parquet")}' (FORMAT parquet)`);
  c.closeSync();
  instance.closeSync();
});

describe("priser fra data (refusion_weeks.parquet)", () => {
  it("summerer brutto, refusion og netto pr. ydelse og måned med fuldtidspersoner", async () => {
    const r = await refusionPrices(dir);
    expect(r.available).toBe(true);
    const feb = r.months.find((m) => m.benefit === "kontanthjaelp" && m.month === "2024-02")!;
    // person-weeks: p1 4 (the correction row merges into its week) + p2 1 = 5
    expect(feb.personWeeks).toBe(5);
    expect(feb.persons).toBe(2);
    // gross 4 × 3000 − 500 + 2000 = 13.500; refusion 4 × 2400 − 400 + 800 = 10.000; net 3.500
    expect(feb.gross).toBe(13_500);
    expect(feb.refusion).toBe(10_000);
    expect(feb.net).toBe(3_500);
    // fte = 5 person-weeks ÷ (29 days ÷ 7) = 35 ÷ 29
    expect(feb.fte).toBeCloseTo(35 / 29, 9);
    // per full-time person per year: 13.500 ÷ 5 × 52 = 140.400 gross, 3.500 ÷ 5 × 52 = 36.400 net; refusion 10.000 ÷ 13.500
    expect(feb.grossPerFteYear).toBeCloseTo(140_400, 6);
    expect(feb.netPerFteYear).toBeCloseTo(36_400, 6);
    expect(feb.refusionPct).toBeCloseTo((10_000 / 13_500) * 100, 9);
  });

  it("a-dagpenge: kommunens udgift er medfinansieringen", async () => {
    const r = await refusionPrices(dir);
    const ad = r.months.find((m) => m.benefit === "a-dagpenge")!;
    // net = co-financing 2 × 800 = 1.600; co-financing share 1.600 ÷ 8.000 = 20 %
    expect(ad.net).toBe(1_600);
    expect(ad.refusionPct).toBeCloseTo(20, 9);
  });

  it("totalrækker pr. ydelse over alle måneder", async () => {
    const r = await refusionPrices(dir);
    const kh = r.totals.find((t) => t.benefit === "kontanthjaelp")!;
    // 6 person-weeks; gross 15.500; net 3.500 + (2000 − 800) = 4.700; fte mean of feb 35/29 and mar 1 ÷ (31/7) = 7/31
    expect(kh.personWeeks).toBe(6);
    expect(kh.gross).toBe(15_500);
    expect(kh.net).toBe(4_700);
    expect(kh.persons).toBe(2);
    expect(kh.fte).toBeCloseTo((35 / 29 + 7 / 31) / 2, 9);
    expect(kh.netPerFteYear).toBeCloseTo((4_700 / 6) * 52, 6);
  });

  it("uden refusionsfil: ingen data", async () => {
    const r = await refusionPrices(tempDir("effektspor-tom-"));
    expect(r).toEqual({ available: false, months: [], totals: [] });
  });
});

describeEachStore("priser fra data gennem den rigtige import", (getStore) => {
  it("en importeret yr-ydelsesrefusion-fil giver faktisk nettopris pr. ydelse og måned", async () => {
    process.env.EFFEKTSPOR_PSEUDONYM_KEY = "test-pseudonym-key-refusion-0123456789";
    const dataDir = tempDir("effektspor-refusion-data-");
    const files = validFiles();
    files["yr-ydelsesrefusion-beregning-2024.csv"] = [
      "Uge;CPR nummer;Ydelse;Finansiering Kommunenavn;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb",
      "2024-01-01;101801234;Kontanthjælp;Hedensted;3.000,00;80;2.400,00;0;0",
      "2024-01-08;101801234;Kontanthjælp;Hedensted;3.000,00;80;2.400,00;0;0",
      "",
    ].join("\n");
    const result = await importSnapshot({
      folder: writeFolder(files),
      dataDir,
      db: getStore().db,
      importedBy: "test",
    });
    expect(result.outcome).toBe("imported");
    const r = await refusionPrices(path.join(dataDir, "snapshots", result.snapshotId as string));
    // 2 person-weeks in jan-24: gross 6.000, refusion 4.800, net 1.200; fte 2 ÷ (31 ÷ 7) = 14/31;
    // net per full-time person per year 1.200 ÷ 2 × 52 = 31.200
    expect(r.months).toHaveLength(1);
    expect(r.months[0]).toMatchObject({
      benefit: "kontanthjaelp",
      month: "2024-01",
      personWeeks: 2,
      gross: 6000,
      refusion: 4800,
      net: 1200,
    });
    expect(r.months[0]!.fte).toBeCloseTo(14 / 31, 9);
    expect(r.totals[0]!.netPerFteYear).toBeCloseTo(31_200, 6);
  });
});
