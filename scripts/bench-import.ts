/**
 * `npm run bench:import [-- --scales 1,10] [--extracts DIR]`: generates the demo municipality at
 * each scale (or reuses `DIR/s<scale>` when it exists) and imports it into a fresh data directory,
 * printing rows/s and peak memory (RSS), and beside it the floor: DuckDB's own read_csv of the
 * same files written to Parquet (zstd), with no checks and no pseudonymization.
 * Goals: issue 3 (scale 1 under 10 s, scale 10 under 60 s, under 2 GB); issue 15 (within 2× of
 * the floor).
 *
 * Each import and each floor runs in its own child process so its peak RSS is measured alone
 * (the generator and PGlite's start-up are not part of the import's figures).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = fileURLToPath(import.meta.url);

async function child(folder: string, dataDir: string): Promise<void> {
  const { openStore } = await import("../src/store/db.ts");
  const { importSnapshot } = await import("../src/warehouse/import/index.ts");
  const store = await openStore();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await importSnapshot({
    folder,
    dataDir,
    db: store.db,
    importedBy: "bench",
    onProgress: () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const rows = result.files.reduce((n, f) => n + f.rows, 0);
  const used = process.cpuUsage(cpu0);
  await store.close();
  process.stdout.write(
    `${JSON.stringify({ outcome: result.outcome, rows, seconds, peakRss: peak, cpu: (used.user + used.system) / 1e6 })}\n`,
  );
}

/** The floor: every CSV file of the folder read by DuckDB and written as Parquet, nothing else. */
async function floor(folder: string, out: string): Promise<void> {
  const { readdirSync, mkdirSync } = await import("node:fs");
  const { DuckDBInstance } = await import("@duckdb/node-api");
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  mkdirSync(out, { recursive: true });
  let rows = 0;
  for (const name of readdirSync(folder).filter((n) => n.endsWith(".csv"))) {
    const reader = await c.runAndReadAll(
      `COPY (SELECT * FROM read_csv('${path.join(folder, name)}')) TO '${path.join(out, name.replace(/csv$/, "parquet"))}' (FORMAT parquet, COMPRESSION zstd)`,
    );
    rows += Number(reader.getRows()[0]?.[0] ?? 0);
  }
  c.closeSync();
  instance.closeSync();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const used = process.cpuUsage(cpu0);
  process.stdout.write(
    `${JSON.stringify({ outcome: "floor", rows, seconds, peakRss: peak, cpu: (used.user + used.system) / 1e6 })}\n`,
  );
}

interface Measured {
  outcome: string;
  rows: number;
  seconds: number;
  peakRss: number;
  cpu?: number;
}

function inChild(args: string[]): Measured {
  const run = spawnSync(process.execPath, ["--import", "tsx", here, ...args], {
    encoding: "utf8",
    env: { ...process.env, EFFEKTSPOR_PSEUDONYM_KEY: "bench-key-0123456789abcdef" },
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`underproces fejlede:\n${run.stderr}`);
  const line = run.stdout.trim().split("\n").pop() as string;
  return JSON.parse(line) as Measured;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scales: { type: "string" },
      child: { type: "string" },
      floor: { type: "string" },
      "data-dir": { type: "string" },
      extracts: { type: "string" },
      repeat: { type: "string" },
    },
  });
  if (values.child) {
    await child(values.child, values["data-dir"] as string);
    return;
  }
  if (values.floor) {
    await floor(values.floor, values["data-dir"] as string);
    return;
  }
  const { existsSync } = await import("node:fs");
  const { generateMunicipality } = await import("../src/demo/generate.ts");
  const scales = (values.scales ?? "1,10").split(",").map(Number);
  const repeat = Number(values.repeat ?? 1);
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
  console.log("Importbenchmark (issue 15: inden for 2× af DuckDB's read_csv → Parquet)\n");
  for (const scale of scales) {
    const base = mkdtempSync(path.join(tmpdir(), `effektspor-bench-${scale}-`));
    const kept = values.extracts ? path.join(values.extracts, `s${scale}`) : null;
    const folder = kept ?? path.join(base, "extract");
    try {
      if (!kept || !existsSync(kept)) {
        const g0 = performance.now();
        const generated = await generateMunicipality({ out: folder, scale, seed: 1 });
        console.log(
          `Skala ${scale}: ${generated.persons.toLocaleString("da-DK")} personer (dannet på ${((performance.now() - g0) / 1000).toFixed(1)} s)`,
        );
      }
      for (let i = 0; i < repeat; i++) {
        const dataDir = path.join(base, `data-${i}`);
        const f = inChild(["--floor", folder, "--data-dir", path.join(base, `floor-${i}`)]);
        const r = inChild(["--child", folder, "--data-dir", dataDir]);
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(path.join(base, `floor-${i}`), { recursive: true, force: true });
        console.log(
          [
            `Skala ${scale}, ${r.rows.toLocaleString("da-DK")} rækker:`,
            `  import: ${r.outcome}, ${r.seconds.toFixed(2)} s (CPU ${r.cpu?.toFixed(2)} s), ${Math.round(r.rows / r.seconds).toLocaleString("da-DK")} rækker/s, maks. RSS ${mb(r.peakRss)}`,
            `  gulv (read_csv → Parquet): ${f.seconds.toFixed(2)} s (CPU ${f.cpu?.toFixed(2)} s), maks. RSS ${mb(f.peakRss)}`,
            `  forhold: ${(r.seconds / f.seconds).toFixed(2)} (CPU ${((r.cpu ?? 0) / (f.cpu ?? 1)).toFixed(2)})`,
          ].join("\n"),
        );
      }
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
