/**
 * `npm run bench:import [-- --scales 1,10]`: generates the demo municipality at each scale and
 * imports it into a fresh data directory, printing rows/s and peak memory (RSS).
 * Goal (issue 3): scale 1 under 10 s, scale 10 under 60 s, peak memory under 2 GB.
 *
 * Each import runs in its own child process so its peak RSS is measured alone (the generator and
 * PGlite's start-up are not part of the import's figures).
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
  await store.close();
  process.stdout.write(`${JSON.stringify({ outcome: result.outcome, rows, seconds, peakRss: peak })}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scales: { type: "string" }, child: { type: "string" }, "data-dir": { type: "string" } },
  });
  if (values.child) {
    await child(values.child, values["data-dir"] as string);
    return;
  }
  const { generateMunicipality } = await import("../src/demo/generate.ts");
  const scales = (values.scales ?? "1,10").split(",").map(Number);
  console.log("Importbenchmark (issue 3: skala 1 < 10 s, skala 10 < 60 s, < 2 GB)\n");
  for (const scale of scales) {
    const base = mkdtempSync(path.join(tmpdir(), `effektspor-bench-${scale}-`));
    const folder = path.join(base, "extract");
    const dataDir = path.join(base, "data");
    try {
      const g0 = performance.now();
      const generated = await generateMunicipality({ out: folder, scale, seed: 1 });
      const gen = (performance.now() - g0) / 1000;
      const run = spawnSync(
        process.execPath,
        ["--import", "tsx", here, "--child", folder, "--data-dir", dataDir],
        {
          encoding: "utf8",
          env: { ...process.env, EFFEKTSPOR_PSEUDONYM_KEY: "bench-key-0123456789abcdef" },
          maxBuffer: 1 << 24,
        },
      );
      if (run.status !== 0) throw new Error(`import i underproces fejlede:\n${run.stderr}`);
      const line = run.stdout.trim().split("\n").pop() as string;
      const r = JSON.parse(line) as { outcome: string; rows: number; seconds: number; peakRss: number };
      console.log(
        [
          `Skala ${scale}: ${generated.persons.toLocaleString("da-DK")} personer, ${r.rows.toLocaleString("da-DK")} rækker (dannet på ${gen.toFixed(1)} s)`,
          `  import: ${r.outcome}, ${r.seconds.toFixed(1)} s, ${Math.round(r.rows / r.seconds).toLocaleString("da-DK")} rækker/s, maks. RSS ${(r.peakRss / 2 ** 20).toFixed(0)} MB`,
        ].join("\n"),
      );
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
