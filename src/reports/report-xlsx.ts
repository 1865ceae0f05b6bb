/**
 * The committee report as Excel (exceljs): a summary sheet, one sheet per project ("Opfølgning på
 * mål", the status grid with numbers as numbers in Danish number formats, comments, economics, and
 * the charts as PNG images), then Måltal, Revisioner and Bilag. A value hidden by publication
 * suppression is the text "<5" / "(n<5)", never the number.
 *
 * Reads only the report model: it formats nothing and computes nothing.
 */
import ExcelJS from "exceljs";
import type { ReportModel, ReportProject } from "../services/report/model.ts";
import { effectChartPng } from "./charts/effect-chart.ts";
import { chartPng } from "./charts/indicator-chart.ts";
import { CHART_SIZE, STATUS_COLORS } from "./report-pdf.ts";
import { EXCEL_FORMATS } from "./status-xlsx.ts";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const fill = (hex: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: argb(hex) },
});

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  // cut at a word boundary, so a long project name is not left with half a word
  const cut = clean.length <= 28 ? clean : clean.slice(0, 28).replace(/\s+\S*$/, "");
  const base = cut || "Projekt";
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 26)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function heading(ws: ExcelJS.Worksheet, text: string, size = 12): void {
  ws.addRow([]);
  ws.addRow([text]).font = { bold: true, size };
}

function header(ws: ExcelJS.Worksheet, cells: string[]): void {
  const r = ws.addRow(cells);
  r.font = { bold: true };
  r.alignment = { wrapText: true, vertical: "top" };
  r.eachCell((c) => {
    c.fill = fill("#f3f4f6");
  });
}

function summarySheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const ws = wb.addWorksheet("Sammenfatning");
  const f = model.front;
  ws.addRow([`${f.title} – ${f.monthText}`]).font = { bold: true, size: 16 };
  ws.addRow([`${f.municipality} · ${f.committee}`]);
  ws.addRow([f.extractionText]);
  ws.addRow([
    f.publication ? "Til offentliggørelse: små tal er skjult" : "Intern version: må ikke offentliggøres",
  ]).font = {
    bold: true,
    color: { argb: "FF7C2D12" },
  };
  ws.addRow([]);
  ws.addRow([model.summary.text]).alignment = { wrapText: false };
  ws.addRow([]);
  header(ws, ["Projekt", ...model.summary.columns.map((c) => c.label), "Slutmål forventes nået"]);
  for (const r of model.summary.rows) {
    ws.addRow([
      r.project,
      ...model.summary.columns.map((c) => r.counts[c.key as keyof typeof r.counts]),
      r.expected,
    ]);
  }
  const t = model.summary.total;
  const e = model.summary.expected;
  ws.addRow([
    "I alt",
    ...model.summary.columns.map((c) => t[c.key as keyof typeof t]),
    e ? `${e.reached} af ${e.withForecast}` : "–",
  ]).font = { bold: true };
  ws.addRow([]);
  for (const n of model.notes) ws.addRow([n]).font = { italic: true, size: 9 };
  ws.getColumn(1).width = 55;
  for (let c = 2; c <= 7; c++) ws.getColumn(c).width = 14;
}

