/**
 * `effektspor import <mappe> [--data-dir DIR] [--profile FIL.yaml] [--accept-valid-rows]`
 * Exit 0 when a snapshot was created; 1 when the input was rejected (first 100 rejects printed,
 * all in the CSV report), a duplicate, or could not be read.
 */
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { resolveDataDir } from "../../config.ts";
import { formatNumber } from "../../domain/format.ts";
import {
  formatRejects,
  ImportInputError,
  type ImportProgress,
  type ImportResult,
  importSnapshot,
} from "../../warehouse/import/index.ts";
import { loadProfile, ProfileError } from "../../warehouse/profile.ts";
import { openCommandStore } from "../command-store.ts";

const TABLE_LABELS: Record<string, string> = {
  persons: "personer",
  benefit_records: "ydelsesforløb",
  activities: "tilbud",
  wage_hours: "løntimer",
  markers: "markeringer",
  refusion_weeks: "refusionsuger",
};

function progressLine(p: ImportProgress): string {
  const phase = {
    hashing: "Beregner indholdshash",
    reading: "Læser",
    checking: "Kontrollerer",
    writing: "Skriver Parquet",
    done: "Færdig",
  }[p.phase];
  const pct = p.totalBytes > 0 ? ` ${Math.min(100, Math.floor((100 * p.bytes) / p.totalBytes))} %` : "";
  const width = 24;
  const filled = p.totalBytes > 0 ? Math.min(width, Math.round((width * p.bytes) / p.totalBytes)) : 0;
  const bar = p.phase === "reading" ? ` [${"#".repeat(filled)}${".".repeat(width - filled)}]${pct}` : "";
  return `${phase}${p.file ? ` ${p.file}` : ""}${bar} ${formatNumber(p.rows)} rækker`;
}

export function summaryLines(r: ImportResult): string[] {
  const lines = [r.message];
  if (r.files.length > 0) {
    lines.push("", "Filer:");
    for (const f of r.files) {
      lines.push(
        `  ${f.file.padEnd(36)} ${formatNumber(f.rows).padStart(10)} rækker, ${formatNumber(f.valid).padStart(10)} gyldige, ${formatNumber(f.rejected).padStart(8)} afvist`,
      );
    }
  }
  if (r.ignoredFiles.length > 0) lines.push(`Ignorerede filer: ${r.ignoredFiles.join(", ")}`);
  if (r.outcome === "imported") {
    lines.push("", "Snapshot:");
    for (const [t, n] of Object.entries(r.counts))
      lines.push(`  ${(TABLE_LABELS[t] ?? t).padEnd(16)} ${formatNumber(n).padStart(10)}`);
    lines.push(
      `  Personer i alt: ${formatNumber(r.persons)}`,
      `  Datoer fra ${r.dateRange.from ?? "–"} til ${r.dateRange.to ?? "–"}`,
      `  Udtræksdato: ${r.extractionDate}, kilde: ${r.source}`,
      `  Tid: ${formatNumber(r.durationMs / 1000, 1)} s`,
    );
  }
  return lines;
}

export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        "data-dir": { type: "string" },
        profile: { type: "string" },
        "accept-valid-rows": { type: "boolean" },
        "imported-by": { type: "string" },
      },
    });
  }
  try {
    parsed = parse();
  } catch (err) {
    console.error(`Fejl: ${(err as Error).message}`);
    return 2;
  }
  const folder = parsed.positionals[0];
  if (!folder) {
    console.error(
      "Brug: effektspor import <mappe> [--data-dir DIR] [--profile FIL.yaml] [--accept-valid-rows]",
    );
    return 2;
  }
  const dataDir = resolveDataDir(parsed.values["data-dir"]);
  let profile: ReturnType<typeof loadProfile> | undefined;
  if (parsed.values.profile) {
    try {
      profile = loadProfile(parsed.values.profile);
    } catch (err) {
      console.error(
        `Fejl i mappingprofilen: ${err instanceof ProfileError ? err.message : (err as Error).message}`,
      );
      return 1;
    }
  }
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  let lastKey = "";
  const store = await openCommandStore(dataDir);
  try {
    const result = await importSnapshot({
      folder: path.resolve(folder),
      dataDir,
      db: store.db,
      profile,
      acceptValidRows: parsed.values["accept-valid-rows"] ?? false,
      importedBy: parsed.values["imported-by"] ?? `${os.userInfo().username} (kommandolinje)`,
      onProgress: (p) => {
        if (tty) {
          process.stderr.write(`\r\x1b[2K${progressLine(p)}`);
        } else {
          // without a terminal: one line per phase and file, then at most one every 5 seconds
          const key = `${p.phase}:${p.file ?? ""}`;
          if (key !== lastKey || Date.now() - lastLine > 5000) {
            lastKey = key;
            lastLine = Date.now();
            process.stderr.write(`${progressLine(p)}\n`);
          }
        }
      },
    });
    if (tty) process.stderr.write("\r\x1b[2K");
    if (result.outcome === "imported") {
      console.log(summaryLines(result).join("\n"));
      if (result.rejectedRows > 0 && result.reportFile) {
        console.log(`Afviste rækker: se ${result.reportFile} (også gemt i snapshot-mappen som rejects.csv)`);
      }
      return 0;
    }
    console.error(summaryLines(result).join("\n"));
    if (result.rejectsTotal > 0) {
      console.error(
        `\nFejl (de første ${Math.min(100, result.rejectsTotal)} af ${formatNumber(result.rejectsTotal)}):`,
      );
      for (const line of formatRejects(result.rejects, 100)) console.error(`  ${line}`);
      if (result.reportFile) console.error(`\nAlle fejl står i rapporten: ${result.reportFile}`);
    }
    return 1;
  } catch (err) {
    if (tty) process.stderr.write("\r\x1b[2K");
    if (err instanceof ImportInputError) {
      console.error(`Fejl: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await store.close();
  }
}
