/**
 * Reading the source files of an extract as streams of rows: CSV (separator `,` or `;` detected,
 * BOM accepted) and XLSX (one sheet per canonical file, streamed with exceljs). A row is a record
 * keyed by the header names as written in the file, plus its line (CSV) or row number (XLSX).
 *
 * Nothing here holds a whole file in memory.
 */
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";

export interface SourceRow {
  /** line number in the file (header = 1) or the sheet's row number */
  line: number;
  /** values by header name as written in the source (trimmed) */
  values: Record<string, string>;
  /** bytes of the file read so far (CSV) */
  bytes?: number;
}

export interface SourceReader {
  /** the header names as written */
  headers(): Promise<string[]>;
  rows(): AsyncIterable<SourceRow>;
}

/** `;` when the first line has more semicolons than commas, else `,`. */
export function detectSeparator(file: string): "," | ";" {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, n).toString("utf8");
    const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
    const semi = firstLine.split(";").length;
    const comma = firstLine.split(",").length;
    return semi > comma ? ";" : ",";
  } finally {
    closeSync(fd);
  }
}

export function csvReader(file: string): SourceReader {
  const delimiter = detectSeparator(file);
  let headerCache: string[] | null = null;
  async function* rows(): AsyncIterable<SourceRow> {
    const parser = createReadStream(file).pipe(
      parse({
        delimiter,
        bom: true,
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
      }),
    );
    let header: string[] | null = null;
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; bytes: number };
    }>) {
      const { record, info } = item;
      if (!header) {
        header = record.map((h) => h.trim());
        headerCache = header;
        continue;
      }
      const values: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) values[header[i] as string] = record[i] ?? "";
      yield { line: info.lines, values, bytes: info.bytes };
    }
  }
  return {
    async headers() {
      if (headerCache) return headerCache;
      const parser = createReadStream(file, { end: 1024 * 1024 }).pipe(
        parse({ delimiter, bom: true, to_line: 1, relax_column_count: true, trim: true }),
      );
      for await (const record of parser as AsyncIterable<string[]>) {
        headerCache = record.map((h) => h.trim());
        break;
      }
      parser.destroy();
      return headerCache ?? [];
    },
    rows,
  };
}

// ------------------------------------------------------------------ XLSX

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return String(v.text);
    return "";
  }
  return String(value).trim();
}

interface SheetLike {
  id: string | number;
  [Symbol.asyncIterator](): AsyncIterator<{ number: number; values: unknown }>;
}

interface ReaderInternals {
  model?: { sheets?: { name: string; id: number; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

/** The sheet's name as in the workbook (the streaming reader itself only knows "Sheet<n>"). */
function sheetName(reader: ReaderInternals, sheet: SheetLike): string {
  const rel = reader.workbookRels?.find(
    (r) => r.Target.replace(/^\/?(xl\/)?/, "") === `worksheets/sheet${sheet.id}.xml`,
  );
  const entry = reader.model?.sheets?.find((s) =>
    rel ? s.rId === rel.Id : String(s.id) === String(sheet.id),
  );
  return entry?.name ?? `Sheet${sheet.id}`;
}

/** The names of the sheets in an XLSX workbook (reads workbook.xml only). */
export async function xlsxSheetNames(file: string): Promise<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "ignore",
  });
  const names: string[] = [];
  for await (const sheet of reader as unknown as AsyncIterable<SheetLike>) {
    names.push(sheetName(reader as unknown as ReaderInternals, sheet));
  }
  return names;
}

/**
 * A reader over one sheet of an XLSX workbook, streamed. Row numbers are the sheet's; the first
 * non-empty row is the header.
 */
export function xlsxReader(file: string, wantedSheet: string): SourceReader {
  let headerCache: string[] | null = null;
  async function* rows(onlyHeader = false): AsyncGenerator<SourceRow | string[]> {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      worksheets: "emit",
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "ignore",
      entries: "ignore",
    });
    for await (const sheet of reader as unknown as AsyncIterable<SheetLike>) {
      const name = sheetName(reader as unknown as ReaderInternals, sheet);
      if (name.toLowerCase() !== wantedSheet.toLowerCase()) {
        // drain the sheet so the zip stream moves on
        for await (const _row of sheet) {
          /* skip */
        }
        continue;
      }
      let header: string[] | null = null;
      for await (const row of sheet) {
        const cells = row.values as unknown[]; // 1-based
        if (!header) {
          header = [];
          for (let i = 1; i < cells.length; i++) header.push(cellText(cells[i]));
          headerCache = header;
          if (onlyHeader) {
            yield header;
            return;
          }
          continue;
        }
        const values: Record<string, string> = {};
        let any = false;
        for (let i = 0; i < header.length; i++) {
          const text = cellText(cells[i + 1]);
          if (text !== "") any = true;
          values[header[i] as string] = text;
        }
        if (any) yield { line: row.number, values };
      }
    }
  }
  return {
    async headers() {
      if (headerCache) return headerCache;
      for await (const h of rows(true)) return h as string[];
      return [];
    },
    rows: () => rows() as AsyncIterable<SourceRow>,
  };
}
