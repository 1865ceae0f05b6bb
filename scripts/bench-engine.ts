/**
 * Engine benchmark: times every definition of a set over 36 months on one snapshot folder,
 * with the per-run helper tables built once (as `compute` runs them; `--parallel N` runs N queries
 * side by side on N connections, default 1).
 *
 *   npm run bench:engine -- [SNAPSHOT_DIR | --snapshot-dir DIR] [--set all|golden|demo]
 *                           [--definitions FILE.yaml] [--to YYYY-MM] [--months 36] [--scale 1]
 *                           [--parallel N] [--repeat 1] [--top 5] [--write FILE.json] [--check FILE.json] [--compare]
 *
 * Sets: `golden` = the definitions file (default the golden engine example's 33 definitions),
 * `demo` = the demo projects' definitions (src/demo/definitions.ts, without their `result` view),
 * `all` = both, each set as its own run.
 *
 * Without a snapshot folder a demo municipality is generated (src/demo/generate.ts, `--scale`
 * × 47.000 inhabitants) and imported with the real import into a temp data directory.
 * `--repeat N` runs each set N times and reports the fastest run (the machine is shared, so single
 * runs are noisy). `--write` stores every computed row as JSON; `--check` compares the rows with
 * such a file (relative tolerance 1e-9, as the golden test) and exits 1 on any difference, so a
 * speed change can be shown not to change a single number. `--compare` also runs every indicator
 * as one self-contained query (forløb recomputed inside it), to show what the shared tables save.
 * The series ends at the snapshot's extraction month unless `--to` is given.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEMO_DEFINITIONS } from "../src/demo/definitions.ts";
import { generateMunicipality } from "../src/demo/generate.ts";
import { compileIndicator } from "../src/engine/compile.ts";
import {
  type IndicatorDefinition,
  indicatorDefinitionSchema,
  parseDefinitions,
} from "../src/engine/definition.ts";
import { clampRange, type IndicatorValue, openSnapshot, runIndicators } from "../src/engine/execute.ts";
import { resolveSnapshot } from "../src/engine/snapshots.ts";
import { tempDir } from "../src/engine/test-support.ts";
import { openStore } from "../src/store/db.ts";
import { importSnapshot } from "../src/warehouse/import/index.ts";
import { goldenPath } from "../test/fixtures.ts";
import { removeTempDirs } from "../test/temp.ts";

// the generated extract and data directory (tempDir) go when the script ends
process.on("exit", removeTempDirs);

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: {
    "snapshot-dir": { type: "string" },
    set: { type: "string", default: "all" },
    definitions: {
      type: "string",
      default: goldenPath("engine-example/definitions.yaml"),
    },
    to: { type: "string" },
    months: { type: "string", default: "36" },
    scale: { type: "string", default: "1" },
    repeat: { type: "string", default: "1" },
    parallel: { type: "string" },
    top: { type: "string", default: "5" },
    write: { type: "string" },
    check: { type: "string" },
    compare: { type: "boolean", default: false },
  },
  allowPositionals: true,
});

const ms = (took: number) => `${took.toFixed(1).padStart(9)} ms`;
const line = (label: string, took: number, extra = "") =>
  console.log(`${label.padEnd(34)} ${ms(took)}${extra}`);
const since = (t0: number) => performance.now() - t0;

function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

/** Generate a demo municipality and import it; returns the snapshot folder. */
async function generated(scale: number): Promise<string> {
  const work = tempDir("effektspor-bench-");
  let t0 = performance.now();
  const gen = await generateMunicipality({ out: join(work, "udtraek"), scale });
  line(`(generér, skala ${scale})`, since(t0), `, ${gen.persons} personer`);
  const store = await openStore();
  try {
    t0 = performance.now();
    const dataDir = join(work, "data");
    const result = await importSnapshot({ folder: gen.out, dataDir, db: store.db, importedBy: "bench" });
    if (result.outcome !== "imported" || !result.snapshotId) throw new Error(result.message);
    line("(import)", since(t0), `, ${JSON.stringify(result.counts)}`);
    return (await resolveSnapshot(dataDir, result.snapshotId)).dir;
  } finally {
    await store.close();
  }
}

function goldenSet(): IndicatorDefinition[] {
  const parsed = parseDefinitions(readFileSync(values.definitions, "utf8"));
  if (parsed.errors.length > 0) {
    for (const e of parsed.errors) console.error(`${values.definitions}: ${e.path}: ${e.message}`);
    process.exit(1);
  }
  return parsed.value;
}

