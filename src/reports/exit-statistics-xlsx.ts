/**
 * XLSX export of the exit statistics (afgangsstatistik): one sheet, Danish headings, counts and
 * percentages with one decimal per year, the outcome groups and any stated-total mismatches.
 */
import ExcelJS from "exceljs";
import { codeLabel } from "../domain/codes.ts";
import type { ExitStatisticsReport } from "../services/exit-statistics.ts";

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
