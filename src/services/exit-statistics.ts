/**
 * Exit statistics (afgangsstatistik, DESIGN 2.5) over a snapshot: ended forløb of the chosen
 * benefits (forløb chained exactly as DESIGN 6.1, by the engine's own forløb SQL) counted by exit
 * reason per calendar year of the forløb end, then turned into counts, percentages and outcome
 * groups by the pure domain code (src/domain/exit-statistics.ts), years side by side.
 *
 * A forløb counts in the year of its end E when E lies in [from-01, last day of to]; its exit
 * reason is that of its exit-defining record (latest end, on a tie the later start). A forløb
 * without an exit reason counts as "ukendt".
 */
import ExcelJS from "exceljs";
import { addMonths, monthRange } from "../domain/calendar.ts";
import { codeLabel, EXIT_REASONS } from "../domain/codes.ts";
import { computeExitStatistics, type ExitStatistics, sideBySide } from "../domain/exit-statistics.ts";
import { forloebSelect } from "../engine/compile/forloeb.ts";
import { list, str } from "../engine/compile/sql.ts";
import { openSnapshot } from "../engine/execute.ts";

export interface OutcomeGroupDef {
  name: string;
  /** exit-reason codes */
  reasons: string[];
}

export interface ExitStatisticsQuery {
  benefits: string[];
  categories?: string[];
  /** YYYY-MM, first month of forløb ends */
  from: string;
  /** YYYY-MM, last month of forløb ends (inclusive) */
  to: string;
}

export interface YearCounts {
  /** column name, the year */
  column: string;
  /** first and last month of the year that lie within the query */
  from: string;
  to: string;
  counts: Record<string, number>;
}

export interface ExitStatisticsReport extends ExitStatistics {
  query: ExitStatisticsQuery;
  /** the part of each year the column covers */
  periods: { column: string; from: string; to: string }[];
  /** exit-reason code → Danish label */
  labels: Record<string, string>;
  groupSet: string | null;
  snapshot?: { id: string; extractionDate?: string };
  /** how group percentages are computed, in Danish */
  note: string;
}

/** The DuckDB query: ended forløb by year of end and exit reason. */
export function exitCountsSql(q: ExitStatisticsQuery): string {
  const from = `${q.from}-01`;
  const toExclusive = `${addMonths(q.to, 1)}-01`;
  const categoryFilter =
    q.categories && q.categories.length > 0 ? `AND f.category IN ${list(q.categories)}` : "";
  return `-- afgangsstatistik: afsluttede forløb pr. år og afslutningsårsag
WITH forloeb_records AS (
${forloebSelect}
)
SELECT CAST(year(f.course_end) AS INTEGER) AS year, COALESCE(f.exit_reason, 'ukendt') AS reason, count(*) AS n
FROM forloeb_records f
WHERE f.is_exit_record AND f.course_end IS NOT NULL
  AND f.course_end >= DATE ${str(from)} AND f.course_end < DATE ${str(toExclusive)}
  AND f.benefit IN ${list(q.benefits)}
  ${categoryFilter}
GROUP BY 1, 2
ORDER BY 1, 2`;
}

/** Years of the query, each with the months it covers. */
function yearsOf(q: ExitStatisticsQuery): { column: string; from: string; to: string }[] {
  const byYear = new Map<string, string[]>();
  for (const m of monthRange(q.from, q.to)) {
    const y = m.slice(0, 4);
    byYear.set(y, [...(byYear.get(y) ?? []), m]);
  }
  return [...byYear].map(([column, months]) => ({
    column,
    from: months[0]!,
    to: months[months.length - 1]!,
  }));
}

/** Count ended forløb per year and exit reason on a snapshot folder. */
export async function exitCountsByYear(snapshotDir: string, q: ExitStatisticsQuery): Promise<YearCounts[]> {
  if (q.benefits.length === 0) throw new RangeError("Vælg mindst én ydelse");
  if (q.from > q.to) throw new RangeError(`Perioden ${q.from} – ${q.to} er tom: fra skal være før til`);
  const session = await openSnapshot(snapshotDir);
  try {
    const reader = await session.connection.runAndReadAll(exitCountsSql(q));
    const years = yearsOf(q).map((y) => ({ ...y, counts: {} as Record<string, number> }));
    for (const r of reader.getRowObjectsJS()) {
      const y = years.find((c) => c.column === String(r.year));
      if (y) y.counts[String(r.reason)] = Number(r.n);
    }
    return years;
  } finally {
    session.close();
  }
}

