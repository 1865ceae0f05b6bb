import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { goldenPath, seedsDir } from "../../test/fixtures.ts";
import {
  computeExitStatistics,
  describeGroupShare,
  type ExitRowInput,
  sideBySide,
} from "./exit-statistics.ts";
import { parseDanishNumber } from "./format.ts";

type Row = [string, ...(number | null)[]];
interface Golden {
  afgangsstatistik_job_og_trivsel_2014: {
    columns: string[];
    rows: Row[];
    expect: {
      column_totals: number[];
      total: number;
      percent_of_total: Record<string, number>;
      outcome_groups_percent_sum_of_rounded: Record<string, { members: string[]; percent: number }>;
    };
  };
  afgangsstatistik_aktivcentret: {
    years: number[];
    rows: Row[];
    expect: {
      totals: number[];
      percent_2014: Record<string, number>;
      job_or_on_the_way_2014_percent: number;
    };
  };
}
const golden = JSON.parse(readFileSync(goldenPath("seed-tables.json"), "utf8")) as Golden;

// The totals the seed itself prints, read from seed 003's text so the test checks the real source.
const seedDir = seedsDir;
const seed003 = readFileSync(
  path.join(seedDir, readdirSync(seedDir).find((f) => f.startsWith("003_"))!),
  "utf8",
);
function numbersAfter(prefix: string): number[] {
  const line = seed003.split("\n").find((l) => l.startsWith(prefix))!;
  return line
    .slice(prefix.length)
    .trim()
    .split(/\s+/)
    .map((t) => parseDanishNumber(t)!);
}

const toRows = (rows: Row[]): ExitRowInput[] =>
  rows.map(([label, ...counts]) => ({ label, counts: counts as (number | null)[] }));

describe("Tabel 1: Job & Trivsel 2014 (seed 003)", () => {
  const g = golden.afgangsstatistik_job_og_trivsel_2014;
  const groups = Object.entries(g.expect.outcome_groups_percent_sum_of_rounded).map(([name, v]) => ({
    name,
    members: v.members,
  }));
  const [statedA, statedB, statedTotal] = numbersAfter("I alt "); // "I alt 224 37 261 100,0"
  const stats = computeExitStatistics({
    columns: g.columns,
    rows: toRows(g.rows),
    groups,
    statedTotals: [statedA!, statedB!],
    statedGrandTotal: statedTotal!,
  });

  it("sums columns and the grand total, agreeing with the printed I alt", () => {
    expect(stats.columnTotals).toEqual(g.expect.column_totals);
    expect(stats.total).toBe(g.expect.total);
    expect(stats.totalMismatches).toEqual([]);
  });

  it("gives each reason's share of the total to one decimal, as printed", () => {
    const printed = Object.fromEntries(stats.rows.map((r) => [r.label, r.total.percentRounded]));
    expect(printed).toEqual(g.expect.percent_of_total);
    // Ordinært job: (17 + 1) / 261 = 6.8966 % → 6,9
    expect(stats.rows[0]!.total.count).toBe(18);
    expect(stats.rows[0]!.total.percent).toBeCloseTo((18 / 261) * 100, 12);
  });

  it("gives group shares both as the seed adds them and exactly from counts", () => {
    for (const group of stats.groups) {
      expect(group.total.percentSumOfRounded, group.name).toBe(
        g.expect.outcome_groups_percent_sum_of_rounded[group.name]!.percent,
      );
    }
    // Exact, from the note in seed-tables.json:
    // job: (18+4+67+3+2)=94/261 = 36.015 → 36,0; a-kasse 40/261 = 15.326 → 15,3;
    // aktivt tilbud (15+51)=66/261 = 25.287 → 25,3 (seed: 5,7+19,5 = 25,2);
    // anden ydelse (40+3+9+3+1+1+4)=61/261 = 23.372 → 23,4 (seed: 23,2).
    expect(stats.groups.map((x) => [x.total.count, x.total.percentRounded])).toEqual([
      [94, 36.0],
      [40, 15.3],
      [66, 25.3],
      [61, 23.4],
    ]);
    expect(stats.ungrouped).toEqual([]);
    expect(describeGroupShare(stats.groups[2]!.total, stats.total)).toBe(
      "66 af 261 = 25,3 pct. (summen af de afrundede rækkeprocenter: 25,2 pct.)",
    );
  });

  it("gives column shares too", () => {
    // Virksomhedspraktik in Afklaringsforløb: 19/37 = 51.351 % → 51,4
    const praktik = stats.rows.find((r) => r.label === "Virksomhedspraktik")!;
    expect(praktik.byColumn[1]!.percentRounded).toBe(51.4);
    // Job group within Individuel vejledning: (17+4+48+1+2)=72/224 = 32.143 → 32,1
    expect(stats.groups[0]!.byColumn[0]!.count).toBe(72);
    expect(stats.groups[0]!.byColumn[0]!.percentRounded).toBe(32.1);
  });
});

