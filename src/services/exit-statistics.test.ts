import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { goldenPath } from "../../test/fixtures.ts";
import { exitCountsByYear } from "../engine/exit-statistics.ts";
import { writeSnapshot } from "../engine/test-support.ts";
import { exitStatisticsXlsx } from "../reports/exit-statistics-xlsx.ts";
import { exitStatistics, exitStatisticsFromCounts } from "./exit-statistics.ts";

const golden = JSON.parse(readFileSync(goldenPath("seed-tables.json"), "utf8"));

/** a code for a seed label: "Løntilskud / Flexjob" → "lontilskud-flexjob" */
const codeOf = (label: string) =>
  label
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

describe("exit statistics over a snapshot: seed 003 Tabel 3 (Aktiv Centret) from its counts", () => {
  const t3 = golden.afgangsstatistik_aktivcentret;
  let dir: string;

  beforeAll(async () => {
    // one person per counted forløb: kontanthjælp 1 January – 15 June of the year, ended with the row's reason
    const benefit_records: Record<string, string | null>[] = [];
    const persons: Record<string, string>[] = [];
    let n = 0;
    for (const [label, ...counts] of t3.rows as [string, ...(number | null)[]][]) {
      counts.forEach((count, j) => {
        for (let i = 0; i < (count ?? 0); i++) {
          const key = `p${String(n++).padStart(6, "0")}`;
          persons.push({ person_key: key, birth_date: "1980-01-01", sex: "K" });
          benefit_records.push({
            person_key: key,
            benefit: "kontanthjaelp",
            category: "aktivitetsparat",
            start_date: `${t3.years[j]}-01-01`,
            end_date: `${t3.years[j]}-06-15`,
            exit_reason: codeOf(label),
          });
        }
      });
    }
    dir = await writeSnapshot({ persons, benefit_records }, { extractionDate: "2015-01-15" });
  }, 60_000);

  it("reproduces the column totals, the 2014 percentages and the 51,9 pct. 'job or on the way'", async () => {
    const years = await exitCountsByYear(dir, {
      benefits: ["kontanthjaelp"],
      from: "2010-01",
      to: "2014-12",
    });
    expect(years.map((y) => y.column)).toEqual(["2010", "2011", "2012", "2013", "2014"]);
    const onTheWay = [
      "Ordinært arbejde/ selvstændig",
      "Virksomhedspraktik",
      "Løntilskud / Flexjob",
      "Uddannelse, i lære",
    ];
    const stats = exitStatisticsFromCounts(
      years,
      [{ name: "job eller godt på vej", reasons: onTheWay.map(codeOf) }],
      // the seed's "Frameldte i alt" row
      [251, 337, 327, 404, 533],
    );
    expect(stats.columnTotals).toEqual(t3.expect.totals);
    for (const [label, pct] of Object.entries(t3.expect.percent_2014 as Record<string, number>)) {
      const row = stats.rows.find((r) => r.label === codeOf(label));
      expect(row?.byColumn[4]?.percentRounded, label).toBe(pct);
    }
    // 12,6 + 34,1 + 2,8 + 2,4 = 51,9 as the seed adds rounded percentages; from counts 277/533 = 52,0
    expect(stats.groups[0]?.byColumn[4]?.percentSumOfRounded).toBe(t3.expect.job_or_on_the_way_2014_percent);
    expect(stats.groups[0]?.byColumn[4]?.percentRounded).toBe(52);
    // the seed states 251 for 2010, but its rows sum to 244: flagged, never used
    expect(stats.totalMismatches.map((m) => [m.column, m.stated, m.computed])).toEqual([["2010", 251, 244]]);
  });

  it("gives the whole report and an XLSX with the same numbers", async () => {
    const report = await exitStatistics(dir, { benefits: ["kontanthjaelp"], from: "2013-01", to: "2014-12" });
    expect(report.columns).toEqual(["2013", "2014"]);
    expect(report.columnTotals).toEqual([404, 533]);
    const buf = await exitStatisticsXlsx(report);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Afgangsstatistik")!;
    const values: unknown[][] = [];
    ws.eachRow((row) => {
      values.push((row.values as unknown[]).slice(1));
    });
    expect(values.find((r) => r[0] === "I alt")).toEqual(["I alt", 404, 100, 533, 100]);
    // Virksomhedspraktik (a canonical code, so its Danish label) 2014: 182 / 533 = 34,1 %
    expect(values.find((r) => r[0] === "Virksomhedspraktik")?.slice(3)).toEqual([182, 34.1]);
  });
});

