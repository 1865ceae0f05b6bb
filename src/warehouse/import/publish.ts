/**
 * Phase 4 of the import: publish the snapshot atomically. Write the final tables as Parquet into
 * the temporary folder (rows the cross-checks rejected left out, persons derived from CPR numbers
 * added), then manifest.json; fsync; rename the folder into place; and only then insert the
 * catalogue row. A snapshot is thus in the catalogue only when its folder is complete, and a
 * killed import leaves only a `.tmp-` folder (removed when a command or the next import starts).
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { forloebRunSelectFrom, pairEndSql } from "../../engine/compile/forloeb.ts";
import type { Db } from "../../store/db.ts";
import { findSnapshotByHash, insertSnapshot } from "../../store/repositories/snapshots.ts";
import {
  type SnapshotManifest,
  type SnapshotTableName,
  snapshotHelperTables,
  snapshotTables,
} from "../snapshot-layout.ts";
import { type StagingDb, scalar } from "./cross-checks.ts";
import type { ManifestInfo } from "./discover.ts";
import { columnsOf, emptyCounts, type FileSummary, sqlString, TABLE_ORDER, timed } from "./types.ts";
import { fsyncPath, releaseWorkspace } from "./workspace.ts";

export interface WrittenTables {
  /** rows per snapshot table */
  counts: Record<SnapshotTableName, number>;
  /** first and last date in the data (null when there is none) */
  range: { lo: string | null; hi: string | null };
}

/**
 * Each table's order in its Parquet file: by person key (`ord`, see ranked), then by date, then by
 * every other column (totalOrder), so that the order says nothing of the extract's (DECISIONS:
 * output sorted by person key) and the same rows always give the same file.
 */
const ORDER_BY: Record<SnapshotTableName, string[]> = {
  persons: ["ord"],
  benefit_records: ["ord", "start_date"],
  activities: ["ord", "start_date"],
  wage_hours: ["ord", "month"],
  markers: ["ord", "start_date"],
  refusion_weeks: ["ord", "week"],
};

/** ORDER BY `first`, then every other of `columns` (the person key is already `ord`). */
function totalOrder(first: string[], columns: string[]): string {
  const rest = columns.filter((n) => n !== "person_key" && !first.includes(n));
  return [...first, ...rest].join(", ");
}

/**
 * The staged rows of `table` with the person key in place of the pid (snapshot column order)
 * and `ord`, the person's rank by key: sorting by the integer gives the order of the key.
 */
function keyed(table: string, columns: string[]): string {
  const rest = columns.filter((n) => n !== "person_key").map((n) => `t.${n}`);
  return `(SELECT r.person_key, ${rest.join(", ")}, r.ord FROM ${table} t JOIN ranked r USING (pid))`;
}

/**
 * Writes `<table>.parquet` (zstd) for every snapshot table from the checked staging tables. A
 * sorted COPY runs on one thread, so with a second connection two tables are written at a time
 * (the largest, wage hours, first).
 */
