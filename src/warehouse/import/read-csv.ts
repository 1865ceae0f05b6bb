/**
 * Phase 2 for a plain CSV file (UTF-8, every record on one line: see inspect-csv.ts), done by
 * DuckDB instead of row by row in JavaScript: DuckDB's CSV reader reads every cell as text, the
 * CPR number is normalized and keyed in SQL, and every other column is checked by JavaScript once
 * per DISTINCT value (the same rules and Danish reasons as RowValidator in validate.ts; an extract
 * has few distinct dates, codes and hours), joined back in SQL. Rejects (file, line, column as
 * headed, value, reason) come out in the order RowValidator gives them; the valid rows go into the
 * same staging tables as the JavaScript path's (`s_<table>`, `s_derived`, `s_needs`).
 *
 * Raw CPR numbers: the staging database is in memory and has no temporary directory (nothing can
 * be spilled to disk, StagingDb); the table `r0` holds each row's normalized CPR as a number only
 * until the file's persons are joined in, and the map `keymap` (CPR → pid, the person's number in
 * this import; its person key, computed once per person with HMAC-SHA-256 in SQL, is in `people`)
 * is dropped when reading is over
 * (StagingDb.allowSpilling). No table that outlives the phase has a CPR column.
 */
import { createHash } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import { tryParseDate } from "../../domain/calendar.ts";
import {
  CODE_LIST_NAMES,
  type CodeListName,
  closestCode,
  foldCode,
  resolveCode,
} from "../../domain/codes.ts";
import type { FileMapping } from "../profile.ts";
import type { SnapshotTableName } from "../snapshot-layout.ts";
import { type DateBound, type FileSpec, type HeaderMap, parseDecimal, type Reject } from "../validate.ts";
import { ImportInputError, sqlString, timed } from "./types.ts";

/** How one column's value is checked (the RowValidator method of the same name). */
type Rule =
  | { kind: "date"; required: boolean }
  | { kind: "code"; list: CodeListName; required: boolean }
  | { kind: "number"; required: boolean; nonNegative?: boolean }
  | { kind: "sex" }
  | { kind: "month" }
  | { kind: "project" }
  | { kind: "cvr" }
  | { kind: "text" };

/** A check of a row, in RowValidator's order: one column, or two together. */
type Check =
  | { column: string; rule: Rule }
  | { cross: "endBeforeStart"; start: string; end: string }
  | { cross: "birthMissing" };

interface Plan {
  checks: Check[];
  /** SQL of each snapshot column (table column order); `o(c)` is column c's checked value */
  output: (o: (column: string) => string, empty: (column: string) => string) => string[];
}

const date = (required: boolean): Rule => ({ kind: "date", required });
const code = (list: CodeListName, required: boolean): Rule => ({ kind: "code", list, required });
const num = (required: boolean): Rule => ({ kind: "number", required });

