/**
 * XLSX export of a project's status scheme (seed 002's layout): indicators as rows; baseline, months
 * and milestone columns; the status; the month's comments. Numbers are stored as numbers with Excel
 * number formats, so a Danish Excel shows them with Danish separators (1.212; 17,8 uger; 87,9 pct.).
 */
import ExcelJS from "exceljs";
import { formatDate, type Unit } from "../domain/format.ts";
import { STATUS_LABELS, type Status } from "../domain/status.ts";
import type { StatusScheme } from "../services/status-scheme.ts";

/** Excel number formats per unit. In Excel's format codes "," groups and "." is the decimal mark;
 * Excel renders them with the user's locale (Danish: 1.212 and 17,8). */
export const EXCEL_FORMATS: Record<Unit, string> = {
  personer: "#,##0",
  antal: "#,##0",
  fuldtidspersoner: "#,##0.0",
  procent: '0.0" pct."',
  uger: '0.0" uger"',
  "kr.": '#,##0" kr."',
};

const STATUS_FILL: Record<Status, string> = {
  achieved: "FFDFF5E3",
  on_track: "FFE1EFFF",
  behind: "FFFFE6E3",
  no_baseline: "FFECEFF3",
  no_goal: "FFECEFF3",
  no_data: "FFECEFF3",
};

function excelDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

/**
 * The forecast word of each target with its probability (DESIGN 9.2), as beside the targets in the
 * app: "Slutmål 01-01-2026: Forventes nået (82 %)"; empty without a forecast.
 */
export function forecastWords(scheme: StatusScheme, row: StatusScheme["rows"][number]): string | null {
  const targets = row.forecast?.targets ?? [];
  if (targets.length === 0) return null;
  const label = new Map(scheme.columns.map((c) => [c.key, c.label]));
  return targets
    .map((t) => `${label.get(t.key) ?? t.period}: ${t.status} (${Math.round(t.probability * 100)} %)`)
    .join("; ");
}

export async function statusSchemeWorkbook(scheme: StatusScheme): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Effektspor";
  wb.created = new Date();
  const ws = wb.addWorksheet("Statusskema", { views: [{ state: "frozen", xSplit: 1, ySplit: 4 }] });

  const baselineDates = [
    ...new Set(scheme.rows.map((r) => r.indicator.baseline.date).filter(Boolean)),
  ] as string[];
  const baselineHead =
    baselineDates.length === 1 ? `Startmåling ${formatDate(baselineDates[0]!)}` : "Startmåling";
  const header = [
    "Indikator",
    "Enhed",
    baselineHead,
    ...scheme.monthLabels,
    ...scheme.columns.map((c) => c.label),
    "Seneste status",
    "Prognose",
  ];
  ws.addRow([`Månedsvis status – ${scheme.project.name}`]).font = { bold: true, size: 14 };
  ws.addRow(["Opfølgning primo måneden. Statusregler: se arket «Statusregler»."]);
  ws.addRow([]);
  const head = ws.addRow(header);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: "top" };

  const footnotes: string[] = [];
  const firstMonthCol = 4;
  const firstGoalCol = firstMonthCol + scheme.months.length;
  let lastGroup: string | null = null;
  for (const row of scheme.rows) {
    const ind = row.indicator;
    if (ind.groupLabel && ind.groupLabel !== lastGroup) {
      ws.addRow([ind.groupLabel]).font = { bold: true };
    }
    lastGroup = ind.groupLabel;
    let baselineMark = "";
    if (ind.baseline.source || ind.baseline.note) {
      const note = [ind.baseline.source, ind.baseline.note].filter(Boolean).join(". ");
      let idx = footnotes.indexOf(note);
      if (idx < 0) idx = footnotes.push(note) - 1;
      baselineMark = "*".repeat(idx + 1);
    }
    const values: (number | string | null)[] = [
      ind.name,
      ind.unit,
      ind.baseline.value,
      ...row.cells.map((c) => c.value),
      ...scheme.columns.map((c) => row.targets[c.key] ?? null),
      STATUS_LABELS[row.status],
      forecastWords(scheme, row),
    ];
    const r = ws.addRow(values);
    const fmt = EXCEL_FORMATS[ind.unit];
    for (let col = 3; col < firstGoalCol + scheme.columns.length; col++) r.getCell(col).numFmt = fmt;
    if (baselineMark) {
      const cell = r.getCell(3);
      cell.note = `${baselineMark} ${footnotes[baselineMark.length - 1]}`;
      if (ind.baseline.value === null) cell.value = baselineMark;
    }
    row.cells.forEach((c, i) => {
      if (c.source === null && ind.kind === "computed") return;
      r.getCell(firstMonthCol + i).fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: STATUS_FILL[c.status] },
      };
    });
    const statusCell = r.getCell(header.length - 1);
    statusCell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: STATUS_FILL[row.status] } };
  }

  const commentRow = ws.addRow([
    "Månedens kommentar",
    null,
    null,
    ...scheme.months.map((m) => scheme.comments[m]?.comment ?? null),
  ]);
  commentRow.font = { italic: true };
  commentRow.alignment = { wrapText: true, vertical: "top" };

  ws.addRow([]);
  for (const [i, note] of footnotes.entries()) ws.addRow([`${"*".repeat(i + 1)} ${note}`]);
  for (const note of scheme.project.footnotes)
    if (!footnotes.some((f) => note.includes(f))) ws.addRow([note]);
  if (scheme.project.dataSources.length > 0)
    ws.addRow([`Datakilder: ${scheme.project.dataSources.join("; ")}`]);

  ws.getColumn(1).width = 60;
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 14;
  for (let col = firstMonthCol; col <= header.length; col++) ws.getColumn(col).width = 12;
  for (let col = firstGoalCol; col < firstGoalCol + scheme.columns.length; col++)
    ws.getColumn(col).width = 16;
  ws.getColumn(header.length).width = 48;

  const comments = wb.addWorksheet("Kommentarer");
  comments.addRow(["Måned", "Kommentar", "Skrevet af", "Opdateret"]).font = { bold: true };
  for (const [month, c] of Object.entries(scheme.comments)) {
    const r = comments.addRow([month, c.comment, c.author, excelDate(c.updatedAt.slice(0, 10))]);
    r.getCell(4).numFmt = "dd-mm-yyyy";
  }
  comments.getColumn(2).width = 90;
  comments.getColumn(4).width = 12;

  const help = wb.addWorksheet("Statusregler");
  for (const line of scheme.statusHelp.split("\n")) help.addRow([line]);
  help.getColumn(1).width = 120;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
