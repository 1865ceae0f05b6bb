/**
 * `npm run bench:import [-- --scales 1,10] [--extracts DIR]`: generates the demo municipality at
 * each scale (or reuses `DIR/s<scale>` when it exists) and imports it into a fresh data directory,
 * printing rows/s and peak memory (RSS), and beside it the floor: DuckDB's own read_csv of the
 * same files written to Parquet (zstd), with no checks and no pseudonymization, and a second
 * floor that also replaces the cpr column by its HMAC-SHA-256.
 * `--engine` also runs the demo set (42 indicators × 36 months) on each imported snapshot in its
 * own process (peak RSS by /usr/bin/time): the growth table of issue 15, measured in one run.
 * Goals: issue 3 (scale 1 under 10 s, scale 10 under 60 s, under 2 GB); issue 15 (within 2× of
 * the floor).
 *
 * Each import and each floor runs in its own child process so its peak RSS is measured alone
 * (the generator and PGlite's start-up are not part of the import's figures).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = fileURLToPath(import.meta.url);
const KEY = "bench-key-0123456789abcdef";

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

/**
 * The floor: every CSV file of the folder read by DuckDB and written as Parquet, nothing else;
 * with `keyed`, the `cpr` column read as text and replaced by its HMAC-SHA-256 on the way (the
 * floor issue 15 gives for scale 100: reading, pseudonymizing with a keyed hash, writing).
 */
async function floor(folder: string, out: string, keyed: boolean): Promise<void> {
  const { hmacSql } = await import("../src/warehouse/import/read-csv.ts");
  const { mkdirSync } = await import("node:fs");
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
    const source = path.join(folder, name);
    const select = keyed
      ? `SELECT * REPLACE (${hmacSql(KEY, "cpr")} AS cpr) FROM read_csv('${source}', types = {'cpr': 'VARCHAR'})`
      : `SELECT * FROM read_csv('${source}')`;
    const reader = await c.runAndReadAll(
      `COPY (${select}) TO '${path.join(out, name.replace(/csv$/, "parquet"))}' (FORMAT parquet, COMPRESSION zstd)`,
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
    `${JSON.stringify({ outcome: keyed ? "floor+hmac" : "floor", rows, seconds, peakRss: peak, cpu: (used.user + used.system) / 1e6 })}\n`,
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
    env: { ...process.env, EFFEKTSPOR_PSEUDONYM_KEY: KEY },
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`underproces fejlede:\n${run.stderr}`);
  const line = run.stdout.trim().split("\n").pop() as string;
  return JSON.parse(line) as Measured;
}

/**
 * The demo set (42 indicators × 36 months) on the imported snapshot, in its own process
 * (bench-engine.ts) under /usr/bin/time for its peak RSS: the compute column of the growth table.
 */
function engineRun(dataDir: string): { seconds: number; cpu: number; peakRss: number } {
  const snapshots = path.join(dataDir, "snapshots");
  const dir = readdirSync(snapshots).find((n) => !n.startsWith("."));
  if (!dir) throw new Error(`intet snapshot i ${snapshots}`);
  const script = path.join(path.dirname(here), "bench-engine.ts");
  const run = spawnSync(
    "/usr/bin/time",
    [
      "-f",
      "maxrss=%M",
      process.execPath,
      "--import",
      "tsx",
      script,
      path.join(snapshots, dir),
      "--set",
      "demo",
    ],
    { encoding: "utf8", maxBuffer: 1 << 24 },
  );
  if (run.status !== 0) throw new Error(`bench-engine fejlede:\n${run.stderr}`);
  const total = /i alt demo\s+([\d.]+) ms, CPU (\d+) ms/.exec(run.stdout);
  const open = /\(åbn snapshot\)\s+([\d.]+) ms/.exec(run.stdout);
  const rss = /maxrss=(\d+)/.exec(run.stderr);
  if (!total || !rss) throw new Error(`uventet output fra bench-engine:\n${run.stdout}\n${run.stderr}`);
  return {
    seconds: (Number(total[1]) + Number(open?.[1] ?? 0)) / 1000,
    cpu: Number(total[2]) / 1000,
    peakRss: Number(rss[1]) * 1024,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scales: { type: "string" },
      child: { type: "string" },
      floor: { type: "string" },
      keyed: { type: "boolean", default: false },
      engine: { type: "boolean", default: false },
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
    await floor(values.floor, values["data-dir"] as string, values.keyed);
    return;
  }
  const { existsSync } = await import("node:fs");
  const { generateMunicipality } = await import("../src/demo/generate.ts");
  const scales = (values.scales ?? "1,10").split(",").map(Number);
  const repeat = Number(values.repeat ?? 1);
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
  const s = (m: { seconds: number; cpu?: number; peakRss: number }) =>
    `${m.seconds.toFixed(1)} s / ${m.cpu?.toFixed(1)} s / ${mb(m.peakRss)}`;
  const table: string[] = [];
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
        const out = path.join(base, `floor-${i}`);
        const f = inChild(["--floor", folder, "--data-dir", out]);
        rmSync(out, { recursive: true, force: true });
        const k = inChild(["--floor", folder, "--keyed", "--data-dir", out]);
        rmSync(out, { recursive: true, force: true });
        const r = inChild(["--child", folder, "--data-dir", dataDir]);
        const e = values.engine ? engineRun(dataDir) : null;
        rmSync(dataDir, { recursive: true, force: true });
        const ratio = (x: Measured) =>
          `${(r.seconds / x.seconds).toFixed(1)} / ${((r.cpu ?? 0) / (x.cpu ?? 1)).toFixed(1)}`;
        console.log(
          [
            `Skala ${scale}, ${r.rows.toLocaleString("da-DK")} rækker:`,
            `  import: ${r.outcome}, ${r.seconds.toFixed(2)} s (CPU ${r.cpu?.toFixed(2)} s), ${Math.round(r.rows / r.seconds).toLocaleString("da-DK")} rækker/s, maks. RSS ${mb(r.peakRss)}`,
            `  gulv (read_csv → Parquet): ${f.seconds.toFixed(2)} s (CPU ${f.cpu?.toFixed(2)} s), maks. RSS ${mb(f.peakRss)}; forhold ${ratio(f)}`,
            `  gulv med HMAC af cpr: ${k.seconds.toFixed(2)} s (CPU ${k.cpu?.toFixed(2)} s), maks. RSS ${mb(k.peakRss)}; forhold ${ratio(k)}`,
            ...(e
              ? [
                  `  beregning (demo, 42 × 36, inkl. åbning): ${e.seconds.toFixed(2)} s (CPU ${e.cpu.toFixed(2)} s), maks. RSS ${mb(e.peakRss)}`,
                ]
              : []),
          ].join("\n"),
        );
        table.push(
          `| ${scale} | ${r.rows.toLocaleString("da-DK")} | ${s(r)} | ${s(f)} | ${s(k)} | ${ratio(f)} | ${ratio(k)} | ${e ? s(e) : "–"} |`,
        );
      }
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }
  console.log(
    [
      "\n| scale | rows | import (wall / CPU / peak) | floor | floor + HMAC | ratio to floor (wall / CPU) | ratio to floor + HMAC | compute, demo 42 × 36 (wall / CPU / peak) |",
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...table,
    ].join("\n"),
  );
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
