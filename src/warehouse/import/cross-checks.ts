/**
 * Phase 3 of the import: load the staged rows into an in-memory DuckDB (spilling into the
 * temporary folder) and run the checks that need more than one row: duplicate persons in personer,
 * duplicate rows in the other files, and persons in the other files who are neither in personer
 * nor have a CPR number giving a birth date. Each rejected row is recorded in `post_rejects`, so
 * publishing can leave it out, and moved from valid to rejected in its file's counts.
 */
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { KEYMAP_COLUMNS } from "./read-csv.ts";
import type { RejectsReport } from "./rejects-report.ts";
import { stagedFile } from "./stage-rows.ts";
import { columnsOf, type FileSummary, sqlString, stagingColumnsOf, TABLE_ORDER } from "./types.ts";

/**
 * SQL selecting the rows for `people` (pid, person_key) of the person keys `keys` (a query with
 * one column, person_key) not yet in it: the next pids of the sequence `pids`, one per new key.
 */
const NEW_PEOPLE = (keys: string) => `SELECT nextval('pids')::INTEGER, person_key
  FROM (${keys}) k WHERE person_key NOT IN (SELECT person_key FROM people)`;

/** The staging tables' database: in memory too, but compressed at each checkpoint (compact). */
const STAGED = "staged";

/** Makes the compressed in-memory database the connection's default (attaching it first). */
async function enterStagedDatabase(c: DuckDBConnection, attach: boolean): Promise<void> {
  if (attach) await c.run(`ATTACH ':memory:' AS ${STAGED} (COMPRESS)`);
  await c.run(`USE ${STAGED}`);
}

export async function scalar<T>(c: DuckDBConnection, query: string): Promise<T> {
  const reader = await c.runAndReadAll(query);
  return reader.getRowObjectsJson()[0] as T;
}

export async function rowsOf<T>(c: DuckDBConnection, query: string): Promise<T[]> {
  const reader = await c.runAndReadAll(query);
  return reader.getRowObjectsJson() as T[];
}

/**
 * The staged rows as DuckDB tables `s_<table>` (with `_file`, `_line`), `s_derived` and `s_needs`,
 * and an empty `post_rejects (_file, _line)`.
 *
 * The database has no temporary directory: read-csv.ts keys CPR numbers inside it, so nothing may
 * ever be spilled to disk (see allowSpilling). The staging tables live in memory, in a database
 * of their own that DuckDB compresses at a checkpoint (compact, after each file): at scale 100 the
 * import's peak fell from 10,0 to 7,5 GB, its time unchanged.
 */
export class StagingDb {
  private constructor(
    private instance: DuckDBInstance | null,
    readonly connection: DuckDBConnection,
  ) {}

  /** Empty staging tables, no spilling (see the class comment). */
  static async create(): Promise<StagingDb> {
    const instance = await DuckDBInstance.create(":memory:", {
      temp_directory: "",
      preserve_insertion_order: "true",
    });
    const staging = new StagingDb(instance, await instance.connect());
    try {
      const c = staging.connection;
      await enterStagedDatabase(c, true);
      for (const t of TABLE_ORDER) {
        const cols: [string, string][] = [...stagingColumnsOf(t), ["_file", "VARCHAR"], ["_line", "INTEGER"]];
        await c.run(`CREATE TABLE s_${t} (${cols.map(([n, ty]) => `${n} ${ty}`).join(", ")})`);
      }
      await c.run("CREATE TABLE s_derived (pid INTEGER, birth_date DATE, sex VARCHAR)");
      await c.run(
        "CREATE TABLE s_needs (pid INTEGER, masked VARCHAR, _file VARCHAR, _line INTEGER, heading VARCHAR)",
      );
      await c.run("CREATE TABLE post_rejects (_file VARCHAR, _line INTEGER)");
      await c.run("CREATE TABLE people (pid INTEGER, person_key VARCHAR)");
      await c.run("CREATE SEQUENCE pids START 1");
      await c.run(`CREATE TABLE keymap (${KEYMAP_COLUMNS})`);
    } catch (err) {
      staging.close();
      throw err;
    }
    return staging;
  }

  /** The staged CSVs of the JavaScript path (stage-rows.ts) in `tmpDir`, loaded into the DuckDB tables. */
  static async open(tmpDir: string): Promise<StagingDb> {
    const staging = await StagingDb.create();
    try {
      await staging.appendStaged(tmpDir);
      await staging.allowSpilling(tmpDir);
    } catch (err) {
      staging.close();
      throw err;
    }
    return staging;
  }

