/** Test support for the import: small extract folders written from text, and Parquet readers. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { tempDir as testTempDir } from "../../test/temp.ts";

/** A temporary folder, removed after the test file (test/temp.ts). */
export function tempDir(prefix = "effektspor-import-"): string {
  return testTempDir(prefix);
}

/** Writes files (name → content) into a new temporary folder; returns the folder. */
export function writeFolder(files: Record<string, string>, folder = tempDir()): string {
  mkdirSync(folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
  return folder;
}

/**
 * A small valid extract. CPR numbers (birth date and sex by DESIGN 4):
 *  0101801234 → 1980-01-01 K;  150290-4321 → 1990-02-15 M (7th digit 4, YY 90 > 36);
 *  3112055678 → 2005-12-31 K (7th digit 5, YY 05 ≤ 57);  2006401117 → 1940-06-20 M.
 */
export function validFiles(): Record<string, string> {
  return {
    "personer.csv": "cpr,foedselsdato,koen\n0101801234,,\n150290-4321,1990-02-15,M\n3112055678,,\n",
    "ydelsesforloeb.csv": [
      "cpr,ydelse,kategori,startdato,slutdato,afslutningsaarsag",
      "0101801234,kontanthjaelp,aktivitetsparat,2023-01-01,2023-06-30,",
      "0101801234,kontanthjaelp,jobparat,2023-07-01,,",
      "150290-4321,a-dagpenge,,2024-01-02,2024-05-31,job",
      "3112055678,uddannelseshjaelp,uddannelsesparat,2024-02-01,,",
      "2006401117,fleksjob,,2020-01-01,,",
      "",
    ].join("\n"),
    "tilbud.csv":
      "cpr,tilbudstype,startdato,slutdato,cvr\n0101801234,virksomhedspraktik,2023-03-01,2023-04-15,12345678\n",
    "loentimer.csv": "cpr,maaned,timer\n0101801234,2023-05,12.5\n2006401117,2024-01,40\n",
    "markeringer.csv": "cpr,projekt,startdato,slutdato,resultat\n0101801234,flere-i-job,2024-01-10,,\n",
    "manifest.json": JSON.stringify({ udtraeksdato: "2024-06-30", kilde: "test" }),
  };
}

/** Rows of a Parquet file as JSON objects (dates as text). */
export async function readParquet(
  file: string,
  query = "SELECT * FROM t",
): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  try {
    await c.run(`CREATE VIEW t AS SELECT * FROM read_parquet('${file.replace(/'/g, "''")}')`);
    const reader = await c.runAndReadAll(query);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
