/**
 * Committee-report benchmark (issue 12): times the demo's report as PDF (the goal: under 5 s at demo
 * scale), and for comparison DOCX and XLSX, step by step: the model (status schemes, economics,
 * måltal, revisions, appendix) and the rendering (55 ECharts SVG charts, pdfmake layout).
 *
 *   npm run bench:report -- [--data-dir DIR] [--repeat 3] [--formats pdf,docx,xlsx]
 *
 * Without --data-dir a demo installation is laid out first (`effektspor demo reset`) in a temp data
 * directory (removed after). `--repeat N` reports the fastest of N runs (the machine is shared) with
 * the process CPU time beside the wall time. Each run renders a fresh model, so no chart is reused
 * from an earlier run.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildReportModel } from "../src/services/report/model.ts";
import { type ReportFormat, renderReport } from "../src/services/report/reports.ts";
import { openInstallationStore } from "../src/store/db.ts";
import { tempDir } from "../test/temp.ts";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    "data-dir": { type: "string" },
    repeat: { type: "string", default: "3" },
    formats: { type: "string", default: "pdf,docx,xlsx" },
  },
});

const repoRoot = path.resolve(import.meta.dirname, "..");
const own = !values["data-dir"];
const dataDir = values["data-dir"] ?? tempDir("bench-report");
if (own) {
  const t0 = performance.now();
  execFileSync(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "demo", "reset", "--data-dir", dataDir, "--yes"],
    {
      cwd: repoRoot,
      stdio: "ignore",
      env: { ...process.env, DATABASE_URL: "" },
    },
  );
  console.log(`demo laid out in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

interface Timing {
  wall: number;
  cpu: number;
}
function timed<T>(fn: () => Promise<T>): Promise<[T, Timing]> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  return fn().then((v) => {
    const c = process.cpuUsage(c0);
    return [v, { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 }];
  });
}
const s = (t: Timing) => `${(t.wall / 1000).toFixed(2)} s (CPU ${(t.cpu / 1000).toFixed(2)} s)`;
const best = (ts: Timing[]) => ts.reduce((a, b) => (b.wall < a.wall ? b : a));

const store = await openInstallationStore(dataDir);
try {
  const repeat = Math.max(1, Number(values.repeat));
  const formats = values.formats.split(",") as ReportFormat[];
  console.log(
    `load average ${(await import("node:os"))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  for (const format of formats) {
    const model: Timing[] = [];
    const render: Timing[] = [];
    const total: Timing[] = [];
    let size = 0;
    let charts = 0;
    for (let i = 0; i < repeat; i++) {
      const [[bytes, m], t] = await timed(async () => {
        const [m, tm] = await timed(() => buildReportModel(store.db));
        model.push(tm);
        const [bytes, tr] = await timed(() => renderReport(m, format));
        render.push(tr);
        return [bytes, m] as const;
      });
      total.push(t);
      size = bytes.length;
      charts = m.projects.reduce((n, p) => n + p.charts.length, 0);
    }
    console.log(
      `${format.toUpperCase().padEnd(5)} model ${s(best(model))}, render ${s(best(render))}, total ${s(best(total))}; ${charts} charts, ${(size / 1024).toFixed(0)} kB (best of ${repeat})`,
    );
  }
} finally {
  await store.close();
  if (own) rmSync(dataDir, { recursive: true, force: true });
}
