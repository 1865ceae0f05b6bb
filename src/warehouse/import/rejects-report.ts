/** The import's rejects: all streamed to a CSV report, the first MAX_KEPT_REJECTS kept in memory. */
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import type { Reject } from "../validate.ts";
import { MAX_KEPT_REJECTS } from "./types.ts";

/** Streaming writer of the rejects CSV report (Danish headings, `;`, BOM so Excel opens it). */
export class RejectsReport {
  private stream: ReturnType<typeof createWriteStream> | null = null;
  total = 0;
  readonly kept: Reject[] = [];
  constructor(readonly file: string) {}

  add(r: Reject): void {
    this.total++;
    if (this.kept.length < MAX_KEPT_REJECTS) this.kept.push(r);
    if (!this.stream) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      this.stream = createWriteStream(this.file, { encoding: "utf8" });
      this.stream.write("\ufefffil;linje;kolonne;værdi;årsag\n");
    }
    const cell = (v: string) => (/[;"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    this.stream.write(`${[r.file, String(r.line), r.column, r.value, r.reason].map(cell).join(";")}\n`);
  }

  /** Ends the report; returns its path, or null when there was no reject. */
  async close(): Promise<string | null> {
    const stream = this.stream;
    if (!stream) return null;
    await new Promise<void>((resolve, reject) =>
      stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
    return this.file;
  }
}

/** `<dataDir>/import-reports/<UTC timestamp>-<hash prefix>.csv` */
export function rejectsReportFor(dataDir: string, contentHash: string): RejectsReport {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  return new RejectsReport(path.join(dataDir, "import-reports", `${stamp}-${contentHash.slice(0, 8)}.csv`));
}