  /**
   * Appends the staged CSVs written by stageRows into `dir`: each file's person keys get their
   * `pid` in `people` (a key already there keeps its own, whichever path read it first).
   */
  async appendStaged(dir: string): Promise<void> {
    const c = this.connection;
    const readCsv = (file: string, cols: [string, string][]) =>
      `read_csv(${sqlString(file)}, header = false, delim = ',', quote = '"', escape = '"', nullstr = '', auto_detect = false, columns = {${cols
        .map(([n, t]) => `${sqlString(n)}: ${sqlString(t)}`)
        .join(", ")}})`;
    const staged: [string, string, [string, string][]][] = [
      ...TABLE_ORDER.map((t): [string, string, [string, string][]] => [
        `s_${t}`,
        stagedFile(dir, t),
        [...columnsOf(t), ["_file", "VARCHAR"], ["_line", "INTEGER"]],
      ]),
      [
        "s_derived",
        stagedFile(dir, "derived"),
        [
          ["person_key", "VARCHAR"],
          ["birth_date", "DATE"],
          ["sex", "VARCHAR"],
        ],
      ],
      [
        "s_needs",
        stagedFile(dir, "needs"),
        [
          ["person_key", "VARCHAR"],
          ["masked", "VARCHAR"],
          ["_file", "VARCHAR"],
          ["_line", "INTEGER"],
          ["heading", "VARCHAR"],
        ],
      ],
    ];
    for (const [table, file, cols] of staged) {
      await c.run(`CREATE OR REPLACE TEMP TABLE staged AS SELECT * FROM ${readCsv(file, cols)}`);
      await c.run(`INSERT INTO people ${NEW_PEOPLE("SELECT DISTINCT person_key FROM staged")}`);
      const rest = cols.slice(1).map(([n]) => `s.${n}`);
      await c.run(
        `INSERT INTO ${table} SELECT p.pid, ${rest.join(", ")} FROM staged s JOIN people p USING (person_key)`,
      );
    }
    await c.run("DROP TABLE staged");
  }

  /**
   * Reading is over: drop every table that held CPR numbers. DuckDB still may not spill: a block
   * it writes to a spill file can carry stale bytes of memory that held a CSV buffer (raw CPR
   * numbers); a probe of a file-backed staging database found such text in it. So the staging
   * tables stay in memory (issue 15's trade-off: no raw CPR on disk before bounded import memory).
   * `tmpDir` is kept for the callers' sake.
   */
  async allowSpilling(_tmpDir: string): Promise<void> {
    const c = this.connection;
    await c.run("DROP TABLE IF EXISTS keymap");
    await c.run("DROP TABLE IF EXISTS fresh");
    await c.run("DROP TABLE IF EXISTS r0");
    for (const name of await this.tableNames()) {
      if (/^l\d+$/.test(name)) await c.run(`DROP TABLE ${name}`);
    }
    await c.run("SET preserve_insertion_order = false");
  }

  private async tableNames(): Promise<string[]> {
    const reader = await this.connection.runAndReadAll("SELECT table_name FROM duckdb_tables()");
    return reader.getRows().map((r) => String(r[0]));
  }

  /**
   * Compresses what has been staged so far (a checkpoint of the compressed in-memory database:
   * a file's rows take about a tenth of their memory afterwards). Called after each file.
   */
  async compact(): Promise<void> {
    await this.connection.run(`CHECKPOINT ${STAGED}`);
  }

  /** Another connection to the staging database (the caller closes it before close()). */
  async connect(): Promise<DuckDBConnection> {
    if (!this.instance) throw new Error("Stagingdatabasen er lukket");
    const connection = await this.instance.connect();
    await enterStagedDatabase(connection, false);
    return connection;
  }

  /** Closes the database (idempotent); its spill files can then be removed. */
  close(): void {
    const instance = this.instance;
    if (!instance) return;
    this.instance = null;
    try {
      this.connection.closeSync();
      instance.closeSync();
    } catch {
      /* already closed */
    }
  }
}

export interface CrossCheckInput {
  /** the label of the personer source, named in the unknown-person reason */
  personerLabel: string;
  /** the per-file counts from staging; rows rejected here move from valid to rejected */
  files: FileSummary[];
  rejects: RejectsReport;
}

