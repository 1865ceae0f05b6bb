/**
 * A quick byte-level look at a CSV file before it is read, in one pass of native scans (no
 * per-byte JavaScript): is it UTF-8 (and if not, what it looks like), and can DuckDB's CSV reader
 * read it with the line of every record known (every record on one line: no quote character, no
 * empty line that the reader would skip, no lone carriage return, the header on line 1).
 */

import { isUtf8 } from "node:buffer";
import { closeSync, openSync, readSync } from "node:fs";

export type LooksLike = "windows-1252" | "utf-16" | null;

export interface CsvInspection {
  utf8: boolean;
  /** line of the first byte that is not UTF-8 (when utf8 is false) */
  badLine: number;
  /** what a non-UTF-8 file looks like */
  looksLike: LooksLike;
  /** DuckDB's reader gives record i (0-based after the header) on line i + 2 */
  oneRecordPerLine: boolean;
}

const CHUNK = 4 << 20;

/** How many "\n" bytes are in buf[from, to). */
function countLines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(10, from); i !== -1 && i < to; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/** Length of buf's prefix that ends on a whole UTF-8 sequence (at most 3 bytes are held back). */
function wholeSequences(buf: Buffer, n: number): number {
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back] as number;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    if (b < 0x80) return n;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** Scans the file (see the file comment). */
export function inspectCsv(file: string): CsvInspection {
  const fd = openSync(file, "r");
  const buf = Buffer.alloc(CHUNK + 4);
  let carry = 0; // bytes held back from the previous chunk (an unfinished UTF-8 sequence)
  let position = 0;
  let lines = 0;
  let first = true;
  let prevLast = -1; // last byte of the previous chunk
  let oneRecordPerLine = true;
  let utf8 = true;
  let badLine = 0;
  let looksLike: LooksLike = null;
  try {
    for (;;) {
      const read = readSync(fd, buf, carry, CHUNK, position);
      position += read;
      const n = carry + read;
      if (n === 0) break;
      let start = 0;
      if (first) {
        first = false;
        if (buf[0] === 0xff && buf[1] === 0xfe) looksLike = "utf-16";
        if (buf[0] === 0xfe && buf[1] === 0xff) looksLike = "utf-16";
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
        // an empty or blank first line: the header is not on line 1
        if (buf[start] === 10 || buf[start] === 13) oneRecordPerLine = false;
        if (looksLike === null && buf.subarray(0, Math.min(n, 4096)).includes(0)) looksLike = "utf-16";
      }
      const end = read === 0 ? n : wholeSequences(buf, n);
      const view = buf.subarray(0, end);
      if (utf8 && !isUtf8(view)) {
        utf8 = false;
        // find the first bad byte: the longest valid prefix, by halving
        let lo = 0;
        let hi = end;
        while (hi - lo > 1) {
          const mid = (lo + hi) >> 1;
          if (isUtf8(buf.subarray(0, wholeSequences(buf, mid)))) lo = mid;
          else hi = mid;
        }
        badLine = lines + countLines(buf, 0, lo) + 1;
        if (looksLike === null) looksLike = "windows-1252";
      }
      if (oneRecordPerLine) {
        if (view.includes(34))
          oneRecordPerLine = false; // a quote: records may span lines
        else if (view.includes("\n\n") || view.includes("\n\r\n")) oneRecordPerLine = false;
        else if (prevLast === 10 && (view[0] === 10 || (view[0] === 13 && view[1] === 10)))
          oneRecordPerLine = false;
        else {
          // every carriage return must end a line (DuckDB would take a lone one as a line break)
          for (let i = view.indexOf(13); i !== -1; i = view.indexOf(13, i + 1)) {
            if (i + 1 < end ? view[i + 1] !== 10 : read === 0) {
              oneRecordPerLine = false;
              break;
            }
          }
        }
      }
      if (utf8) lines += countLines(buf, 0, end);
      prevLast = end > 0 ? (buf[end - 1] as number) : prevLast;
      if (!utf8 && !oneRecordPerLine) break;
      // keep the unfinished sequence for the next chunk
      carry = n - end;
      if (carry > 0) buf.copy(buf, 0, end, n);
      if (read === 0) break;
    }
  } finally {
    closeSync(fd);
  }
  return { utf8, badLine, looksLike, oneRecordPerLine };
}

/** The Danish refusal of a file that is not UTF-8 and whose profile declares no encoding. */
export function notUtf8Message(label: string, inspection: CsvInspection): string {
  const like = inspection.looksLike ?? "windows-1252";
  const name = like === "utf-16" ? "UTF-16" : "Windows-1252";
  return `Filen ${label} er ikke UTF-8: den ligner ${name}. Gem den som UTF-8, eller angiv encoding: ${like} i importprofilen (første tegn, der ikke er UTF-8, står i linje ${inspection.badLine})`;
}
