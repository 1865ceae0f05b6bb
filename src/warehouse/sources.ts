/**
 * Reading the source files of an extract as streams of rows: CSV (separator `,` or `;` detected,
 * BOM accepted) and XLSX (one sheet per canonical file, streamed with exceljs). A row is a record
 * keyed by the header names as written in the file, plus its line (CSV) or row number (XLSX).
 *
 * Nothing here holds a whole file in memory.
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import ExcelJS from "exceljs";
import { formatNumber } from "../domain/format.ts";

export interface SourceRow {
  /** line number in the file (header = 1) or the sheet's row number */
  line: number;
  /** cell texts in header order */
  cells: string[];
  /**
   * CSV: a quote opened on `line` is never closed; the row is the rest of the file (this many
   * lines) and has no cells
   */
  unterminatedQuote?: number;
}

export interface SourceReader {
  /** the header names as written */
  headers(): Promise<string[]>;
  /** rows in batches (fewer awaits per row); `bytes` = bytes of the file read so far (CSV) */
  batches(): AsyncIterable<{ rows: SourceRow[]; bytes: number }>;
}

/** A CSV file's declared character encoding (see profile.ts). */
export type TextEncoding = "utf-8" | "windows-1252" | "utf-16";

/** A streaming decoder for the encoding (UTF-16: little-endian unless a big-endian BOM says so). */
function decoderFor(encoding: TextEncoding, head: Buffer): { write(b: Buffer): string; end(): string } {
  if (encoding === "utf-8") {
    const d = new StringDecoder("utf8");
    return { write: (b) => d.write(b), end: () => d.end() };
  }
  const label =
    encoding === "utf-16" ? (head[0] === 0xfe && head[1] === 0xff ? "utf-16be" : "utf-16le") : encoding;
  const d = new TextDecoder(label);
  return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
}

/** The first 64 KiB of the file as text (BOM dropped). */
function headText(file: string, encoding: TextEncoding): string {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, n);
    const text = decoderFor(encoding, head).write(head);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    closeSync(fd);
  }
}

/** `;` when the first line has more semicolons than commas, else `,`. */
export function detectSeparator(file: string, encoding: TextEncoding = "utf-8"): "," | ";" {
  const firstLine = headText(file, encoding).split(/\r?\n/, 1)[0] ?? "";
  const semi = firstLine.split(";").length;
  const comma = firstLine.split(",").length;
  return semi > comma ? ";" : ",";
}

/** Splits one logical CSV record (RFC 4180 quoting: "" inside quotes is a quote). */
export function splitCsvRecord(text: string, delimiter: string): string[] {
  if (!text.includes('"')) return text.split(delimiter);
  const out: string[] = [];
  let field = "";
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delimiter) {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

function quoteCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++;
  return n;
}

/** a record spanning more text than this is taken for an unterminated quote (memory stays bounded) */
const MAX_RECORD_CHARS = 8 << 20;

/**
 * A streaming CSV reader. The hot path (lines without quotes) is a plain split, several times
 * faster than a general parser on multi-million-row extracts; quoted fields, doubled quotes and
 * line breaks inside quotes are handled. A BOM is dropped, CRLF accepted, empty lines skipped.
 * A quote that is never closed ends in one row marked `unterminatedQuote` (its first line and
 * how many lines it swallowed), found in linear time: only each new line's quotes are counted.
 */