describe("Tabel 3: Aktivcentret 2010–2014, years side by side (seed 003)", () => {
  const g = golden.afgangsstatistik_aktivcentret;
  const years = g.years.map(String);
  const rows = toRows(g.rows);
  // Seed 003's conclusions: 12,6 job + 34,1 praktik + 2,8 løntilskud/fleksjob + 2,4 uddannelse = 51,9.
  const onTheWay = {
    name: "job/uddannelse eller godt på vej",
    members: [
      "Ordinært arbejde/ selvstændig",
      "Virksomhedspraktik",
      "Løntilskud / Flexjob",
      "Uddannelse, i lære",
    ],
  };
  const stated = numbersAfter("Frameldte i alt "); // "Frameldte i alt 251,0 337,0 327 404 533"
  const stats = computeExitStatistics({ columns: years, rows, groups: [onTheWay], statedTotals: stated });

  it("totals each year from its rows", () => {
    expect(stats.columnTotals).toEqual(g.expect.totals);
  });

  it("flags the stated 2010 total that disagrees with its rows", () => {
    expect(stated).toEqual([251, 337, 327, 404, 533]);
    expect(stats.totalMismatches).toHaveLength(1);
    expect(stats.totalMismatches[0]).toMatchObject({ column: "2010", stated: 251, computed: 244 });
    expect(stats.totalMismatches[0]!.message).toBe(
      "I alt for 2010 er angivet til 251, men rækkerne summerer til 244; summen af rækkerne bruges",
    );
  });

  it("gives the 2014 percentages as printed", () => {
    const j = years.indexOf("2014");
    const printed = Object.fromEntries(stats.rows.map((r) => [r.label, r.byColumn[j]!.percentRounded]));
    expect(printed).toEqual(g.expect.percent_2014);
    const group = stats.groups[0]!.byColumn[j]!;
    expect(group.percentSumOfRounded).toBe(g.expect.job_or_on_the_way_2014_percent);
    // Exact: (67+182+15+13)=277/533 = 51.970 → 52,0, a tenth above the seed's 51,9.
    expect(group.count).toBe(277);
    expect(group.percentRounded).toBe(52.0);
  });

  it("matches the seed's 2013 remarks and leaves blank cells blank", () => {
    const j = years.indexOf("2013");
    const pct = (label: string) => stats.rows.find((r) => r.label === label)!.byColumn[j]!.percentRounded;
    expect(pct("Ordinært arbejde/ selvstændig")).toBe(13.9); // 56/404 = 13.86, "13,9 procent … ordinært arbejde"
    expect(pct("Virksomhedspraktik")).toBe(20.3); // 82/404 = 20.30, "20,3 procent … virksomhedspraktik"
    const uddannelse2010 = stats.rows.find((r) => r.label === "Uddannelse, i lære")!.byColumn[0]!;
    expect(uddannelse2010).toEqual({ count: 0, percent: null, percentRounded: null });
    // "Der er 129 flere borgere igennem i 2014 i forhold til 2013": 533 − 404
    expect(stats.columnTotals[4]! - stats.columnTotals[3]!).toBe(129);
  });

  it("builds the same table from per-year counts", () => {
    const perYear = years.map((name, j) => ({
      name,
      counts: Object.fromEntries(
        rows.filter((r) => r.counts[j] !== null).map((r) => [r.label, r.counts[j] as number]),
      ),
    }));
    const merged = sideBySide(
      perYear,
      rows.map((r) => r.label),
    );
    expect(merged.columns).toEqual(years);
    expect(merged.rows).toEqual(rows);
  });
});

describe("bad input", () => {
  it("rejects rows with the wrong number of counts, duplicates, bad counts and unknown group members", () => {
    const columns = ["2013", "2014"];
    expect(() => computeExitStatistics({ columns, rows: [{ label: "Job", counts: [1] }] })).toThrow(
      /"Job" har 1 tal, men tabellen har 2 kolonner/,
    );
    expect(() =>
      computeExitStatistics({
        columns,
        rows: [
          { label: "Job", counts: [1, 2] },
          { label: "Job", counts: [1, 2] },
        ],
      }),
    ).toThrow(/står to gange/);
    expect(() => computeExitStatistics({ columns, rows: [{ label: "Job", counts: [1.5, 2] }] })).toThrow(
      /helt tal/,
    );
    expect(() =>
      computeExitStatistics({
        columns,
        rows: [{ label: "Job", counts: [1, 2] }],
        groups: [{ name: "I job", members: ["Ordinært job"] }],
      }),
    ).toThrow(/gruppen "I job" nævner "Ordinært job"/);
  });

  it("has no percentages for an empty column", () => {
    const stats = computeExitStatistics({ columns: ["2014"], rows: [{ label: "Job", counts: [0] }] });
    expect(stats.rows[0]!.byColumn[0]).toEqual({ count: 0, percent: null, percentRounded: null });
  });
});