export async function writeTables(
  c: DuckDBConnection,
  tmpDir: string,
  second?: DuckDBConnection,
): Promise<WrittenTables> {
  await removePostRejects(c);
  await rankPeople(c);
  await c.run(
    `INSERT INTO s_persons
     SELECT pid, any_value(birth_date), any_value(sex), NULL, NULL FROM s_derived
     WHERE pid NOT IN (SELECT pid FROM s_persons) GROUP BY pid`,
  );
  const counts = emptyCounts();
  const queue: SnapshotTableName[] = ["wage_hours", ...TABLE_ORDER.filter((t) => t !== "wage_hours")];
  const lane = async (connection: DuckDBConnection) => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      const table = t;
      const cols = columnsOf(table).map(([n]) => n);
      const target = path.join(tmpDir, snapshotTables[table].file);
      await timed(`write ${table}`, () =>
        connection.run(
          `COPY (SELECT ${cols.join(", ")} FROM ${keyed(`s_${table}`, cols)} ORDER BY ${totalOrder(ORDER_BY[table], cols)}) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd)`,
        ),
      );
      counts[table] = Number(
        (await scalar<{ n: number }>(connection, `SELECT count(*)::BIGINT AS n FROM s_${table}`)).n,
      );
    }
  };
  // both lanes finish before a failure goes on (the caller then closes the second connection)
  const lanes = await Promise.allSettled([lane(c), ...(second ? [lane(second)] : [])]);
  const failed = lanes.find((l): l is PromiseRejectedResult => l.status === "rejected");
  if (failed) throw failed.reason;
  const range = await scalar<{ lo: string | null; hi: string | null }>(
    c,
    `SELECT min(lo)::VARCHAR AS lo, max(hi)::VARCHAR AS hi FROM (
       SELECT min(start_date) AS lo, greatest(max(start_date), max(end_date)) AS hi FROM s_benefit_records
       UNION ALL SELECT min(start_date), greatest(max(start_date), max(end_date)) FROM s_activities
       UNION ALL SELECT min(month), max(month) FROM s_wage_hours
       UNION ALL SELECT min(start_date), greatest(max(start_date), max(end_date)) FROM s_markers
       UNION ALL SELECT min(week), max(week) FROM s_refusion_weeks)`,
  );
  return { counts, range };
}

/** `ranked`: every person of the import with pid, key and rank by key (made once, reading over). */
async function rankPeople(c: DuckDBConnection): Promise<void> {
  await c.run(
    "CREATE TABLE IF NOT EXISTS ranked AS SELECT pid, person_key, row_number() OVER (ORDER BY person_key)::INTEGER AS ord FROM people",
  );
}

/** Deletes the rows the cross-checks rejected (once; writeHelperTables and writeTables call it). */
async function removePostRejects(c: DuckDBConnection): Promise<void> {
  const any = await scalar<{ n: number }>(c, "SELECT count(*)::INTEGER AS n FROM post_rejects");
  if (Number(any.n) === 0) return;
  for (const t of TABLE_ORDER) {
    await c.run(`DELETE FROM s_${t} WHERE (_file, _line) IN (SELECT _file, _line FROM post_rejects)`);
  }
  await c.run("DELETE FROM post_rejects");
}

/**
 * Writes the per-snapshot helper tables (snapshot-layout.ts snapshotHelperTables) into the
 * temporary folder from the checked staging tables, leaving out the rows the cross-checks
 * rejected: computed once here instead of in every computation. The forløb are chained per pid
 * (an integer partition key) and the person key joined in as they are written, sorted as the
 * tables are (ORDER_BY): the window's partitions would otherwise come out in pid order, which is
 * the extract's order.
 */
export async function writeHelperTables(c: DuckDBConnection, tmpDir: string): Promise<void> {
  await removePostRejects(c);
  await rankPeople(c);
  const recordColumns = columnsOf("benefit_records").map(([n]) => n);
  const records = `(SELECT ${recordColumns.map((n) => (n === "person_key" ? "pid AS person_key" : n)).join(", ")} FROM s_benefit_records)`;
  // a forløb row is its record's (no two are equal after the cross-checks), so the order is total
  await c.run(
    `COPY (SELECT r.person_key, f.* EXCLUDE (person_key), ${pairEndSql("f.person_key, f.benefit")} AS pair_end
      FROM (${forloebRunSelectFrom(records)}) f JOIN ranked r ON r.pid = f.person_key
      ORDER BY ${totalOrder(ORDER_BY.benefit_records, recordColumns)}) TO ${sqlString(
        path.join(tmpDir, snapshotHelperTables.forloeb.file),
      )} (FORMAT parquet, COMPRESSION zstd)`,
  );
}

export type PublishedManifest = SnapshotManifest & { rejectedRows: number; files: FileSummary[] };

/**
 * Makes the temporary folder the finished snapshot (DuckDB must be closed): staged CSVs and spill
 * files removed, the rejects report copied in, manifest.json written, everything fsynced.
 */
