/**
 * Reading a table downloaded from the jobindsats.dk portal (CSV or XLSX) where no API token is at
 * hand (DESIGN 9.3). The portal's downloads start with title lines (the table's name and number,
 * e.g. "Y01A02: A-dagpenge - Antal personer og fuldtidspersoner"), then a header row, then the
 * data, then source notes ("Kilde: jobindsats.dk"). Two layouts are read:
 *
 * - long: `Område;Periode;<dimensions…>;<measures…>`, one row per area, period and dimension value;
 * - wide: `Område;[Måling;]<dimensions…>;2024M01;2024M02;…`, periods across (codes or Danish labels
 *   such as "marts 2024" or "3. kvt. 2023"); the measure from a "Måling"/"Udfaldsmål" column or a
 *   title line "Udfaldsmål: …".
 *
 * Numbers in Danish ("1.234,5"); "..", "-" and "x" are not published (null). The table id comes from
 * the title lines or the file name. A bad cell fails the whole file with a Danish message naming
 * file, line and column: nothing of it is stored.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { InvalidFieldError } from "../../domain/errors.ts";
import { parseDanishNumber } from "../../domain/format.ts";
import { formatPeriodCode, normalizeTableId, parsePeriodText } from "../../domain/jobindsats.ts";
import { splitCsvRecord } from "../../warehouse/sources.ts";
import type { DataRow } from "./client.ts";

/** A refused export: an invalid field of the request (the API answers 400 with the message). */
export class JobindsatsExportError extends InvalidFieldError {
  override name = "JobindsatsExportError";
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly column: string | null,
    reason: string,
  ) {
    super(
      `${file}${line !== null ? `, linje ${line}` : ""}${column ? `, kolonne «${column}»` : ""}: ${reason}. Intet er gemt.`,
    );
  }
}

export interface ParsedExport {
  tableId: string;
  tableName: string;
  rows: DataRow[];
}

interface Line {
  line: number;
  cells: string[];
}

const NOT_PUBLISHED = new Set(["..", ".", "-", "x", "X", "…"]);
/** a header that names a measure as jobindsats words them ("Antal personer", "Andel i job (pct.)") */
const MEASURE_NAME = /^(antal|andel|gns\.|gennemsnit|forventet|faktisk|forskel)|pct\.|fuldtidspersoner/i;
const TABLE_IN_TEXT = /\b(y\d{2}[a-z]\d{2})\b/i;

/** Reads a downloaded export. `fileName` is the name the user gave (shown in messages, may name the table). */
export async function readJobindsatsExport(
  filePath: string,
  fileName = path.basename(filePath),
): Promise<ParsedExport> {
  const ext = path.extname(fileName).toLowerCase();
  let lines: Line[];
  if (ext === ".xlsx") lines = await xlsxLines(filePath, fileName);
  else if (ext === ".csv" || ext === ".txt") lines = csvLines(filePath);
  else
    throw new JobindsatsExportError(
      fileName,
      null,
      null,
      "filen skal være .csv eller .xlsx, som jobindsats.dk giver dem",
    );
  return parseExportLines(lines, fileName);
}

function csvLines(file: string): Line[] {
  const bytes = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // older downloads are Windows-1252; latin1 covers æ, ø, å
    text = bytes.toString("latin1");
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const raw = text.split(/\r?\n/);
  const sample = raw.slice(0, 20).join("\n");
  const delimiter = (sample.match(/;/g)?.length ?? 0) >= (sample.match(/,/g)?.length ?? 0) ? ";" : ",";
  return raw.map((t, i) => ({ line: i + 1, cells: splitCsvRecord(t, delimiter).map((c) => c.trim()) }));
}

