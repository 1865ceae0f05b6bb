/**
 * XLSX exports of the economics: the price catalogue (with prices from data when given), each
 * business case (years, sensitivity, assumptions), realized gain by month, and the måltal table with
 * its follow-up. Numbers are stored as numbers with Excel number formats, so a Danish Excel shows
 * 118.804 kr. and 22,87 pct.
 */
import ExcelJS from "exceljs";
import { MAALTAL_KIND_LABELS } from "../domain/economics/maaltal.ts";
import { benefitName, priceRow } from "../domain/economics/prices.ts";
import { monthLabel } from "../domain/format.ts";
import type { EvaluatedBusinessCase, MaaltalReport, ProjectEconomics } from "../services/economics.ts";
import type { PriceRecord } from "../store/repositories/economics.ts";
import type { RefusionPrices } from "../warehouse/refusion-prices.ts";

/** In Excel format codes "," groups and "." is the decimal mark; Excel renders them in the user's locale. */
export const KR = '#,##0" kr."';
export const PCT2 = '0.00" pct."';
export const PCT1 = '0.0" pct."';
export const FTE = "#,##0.0";
export const WHOLE = "#,##0";

function header(ws: ExcelJS.Worksheet, values: string[]) {
  const row = ws.addRow(values);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "bottom" };
  return row;
}

function title(ws: ExcelJS.Worksheet, text: string) {
  const row = ws.addRow([text]);
  row.font = { bold: true, size: 14 };
  ws.addRow([]);
}

function formats(ws: ExcelJS.Worksheet, byColumn: Record<number, string>) {
  for (const [col, fmt] of Object.entries(byColumn)) ws.getColumn(Number(col)).numFmt = fmt;
}

export interface EconomicsWorkbookInput {
  prices: readonly PriceRecord[];
  businessCases: readonly EvaluatedBusinessCase[];
  projects?: readonly ProjectEconomics[];
  fromData?: RefusionPrices;
}

function addPrices(wb: ExcelJS.Workbook, prices: readonly PriceRecord[], fromData?: RefusionPrices) {
  const ws = wb.addWorksheet("Priskatalog");
  title(ws, "Gennemsnitsudgifter pr. fuldtidsperson fordelt på ydelsesgrupper");
  header(ws, [
    "Ydelse",
    "Budgetår",
    "Bruttoudgift",
    "Refusionsprocent",
    "Nettoudgift",
    "Gennemsnitsudgift pr. uge",
    "Kilde",
    "Faktisk nettoudgift pr. fuldtidsperson (data)",
  ]);
  for (const p of prices) {
    const r = priceRow(p);
    const data = fromData?.totals.find((t) => t.benefit === p.benefit);
    ws.addRow([
      r.benefitName,
      p.budgetYear,
      p.grossPerFteYear,
      p.refusionPct,
      r.net,
      r.weekly,
      p.sourceNote,
      data?.netPerFteYear ?? null,
    ]);
  }
  formats(ws, { 3: KR, 4: PCT2, 5: KR, 6: KR, 8: KR });
  ws.getColumn(1).width = 28;
  for (const c of [3, 4, 5, 6, 8]) ws.getColumn(c).width = 18;
  ws.getColumn(7).width = 22;

  if (fromData?.available) {
    const d = wb.addWorksheet("Priser fra data");
    title(d, "Faktiske udgifter fra Ydelsesrefusion pr. ydelse og måned");
    header(d, [
      "Ydelse",
      "Måned",
      "Personer",
      "Fuldtidspersoner",
      "Bruttoudgift",
      "Refusion",
      "Medfinansiering",
      "Nettoudgift",
      "Refusionsprocent",
      "Nettoudgift pr. fuldtidsperson pr. år",
    ]);
    for (const r of [...fromData.months, ...fromData.totals]) {
      d.addRow([
        benefitName(r.benefit),
        r.month ? monthLabel(r.month) : "I alt",
        r.persons,
        r.fte,
        r.gross,
        r.refusion,
        r.cofinancing,
        r.net,
        r.refusionPct,
        r.netPerFteYear,
      ]);
    }
    formats(d, { 3: WHOLE, 4: FTE, 5: KR, 6: KR, 7: KR, 8: KR, 9: PCT2, 10: KR });
    d.getColumn(1).width = 28;
  }
}