export function csvReader(file: string, encoding: TextEncoding = "utf-8"): SourceReader {
  const delimiter = detectSeparator(file, encoding);
  async function* batches(): AsyncIterable<{ rows: SourceRow[]; bytes: number }> {
    let decoder: ReturnType<typeof decoderFor> | null = null;
    let rest = "";
    let lineNo = 0;
    // the lines of a record whose quote is still open, and their length
    let pending: string[] = [];
    let pendingChars = 0;
    let pendingStart = 0;
    let header = true;
    let bytes = 0;
    let first = true;
    const take = (line: string, rows: SourceRow[]) => {
      lineNo++;
      let text = line.endsWith("\r") ? line.slice(0, -1) : line;
      const odd = quoteCount(text) % 2 === 1;
      if (pending.length > 0) {
        if (pendingChars <= MAX_RECORD_CHARS) pending.push(text);
        pendingChars += text.length + 1;
        if (!odd) return; // still open
        const tooLong = pendingChars > MAX_RECORD_CHARS;
        text = tooLong ? "" : pending.join("\n");
        pending = [];
        pendingChars = 0;
        if (tooLong) {
          rows.push({ line: pendingStart, cells: [], unterminatedQuote: lineNo - pendingStart + 1 });
          return;
        }
      } else {
        pendingStart = lineNo;
        if (odd) {
          pending = [text];
          pendingChars = text.length;
          return;
        }
      }
      if (text.trim() === "") return;
      if (header) {
        header = false;
        return;
      }
      rows.push({ line: pendingStart, cells: splitCsvRecord(text, delimiter) });
    };
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      const buf = chunk as Buffer;
      bytes += buf.length;
      decoder ??= decoderFor(encoding, buf);
      let text = rest + decoder.write(buf);
      if (first) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      const rows: SourceRow[] = [];
      let from = 0;
      for (let nl = text.indexOf("\n", from); nl !== -1; nl = text.indexOf("\n", from)) {
        take(text.slice(from, nl), rows);
        from = nl + 1;
      }
      rest = text.slice(from);
      if (rows.length > 0) yield { rows, bytes };
    }
    const rows: SourceRow[] = [];
    const tail = rest + (decoder?.end() ?? "");
    if (tail !== "") take(tail, rows);
    if (pending.length > 0) {
      // an unterminated quote: one row, rejected as such (its text is not checked)
      rows.push({ line: pendingStart, cells: [], unterminatedQuote: lineNo - pendingStart + 1 });
      pending = [];
    }
    if (rows.length > 0) yield { rows, bytes };
  }
  return {
    async headers() {
      const firstLine = (headText(file, encoding).split("\n", 1)[0] ?? "").replace(/\r$/, "");
      return splitCsvRecord(firstLine, delimiter).map((h) => h.trim());
    },
    batches,
  };
}

// ------------------------------------------------------------------ XLSX

function cellText(value: unknown, shared?: () => string[]): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as {
      text?: unknown;
      result?: unknown;
      richText?: { text: string }[];
      sharedString?: number;
    };
    if (v.richText) return v.richText.map((r) => r.text).join("");
    // exceljs leaves a shared-string index when it parsed the sheet before the string table
    if (typeof v.sharedString === "number") return (shared?.()[v.sharedString] ?? "").trim();
    if (v.result !== undefined) return cellText(v.result, shared);
    if (v.text !== undefined) return String(v.text);
    return "";
  }
  return String(value).trim();
}

/** exceljs's own zip reader (a dependency of exceljs, untyped): random access to workbook.xml */
interface ZipEntry {
  path: string;
  /** from the zip's central directory */
  uncompressedSize: number;
  buffer(): Promise<Buffer>;
  stream(): NodeJS.ReadableStream & { destroy?(): void };
}
const unzipper = createRequire(import.meta.url)("unzipper") as {
  Open: { file(path: string): Promise<{ files: ZipEntry[] }> };
};

/** A source file that cannot be read; the message is Danish and names the file (and row). */
export class SourceFileError extends Error {}

/**
 * Size limits of an XLSX workbook, checked before anything is unpacked: the file itself, and the
 * uncompressed size of each sheet and of the shared-string table as the zip's directory states it
 * (the shared strings are also counted while they are read, as they are held in memory). A real
 * extract of 30.000 persons × 10 years is well below them; larger extracts go as CSV files.
 */
export const XLSX_LIMITS = {
  fileBytes: 200 * 1024 ** 2,
  sheetBytes: 512 * 1024 ** 2,
  sharedStringsBytes: 128 * 1024 ** 2,
  /** all sheets and the string table together (the stream unpacks every sheet on its way) */
  totalBytes: 1024 ** 3,
  /** workbook.xml and its relations (read whole to find the sheets) */
  partBytes: 16 * 1024 ** 2,
};

const megabytes = (bytes: number) => `${formatNumber(Math.ceil(bytes / 1024 ** 2))} MB`;
const TOO_BIG_ADVICE =
  "Gem udtrækket som CSV-filer (de har ingen størrelsesgrænse), eller del det i flere arbejdsbøger";

function tooBig(file: string, what: string, bytes: number, limit: number, unpacked = true): SourceFileError {
  return new SourceFileError(
    `Arbejdsbogen ${path.basename(file)} er for stor til at blive importeret: ${what} fylder ${megabytes(bytes)}${unpacked ? " udpakket" : ""} (grænsen er ${megabytes(limit)}). ${TOO_BIG_ADVICE}`,
  );
}

/** The zip directory of a workbook, after the file-size check (reads the directory only). */
async function openWorkbook(file: string): Promise<ZipEntry[]> {
  const size = statSync(file).size;
  if (size > XLSX_LIMITS.fileBytes) throw tooBig(file, "filen", size, XLSX_LIMITS.fileBytes, false);
  try {
    return (await unzipper.Open.file(file)).files;
  } catch {
    throw new SourceFileError(
      `${path.basename(file)} er ikke en gyldig XLSX-fil (zip-arkivet kan ikke læses)`,
    );
  }
}