const PLANS: Record<SnapshotTableName, Plan> = {
  persons: {
    checks: [
      { column: "foedselsdato", rule: date(false) },
      { column: "koen", rule: { kind: "sex" } },
      { cross: "birthMissing" },
    ],
    output: (o, empty) => [
      `CASE WHEN ${empty("foedselsdato")} THEN birth ELSE ${o("foedselsdato")}::DATE END`,
      `CASE WHEN ${empty("koen")} THEN cpr_sex ELSE ${o("koen")} END`,
    ],
  },
  benefit_records: {
    checks: [
      { column: "ydelse", rule: code("benefit", true) },
      { column: "kategori", rule: code("category", false) },
      { column: "startdato", rule: date(true) },
      { column: "slutdato", rule: date(false) },
      { column: "afslutningsaarsag", rule: code("exitReason", false) },
      { cross: "endBeforeStart", start: "startdato", end: "slutdato" },
    ],
    output: (o) => [
      o("ydelse"),
      o("kategori"),
      `${o("startdato")}::DATE`,
      `${o("slutdato")}::DATE`,
      o("afslutningsaarsag"),
    ],
  },
  activities: {
    checks: [
      { column: "tilbudstype", rule: code("activity", true) },
      { column: "startdato", rule: date(true) },
      { column: "slutdato", rule: date(false) },
      { cross: "endBeforeStart", start: "startdato", end: "slutdato" },
      { column: "cvr", rule: { kind: "cvr" } },
    ],
    output: (o) => [o("tilbudstype"), `${o("startdato")}::DATE`, `${o("slutdato")}::DATE`, o("cvr")],
  },
  wage_hours: {
    checks: [
      { column: "maaned", rule: { kind: "month" } },
      { column: "timer", rule: { kind: "number", required: true, nonNegative: true } },
    ],
    output: (o) => [`${o("maaned")}::DATE`, `${o("timer")}::DOUBLE`],
  },
  markers: {
    checks: [
      { column: "projekt", rule: { kind: "project" } },
      { column: "startdato", rule: date(true) },
      { column: "slutdato", rule: date(false) },
      { cross: "endBeforeStart", start: "startdato", end: "slutdato" },
      { column: "resultat", rule: code("exitReason", false) },
    ],
    output: (o) => [o("projekt"), `${o("startdato")}::DATE`, `${o("slutdato")}::DATE`, o("resultat")],
  },
  refusion_weeks: {
    checks: [
      { column: "uge", rule: date(true) },
      { column: "ydelse", rule: code("benefit", true) },
      { column: "finansiering-kommunenavn", rule: { kind: "text" } },
      { column: "beregnet-udbetalingsbeloeb", rule: num(true) },
      { column: "refusionssats", rule: num(false) },
      { column: "refusionsbeloeb", rule: num(false) },
      { column: "medfinansieringssats", rule: num(false) },
      { column: "medfinansieringsbeloeb", rule: num(false) },
    ],
    output: (o) => [
      `${o("uge")}::DATE`,
      o("ydelse"),
      o("finansiering-kommunenavn"),
      ...[
        "beregnet-udbetalingsbeloeb",
        "refusionssats",
        "refusionsbeloeb",
        "medfinansieringssats",
        "medfinansieringsbeloeb",
      ].map((c) => `${o(c)}::DOUBLE`),
    ],
  },
};

/** One distinct cell text checked: the value for the snapshot, or the reason it is refused. */
export interface Resolved {
  /** canonical value as text (ISO date, code, number); null when empty or refused */
  out: string | null;
  /** Danish reason, or null when the value is fine */
  reason: string | null;
  /** the value shown in the reject */
  shown: string;
  /** the cell trimmed, before the profile's value map (the end-before-start reject shows it) */
  raw: string;
  /** the value (after the value map) is empty */
  empty: boolean;
}

/**
 * Checks one cell text as RowValidator does (raw: trimmed; mapped: through the profile's value
 * map for the column; required: not empty), with the same reasons and shown values.
 */
export function resolveCell(
  cell: string,
  column: string,
  rule: Rule,
  heading: string,
  mapping: FileMapping,
  bound: DateBound | null = null,
) {
  const raw = cell.trim();
  const map = mapping.values.get(column);
  const v = !map || raw === "" ? raw : (map.get(raw.toLowerCase()) ?? raw);
  const ok = (out: string | null): Resolved => ({ out, reason: null, shown: "", raw, empty: v === "" });
  const refuse = (shown: string, reason: string): Resolved => ({
    out: null,
    reason,
    shown,
    raw,
    empty: v === "",
  });
  const requiredRule =
    rule.kind === "month" || rule.kind === "project" || ("required" in rule && rule.required);
  if (v === "") return requiredRule ? refuse("", `feltet «${heading}» skal udfyldes`) : ok(null);
  switch (rule.kind) {
    case "date": {
      const d = tryParseDate(v);
      if (d === null) return refuse(v, "ugyldig dato: forventet ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ");
      if (bound && d > bound.latest) return refuse(v, bound.reason);
      return ok(d);
    }
    case "code": {
      const c = resolveCode(rule.list, v);
      if (c !== null) return ok(c);
      return refuse(
        v,
        `ukendt ${CODE_LIST_NAMES[rule.list]} «${v}»; mente du «${closestCode(rule.list, v)}»? (tilføj ellers en oversættelse i en mappingprofil)`,
      );
    }
    case "number": {
      const n = parseDecimal(v);
      if (n === null) return refuse(v, "ikke et tal");
      if (rule.nonNegative && n < 0) return refuse(String(n), "timetallet er negativt");
      return ok(String(n));
    }
    case "sex": {
      const s = v === "M" || v === "K" ? v.toLowerCase() : foldCode(v);
      if (["m", "mand", "han", "1"].includes(s)) return ok("M");
      if (["k", "kvinde", "hun", "f", "2"].includes(s)) return ok("K");
      return refuse(v, "ukendt køn: forventet M (mand) eller K (kvinde)");
    }
    case "month": {
      const m = /^(\d{4})-(\d{1,2})$/.exec(v) ?? /^(\d{1,2})-(\d{4})$/.exec(v);
      const parsed = m
        ? m[1]?.length === 4
          ? `${m[1]}-${(m[2] ?? "").padStart(2, "0")}`
          : `${m[2]}-${(m[1] ?? "").padStart(2, "0")}`
        : (tryParseDate(v)?.slice(0, 7) ?? null);
      if (!(parsed && Number(parsed.slice(5)) >= 1 && Number(parsed.slice(5)) <= 12))
        return refuse(v, "ugyldig måned: forventet ÅÅÅÅ-MM");
      if (bound && `${parsed}-01` > bound.latest) return refuse(v, bound.monthReason);
      return ok(`${parsed}-01`);
    }
    case "project": {
      const p = foldCode(v);
      if (/^[a-z0-9][a-z0-9-]*$/.test(p)) return ok(p);
      return refuse(v, "ugyldig projektkode: brug små bogstaver, tal og bindestreg");
    }
    case "cvr": {
      if (!/^\d{8}$/.test(v.replace(/\s/g, ""))) return refuse(v, "ugyldigt CVR-nummer: forventet 8 cifre");
      return ok(v.replace(/\s/g, ""));
    }
    case "text":
      return ok(v);
  }
}