/** Runs the cross-row checks on the staged tables (see the file comment). */
export async function crossCheck(c: DuckDBConnection, input: CrossCheckInput): Promise<void> {
  const { personerLabel, files, rejects } = input;
  // duplicate persons in personer (the windows only when a cheap count says there are any)
  const personCounts = await scalar<{ n: number; d: number }>(
    c,
    "SELECT count(*)::BIGINT AS n, count(DISTINCT pid)::BIGINT AS d FROM s_persons",
  );
  const anyDupPersons = Number(personCounts.n) > Number(personCounts.d);
  const dupPersons = !anyDupPersons
    ? []
    : await rowsOf<{ _file: string; _line: number; first_line: number }>(
        c,
        `SELECT _file, _line, first_line FROM (
       SELECT _file, _line, min(_line) OVER (PARTITION BY pid) AS first_line,
              row_number() OVER (PARTITION BY pid ORDER BY _line) AS rn FROM s_persons)
     WHERE rn > 1 ORDER BY _line`,
      );
  for (const d of dupPersons) {
    rejects.add({
      file: d._file,
      line: d._line,
      column: "cpr",
      value: "",
      reason: `personen står allerede i linje ${d.first_line} (dublet)`,
    });
  }
  if (anyDupPersons)
    await c.run(
      `INSERT INTO post_rejects SELECT _file, _line FROM (
       SELECT _file, _line, row_number() OVER (PARTITION BY pid ORDER BY _line) AS rn FROM s_persons) WHERE rn > 1`,
    );
  // duplicate rows in the other tables: every data column equal
  for (const t of TABLE_ORDER.slice(1)) {
    const cols = stagingColumnsOf(t)
      .map(([n]) => n)
      .join(", ");
    // a cheap aggregate of one 64-bit hash per row first (equal rows have equal hashes; a
    // collision only costs the exact check); the window (a sort) only when there are duplicates
    const any = await scalar<{ n: number }>(
      c,
      `SELECT count(*)::INTEGER AS n FROM (SELECT h FROM (SELECT hash(${cols}) AS h FROM s_${t}) GROUP BY h HAVING count(*) > 1)`,
    );
    if (Number(any.n) === 0) continue;
    const dups = await rowsOf<{ _file: string; _line: number; first_file: string; first_line: number }>(
      c,
      `SELECT _file, _line, first_file, first_line FROM (
         SELECT _file, _line,
                first_value(_file) OVER w AS first_file, first_value(_line) OVER w AS first_line,
                row_number() OVER w AS rn
         FROM s_${t} WINDOW w AS (PARTITION BY ${cols} ORDER BY _file, _line))
       WHERE rn > 1 ORDER BY _file, _line`,
    );
    for (const d of dups) {
      const where =
        d.first_file === d._file ? `linje ${d.first_line}` : `${d.first_file} linje ${d.first_line}`;
      rejects.add({
        file: d._file,
        line: d._line,
        column: "",
        value: "",
        reason: `rækken er en dublet af ${where}`,
      });
      await c.run(`INSERT INTO post_rejects VALUES (${sqlString(d._file)}, ${d._line})`);
    }
  }
  // persons in other files that are neither in personer nor have a CPR giving a birth date
  const unknown = await rowsOf<{ masked: string; _file: string; _line: number; heading: string }>(
    c,
    `SELECT masked, _file, _line, heading FROM s_needs
     WHERE pid NOT IN (SELECT pid FROM s_persons) ORDER BY _file, _line`,
  );
  for (const u of unknown) {
    rejects.add({
      file: u._file,
      line: u._line,
      column: u.heading,
      value: u.masked,
      reason: `personen findes ikke i ${personerLabel}, og CPR-nummeret giver ingen gyldig fødselsdato`,
    });
  }
  await c.run(
    `INSERT INTO post_rejects SELECT _file, _line FROM s_needs WHERE pid NOT IN (SELECT pid FROM s_persons)`,
  );
  // post-check rejects move rows from valid to rejected in the per-file counts
  const postCounts = await rowsOf<{ _file: string; n: number }>(
    c,
    "SELECT _file, count(DISTINCT _line)::INTEGER AS n FROM post_rejects GROUP BY _file",
  );
  for (const pc of postCounts) {
    const f = files.find((x) => x.file === pc._file);
    if (f) {
      f.valid -= pc.n;
      f.rejected += pc.n;
    }
  }
}