/** The demo projects' definitions as engine definitions: the code as id, the `result` view dropped. */
function demoSet(): IndicatorDefinition[] {
  return Object.entries(DEMO_DEFINITIONS).map(([code, raw]) => {
    const { result: _view, ...engine } = raw;
    const candidate = { id: code, name: code, unit: "antal", better: "higher", ...engine };
    const parsed = indicatorDefinitionSchema.safeParse(candidate, { error: z.locales.da().localeError });
    if (!parsed.success) throw new Error(`demo-definitionen ${code} er ugyldig: ${parsed.error.message}`);
    return parsed.data;
  });
}

const sets: [string, IndicatorDefinition[]][] = [];
if (values.set === "all" || values.set === "golden") sets.push(["golden", goldenSet()]);
if (values.set === "all" || values.set === "demo") sets.push(["demo", demoSet()]);
if (sets.length === 0) {
  console.error(`Ukendt --set ${values.set}; gyldige: all, golden, demo`);
  process.exit(1);
}

const snapshotDir = values["snapshot-dir"] ?? positionals[0] ?? (await generated(Number(values.scale)));
const repeat = Math.max(1, Number(values.repeat));
const top = Number(values.top);

let t0 = performance.now();
const session = await openSnapshot(snapshotDir);
line("(åbn snapshot)", since(t0));
const computed: Record<string, IndicatorValue[]> = {};
try {
  const months = Number(values.months);
  const to = values.to ?? session.extractionDate?.slice(0, 7) ?? new Date().toISOString().slice(0, 7);
  const range = { from: addMonths(to, 1 - months), to };
  console.log(`${months} måneder (${range.from} … ${range.to}) på ${snapshotDir}`);

  for (const [name, defs] of sets) {
    let best: { total: number; cpu: number; timings: [string, number][]; rows: IndicatorValue[] } | undefined;
    for (let r = 0; r < repeat; r++) {
      const timings: [string, number][] = [];
      t0 = performance.now();
      // process CPU time covers DuckDB's worker threads too; less sensitive to a busy machine than wall time
      const cpu0 = process.cpuUsage();
      const rows = await runIndicators(session, defs, range, {
        onTiming: (id, took) => timings.push([id, took]),
        ...(values.parallel ? { parallel: Number(values.parallel) } : {}),
      });
      const total = since(t0);
      const used = process.cpuUsage(cpu0);
      const cpu = (used.user + used.system) / 1000;
      if (!best || total < best.total) best = { total, cpu, timings, rows };
    }
    if (!best) continue;
    computed[name] = best.rows;
    console.log(`\n== ${name}: ${defs.length} indikatorer × ${months} måneder`);
    for (const [id, took] of best.timings) line(id, took);
    console.log(`-- top ${top}`);
    for (const [id, took] of [...best.timings].sort((a, b) => b[1] - a[1]).slice(0, top)) line(id, took);
    line(
      `i alt ${name}`,
      best.total,
      `, CPU ${best.cpu.toFixed(0)} ms, ${best.rows.length} rækker${repeat > 1 ? `, bedste af ${repeat}` : ""}`,
    );

    const effective = clampRange(range, session.extractionDate);
    if (values.compare && effective) {
      t0 = performance.now();
      for (const def of defs) await session.connection.runAndReadAll(compileIndicator(def, effective).sql);
      line(`i alt ${name} som enkeltstående forespørgsler`, since(t0));
    }
  }
} finally {
  session.close();
}

if (values.write) {
  writeFileSync(values.write, JSON.stringify(computed));
  console.log(`\nrækker skrevet til ${values.write}`);
}

if (values.check) {
  const reference = JSON.parse(readFileSync(values.check, "utf8")) as Record<string, IndicatorValue[]>;
  const close = (a: number | null, b: number | null) =>
    a === null || b === null
      ? a === b
      : a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  let differences = 0;
  for (const [name, rows] of Object.entries(computed)) {
    const ref = reference[name];
    if (!ref) {
      console.log(`${values.check} har intet sæt ${name}`);
      differences++;
      continue;
    }
    if (ref.length !== rows.length) {
      console.log(`${name}: ${rows.length} rækker, reference ${ref.length}`);
      differences++;
    }
    ref.forEach((e, i) => {
      const a = rows[i];
      if (
        !a ||
        a.indicator !== e.indicator ||
        a.period !== e.period ||
        !close(a.value, e.value) ||
        !close(a.numerator, e.numerator) ||
        !close(a.denominator, e.denominator)
      ) {
        if (differences++ < 20)
          console.log(`${name}: forventet ${JSON.stringify(e)}, fik ${JSON.stringify(a)}`);
      }
    });
  }
  console.log(
    differences === 0
      ? `\nsom referencen ${values.check}`
      : `\n${differences} afvigelser fra ${values.check}`,
  );
  if (differences > 0) process.exitCode = 1;
}