async function xlsxLines(file: string, fileName: string): Promise<Line[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new JobindsatsExportError(
      fileName,
      null,
      null,
      `kan ikke læses som Excel-fil (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new JobindsatsExportError(fileName, null, null, "Excel-filen har intet ark");
  const out: Line[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(cellText(row.getCell(i).value));
    out.push({ line: n, cells });
  });
  return out;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v).replace(".", ",");
  if (typeof v === "string") return v.trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && "richText" in v)
    return v.richText
      .map((t) => t.text)
      .join("")
      .trim();
  if (typeof v === "object" && "result" in v) return cellText(v.result as ExcelJS.CellValue);
  return String(v).trim();
}

const isArea = (c: string) => /^(område|omraade|area|kommune)$/i.test(c.trim());
const isPeriod = (c: string) => /^(periode|period|tid)$/i.test(c.trim());
const isMeasureColumn = (c: string) => /^(måling|maaling|udfaldsmål|measure)$/i.test(c.trim());

function periodCodeOf(text: string): string | null {
  const p = parsePeriodText(text);
  return p ? formatPeriodCode(p) : null;
}

export function parseExportLines(lines: Line[], fileName: string): ParsedExport {
  const nonEmpty = (l: Line) => l.cells.some((c) => c !== "");
  const headerAt = lines.findIndex((l) => l.cells.some(isArea));
  if (headerAt < 0) {
    throw new JobindsatsExportError(
      fileName,
      null,
      null,
      "filen har ingen overskriftsrække med kolonnen «Område»",
    );
  }
  const titles = lines
    .slice(0, headerAt)
    .filter(nonEmpty)
    .map((l) => l.cells.filter(Boolean).join(" "));
  const idMatch = titles.map((t) => TABLE_IN_TEXT.exec(t)).find(Boolean) ?? TABLE_IN_TEXT.exec(fileName);
  if (!idMatch) {
    throw new JobindsatsExportError(
      fileName,
      null,
      null,
      "kan ikke se, hvilken jobindsats-tabel filen er fra: tabellens nummer (fx Y01A02) står hverken i titellinjerne eller i filnavnet",
    );
  }
  const tableId = normalizeTableId(idMatch[1]!);
  const tableName =
    titles[0]
      ?.replace(TABLE_IN_TEXT, "")
      .replace(/^[\s:–-]+/, "")
      .trim() || tableId;
  const titleMeasure = titles
    .map((t) => /^(?:udfaldsmål|måling)\s*:\s*(.+)$/i.exec(t)?.[1]?.trim())
    .find(Boolean);

  const header = lines[headerAt]!;
  const names = header.cells.map((c) => c.trim());
  // the data: until the first empty line or a note ("Kilde: …", "Note: …", "Anm.: …")
  const data: Line[] = [];
  for (const l of lines.slice(headerAt + 1)) {
    if (!nonEmpty(l)) {
      if (data.length > 0) break;
      continue;
    }
    if (/^(kilde|note|noter|anm|anmærkning|fodnote)/i.test(l.cells[0] ?? "")) break;
    data.push(l);
  }
  if (data.length === 0)
    throw new JobindsatsExportError(
      fileName,
      header.line + 1,
      null,
      "filen har ingen datarækker under overskriften",
    );

  const areaCol = names.findIndex(isArea);
  const periodCol = names.findIndex(isPeriod);
  const blank = (i: number) => names[i] === "";
  const anyNumeric = (i: number) => {
    return data.some((l) => parseDanishNumber(l.cells[i] ?? "") !== null);
  };
  const value = (l: Line, i: number): number | null => {
    const c = (l.cells[i] ?? "").trim();
    if (c === "" || NOT_PUBLISHED.has(c)) return null;
    const n = parseDanishNumber(c);
    if (n === null)
      throw new JobindsatsExportError(fileName, l.line, names[i] ?? `nr. ${i + 1}`, `«${c}» er ikke et tal`);
    return n;
  };
  const area = (l: Line) => {
    const a = (l.cells[areaCol] ?? "").trim();
    if (!a) throw new JobindsatsExportError(fileName, l.line, names[areaCol]!, "området mangler");
    return a;
  };
  const rows: DataRow[] = [];

  if (periodCol >= 0) {
    // long layout: the columns after area/period that hold numbers are measures, the rest dimensions
    const others = names.map((_, i) => i).filter((i) => i !== areaCol && i !== periodCol && !blank(i));
    // the portal puts dimensions first and measures last: measures start at the first column whose
    // cells hold a number; a stray text in a measure column is then an error, not a dimension
    const firstMeasure = others.findIndex(
      (i) => (anyNumeric(i) || MEASURE_NAME.test(names[i]!)) && !isMeasureColumn(names[i]!),
    );
    const measures = firstMeasure < 0 ? [] : others.slice(firstMeasure);
    const dims = others.filter((i) => !measures.includes(i));
    if (measures.length === 0)
      throw new JobindsatsExportError(
        fileName,
        header.line,
        null,
        "ingen kolonne med tal (målinger) efter «Område» og «Periode»",
      );
    for (const l of data) {
      const text = (l.cells[periodCol] ?? "").trim();
      const period = periodCodeOf(text);
      if (!period) {
        throw new JobindsatsExportError(
          fileName,
          l.line,
          names[periodCol]!,
          `«${text}» er ikke en periode (fx 2024M03, marts 2024 eller 3. kvt. 2023)`,
        );
      }
      const dimensions = Object.fromEntries(dims.map((i) => [names[i]!, (l.cells[i] ?? "").trim()]));
      for (const i of measures) {
        rows.push({
          area: area(l),
          period,
          dimensions,
          measure: names[i]!,
          measureLabel: names[i]!,
          value: value(l, i),
        });
      }
    }
    return { tableId, tableName, rows };
  }

  // wide layout: periods across
  const periodCols = names.map((n, i) => ({ i, code: periodCodeOf(n) })).filter((p) => p.code !== null);
  if (periodCols.length === 0) {
    throw new JobindsatsExportError(
      fileName,
      header.line,
      null,
      "filen har hverken en kolonne «Periode» eller perioder som kolonner (fx 2024M01, marts 2024)",
    );
  }
  const measureCol = names.findIndex(isMeasureColumn);
  const dims = names
    .map((_, i) => i)
    .filter((i) => i !== areaCol && i !== measureCol && !blank(i) && !periodCols.some((p) => p.i === i));
  if (measureCol < 0 && !titleMeasure) {
    throw new JobindsatsExportError(
      fileName,
      header.line,
      null,
      "filen siger ikke, hvilken måling tallene er (en kolonne «Måling» eller en titellinje «Udfaldsmål: …»)",
    );
  }
  for (const l of data) {
    const measure = measureCol >= 0 ? (l.cells[measureCol] ?? "").trim() : titleMeasure!;
    if (!measure) throw new JobindsatsExportError(fileName, l.line, names[measureCol]!, "målingen mangler");
    const dimensions = Object.fromEntries(dims.map((i) => [names[i]!, (l.cells[i] ?? "").trim()]));
    for (const p of periodCols) {
      rows.push({
        area: area(l),
        period: p.code!,
        dimensions,
        measure,
        measureLabel: measure,
        value: value(l, p.i),
      });
    }
  }
  return { tableId, tableName, rows };
}
