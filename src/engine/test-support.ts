/**
 * Test support for the engine: write snapshot folders (Parquet + manifest.json) from JS rows,
 * and a TEST LOADER for the golden CSV folder.
 *
 * The test loader is not the import (src/warehouse/import/): it does no validation, no
 * mapping and no HMAC. Person keys are md5 of the normalized CPR so no raw CPR reaches the temp
 * folder; birth date and sex are derived from the CPR when personer.csv leaves them empty.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { tempDir as testTempDir } from "../../test/temp.ts";
import type { SnapshotManifest, SnapshotTableName } from "../warehouse/snapshot-layout.ts";
import { snapshotTables } from "../warehouse/snapshot-layout.ts";
import { str } from "./compile/sql.ts";
import { type IndicatorDefinition, indicatorDefinitionSchema } from "./definition.ts";
import { computeIndicators, type IndicatorValue } from "./execute.ts";

type Row = Record<string, string | number | null | undefined>;
export type SnapshotRows = Partial<Record<SnapshotTableName, Row[]>>;

/** A temporary folder, removed after the test file (test/temp.ts). */
export function tempDir(prefix = "effektspor-engine-"): string {
  return testTempDir(prefix);
}

function literal(v: Row[string], type: string): string {
  if (v === null || v === undefined) return `CAST(NULL AS ${type})`;
  if (typeof v === "number") return `CAST(${v} AS ${type})`;
  return `CAST(${str(v)} AS ${type})`;
}

function manifestFor(id: string, extractionDate: string, counts: Record<SnapshotTableName, number>) {
  const manifest: SnapshotManifest = {
    id,
    extractionDate,
    source: "test",
    createdAt: new Date().toISOString(),
    contentHash: "test",
    counts,
  };
  return manifest;
}