/** JavaScript's String.prototype.trim whitespace, for DuckDB's trim(text, characters) */
const JS_SPACE = sqlString(
  "\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff",
);
const jsTrim = (expr: string) => `trim(${expr}, ${JS_SPACE})`;

/** SQL computing HMAC-SHA-256 (hex) of the text `expr` with `key`, as createHmac does. */
export function hmacSql(key: string, expr: string): string {
  let k = Buffer.from(key, "utf8");
  if (k.length > 64) k = createHash("sha256").update(k).digest();
  const pad = (byte: number) => {
    const out = Buffer.alloc(64);
    k.copy(out);
    for (let i = 0; i < 64; i++) out[i] = (out[i] as number) ^ byte;
    return `unhex('${out.toString("hex")}')`;
  };
  return `sha256(${pad(0x5c)} || unhex(sha256(${pad(0x36)} || encode(${expr}))))`;
}

/** Birth date of the normalized CPR text `n` (DESIGN 4 century rule; NULL when DDMM is no date). */
function birthSql(n: string): string {
  const yy = `substr(${n}, 5, 2)::INTEGER`;
  const s7 = `substr(${n}, 7, 1)::INTEGER`;
  const year = `CASE WHEN ${s7} <= 3 THEN 1900 + ${yy} WHEN ${s7} IN (4, 9) THEN (CASE WHEN ${yy} <= 36 THEN 2000 + ${yy} ELSE 1900 + ${yy} END) ELSE (CASE WHEN ${yy} <= 57 THEN 2000 + ${yy} ELSE 1800 + ${yy} END) END`;
  return `try_cast(lpad((${year})::VARCHAR, 4, '0') || '-' || substr(${n}, 3, 2) || '-' || substr(${n}, 1, 2) AS DATE)`;
}

/** maskCpr (domain/cpr.ts) in SQL */
function maskSql(t: string): string {
  const digits = `regexp_replace(${t}, '[^0-9]', '', 'g')`;
  return `CASE WHEN length(${digits}) >= 6 THEN left(${digits}, 6) || '-****' ELSE left(${t}, 2) || regexp_replace(substr(${t}, 3), '[0-9]', '*', 'g') END`;
}

export interface ReadCsvInput {
  connection: DuckDBConnection;
  /** the source file, its label in messages and its separator */
  file: string;
  label: string;
  delimiter: string;
  /** the header names as written (their count is the number of columns) */
  headerCount: number;
  spec: FileSpec;
  headers: HeaderMap;
  mapping: FileMapping;
  pseudonymKey: string;
  addReject: (r: Reject) => void;
  /** dates and months after this are rejected (validate.ts dateBound) */
  dateBound: DateBound | null;
}

export interface ReadCsvCounts {
  rows: number;
  valid: number;
  rejected: number;
}

/** The CPR map's columns: `CREATE TABLE keymap (...)` (cross-checks.ts) */
export const KEYMAP_COLUMNS = "cpr BIGINT, pid INTEGER, birth DATE, sex VARCHAR, masked VARCHAR";

