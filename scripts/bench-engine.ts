/**
 * Engine benchmark: times every definition of a set over 36 months on one snapshot folder, all
 * on one DuckDB connection with the forløb materialized once (as `compute` runs them).
 *
 *   npm run bench:engine -- [SNAPSHOT_DIR | --snapshot-dir DIR] [--definitions FILE.yaml]
 *                           [--to YYYY-MM] [--months 36] [--scale 1] [--compare]
 *
 * Without a snapshot folder a demo municipality is generated (src/demo/generate.ts, `--scale`
 * × 47.000 inhabitants) and imported with the real import into a temp data directory.
 * `--compare` also runs every indicator with the forløb recomputed inside its own query, to show
 * what the shared forløb table saves. The series ends at the snapshot's extraction month unless
 * `--to` is given.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateMunicipality } from "../src/demo/generate.ts";
import { compileIndicator } from "../src/engine/compile.ts";
import { parseDefinitions } from "../src/engine/definition.ts";
import { clampRange, openSnapshot, runIndicators } from "../src/engine/execute.ts";
import { resolveSnapshot } from "../src/engine/snapshots.ts";
import { tempDir } from "../src/engine/test-support.ts";
import { openStore } from "../src/store/db.ts";
import { importSnapshot } from "../src/warehouse/import.ts";

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: {
    "snapshot-dir": { type: "string" },
    definitions: {
      type: "string",
      default: resolve(process.cwd(), "../shared/golden/engine-example/definitions.yaml"),
    },
    to: { type: "string" },
    months: { type: "string", default: "36" },
    scale: { type: "string", default: "1" },
    compare: { type: "boolean", default: false },
  },
  allowPositionals: true,
});

const ms = (t0: number) => `${(performance.now() - t0).toFixed(1).padStart(9)} ms`;
const line = (label: string, t0: number, extra = "") => console.log(`${label.padEnd(28)} ${ms(t0)}${extra}`);

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
  line(`(generér, skala ${scale})`, t0, `, ${gen.persons} personer`);
  const store = await openStore();
  try {
    t0 = performance.now();
    const dataDir = join(work, "data");
    const result = await importSnapshot({ folder: gen.out, dataDir, db: store.db, importedBy: "bench" });
    if (result.outcome !== "imported" || !result.snapshotId) throw new Error(result.message);
    line("(import)", t0, `, ${JSON.stringify(result.counts)}`);
    return (await resolveSnapshot(dataDir, result.snapshotId)).dir;
  } finally {
    await store.close();
  }
}

const snapshotDir = values["snapshot-dir"] ?? positionals[0] ?? (await generated(Number(values.scale)));
const parsed = parseDefinitions(readFileSync(values.definitions, "utf8"));
if (parsed.errors.length > 0) {
  for (const e of parsed.errors) console.error(`${values.definitions}: ${e.path}: ${e.message}`);
  process.exit(1);
}

let t0 = performance.now();
const session = await openSnapshot(snapshotDir);
line("(åbn snapshot)", t0);
try {
  const months = Number(values.months);
  const to = values.to ?? session.extractionDate?.slice(0, 7) ?? new Date().toISOString().slice(0, 7);
  const range = { from: addMonths(to, 1 - months), to };
  console.log(
    `${parsed.value.length} indikatorer × ${months} måneder (${range.from} … ${range.to}) på ${snapshotDir}`,
  );

  const timings: [string, number][] = [];
  t0 = performance.now();
  const rows = await runIndicators(session, parsed.value, range, {
    onTiming: (id, took) => timings.push([id, took]),
  });
  for (const [id, took] of timings) console.log(`${id.padEnd(28)} ${took.toFixed(1).padStart(9)} ms`);
  line("i alt (én forbindelse)", t0, `, ${rows.length} rækker`);

  const effective = clampRange(range, session.extractionDate);
  if (values.compare && effective) {
    t0 = performance.now();
    for (const def of parsed.value)
      await session.connection.runAndReadAll(compileIndicator(def, effective).sql);
    line("i alt uden delt forløb", t0);
  }
} finally {
  session.close();
}