/** Reads one zip entry whole, refusing it once more than `limit` bytes come out (a lying directory). */
async function readEntry(file: string, entry: ZipEntry, what: string, limit: number): Promise<string> {
  if (entry.uncompressedSize > limit) throw tooBig(file, what, entry.uncompressedSize, limit);
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = entry.stream();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) throw tooBig(file, what, total, limit);
      chunks.push(chunk);
    }
  } catch (err) {
    stream.destroy?.();
    if (err instanceof SourceFileError) throw err;
    throw new SourceFileError(
      `${path.basename(file)} er ikke en gyldig XLSX-fil (${what} kan ikke pakkes ud)`,
    );
  }
  return Buffer.concat(chunks).toString("utf8");
}

interface SheetLike {
  id: string | number;
  name: string;
  [Symbol.asyncIterator](): AsyncIterator<{ number: number; values: unknown }>;
}

const xmlAttr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const xmlText = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/**
 * The workbook's sheets in order with their part numbers (xl/worksheets/sheet<N>.xml), read from
 * the zip's directory and workbook.xml only: no sheet is parsed.
 */
async function workbookSheets(file: string): Promise<{ name: string; part: string }[]> {
  const files = await openWorkbook(file);
  const entry = (p: string) => files.find((f) => f.path === p);
  const book = entry("xl/workbook.xml");
  if (!book)
    throw new SourceFileError(`${path.basename(file)} er ikke en gyldig XLSX-fil (xl/workbook.xml mangler)`);
  const bookXml = await readEntry(file, book, "xl/workbook.xml", XLSX_LIMITS.partBytes);
  const relsEntry = entry("xl/_rels/workbook.xml.rels");
  const relsXml = relsEntry
    ? await readEntry(file, relsEntry, "xl/_rels/workbook.xml.rels", XLSX_LIMITS.partBytes)
    : "";
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = xmlAttr(m[0], "Id");
    const target = xmlAttr(m[0], "Target");
    if (id && target) targets.set(id, target);
  }
  const sheets: { name: string; part: string }[] = [];
  for (const m of bookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = xmlText(xmlAttr(m[0], "name") ?? "");
    const rid = xmlAttr(m[0], "r:id");
    const target = rid ? targets.get(rid) : undefined;
    const part = target ? (/sheet(\d+)\.xml$/.exec(target)?.[1] ?? "") : "";
    sheets.push({ name, part });
  }
  // every sheet (also those not imported: the stream unpacks them on its way) and the string table
  for (const f of files) {
    const part = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(f.path)?.[1];
    if (part === undefined && !/^xl\/worksheets\/[^/]+\.xml$/.test(f.path)) continue;
    if (f.uncompressedSize > XLSX_LIMITS.sheetBytes) {
      const name = sheets.find((s) => s.part === part)?.name;
      throw tooBig(file, name ? `fanebladet «${name}»` : f.path, f.uncompressedSize, XLSX_LIMITS.sheetBytes);
    }
  }
  const strings = entry("xl/sharedStrings.xml");
  if (strings && strings.uncompressedSize > XLSX_LIMITS.sharedStringsBytes)
    throw tooBig(
      file,
      "tekstlisten (xl/sharedStrings.xml)",
      strings.uncompressedSize,
      XLSX_LIMITS.sharedStringsBytes,
    );
  const total = files
    .filter((f) => f === strings || /^xl\/worksheets\/[^/]+\.xml$/.test(f.path))
    .reduce((n, f) => n + f.uncompressedSize, 0);
  if (total > XLSX_LIMITS.totalBytes)
    throw tooBig(file, "fanebladene og tekstlisten tilsammen", total, XLSX_LIMITS.totalBytes);
  return sheets;
}