async function withConnection<T>(f: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  try {
    return await f(c);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

/**
 * Write a snapshot folder from rows (dates as 'YYYY-MM-DD' strings, wage month as the 1st of the
 * month). Missing tables are written empty. Returns the folder.
 */
export async function writeSnapshot(
  rows: SnapshotRows,
  options: { dir?: string; extractionDate?: string; id?: string } = {},
): Promise<string> {
  const dir = options.dir ?? tempDir();
  mkdirSync(dir, { recursive: true });
  const counts = {} as Record<SnapshotTableName, number>;
  await withConnection(async (c) => {
    for (const [name, table] of Object.entries(snapshotTables) as [
      SnapshotTableName,
      (typeof snapshotTables)[SnapshotTableName],
    ][]) {
      const columns = Object.entries(table.columns) as [string, string][];
      const list = rows[name] ?? [];
      counts[name] = list.length;
      await c.run(`CREATE TABLE ${name} (${columns.map(([col, type]) => `${col} ${type}`).join(", ")})`);
      if (list.length > 0) {
        const values = list.map((r) => `(${columns.map(([col, type]) => literal(r[col], type)).join(", ")})`);
        await c.run(`INSERT INTO ${name} VALUES ${values.join(",\n")}`);
      }
      await c.run(`COPY ${name} TO ${str(join(dir, table.file))} (FORMAT parquet)`);
    }
  });
  const manifest = manifestFor(options.id ?? "test", options.extractionDate ?? "2099-12-31", counts);
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return dir;
}

/** SQL: DATE from 'YYYY-MM-DD' or 'DD-MM-YYYY' text; NULL when empty */
function dateSql(col: string): string {
  return `CASE WHEN ${col} IS NULL OR trim(${col}) = '' THEN NULL
    WHEN regexp_matches(${col}, '^\\d{2}-\\d{2}-\\d{4}$') THEN strptime(${col}, '%d-%m-%Y')::DATE
    ELSE CAST(${col} AS DATE) END`;
}

const cprSql = (col: string) => `replace(trim(${col}), '-', '')`;
const keySql = (col: string) => `md5(${cprSql(col)})`;

/** Birth date from a normalized 10-digit CPR, century from the 7th digit and YY (DESIGN 4). */
function cprBirthSql(c: string): string {
  const yy = `CAST(substr(${c}, 5, 2) AS INTEGER)`;
  const d7 = `CAST(substr(${c}, 7, 1) AS INTEGER)`;
  const century = `CASE WHEN ${d7} <= 3 THEN 1900
    WHEN ${d7} IN (4, 9) THEN CASE WHEN ${yy} <= 36 THEN 2000 ELSE 1900 END
    ELSE CASE WHEN ${yy} <= 57 THEN 2000 ELSE 1800 END END`;
  return `make_date(${century} + ${yy}, CAST(substr(${c}, 3, 2) AS INTEGER), CAST(substr(${c}, 1, 2) AS INTEGER))`;
}

/**
 * TEST LOADER: read a golden folder in the canonical CSV format (DESIGN 5) into a snapshot
 * folder. Extraction date from the folder's manifest.json (udtraeksdato).
 */
export async function loadGoldenCsvSnapshot(
  csvDir: string,
  extractionDate: string,
  dir = tempDir(),
): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const csv = (file: string) => `read_csv(${str(join(csvDir, file))}, header = true, all_varchar = true)`;
  await withConnection(async (c) => {
    const copy = (name: SnapshotTableName, select: string) =>
      c.run(`COPY (${select}) TO ${str(join(dir, snapshotTables[name].file))} (FORMAT parquet)`);
    await copy(
      "benefit_records",
      `SELECT ${keySql("cpr")} AS person_key, ydelse AS benefit, NULLIF(kategori, '') AS category,
        ${dateSql("startdato")} AS start_date, ${dateSql("slutdato")} AS end_date,
        NULLIF(afslutningsaarsag, '') AS exit_reason FROM ${csv("ydelsesforloeb.csv")}`,
    );
    await copy(
      "activities",
      `SELECT ${keySql("cpr")} AS person_key, tilbudstype AS kind, ${dateSql("startdato")} AS start_date,
        ${dateSql("slutdato")} AS end_date, NULLIF(cvr, '') AS cvr FROM ${csv("tilbud.csv")}`,
    );
    await copy(
      "wage_hours",
      `SELECT ${keySql("cpr")} AS person_key, CAST(maaned || '-01' AS DATE) AS month,
        CAST(replace(timer, ',', '.') AS DOUBLE) AS hours FROM ${csv("loentimer.csv")}`,
    );
    await copy(
      "markers",
      `SELECT ${keySql("cpr")} AS person_key, projekt AS project, ${dateSql("startdato")} AS start_date,
        ${dateSql("slutdato")} AS end_date, NULLIF(resultat, '') AS result FROM ${csv("markeringer.csv")}`,
    );
    // every person seen in any file; personer.csv values win over CPR-derived ones
    const files = ["personer.csv", "ydelsesforloeb.csv", "tilbud.csv", "loentimer.csv", "markeringer.csv"];
    await copy(
      "persons",
      `WITH everyone AS (
        ${files.map((f) => `SELECT DISTINCT ${cprSql("cpr")} AS cpr FROM ${csv(f)}`).join(" UNION ")}
      ), given AS (
        SELECT ${cprSql("cpr")} AS cpr, ${dateSql("foedselsdato")} AS birth_date, NULLIF(koen, '') AS sex
        FROM ${csv("personer.csv")}
      )
      SELECT md5(e.cpr) AS person_key, COALESCE(g.birth_date, ${cprBirthSql("e.cpr")}) AS birth_date,
        COALESCE(g.sex, CASE WHEN CAST(substr(e.cpr, 10, 1) AS INTEGER) % 2 = 1 THEN 'M' ELSE 'K' END) AS sex
      FROM everyone e LEFT JOIN given g USING (cpr)`,
    );
    await c.run(
      `COPY (SELECT * FROM (VALUES (NULL::VARCHAR, NULL::DATE, NULL::VARCHAR, NULL::VARCHAR, NULL::DOUBLE, NULL::DOUBLE, NULL::DOUBLE, NULL::DOUBLE, NULL::DOUBLE))
        AS t(person_key, week, benefit, municipality, gross, refusion_rate, refusion_amount, cofinancing_rate, cofinancing_amount) WHERE false)
        TO ${str(join(dir, snapshotTables.refusion_weeks.file))} (FORMAT parquet)`,
    );
  });
  const counts = {} as Record<SnapshotTableName, number>;
  writeFileSync(
    join(dir, "manifest.json"),
    JSON.stringify(manifestFor("golden-test", extractionDate, counts), null, 2),
  );
  return dir;
}

/** A definition from its measure and population, with the schema's defaults applied. */
export function indicator(
  measure: Record<string, unknown>,
  population?: Record<string, unknown>,
): IndicatorDefinition {
  return indicatorDefinitionSchema.parse({
    id: "test",
    name: "Test",
    unit: "antal",
    better: "higher",
    population,
    measure,
  });
}

/** Write the rows as a snapshot and compute one definition over [from, to]. */
export async function computeOn(
  rows: SnapshotRows,
  def: IndicatorDefinition,
  from: string,
  to = from,
  extractionDate?: string,
): Promise<Omit<IndicatorValue, "indicator">[]> {
  const dir = await writeSnapshot(rows, { extractionDate });
  const values = await computeIndicators(dir, [def], { from, to });
  return values.map(({ indicator: _, ...rest }) => rest);
}