export function finishFolder(tmpDir: string, manifest: PublishedManifest, reportFile: string | null): void {
  // staged CSVs and DuckDB spill files are not part of the snapshot
  for (const name of readdirSync(tmpDir)) {
    if (name.startsWith("stage-") || name === "duckdb-tmp")
      rmSync(path.join(tmpDir, name), { recursive: true, force: true });
  }
  if (reportFile) writeFileSync(path.join(tmpDir, "rejects.csv"), readFileSync(reportFile));
  writeFileSync(path.join(tmpDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(path.join(tmpDir, ".owner"), { force: true });
  for (const name of readdirSync(tmpDir)) fsyncPath(path.join(tmpDir, name));
  fsyncPath(tmpDir);
}

export interface PublishInput {
  db: Db;
  /** the checked staging tables; closed once the Parquet files are written */
  staging: StagingDb;
  tmpDir: string;
  snapshotsDir: string;
  contentHash: string;
  manifestInfo: ManifestInfo;
  files: FileSummary[];
  rejectedRows: number;
  reportFile: string | null;
  importedBy: string;
  /** the import day: without a manifest the extraction date is the data's last date, at most this */
  today?: string;
}

export interface Published {
  snapshotId: string;
  /** `<snapshotsDir>/<id>` */
  folder: string;
  extractionDate: string;
  source: string;
  counts: Record<SnapshotTableName, number>;
  dateRange: { from: string | null; to: string | null };
}

/**
 * Writes the snapshot and registers it (see the file comment). Returns what was published, or the
 * snapshot a concurrent import of the same files registered meanwhile (nothing is then left).
 * If anything fails once the folder is in place, the folder is removed before the error goes on.
 */
export async function publish(input: PublishInput): Promise<Published | { duplicateOf: string }> {
  const { db, staging, tmpDir, snapshotsDir, contentHash: hash, manifestInfo } = input;
  const second = await staging.connect();
  const { counts, range } = await timed("tables", () =>
    writeTables(staging.connection, tmpDir, second).finally(() => second.closeSync()),
  );
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  // a planned end date may lie ahead of the import day; the extract was made by then
  const extractionDate =
    manifestInfo.extractionDate ?? (range.hi && range.hi < today ? range.hi : null) ?? today;
  const source = manifestInfo.source ?? "udtræk";
  await timed("close staging", async () => staging.close());

  const id = `${extractionDate}-${hash.slice(0, 8)}`;
  const createdAt = new Date();
  await timed("manifest, fsync", async () =>
    finishFolder(
      tmpDir,
      {
        id,
        extractionDate,
        source,
        createdAt: createdAt.toISOString(),
        contentHash: hash,
        counts,
        rejectedRows: input.rejectedRows,
        files: input.files,
      },
      input.reportFile,
    ),
  );
  const folder = path.join(snapshotsDir, id);
  if (existsSync(folder)) throw new Error(`Snapshot-mappen ${folder} findes allerede`);
  renameSync(tmpDir, folder);
  releaseWorkspace(tmpDir);
  const dateRange = { from: range.lo, to: range.hi };
  try {
    fsyncPath(snapshotsDir);
  } catch (err) {
    rmSync(folder, { recursive: true, force: true });
    throw err;
  }
  try {
    await insertSnapshot(db, {
      id,
      extractionDate,
      source,
      contentHash: hash,
      folder: path.join("snapshots", id),
      counts,
      dateRange,
      personCount: counts.persons,
      rejectedRows: input.rejectedRows,
      status: "complete",
      importedBy: input.importedBy,
      createdAt,
    });
  } catch (err) {
    // not registered (e.g. a concurrent import of the same files): take the folder away again
    rmSync(folder, { recursive: true, force: true });
    const again = await findSnapshotByHash(db, hash);
    if (again) return { duplicateOf: again.id };
    throw err;
  }
  return { snapshotId: id, folder, extractionDate, source, counts, dateRange };
}