describe("exit statistics from counts: seed 003 Tabel 1 (Job & Trivsel 2014)", () => {
  const t1 = golden.afgangsstatistik_job_og_trivsel_2014;
  const columns = (t1.columns as string[]).map((column, j) => ({
    column,
    counts: Object.fromEntries(
      (t1.rows as [string, number, number][])
        .map((r): [string, number] => [r[0], j === 0 ? r[1] : r[2]])
        .filter(([, n]) => n > 0),
    ) as Record<string, number>,
  }));
  const groups = Object.entries(
    t1.expect.outcome_groups_percent_sum_of_rounded as Record<string, { members: string[]; percent: number }>,
  ).map(([name, g]) => ({ name, reasons: g.members }));

  it("reproduces column totals, the row percentages of the total and both group figures", () => {
    const stats = exitStatisticsFromCounts(columns, groups);
    expect(stats.columnTotals).toEqual(t1.expect.column_totals);
    expect(stats.total).toBe(t1.expect.total);
    for (const [label, pct] of Object.entries(t1.expect.percent_of_total as Record<string, number>)) {
      expect(stats.rows.find((r) => r.label === label)?.total.percentRounded, label).toBe(pct);
    }
    // the seed's figures are sums of rounded row percentages (25,2 = 5,7 + 19,5) ...
    expect(stats.groups.map((g) => g.total.percentSumOfRounded)).toEqual([36.0, 15.3, 25.2, 23.2]);
    // ... from the counts they are 94/261, 40/261, 66/261, 61/261 (the golden note: 36,0 15,3 25,3 23,4)
    expect(stats.groups.map((g) => g.total.percentRounded)).toEqual([36.0, 15.3, 25.3, 23.4]);
  });
});

describe("exit statistics chain records into forløb as DESIGN 6.1", () => {
  it("counts touching records once, with the exit reason of the latest end; a gap makes two forløb", async () => {
    const rec = (
      person_key: string,
      start_date: string,
      end_date: string | null,
      exit_reason: string | null,
    ) => ({
      person_key,
      benefit: "sygedagpenge",
      category: null,
      start_date,
      end_date,
      exit_reason,
    });
    const dir = await writeSnapshot(
      {
        persons: [
          { person_key: "x", birth_date: "1970-01-01", sex: "M" },
          { person_key: "y", birth_date: "1970-01-01", sex: "M" },
        ],
        benefit_records: [
          // x: 01-01 … 03-31 then 04-01 … 05-31 touch (next start = end + 1): one forløb ending 05-31, exit job
          rec("x", "2024-01-01", "2024-03-31", "raskmelding"),
          rec("x", "2024-04-01", "2024-05-31", "job"),
          // y: 01-01 … 02-29 and 03-02 … 04-30 leave a gap of one day: two forløb
          rec("y", "2024-01-01", "2024-02-29", "barsel"),
          rec("y", "2024-03-02", "2024-04-30", "job"),
          // y: an open record is no ended forløb
          rec("y", "2024-06-01", null, null),
        ],
      },
      { extractionDate: "2024-12-31" },
    );
    const [y2024] = await exitCountsByYear(dir, {
      benefits: ["sygedagpenge"],
      from: "2024-01",
      to: "2024-12",
    });
    expect(y2024?.counts).toEqual({ job: 2, barsel: 1 });
    // limited to ends in March–December: x's forløb (05-31) and y's second (04-30)
    const [part] = await exitCountsByYear(dir, {
      benefits: ["sygedagpenge"],
      from: "2024-03",
      to: "2024-12",
    });
    expect(part?.counts).toEqual({ job: 2 });
  });
});