/** Reads, checks and stages one CSV file (see the file comment); returns its counts. */
export async function readCsvFile(input: ReadCsvInput): Promise<ReadCsvCounts> {
  const { connection: c, spec, headers, mapping, label } = input;
  const plan = PLANS[spec.table];
  const heading = (column: string) => headers.source.get(column) ?? column;
  const cols = Array.from({ length: Math.max(1, input.headerCount) }, (_, i) => `c${i}`);
  const cell = (column: string) => {
    const i = headers.index.get(column);
    return i === undefined ? "''" : `coalesce(${cols[i]}, '')`;
  };
  const ruleColumns = plan.checks.filter((k): k is { column: string; rule: Rule } => "column" in k);
  const cprCell = cell(spec.cprColumn);
  const t = jsTrim("cpr_raw");
  // the usual form first (one regular expression per row), trimming and 9 digits only otherwise
  const normalized = `CASE WHEN regexp_full_match(cpr_raw, '[0-9]{6}-?[0-9]{4}') THEN replace(cpr_raw, '-', '')
    WHEN regexp_full_match(${t}, '[0-9]{6}-?[0-9]{4}') THEN replace(${t}, '-', '')${
      spec.padNine ? ` WHEN regexp_full_match(${t}, '[0-9]{9}') THEN '0' || ${t}` : ""
    } END::BIGINT`;
  // a line of only spaces: DuckDB gives it as a row whose second column is missing
  const blank =
    cols.length > 1
      ? `CASE WHEN c1 IS NULL THEN ${jsTrim("coalesce(c0, '')")} = '' ELSE false END`
      : `${t} = ''`;
  const csv = `read_csv(${sqlString(input.file)}, header = false, skip = 1, delim = ${sqlString(input.delimiter)}, quote = '', escape = '', auto_detect = false, null_padding = true, strict_mode = false, nullstr = '\u0001', columns = {${cols
    .map((n) => `'${n}': 'VARCHAR'`)
    .join(", ")}})`;
  // 1. the file as text with the CPR as a number (in memory only); row order = file order
  await timed(`${label}: read`, async () => {
    try {
      await c.run(`CREATE OR REPLACE TABLE r0 AS
        SELECT ${normalized} AS cpr, cpr_raw, ${blank} AS blank,
               ${ruleColumns.map((k, i) => `${cell(k.column)} AS v${i}`).join(", ")}
        FROM (SELECT *, ${cprCell} AS cpr_raw FROM ${csv})`);
    } catch (err) {
      throw new ImportInputError(`Filen ${label} kan ikke læses: ${(err as Error).message.split("\n")[0]}`);
    }
  });
  // 2. person key (into `people`, with its pid), birth date and sex once per person of the import
  await timed(`${label}: keys`, async () => {
    const counts = await c.runAndReadAll(
      "SELECT coalesce(max(pid), 0)::INTEGER, count(*)::BIGINT > (SELECT count(*) FROM keymap) FROM people",
    );
    const [base, keysFromRows] = counts.getRows()[0] as [number, boolean];
    await c.run(`CREATE OR REPLACE TABLE fresh AS
      SELECT nextval('pids')::INTEGER AS pid, cpr, ${hmacSql(input.pseudonymKey, "n")} AS person_key,
             ${birthSql("n")} AS birth, CASE WHEN substr(n, 10, 1)::INTEGER % 2 = 1 THEN 'M' ELSE 'K' END AS sex,
             left(n, 6) || '-****' AS masked
      FROM (SELECT cpr, lpad(cpr::VARCHAR, 10, '0') AS n FROM (SELECT DISTINCT cpr FROM r0 WHERE cpr IS NOT NULL) d
            WHERE NOT EXISTS (SELECT 1 FROM keymap k WHERE k.cpr = d.cpr))`);
    // (pids come from a sequence, not row_number(), whose window would run on one thread; they
    // only grow, so a new person's pid is above `base`)
    // a person a file read row by row brought (stage-rows.ts) keeps the pid it got then
    if (keysFromRows)
      await c.run("UPDATE fresh SET pid = p.pid FROM people p WHERE p.person_key = fresh.person_key");
    await c.run(`INSERT INTO people SELECT pid, person_key FROM fresh WHERE pid > ${base}`);
    await c.run("INSERT INTO keymap SELECT cpr, pid, birth, sex, masked FROM fresh");
    await c.run("DROP TABLE fresh");
  });
  // 3. every distinct value of every checked column, checked in JavaScript
  await timed(`${label}: distinct values`, async () => {
    for (const [i, k] of ruleColumns.entries()) {
      await c.run(
        `CREATE OR REPLACE TABLE l${i} (v VARCHAR, out ${outType(k.rule)}, reason VARCHAR, shown VARCHAR, raw VARCHAR, empty BOOLEAN)`,
      );
      // the usual form of a value is checked in SQL (same result as in JavaScript), the rest in JS
      // (the column's distinct values are gathered once, in `d`)
      const fast = mapping.values.has(k.column) ? null : fastPath(k.rule, "v", input.dateBound);
      await c.run(`CREATE OR REPLACE TABLE d AS SELECT DISTINCT v${i} AS v FROM r0 WHERE NOT blank`);
      if (fast) {
        await c.run(`INSERT INTO l${i} SELECT v, ${fast.out}, NULL, '', v, false FROM d WHERE ${fast.when}`);
      }
      const distinct = await c.runAndReadAll(
        fast ? `SELECT v FROM d WHERE NOT coalesce(${fast.when}, false)` : "SELECT v FROM d",
      );
      const appender = await c.createAppender(`l${i}`);
      for (const [v] of distinct.getRows()) {
        const text = String(v ?? "");
        const r = resolveCell(text, k.column, k.rule, heading(k.column), mapping, input.dateBound);
        appender.appendVarchar(text);
        for (const s of [r.out, r.reason, r.shown, r.raw]) {
          if (s === null) appender.appendNull();
          else appender.appendVarchar(s);
        }
        appender.appendBoolean(r.empty);
        appender.endRow();
      }
      appender.closeSync();
    }
    await c.run("DROP TABLE IF EXISTS d");
  });
  // 4. the checked rows: person key, each column's value and reason
  const idx = new Map(ruleColumns.map((k, i) => [k.column, i]));
  const at = (column: string) => idx.get(column) as number;
  const reasons: { sql: string; shown: string; column: string }[] = [
    {
      sql: `CASE cpr_state WHEN 1 THEN ${sqlString(`feltet «${heading(spec.cprColumn)}» skal udfyldes`)} WHEN 2 THEN ${sqlString(
        spec.padNine
          ? "ugyldigt CPR-nummer: forventet 9 eller 10 cifre (DDMMÅÅSSSS)"
          : "ugyldigt CPR-nummer: forventet DDMMÅÅ-SSSS eller DDMMÅÅSSSS",
      )} END`,
      shown: `CASE cpr_state WHEN 2 THEN ${maskSql(t)} ELSE '' END`,
      column: heading(spec.cprColumn),
    },
  ];
  for (const k of plan.checks) {
    if ("column" in k) {
      const i = at(k.column);
      reasons.push({ sql: `e${i}`, shown: `s${i}`, column: heading(k.column) });
    } else if (k.cross === "endBeforeStart") {
      const s = at(k.start);
      const e = at(k.end);
      reasons.push({
        sql: `CASE WHEN o${s} IS NOT NULL AND o${e} IS NOT NULL AND o${e} < o${s} THEN 'slutdatoen ligger før startdatoen (' || o${s}::VARCHAR || ')' END`,
        shown: `w${e}`,
        column: heading(k.end),
      });
    } else {
      const b = at("foedselsdato");
      reasons.push({
        sql: `CASE WHEN m${b} AND cpr_state = 0 AND birth IS NULL THEN ${sqlString(
          "fødselsdatoen mangler og kan ikke udledes af CPR-nummeret (datodelen er ikke en gyldig dato)",
        )} END`,
        shown: "''",
        column: heading("foedselsdato"),
      });
    }
  }
  const joined = `(SELECT *, ${reasons.map((r) => `${r.sql} IS NULL`).join(" AND ")} AS ok FROM (
      SELECT r0.rowid + 2 AS line, k.pid, k.birth, k.sex AS cpr_sex, r0.cpr_raw,
             CASE WHEN r0.cpr IS NOT NULL THEN 0 WHEN ${t} = '' THEN 1 ELSE 2 END AS cpr_state,
             CASE WHEN length(${t}) = 9 THEN left(${t}, 6) || '-****' ELSE k.masked END AS masked,
             ${ruleColumns.map((_, i) => `l${i}.out AS o${i}, l${i}.reason AS e${i}, l${i}.shown AS s${i}, l${i}.raw AS w${i}, l${i}.empty AS m${i}`).join(",\n             ")}
      FROM r0 LEFT JOIN keymap k ON k.cpr = r0.cpr
      ${ruleColumns.map((_, i) => `LEFT JOIN l${i} ON l${i}.v = r0.v${i}`).join("\n      ")}
      WHERE NOT r0.blank))`;
  const o = (column: string) => `o${at(column)}`;
  const empty = (column: string) => `m${at(column)}`;
  // 5. the valid rows into the staging tables
  const valid = await timed(`${label}: insert`, async () =>
    Number(
      (
        await c.run(
          `INSERT INTO s_${spec.table} SELECT pid, ${plan
            .output(o, empty)
            .join(", ")}, ${sqlString(label)}, line::INTEGER FROM ${joined} WHERE ok`,
        )
      ).rowsChanged,
    ),
  );
  const rows = Number(
    (await c.runAndReadAll("SELECT count(*)::BIGINT FROM r0 WHERE NOT blank")).getRows()[0]?.[0] ?? 0,
  );
  // 6. the rejects, in file order and RowValidator's order within a row
  if (valid < rows) {
    await timed(`${label}: rejects`, async () => {
      const result = await c.stream(`SELECT line, k, reason, shown FROM (
        ${reasons.map((r, k) => `SELECT line, ${k} AS k, ${r.sql} AS reason, ${r.shown} AS shown FROM ${joined} WHERE NOT ok`).join("\n        UNION ALL ")})
        WHERE reason IS NOT NULL ORDER BY line, k`);
      for await (const batch of result.yieldRowsJs()) {
        for (const [line, k, reason, shown] of batch) {
          input.addReject({
            file: label,
            line: Number(line),
            column: reasons[Number(k)]?.column ?? "",
            value: String(shown ?? ""),
            reason: String(reason),
          });
        }
      }
    });
  }
  // 7. persons the rows refer to: derived from the CPR, or to be found in personer
  if (spec.table !== "persons") {
    await timed(`${label}: persons`, async () => {
      const file = sqlString(label);
      const cprHeading = sqlString(heading(spec.cprColumn));
      if (valid === rows) {
        // every row is valid: the persons straight from the rows' CPR numbers
        await c.run(
          `INSERT INTO s_derived SELECT pid, birth, sex FROM keymap WHERE birth IS NOT NULL AND cpr IN (SELECT cpr FROM r0 WHERE NOT blank)`,
        );
        await c.run(
          `INSERT INTO s_needs SELECT k.pid, CASE WHEN length(${t}) = 9 THEN left(${t}, 6) || '-****' ELSE k.masked END, ${file}, (r0.rowid + 2)::INTEGER, ${cprHeading}
           FROM r0 JOIN keymap k ON k.cpr = r0.cpr WHERE k.birth IS NULL AND NOT r0.blank`,
        );
      } else {
        await c.run(
          `INSERT INTO s_derived SELECT DISTINCT pid, birth, cpr_sex FROM ${joined} WHERE ok AND birth IS NOT NULL`,
        );
        await c.run(
          `INSERT INTO s_needs SELECT pid, masked, ${file}, line::INTEGER, ${cprHeading} FROM ${joined} WHERE ok AND birth IS NULL`,
        );
      }
    });
  }
  await c.run("DROP TABLE r0");
  for (const i of ruleColumns.keys()) await c.run(`DROP TABLE l${i}`);
  return { rows, valid, rejected: rows - valid };
}

