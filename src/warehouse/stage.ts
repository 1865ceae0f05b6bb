/**
 * Staging: validated, already pseudonymized rows are appended to CSV files inside the import's
 * temporary folder (never raw CPR), then loaded into DuckDB in one read_csv each. This keeps JS
 * memory flat however large the extract is.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import type { Cell } from "./validate.ts";

function csvCell(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  if (v.indexOf(",") !== -1 || v.indexOf('"') !== -1 || v.indexOf("\n") !== -1 || v.indexOf("\r") !== -1) {
    return `"${v.replace(/"/g, '""')}"`;
  }
  return v;
}

export class StagedCsv {
  private stream: WriteStream;
  private buffer = "";
  rows = 0;

  constructor(readonly file: string) {
    this.stream = createWriteStream(file, { encoding: "utf8" });
  }

  /**
   * Appends a row (plus optional trailing cells, so callers need not copy arrays); await the
   * returned promise only when it is not undefined (backpressure).
   */
  add(cells: Cell[], ...more: Cell[]): Promise<void> | undefined {
    let line = "";
    for (let i = 0; i < cells.length; i++)
      line += i === 0 ? csvCell(cells[i] ?? null) : `,${csvCell(cells[i] ?? null)}`;
    for (const c of more) line += `,${csvCell(c)}`;
    this.buffer += `${line}\n`;
    this.rows++;
    if (this.buffer.length > 1 << 20) return this.flush();
    return undefined;
  }

  private flush(): Promise<void> | undefined {
    if (this.buffer.length === 0) return undefined;
    const chunk = this.buffer;
    this.buffer = "";
    if (this.stream.write(chunk)) return undefined;
    return new Promise((resolve) => this.stream.once("drain", () => resolve()));
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve()));
    });
  }
}