function projectSheet(wb: ExcelJS.Workbook, p: ReportProject, name: string): void {
  const ws = wb.addWorksheet(name);
  ws.addRow([p.name]).font = { bold: true, size: 16 };
  ws.addRow([`Periode ${p.period}`]);
  if (p.brief) ws.addRow([p.brief]).alignment = { wrapText: true, vertical: "top" };
  heading(ws, "Opfølgning på mål");
  header(ws, ["Indikator", "Mål", "Aktuel status", "Status", "Slutmål forventes", "Noter"]);
  for (const g of p.goals) {
    const r = ws.addRow([
      g.indicator,
      g.goal,
      g.sentence,
      g.statusLabel,
      g.forecast ?? "–",
      g.footnotes.join(", "),
    ]);
    r.alignment = { wrapText: true, vertical: "top" };
    r.getCell(4).fill = fill(STATUS_COLORS[g.status]);
  }
  for (const [i, f] of p.footnotes.entries()) ws.addRow([`${i + 1} ${f}`]).font = { size: 9, italic: true };

  heading(ws, "Månedsvis statusskema (primo måneden)");
  const g = p.grid;
  header(ws, ["Indikator", g.baselineHead, ...g.monthLabels, ...g.targetHeads, "Status"]);
  let lastGroup: string | null = null;
  for (const row of g.rows) {
    if (row.group && row.group !== lastGroup) ws.addRow([row.group]).font = { bold: true };
    lastGroup = row.group;
    const values: (string | number)[] = [
      row.name,
      row.baselineValue ?? row.baseline,
      ...row.cells.map((text, i) => row.values[i] ?? text),
      ...row.targets.map((text, i) => row.targetValues[i] ?? text),
      row.statusLabel,
    ];
    const r = ws.addRow(values);
    const fmt = EXCEL_FORMATS[row.unit];
    r.eachCell((c, col) => {
      if (col > 1 && typeof c.value === "number") c.numFmt = fmt;
      if (col > 1) c.alignment = { horizontal: "right" };
    });
    row.cellStatus.forEach((s, i) => {
      if (s) r.getCell(3 + i).fill = fill(STATUS_COLORS[s]);
    });
    r.getCell(values.length).fill = fill(STATUS_COLORS[row.status]);
    r.getCell(values.length).alignment = { horizontal: "left" };
  }
  for (const n of g.notes) ws.addRow([n]).font = { size: 9, italic: true };

  if (p.comments.length) {
    heading(ws, "Månedens kommentarer");
    header(ws, ["Måned", "Kommentar", "Skrevet af"]);
    for (const c of p.comments)
      ws.addRow([c.month, c.text, c.author]).alignment = { wrapText: true, vertical: "top" };
  }

  const e = p.economics;
  if (e) {
    heading(ws, "Økonomi");
    if (e.potential) {
      header(ws, ["Ydelse", "Færre fuldtidspersoner", "Nettopris pr. år", "Potentiale"]);
      for (const l of e.potential.lines) ws.addRow([l.label, l.fte, l.net, l.amount]);
      ws.addRow(["I alt", "", "", e.potential.total]).font = { bold: true };
    }
    for (const b of e.businessCases) {
      ws.addRow([]);
      ws.addRow([`Business case: ${b.name}`]).font = { bold: true };
      if (b.error) ws.addRow([b.error]);
      ws.addRow([
        `Investering ${b.investment}, besparelse ${b.savings}, nettoresultat ${b.net}; tjent hjem: ${b.payback}; afkast ${b.roi}.`,
      ]);
      if (b.years.length) {
        header(ws, ["År", "Investering", "Besparelse", "Netto", "Akkumuleret"]);
        for (const y of b.years) ws.addRow([y.year, y.investment, y.savings, y.net, y.cumulative]);
      }
    }
    if (e.realized) {
      ws.addRow([]);
      ws.addRow([`Realiseret gevinst til og med ${e.realized.through}: ${e.realized.total}`]).font = {
        bold: true,
      };
      header(ws, ["Indikator", "Startmåling", "Seneste måling", "Gevinst"]);
      for (const l of e.realized.lines) ws.addRow([l.label, l.baseline, l.latest, l.gain]);
      for (const n of e.realized.notes) ws.addRow([n]).font = { size: 9, italic: true };
    }
  }

  const rowsPerChart = Math.ceil((CHART_SIZE.height * 0.85) / 20) + 2;
  if (p.effects.length > 0) {
    heading(ws, "Effekt mod en matchet sammenligningsgruppe");
    for (const e of p.effects) {
      if (p.effects.length > 1) ws.addRow([e.name]).font = { bold: true };
      ws.addRow([e.sentence]).font = { bold: true };
      ws.addRow([e.matchingText]);
      for (const c of e.caveats) ws.addRow([c]).font = { color: { argb: "FF9A3412" } };
      if (e.chart) {
        ws.addRow([e.chart.title]).font = { bold: true };
        const top = ws.rowCount;
        const id = wb.addImage({
          buffer: effectChartPng(e.chart, CHART_SIZE) as unknown as ExcelJS.Buffer,
          extension: "png",
        });
        ws.addImage(id, {
          tl: { col: 0, row: top },
          ext: { width: CHART_SIZE.width * 0.85, height: CHART_SIZE.height * 0.85 },
        });
        for (let i = 0; i < rowsPerChart; i++) ws.addRow([]);
        ws.addRow([e.chart.caption]).font = { size: 9, italic: true };
        // the curve's numbers beside the picture's rows would be hidden: they follow below it
        header(ws, ["Måned fra henvisning", "Henviste (pct.)", "Vægtet sammenligning (pct.)"]);
        for (const [i, m] of e.chart.months.entries()) {
          ws.addRow([m, e.chart.treated[i] ?? "–", e.chart.control[i] ?? "–"]);
        }
      }
      ws.addRow([e.provenance]).font = { size: 9, italic: true };
    }
  }

  heading(ws, "Udvikling pr. indikator");
  // each chart: its title in a row, the picture over the next rows (20 px per row)
  for (const c of p.charts) {
    ws.addRow([c.title]).font = { bold: true };
    const top = ws.rowCount; // 1-based row of the title = 0-based row below it
    const id = wb.addImage({
      buffer: chartPng(c, CHART_SIZE) as unknown as ExcelJS.Buffer,
      extension: "png",
    });
    ws.addImage(id, {
      tl: { col: 0, row: top },
      ext: { width: CHART_SIZE.width * 0.85, height: CHART_SIZE.height * 0.85 },
    });
    for (let i = 0; i < rowsPerChart; i++) ws.addRow([]);
  }

  ws.getColumn(1).width = 50;
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 22;
  for (let c = 4; c <= 4 + g.monthLabels.length + g.targetHeads.length; c++) ws.getColumn(c).width = 14;
}