const canonicalOrder = EXIT_REASONS.map((r) => r.code as string);

/**
 * Counts per column → the table: rows in canonical exit-reason order (reasons with no forløb in
 * any year left out), percentages and groups from the domain. Group members that do not occur
 * in the data are dropped from that group (they would be 0); the group stays.
 */
export function exitStatisticsFromCounts(
  columns: { column: string; counts: Record<string, number> }[],
  groups: OutcomeGroupDef[] = [],
  statedTotals?: (number | null)[],
): ExitStatistics & { labels: Record<string, string> } {
  const present = new Set(columns.flatMap((c) => Object.keys(c.counts)));
  const order = [
    ...canonicalOrder.filter((c) => present.has(c)),
    ...[...present].filter((c) => !canonicalOrder.includes(c)).sort(),
  ];
  const table = sideBySide(
    columns.map((c) => ({ name: c.column, counts: c.counts })),
    order,
  );
  const stats = computeExitStatistics({
    ...table,
    groups: groups.map((g) => ({ name: g.name, members: g.reasons.filter((r) => present.has(r)) })),
    statedTotals,
  });
  const labels = Object.fromEntries(order.map((c) => [c, codeLabel("exitReason", c)]));
  return { ...stats, labels };
}

export const groupNote =
  "Gruppernes procenter er beregnet af antallene (gruppens antal ÷ i alt). Kilder som seed 003 lægger i stedet de afrundede rækkeprocenter sammen; det tal vises ved siden af.";

/** The whole report for a snapshot folder. */
export async function exitStatistics(
  snapshotDir: string,
  q: ExitStatisticsQuery,
  options: {
    groups?: OutcomeGroupDef[];
    groupSet?: string | null;
    snapshot?: { id: string; extractionDate?: string };
  } = {},
): Promise<ExitStatisticsReport> {
  const years = await exitCountsByYear(snapshotDir, q);
  const stats = exitStatisticsFromCounts(years, options.groups ?? []);
  return {
    ...stats,
    query: q,
    periods: years.map(({ column, from, to }) => ({ column, from, to })),
    groupSet: options.groupSet ?? null,
    snapshot: options.snapshot,
    note: groupNote,
  };
}

/** The report as an XLSX workbook (one sheet, Danish headings, percentages with one decimal). */
export async function exitStatisticsXlsx(report: ExitStatisticsReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Effektspor";
  const ws = wb.addWorksheet("Afgangsstatistik");
  ws.addRow([
    `Afgangsstatistik: afsluttede forløb på ${report.query.benefits.map((b) => codeLabel("benefit", b)).join(", ")}`,
  ]).font = {
    bold: true,
    size: 13,
  };
  ws.addRow([
    `Forløb afsluttet ${report.query.from} – ${report.query.to}${report.snapshot ? `, snapshot ${report.snapshot.id}` : ""}`,
  ]);
  ws.addRow([]);
  const header = ws.addRow([
    "Afslutningsårsag",
    ...report.columns.flatMap((c) => [`Antal ${c}`, `Pct. ${c}`]),
  ]);
  header.font = { bold: true };
  const pct = (p: number | null) => (p === null ? null : p);
  for (const r of report.rows) {
    ws.addRow([
      report.labels[r.label] ?? r.label,
      ...r.byColumn.flatMap((s, j) => [r.counts[j] ?? null, pct(s.percentRounded)]),
    ]);
  }
  const totalRow = ws.addRow(["I alt", ...report.columnTotals.flatMap((t) => [t, t > 0 ? 100 : null])]);
  totalRow.font = { bold: true };
  if (report.groups.length > 0) {
    ws.addRow([]);
    ws.addRow(["Udfaldsgrupper", ...report.columns.flatMap((c) => [`Antal ${c}`, `Pct. ${c}`])]).font = {
      bold: true,
    };
    for (const g of report.groups) {
      ws.addRow([g.name, ...g.byColumn.flatMap((s) => [s.count, s.percentRounded])]);
    }
    ws.addRow([]);
    ws.addRow([report.note]);
  }
  for (const m of report.totalMismatches) ws.addRow([m.message]);
  ws.getColumn(1).width = 42;
  for (let i = 0; i < report.columns.length; i++) {
    ws.getColumn(2 + 2 * i).numFmt = "#,##0";
    ws.getColumn(3 + 2 * i).numFmt = "0.0";
    ws.getColumn(2 + 2 * i).width = 12;
    ws.getColumn(3 + 2 * i).width = 10;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