/**
 * SQL for a value in its usual form, checked as resolveCell would (only when the column has no
 * value map): `when` selects the values, `out` is their checked value.
 */
function fastPath(rule: Rule, v: string, bound: DateBound | null): { when: string; out: string } | null {
  switch (rule.kind) {
    case "date":
      // ISO with a four-digit year from 1000: DuckDB's cast refuses the same impossible dates;
      // a date after the bound is left to resolveCell (its reject)
      return {
        when: `regexp_full_match(${v}, '[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}') AND try_cast(${v} AS DATE) IS NOT NULL${
          bound ? ` AND try_cast(${v} AS DATE) <= DATE ${sqlString(bound.latest)}` : ""
        }`,
        out: `${v}::DATE`,
      };
    case "number":
      // parseDecimal's first case: digits with an optional decimal point (never negative)
      return { when: `regexp_full_match(${v}, '[0-9]{1,15}(\\.[0-9]{1,15})?')`, out: `${v}::DOUBLE` };
    case "cvr":
      return { when: `regexp_full_match(${v}, '[0-9]{8}')`, out: v };
    default:
      return null;
  }
}

/** The SQL type of a column's checked value. */
function outType(rule: Rule): string {
  if (rule.kind === "date" || rule.kind === "month") return "DATE";
  if (rule.kind === "number") return "DOUBLE";
  return "VARCHAR";
}
