/**
 * Engine benchmark: times every definition of a set over 36 months on one snapshot folder.
 *
 *   npm run bench:engine -- [SNAPSHOT_DIR | --snapshot-dir DIR] [--definitions FILE.yaml]
 *                           [--from YYYY-MM] [--months 36] [--persons 20000] [--compare]
 *
 * Without a snapshot folder a synthetic one is written to a temp folder (`--persons` persons,
 * random histories generated in DuckDB SQL with a fixed seed); this is a load generator for
 * timing only, not demo data. `--compare` also runs every indicator on its own, with the forløb
 * recomputed inside each query, to show what the shared forløb table saves.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { compileIndicator } from "../src/engine/compile.ts";
import { parseDefinitions } from "../src/engine/definition.ts";
import { clampRange, openSnapshot, runIndicators } from "../src/engine/execute.ts";
import { tempDir } from "../src/engine/test-support.ts";
import { snapshotTables } from "../src/warehouse/snapshot-layout.ts";

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: {
    "snapshot-dir": { type: "string" },
    definitions: {
      type: "string",
      default: resolve(process.cwd(), "../shared/golden/engine-example/definitions.yaml"),
    },
    from: { type: "string", default: "2024-01" },
    months: { type: "string", default: "36" },
    persons: { type: "string", default: "20000" },
    compare: { type: "boolean", default: false },
  },
  allowPositionals: true,
});

function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

/** Synthetic snapshot: persons with chained benefit records, activities, wage hours and markers. */
async function generateSynthetic(persons: number): Promise<string> {
  const dir = tempDir("effektspor-bench-");
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  const benefits =
    "['kontanthjaelp','uddannelseshjaelp','a-dagpenge','sygedagpenge','jobafklaring','ressourceforloeb','ledighedsydelse','fleksjob','revalidering','selvforsoergelsesydelse','foertidspension']";
  const categories = "['jobparat','aktivitetsparat','uddannelsesparat','aabenlyst-uddannelsesparat']";
  const reasons =
    "['job','uddannelse','fleksjob','sygedagpenge','flyttet','barsel','foertidspension','ukendt']";
  const kinds =
    "['virksomhedspraktik','loentilskud','vejledning-opkvalificering','nytteindsats','mentor','jobsoegningsforloeb']";
  const projects = "['flere-i-job','klar-parat-i-job','socialt-frikort']";
  const statements = [
    "SELECT setseed(0.42)",
    `CREATE TABLE persons AS SELECT md5('p' || i) AS person_key,
       CAST(DATE '1958-01-01' + CAST(random() * 16000 AS INTEGER) AS DATE) AS birth_date,
       CASE WHEN random() < 0.5 THEN 'M' ELSE 'K' END AS sex, i
     FROM range(${persons}) t(i)`,
    // (row counts per person come from hash(): a random() inside range() is evaluated only once)
    // 1–8 records per person, mostly one main benefit, starting every ~150 days with jitter so
    // that some overlap, some touch and some leave gaps
    `CREATE TABLE benefit_records AS
     WITH r AS (
       SELECT p.person_key, j, ${benefits}[1 + CAST(floor(random() * 11) AS INTEGER)] AS other,
         ${benefits}[1 + (p.i % 6)] AS main, random() AS u, random() AS v, random() AS w
       FROM persons p, range(CAST(1 + hash(p.i, 'b') % 8 AS INTEGER)) t(j)
     )
     SELECT person_key, CASE WHEN u < 0.7 THEN main ELSE other END AS benefit,
       CASE WHEN (CASE WHEN u < 0.7 THEN main ELSE other END) IN ('kontanthjaelp','uddannelseshjaelp')
         THEN ${categories}[1 + CAST(floor(v * 4) AS INTEGER)] END AS category,
       CAST(DATE '2019-01-01' + CAST(j * 150 + w * 90 AS INTEGER) AS DATE) AS start_date,
       CASE WHEN v < 0.12 THEN NULL ELSE CAST(DATE '2019-01-01' + CAST(j * 150 + w * 90 + 7 + v * 300 AS INTEGER) AS DATE) END AS end_date,
       ${reasons}[1 + CAST(floor(u * 8) AS INTEGER)] AS exit_reason
     FROM r`,
    `CREATE TABLE activities AS
     SELECT p.person_key, ${kinds}[1 + CAST(floor(random() * 6) AS INTEGER)] AS kind,
       CAST(DATE '2019-01-01' + CAST(random() * 2900 AS INTEGER) AS DATE) AS s, random() AS v, NULL::VARCHAR AS cvr
     FROM persons p, range(CAST(hash(p.i, 'a') % 4 AS INTEGER)) t(j)`,
    `CREATE TABLE activities2 AS SELECT person_key, kind, s AS start_date,
       CASE WHEN v < 0.1 THEN NULL ELSE CAST(s + CAST(5 + v * 200 AS INTEGER) AS DATE) END AS end_date, cvr FROM activities`,
    `CREATE TABLE wage_hours AS
     SELECT p.person_key, CAST(DATE '2019-01-01' + INTERVAL (CAST(floor(random() * 96) AS INTEGER)) MONTH AS DATE) AS month,
       round(random() * 160, 1) AS hours
     FROM persons p, range(CAST(hash(p.i, 'w') % 20 AS INTEGER)) t(j) WHERE p.i % 3 = 0`,
    `CREATE TABLE markers AS
     SELECT p.person_key, ${projects}[1 + CAST(floor(random() * 3) AS INTEGER)] AS project,
       CAST(DATE '2022-01-01' + CAST(random() * 1400 AS INTEGER) AS DATE) AS s, random() AS v
     FROM persons p WHERE p.i % 10 = 0`,
    `CREATE TABLE markers2 AS SELECT person_key, project, s AS start_date,
       CASE WHEN v < 0.2 THEN NULL ELSE CAST(s + CAST(30 + v * 300 AS INTEGER) AS DATE) END AS end_date,
       CASE WHEN v < 0.2 THEN NULL ELSE ${reasons}[1 + CAST(floor(v * 8) AS INTEGER)] END AS result FROM markers`,
  ];
  for (const s of statements) await c.run(s);
  const copies: Record<string, string> = {
    persons: "SELECT person_key, birth_date, sex FROM persons",
    benefit_records: "SELECT * FROM benefit_records",
    activities: "SELECT * FROM activities2",
    wage_hours: "SELECT * FROM wage_hours",
    markers: "SELECT * FROM markers2",
  };
  const counts: Record<string, number> = {};
  for (const [t, q] of Object.entries(copies)) {
    const file = join(dir, snapshotTables[t as keyof typeof snapshotTables].file);
    await c.run(`COPY (${q}) TO '${file}' (FORMAT parquet)`);
    const n = await c.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM (${q})`);
    counts[t] = Number(n.getRowObjectsJS()[0]?.n ?? 0);
  }
  c.closeSync();
  instance.closeSync();
  writeFileSync(
    join(dir, "manifest.json"),
    JSON.stringify({
      id: "bench",
      extractionDate: "2099-12-31",
      source: "bench",
      createdAt: new Date().toISOString(),
      contentHash: "bench",
      counts,
    }),
  );
  console.log(`syntetisk snapshot i ${dir}:`, counts);
  return dir;
}

const snapshotDir =
  values["snapshot-dir"] ?? positionals[0] ?? (await generateSynthetic(Number(values.persons)));
const parsed = parseDefinitions(readFileSync(values.definitions, "utf8"));
if (parsed.errors.length > 0) {
  for (const e of parsed.errors) console.error(`${values.definitions}: ${e.path}: ${e.message}`);
  process.exit(1);
}
const months = Number(values.months);
const range = { from: values.from, to: addMonths(values.from, months - 1) };
console.log(
  `${parsed.value.length} indikatorer × ${months} måneder (${range.from} … ${range.to}) på ${snapshotDir}`,
);

const opened = performance.now();
const session = await openSnapshot(snapshotDir);
console.log(`${"(åbn snapshot)".padEnd(28)} ${(performance.now() - opened).toFixed(1).padStart(9)} ms`);
try {
  const timings: [string, number][] = [];
  const started = performance.now();
  const rows = await runIndicators(session, parsed.value, range, {
    onTiming: (id, ms) => timings.push([id, ms]),
  });
  const total = performance.now() - started;
  for (const [id, ms] of timings) console.log(`${id.padEnd(28)} ${ms.toFixed(1).padStart(9)} ms`);
  console.log(
    `${"i alt (én forbindelse)".padEnd(28)} ${total.toFixed(1).padStart(9)} ms, ${rows.length} rækker`,
  );

  if (values.compare) {
    // each indicator alone, forløb recomputed in its own query
    const effective = clampRange(range, session.extractionDate);
    if (effective) {
      const t0 = performance.now();
      for (const def of parsed.value)
        await session.connection.runAndReadAll(compileIndicator(def, effective).sql);
      console.log(
        `${"i alt uden delt forløb".padEnd(28)} ${(performance.now() - t0).toFixed(1).padStart(9)} ms`,
      );
    }
  }
} finally {
  session.close();
}