/** The workbook's shared-string table (xl/sharedStrings.xml), plain text of each entry. */
async function sharedStringTable(file: string): Promise<string[]> {
  const files = await openWorkbook(file);
  const entry = files.find((f) => f.path === "xl/sharedStrings.xml");
  if (!entry) return [];
  const xml = await readEntry(
    file,
    entry,
    "tekstlisten (xl/sharedStrings.xml)",
    XLSX_LIMITS.sharedStringsBytes,
  );
  const out: string[] = [];
  for (const si of xml.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    let text = "";
    for (const t of (si[1] ?? "").matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += xmlText(t[1] ?? "");
    out.push(text);
  }
  return out;
}

/**
 * A failure inside exceljs or V8 while a sheet is read (a cell or sheet too big for one JS string:
 * "Invalid string length"; a malformed part: "Cannot read properties of undefined") in Danish,
 * naming the file, sheet and the row reached.
 */
export function xlsxReadError(label: string, rowReached: number, err: unknown): SourceFileError {
  if (err instanceof SourceFileError) return err;
  const where = `${label}, række ${formatNumber(rowReached + 1)}`;
  const text = err instanceof Error ? err.message : String(err);
  if (err instanceof RangeError || /string length|string longer|allocation failed|heap/i.test(text)) {
    return new SourceFileError(
      `${where}: en celle eller et faneblad er for stort til at blive læst. ${TOO_BIG_ADVICE}`,
      { cause: err },
    );
  }
  return new SourceFileError(
    `${where}: arbejdsbogen kan ikke læses; den er beskadiget eller ikke en gyldig XLSX-fil. Åbn og gem den igen i Excel, eller gem udtrækket som CSV-filer`,
    { cause: err },
  );
}

/** The names of the sheets in an XLSX workbook. */
export async function xlsxSheetNames(file: string): Promise<string[]> {
  return (await workbookSheets(file)).map((s) => s.name);
}

/**
 * A reader over one sheet of an XLSX workbook, streamed. Row numbers are the sheet's; the first
 * non-empty row is the header.
 */
export function xlsxReader(
  file: string,
  wantedSheet: string,
  label = `${path.basename(file)}[${wantedSheet}]`,
): SourceReader {
  let headerCache: string[] | null = null;
  async function* rows(onlyHeader = false): AsyncGenerator<SourceRow[] | string[]> {
    const reached = { row: 0 };
    try {
      yield* sheetRows(onlyHeader, reached);
    } catch (err) {
      throw xlsxReadError(label, reached.row, err);
    }
  }
  async function* sheetRows(
    onlyHeader: boolean,
    reached: { row: number },
  ): AsyncGenerator<SourceRow[] | string[]> {
    const byPart = new Map((await workbookSheets(file)).map((s) => [s.part, s.name]));
    let shared: string[] | null = null;
    const sharedTable = () => shared ?? [];
    const needShared = async (cells: unknown[]) => {
      if (shared === null && cells.some((c) => typeof c === "object" && c !== null && "sharedString" in c)) {
        shared = await sharedStringTable(file);
      }
    };
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      worksheets: "emit",
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "ignore",
      entries: "ignore",
    });
    // exceljs reads a sheet before workbook.xml when the zip lists it first, and then trips over
    // the missing model: give it an empty one (the names come from byPart then)
    (reader as unknown as { model?: unknown }).model = { sheets: [] };
    // A sheet that comes before the string table or workbook.xml.rels in the zip would be copied by
    // exceljs to a file in the OS temp directory (raw cells, CPR numbers included), removed only
    // when the whole workbook has been read or the process exits: never when we stop after the
    // header. So it always reads sheets in place: the relations start out empty, and until the
    // string table comes a string cell is left as its index, which cellText looks up in ours.
    Object.assign(reader as unknown as Record<string, unknown>, {
      workbookRels: [],
      sharedStrings: new Proxy([], { get: (_t, key) => ({ sharedString: Number(key) }) }),
    });
    for await (const sheet of reader as unknown as AsyncIterable<SheetLike>) {
      // exceljs names the sheet itself when it has read workbook.xml first; otherwise the id is
      // still the part number
      const name = /^Sheet\d+$/.test(sheet.name) ? (byPart.get(String(sheet.id)) ?? sheet.name) : sheet.name;
      if (name.toLowerCase() !== wantedSheet.toLowerCase()) {
        // drain the sheet so the zip stream moves on
        for await (const _row of sheet) {
          /* skip */
        }
        continue;
      }
      let header: string[] | null = null;
      let batch: SourceRow[] = [];
      for await (const row of sheet) {
        reached.row = row.number;
        const cells = row.values as unknown[]; // 1-based
        await needShared(cells);
        if (!header) {
          header = [];
          for (let i = 1; i < cells.length; i++) header.push(cellText(cells[i], sharedTable));
          headerCache = header;
          if (onlyHeader) {
            yield header;
            return;
          }
          continue;
        }
        const values: string[] = [];
        let any = false;
        for (let i = 0; i < header.length; i++) {
          const text = cellText(cells[i + 1], sharedTable);
          if (text !== "") any = true;
          values.push(text);
        }
        if (any) batch.push({ line: row.number, cells: values });
        if (batch.length >= 1000) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    }
  }
  return {
    async headers() {
      if (headerCache) return headerCache;
      for await (const h of rows(true)) return h as string[];
      return [];
    },
    async *batches() {
      for await (const rowsOf of rows()) yield { rows: rowsOf as SourceRow[], bytes: 0 };
    },
  };
}
