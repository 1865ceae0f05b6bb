/**
 * Effect benchmark (DESIGN 9.1, issue 13): times the effect computation of a set of effect
 * definitions on one snapshot folder, step by step (units, covariates, matching, outcomes,
 * estimates; see src/engine/effect/run.ts).
 *
 *   npm run bench:effect -- [SNAPSHOT_DIR | --snapshot-dir DIR] [--scale 1]
 *                           [--definitions FILE.yaml] [--repeat 1] [--load views|tables]
 *                           [--threads N]
 *
 * Default definitions: the demo's effect definitions (src/demo/effects.ts: three projects, 4
 * horizons each); `--definitions FILE.yaml` takes any other set. Without a
 * snapshot folder a demo municipality is generated (`effektspor generate --scale S`, × 47.000
 * inhabitants) and imported (`effektspor import`) into a temp data directory (removed after).
 * `--repeat N` reports the fastest of N runs (the machine is shared, single runs are noisy).
 * The total includes opening the snapshot, as the `effect` command does: by default with views
 * over the Parquet files and in-memory copies of persons, benefit records and markers
 * (`--load views`, what computeEffects does), or reading every table into memory
 * (`--load tables`, what a session shared with the indicators does). `--threads N`
 * sets DuckDB's thread count (default 1, as computeEffects).
 */
import { execFile } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { DEMO_EFFECTS } from "../src/demo/effects.ts";
import { parseEffectDefinitions } from "../src/engine/effect/definition.ts";
import { type EffectEstimate, loadEffectInputs, runEffects } from "../src/engine/effect/run.ts";
import { type EffectInputs, sessionInputs } from "../src/engine/effect/tables.ts";
import { openSnapshot } from "../src/engine/execute.ts";
import { resolveSnapshot } from "../src/engine/snapshots.ts";
import { tempDir } from "../src/engine/test-support.ts";

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: {
    "snapshot-dir": { type: "string" },
    definitions: { type: "string" },
    scale: { type: "string", default: "1" },
    repeat: { type: "string", default: "1" },
    load: { type: "string", default: "views" },
    threads: { type: "string", default: "1" },
  },
  allowPositionals: true,
});

const ms = (took: number) => `${took.toFixed(1).padStart(9)} ms`;
const line = (label: string, took: number, extra = "") =>
  console.log(`${label.padEnd(40)} ${ms(took)}${extra}`);
const since = (t0: number) => performance.now() - t0;
const exec = promisify(execFile);

/**
 * Generate a demo municipality and import it with the commands (`effektspor generate`,
 * `effektspor import`); returns the snapshot folder and the work folder.
 */
async function generated(scale: number): Promise<{ snapshotDir: string; work: string }> {
  const work = tempDir("effektspor-bench-effect-");
  const cli = (args: string[]) =>
    exec(join(import.meta.dirname, "..", "bin", "effektspor"), args, {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
  let t0 = performance.now();
  await cli(["generate", "--out", join(work, "udtraek"), "--scale", String(scale)]);
  line(`(generér, skala ${scale})`, since(t0));
  t0 = performance.now();
  const dataDir = join(work, "data");
  await cli(["import", join(work, "udtraek"), "--data-dir", dataDir]);
  line("(import)", since(t0));
  return { snapshotDir: (await resolveSnapshot(dataDir)).dir, work };
}

const parsed = values.definitions
  ? parseEffectDefinitions(readFileSync(values.definitions, "utf8"))
  : { value: DEMO_EFFECTS, errors: [] };
if (parsed.errors.length > 0) {
  for (const e of parsed.errors) console.error(`${values.definitions}: ${e.path}: ${e.message}`);
  process.exit(1);
}
const defs = parsed.value;
const given = values["snapshot-dir"] ?? positionals[0];
const made = given ? undefined : await generated(Number(values.scale));
const snapshotDir = given ?? made!.snapshotDir;
const repeat = Math.max(1, Number(values.repeat));
const horizons = defs.reduce((n, d) => n + d.horizons.length, 0);

try {
  let best:
    | { total: number; open: number; cpu: number; timings: [string, number][]; rows: EffectEstimate[] }
    | undefined;
  for (let r = 0; r < repeat; r++) {
    const timings: [string, number][] = [];
    const cpu0 = process.cpuUsage();
    let t0 = performance.now();
    const tables = values.load === "tables";
    const session = await openSnapshot(snapshotDir, { load: tables ? "tables" : "views" });
    await session.connection.run(`SET threads = ${Math.max(1, Number(values.threads))}`);
    const inputs: EffectInputs = tables ? sessionInputs : await loadEffectInputs(session);
    const open = since(t0);
    try {
      t0 = performance.now();
      const rows = await runEffects(session, defs, {
        inputs,
        onTiming: (label, took) => timings.push([label, took]),
      });
      const total = open + since(t0);
      const used = process.cpuUsage(cpu0);
      const cpu = (used.user + used.system) / 1000;
      if (!best || total < best.total) best = { total, open, cpu, timings, rows };
    } finally {
      session.close();
    }
  }
  if (best) {
    console.log(`\n${defs.length} effekter, ${horizons} horisonter i alt, på ${snapshotDir}`);
    line("(åbn snapshot og indlæs)", best.open);
    for (const [label, took] of best.timings) line(label, took);
    for (const r of best.rows)
      console.log(
        `  ${r.effect} h=${r.horizon}: behandlede ${r.treated}, matchede ${r.matched}, kontroller ${r.controls}, dage-forskel ${r.days_difference?.toFixed(2) ?? "–"}`,
      );
    line(
      "i alt (med åbning)",
      best.total,
      `, CPU ${best.cpu.toFixed(0)} ms${repeat > 1 ? `, bedste af ${repeat}` : ""}`,
    );
  }
} finally {
  if (made) rmSync(made.work, { recursive: true, force: true });
}