function addBusinessCase(wb: ExcelJS.Workbook, bc: EvaluatedBusinessCase, index: number) {
  const name = `BC ${index + 1} ${bc.projectName}`.replace(/[*?:\\/[\]]/g, "").slice(0, 31);
  const ws = wb.addWorksheet(name);
  title(ws, `Business case: ${bc.name} (${bc.projectName})`);
  if (!bc.result || !bc.model) {
    ws.addRow([bc.error ?? "Business casen kan ikke beregnes"]);
    return;
  }
  const r = bc.result;
  header(ws, [
    "År",
    "Periode",
    "Medarbejdere (kr.)",
    "Øvrige udgifter",
    "Investering",
    "Sparede fuldtidspersoner",
    "Besparelse",
    "Nettoresultat",
    "Akkumuleret",
  ]);
  for (const y of r.years) {
    ws.addRow([
      y.year,
      `${monthLabel(y.fromMonth)} – ${monthLabel(y.toMonth)}`,
      y.staffCost,
      y.otherCosts,
      y.investment,
      y.fte,
      y.savings,
      y.net,
      y.cumulative,
    ]);
  }
  const total = ws.addRow([
    "I alt",
    "",
    null,
    null,
    r.totals.investment,
    r.totals.fte,
    r.totals.savings,
    r.totals.net,
    null,
  ]);
  total.font = { bold: true };
  formats(ws, { 3: KR, 4: KR, 5: KR, 6: FTE, 7: KR, 8: KR, 9: KR });
  ws.addRow([]);
  ws.addRow([
    "Tilbagebetalingsmåned",
    r.payback ? `${monthLabel(r.payback.month)} (måned ${r.payback.index})` : "Ikke inden for perioden",
  ]);
  const roi = ws.addRow(["Afkast af investeringen", r.roiPct]);
  roi.getCell(2).numFmt = PCT1;
  ws.addRow([]);
  header(ws, [
    "Effekter",
    "Ydelse",
    "Nettopris pr. fuldtidsperson",
    ...r.years.map((y) => `Fuldtidspersoner år ${y.year}`),
  ]);
  for (const e of r.effects) {
    const row = ws.addRow([e.label, benefitName(e.benefit), e.netPerFteYear, ...e.ftePerYear]);
    row.getCell(3).numFmt = KR;
    for (let i = 0; i < e.ftePerYear.length; i++) row.getCell(4 + i).numFmt = FTE;
  }
  ws.addRow([]);
  header(ws, ["Følsomhed: effekt", "Besparelse", "Nettoresultat", "Afkast", "Tilbagebetalingsmåned"]);
  for (const s of r.sensitivity) {
    const row = ws.addRow([
      `${s.factorPct} pct.`,
      s.savings,
      s.net,
      s.roiPct,
      s.payback ? monthLabel(s.payback.month) : "Ikke inden for perioden",
    ]);
    row.getCell(2).numFmt = KR;
    row.getCell(3).numFmt = KR;
    row.getCell(4).numFmt = PCT1;
  }
  if (bc.model.notes.length) {
    ws.addRow([]);
    header(ws, ["Antagelser og noter"]);
    for (const n of bc.model.notes) ws.addRow([n]);
  }
  ws.getColumn(1).width = 40;
  for (let c = 2; c <= 9; c++) ws.getColumn(c).width = 18;
}

function addRealized(wb: ExcelJS.Workbook, projects: readonly ProjectEconomics[]) {
  const ws = wb.addWorksheet("Realiseret gevinst");
  title(ws, "Realiseret gevinst: målte fuldtidspersoner mod startmålingen × nettopris");
  header(ws, [
    "Projekt",
    "Indikator",
    "Måned",
    "Startmåling",
    "Målt",
    "Reduktion",
    "Nettopris pr. år",
    "Gevinst",
    "Akkumuleret",
  ]);
  for (const p of projects) {
    for (const ind of p.realized.indicators) {
      if (!ind.series) {
        ws.addRow([p.project.name, ind.name, ind.note ?? "Ingen data"]);
        continue;
      }
      for (const m of ind.series.months) {
        ws.addRow([
          p.project.name,
          ind.name,
          monthLabel(m.month),
          ind.series.baselineFte,
          m.measuredFte,
          m.reducedFte,
          m.netPerFteYear,
          m.gain,
          m.cumulative,
        ]);
      }
    }
  }
  formats(ws, { 4: FTE, 5: FTE, 6: FTE, 7: KR, 8: KR, 9: KR });
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 36;
}

export async function economicsWorkbook(input: EconomicsWorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Effektspor";
  wb.created = new Date();
  addPrices(wb, input.prices, input.fromData);
  input.businessCases.forEach((bc, i) => {
    addBusinessCase(wb, bc, i);
  });
  if (input.projects?.length) addRealized(wb, input.projects);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function maaltalWorkbook(report: MaaltalReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Effektspor";
  wb.created = new Date();
  const ws = wb.addWorksheet("Måltal");
  title(ws, `Måltal. Investeringsprojekter i Udvalget for Beskæftigelse – ${report.budgetPeriod}`);
  for (const g of report.groups) {
    header(ws, [g.group, "Antal fuldtidspersoner", "Type", "Projekt"]);
    for (const l of g.lines) ws.addRow([l.label, l.fte, MAALTAL_KIND_LABELS[l.kind], l.projectName ?? ""]);
    const t = ws.addRow(["I alt", g.total]);
    t.font = { bold: true };
    ws.addRow([]);
  }
  ws.getColumn(1).width = 60;
  ws.getColumn(2).numFmt = WHOLE;
  ws.getColumn(2).width = 16;
  ws.getColumn(3).width = 20;
  ws.getColumn(4).width = 30;

  const f = wb.addWorksheet("Opfølgning");
  title(f, "Månedlig opfølgning: målte fuldtidspersoner mod måltal");
  header(f, ["Ydelsesgruppe", "Måltal", ...report.months.map(monthLabel)]);
  for (const g of report.groups) {
    f.addRow([g.group, g.total, ...g.followUp.map((m) => m.measured ?? "Ingen data")]);
  }
  f.getColumn(1).width = 50;
  for (let c = 2; c <= report.months.length + 2; c++) f.getColumn(c).numFmt = FTE;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