function tailSheets(wb: ExcelJS.Workbook, model: ReportModel): void {
  const m = model.maaltal;
  if (m) {
    const ws = wb.addWorksheet("Måltal");
    ws.addRow([`Måltal ${m.budgetPeriod} (fuldtidspersoner), fulgt op til og med ${m.month}`]).font = {
      bold: true,
      size: 14,
    };
    header(ws, ["Ydelsesgruppe / linje", "Projekt", "Måltal", "Målt", "Afvigelse"]);
    for (const g of m.groups) {
      ws.addRow([g.group, "", g.total, g.measured, g.difference]).font = { bold: true };
      for (const l of g.lines) ws.addRow([`  ${l.label}`, l.project ?? "", l.fte]);
    }
    ws.addRow(["I alt", "", m.total]).font = { bold: true };
    ws.getColumn(1).width = 60;
    ws.getColumn(2).width = 40;
    for (let c = 3; c <= 5; c++) ws.getColumn(c).width = 16;
  }
  const rv = wb.addWorksheet("Revisioner");
  rv.addRow(["Revisioner af indberettede tal"]).font = { bold: true, size: 14 };
  if (model.revisions.length === 0)
    rv.addRow(["Ingen tal, der er indberettet til udvalget, er ændret siden."]);
  else {
    header(rv, ["Projekt", "Indikator", "Måned", "Indberettet", "Nu", "Hvorfor", "Indefrosset", "Af"]);
    for (const r of model.revisions)
      rv.addRow([r.project, r.indicator, r.month, r.old, r.new, r.why, r.frozenAt, r.frozenBy]);
  }
  rv.getColumn(1).width = 30;
  rv.getColumn(2).width = 50;
  rv.getColumn(6).width = 70;

  const ap = wb.addWorksheet("Bilag");
  ap.addRow(["Bilag: sådan måles indikatorerne"]).font = { bold: true, size: 14 };
  header(ap, ["Projekt", "Indikator", "Type", "Sådan måles den"]);
  for (const a of model.appendix) {
    for (const i of a.indicators)
      ap.addRow([a.project, i.name, i.kind, i.description]).alignment = { wrapText: true, vertical: "top" };
  }
  ap.getColumn(1).width = 30;
  ap.getColumn(2).width = 50;
  ap.getColumn(3).width = 12;
  ap.getColumn(4).width = 100;
}

/** The report as XLSX bytes. */
export async function reportXlsx(model: ReportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Effektspor";
  wb.title = `${model.front.title} – ${model.front.monthText}`;
  wb.created = new Date(model.front.generatedAt);
  summarySheet(wb, model);
  const taken = new Set(["sammenfatning", "måltal", "revisioner", "bilag"]);
  for (const p of model.projects) projectSheet(wb, p, sheetName(p.name, taken));
  tailSheets(wb, model);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
