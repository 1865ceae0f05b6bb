/**
 * Row-by-row validation and conversion of the canonical files (DESIGN 5) into snapshot rows.
 * Every problem becomes a reject naming file, line, column (as headed in the source), the value
 * (CPR numbers masked) and the reason in Danish. Pure apart from the pseudonymizer.
 */
import { addMonthsToDate, fromDayNumber, toDayNumber, tryParseDate } from "../domain/calendar.ts";
import { CODE_LIST_NAMES, type CodeListName, closestCode, foldCode, resolveCode } from "../domain/codes.ts";
import { cprBirthDate, cprSex, maskCpr, normalizeCpr } from "../domain/cpr.ts";
import type { CanonicalFile, FileMapping } from "./profile.ts";
import type { Pseudonymizer } from "./pseudonym.ts";
import type { SnapshotTableName } from "./snapshot-layout.ts";

export interface Reject {
  file: string;
  line: number;
  column: string;
  value: string;
  reason: string;
}

/** "personer.csv, linje 12, kolonne «cpr»: ugyldigt CPR-nummer (værdi «010203-****»)" */
export function rejectMessage(r: Reject): string {
  const where = [r.file, r.line > 0 ? `linje ${r.line}` : null, r.column ? `kolonne «${r.column}»` : null]
    .filter(Boolean)
    .join(", ");
  return `${where}: ${r.reason}${r.value !== "" ? ` (værdi «${r.value}»)` : ""}`;
}

interface ColumnSpec {
  name: string;
  required?: boolean;
}

export interface FileSpec {
  file: CanonicalFile;
  table: SnapshotTableName;
  columns: ColumnSpec[];
  cprColumn: string;
  padNine?: boolean;
}

export const FILE_SPECS: Record<CanonicalFile, FileSpec> = {
  personer: {
    file: "personer",
    table: "persons",
    cprColumn: "cpr",
    columns: [{ name: "cpr", required: true }, { name: "foedselsdato" }, { name: "koen" }],
  },
  ydelsesforloeb: {
    file: "ydelsesforloeb",
    table: "benefit_records",
    cprColumn: "cpr",
    columns: [
      { name: "cpr", required: true },
      { name: "ydelse", required: true },
      { name: "kategori" },
      { name: "startdato", required: true },
      { name: "slutdato" },
      { name: "afslutningsaarsag" },
    ],
  },
  tilbud: {
    file: "tilbud",
    table: "activities",
    cprColumn: "cpr",
    columns: [
      { name: "cpr", required: true },
      { name: "tilbudstype", required: true },
      { name: "startdato", required: true },
      { name: "slutdato" },
      { name: "cvr" },
    ],
  },
  loentimer: {
    file: "loentimer",
    table: "wage_hours",
    cprColumn: "cpr",
    columns: [
      { name: "cpr", required: true },
      { name: "maaned", required: true },
      { name: "timer", required: true },
    ],
  },
  markeringer: {
    file: "markeringer",
    table: "markers",
    cprColumn: "cpr",
    columns: [
      { name: "cpr", required: true },
      { name: "projekt", required: true },
      { name: "startdato", required: true },
      { name: "slutdato" },
      { name: "resultat" },
    ],
  },
  refusion: {
    file: "refusion",
    table: "refusion_weeks",
    cprColumn: "cpr-nummer",
    padNine: true,
    columns: [
      { name: "uge", required: true },
      { name: "cpr-nummer", required: true },
      { name: "ydelse", required: true },
      { name: "finansiering-kommunenavn" },
      { name: "beregnet-udbetalingsbeloeb", required: true },
      { name: "refusionssats" },
      { name: "refusionsbeloeb" },
      { name: "medfinansieringssats" },
      { name: "medfinansieringsbeloeb" },
    ],
  },
};

const EXCEL_EPOCH = toDayNumber("1899-12-30");

/** An Excel serial day number (days since 1899-12-30, the fraction being the time of day) as ISO. */
export function excelSerial(serial: number): string | null {
  if (!(serial >= 1 && serial < 2958466)) return null;
  return fromDayNumber(EXCEL_EPOCH + Math.floor(serial));
}

/** A number with decimal point or decimal comma ("12,5", "1.234,50", "12.5"); null when not a number. */
export function parseDecimal(text: string): number | null {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  let t = text.trim().replace(/[\s\u00a0]/g, "");
  if (t === "") return null;
  if (t.includes(",")) t = t.replace(/\./g, "").replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The source headings resolved to canonical columns (after the profile's renames). */
export interface HeaderMap {
  /** canonical column → source heading as written */
  source: Map<string, string>;
  /** canonical column → cell index */
  index: Map<string, number>;
}

export function mapHeaders(headers: string[], mapping: FileMapping, spec: FileSpec): HeaderMap {
  const source = new Map<string, string>();
  const index = new Map<string, number>();
  const wanted = new Set(spec.columns.map((c) => c.name));
  headers.forEach((heading, i) => {
    const renamed = mapping.columns.get(heading.trim().toLowerCase());
    const canonical = foldCode(renamed ?? heading);
    if (wanted.has(canonical) && !source.has(canonical)) {
      source.set(canonical, heading);
      index.set(canonical, i);
    }
  });
  return { source, index };
}

/**
 * Rejects for headings that occur twice (case-insensitively) or that name the same canonical column
 * after the profile's renames (line 1): which of them holds the data would be a guess. Empty
 * headings (trailing separators, empty cells) are not compared.
 */
export function duplicateColumns(fileName: string, headers: string[], mapping: FileMapping): Reject[] {
  const seen = new Map<string, { heading: string; index: number }>();
  const out: Reject[] = [];
  headers.forEach((heading, i) => {
    const folded = heading.trim().toLowerCase();
    if (folded === "") return;
    const canonical = foldCode(mapping.columns.get(folded) ?? heading);
    const first = seen.get(canonical);
    if (!first) {
      seen.set(canonical, { heading, index: i });
      return;
    }
    const reason =
      first.heading.trim().toLowerCase() === folded
        ? `kolonnen «${heading.trim()}» står flere gange i overskriften (kolonne ${first.index + 1} og ${i + 1}); det er uklart, hvilken der gælder. Fjern eller omdøb den ene`
        : `kolonnerne «${first.heading.trim()}» (kolonne ${first.index + 1}) og «${heading.trim()}» (kolonne ${i + 1}) er begge kolonnen «${canonical}»; det er uklart, hvilken der gælder. Fjern den ene, eller ret mappingprofilen`;
    out.push({ file: fileName, line: 1, column: heading.trim(), value: "", reason });
  });
  return out;
}

/**
 * The latest date a row may hold: the extraction date when manifest.json gives one (it is itself
 * no later than the import day), else one year after the import day (a planned end date may lie
 * ahead; the year 2999 may not).
 */
export interface DateBound {
  latest: string;
  /** the reject reason for a later date, and for a later month */
  reason: string;
  monthReason: string;
}

export function dateBound(extractionDate: string | null, today: string): DateBound {
  if (extractionDate) {
    return {
      latest: extractionDate,
      reason: `datoen ligger efter udtræksdatoen ${extractionDate} (manifest.json)`,
      monthReason: `måneden ligger efter udtræksdatoen ${extractionDate} (manifest.json)`,
    };
  }
  const latest = addMonthsToDate(today, 12);
  return {
    latest,
    reason: `datoen ligger mere end et år efter importdagen ${today} (senest ${latest})`,
    monthReason: `måneden ligger mere end et år efter importdagen ${today} (senest ${latest.slice(0, 7)})`,
  };
}

/** Rejects for required columns missing from the header (line 1). */
export function missingColumns(fileName: string, headers: HeaderMap, spec: FileSpec): Reject[] {
  return spec.columns
    .filter((c) => c.required && !headers.source.has(c.name))
    .map((c) => ({
      file: fileName,
      line: 1,
      column: c.name,
      value: "",
      reason: `den påkrævede kolonne «${c.name}» mangler i overskriften`,
    }));
}

export type Cell = string | number | null;

/** The outcome of one row: the snapshot row (table column order) or rejects. */
export interface RowResult {
  row: Cell[] | null;
  rejects: Reject[];
  /** the person's derived birth date and sex, when the CPR gives them (for persons not in personer) */
  derived?: { personKey: string; birthDate: string; sex: string } | null;
  /** a person whose CPR gives no birth date: must appear in personer */
  needsPerson?: { personKey: string; maskedCpr: string } | null;
}

const NO_REJECTS: Reject[] = [];

export class RowValidator {
  private readonly rejects: Reject[] = [];
  private values: string[] = [];
  private readonly dateCache = new Map<string, string | null>();
  private readonly codeCache: Record<CodeListName, Map<string, string | null>> = {
    benefit: new Map(),
    category: new Map(),
    activity: new Map(),
    exitReason: new Map(),
  };
  /** the previous row's CPR text and what it gave (extract rows come grouped by person) */
  private lastRawCpr = "";
  private lastCpr10: string | null = null;
  private lastBirth: string | null = null;
  private line = 0;

  constructor(
    private readonly fileName: string,
    private readonly spec: FileSpec,
    private readonly headers: HeaderMap,
    private readonly mapping: FileMapping,
    private readonly pseudonymizer: Pseudonymizer,
    /** XLSX: a date cell arrives as Excel's serial day number (days since 1899-12-30) */
    private readonly excelSerialDates = false,
    /** dates and months after this are rejected */
    private readonly bound: DateBound | null = null,
  ) {}

  private heading(column: string): string {
    return this.headers.source.get(column) ?? column;
  }

  private raw(column: string): string {
    const i = this.headers.index.get(column);
    if (i === undefined) return "";
    return (this.values[i] ?? "").trim();
  }

  private reject(column: string, value: string, reason: string): null {
    this.rejects.push({ file: this.fileName, line: this.line, column: this.heading(column), value, reason });
    return null;
  }

  /** the value after the profile's value map for that column */
  private mapped(column: string): string {
    const v = this.raw(column);
    const map = this.mapping.values.get(column);
    if (!map || v === "") return v;
    return map.get(v.toLowerCase()) ?? v;
  }

  private required(column: string): string | null {
    const v = this.mapped(column);
    if (v === "") return this.reject(column, "", `feltet «${this.heading(column)}» skal udfyldes`);
    return v;
  }

  private date(column: string, required: boolean): string | null | undefined {
    const v = required ? this.required(column) : this.mapped(column);
    if (v === null) return undefined;
    if (v === "") return null;
    // dates repeat a lot in an extract: remember each text's parse
    let d = this.dateCache.get(v);
    if (d === undefined) {
      d = this.excelSerialDates && /^\d{1,6}(\.\d+)?$/.test(v) ? excelSerial(Number(v)) : tryParseDate(v);
      if (this.dateCache.size < 50_000) this.dateCache.set(v, d);
    }
    if (d === null)
      return this.reject(column, v, "ugyldig dato: forventet ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ") ?? undefined;
    if (this.bound && d > this.bound.latest) return this.reject(column, v, this.bound.reason) ?? undefined;
    return d;
  }

  private code(list: CodeListName, column: string, required: boolean): string | null | undefined {
    const v = required ? this.required(column) : this.mapped(column);
    if (v === null) return undefined;
    if (v === "") return null;
    const cache = this.codeCache[list];
    let code = cache.get(v);
    if (code === undefined) {
      code = resolveCode(list, v);
      if (cache.size < 10_000) cache.set(v, code);
    }
    if (code === null) {
      return (
        this.reject(
          column,
          v,
          `ukendt ${CODE_LIST_NAMES[list]} «${v}»; mente du «${closestCode(list, v)}»? (tilføj ellers en oversættelse i en mappingprofil)`,
        ) ?? undefined
      );
    }
    return code;
  }

  private number(column: string, required: boolean): number | null | undefined {
    const v = required ? this.required(column) : this.mapped(column);
    if (v === null) return undefined;
    if (v === "") return null;
    const n = parseDecimal(v);
    if (n === null) return this.reject(column, v, "ikke et tal") ?? undefined;
    return n;
  }

  private endNotBeforeStart(
    start: string | null | undefined,
    end: string | null | undefined,
    column: string,
  ): void {
    if (start && end && end < start) {
      this.reject(column, this.raw(column), `slutdatoen ligger før startdatoen (${start})`);
    }
  }

  /** Validates one source row. */
  check(line: number, values: string[]): RowResult {
    this.rejects.length = 0;
    this.values = values;
    this.line = line;
    const spec = this.spec;
    const rawCpr = this.raw(spec.cprColumn);
    let personKey: string | null = null;
    let cpr10: string | null = null;
    if (rawCpr === "")
      this.reject(spec.cprColumn, "", `feltet «${this.heading(spec.cprColumn)}» skal udfyldes`);
    else if (rawCpr === this.lastRawCpr && this.lastCpr10 !== null) {
      cpr10 = this.lastCpr10;
      personKey = this.pseudonymizer.personKey(cpr10);
    } else {
      cpr10 = normalizeCpr(rawCpr, { padNine: spec.padNine });
      this.lastRawCpr = rawCpr;
      this.lastCpr10 = cpr10;
      this.lastBirth = cpr10 ? cprBirthDate(cpr10) : null;
      if (cpr10 === null) {
        this.reject(
          spec.cprColumn,
          maskCpr(rawCpr),
          spec.padNine
            ? "ugyldigt CPR-nummer: forventet 9 eller 10 cifre (DDMMÅÅSSSS)"
            : "ugyldigt CPR-nummer: forventet DDMMÅÅ-SSSS eller DDMMÅÅSSSS",
        );
      } else personKey = this.pseudonymizer.personKey(cpr10);
    }
    const birthFromCpr = cpr10 ? this.lastBirth : null;

    let row: Cell[] | null = null;
    switch (spec.file) {
      case "personer": {
        const birth = this.date("foedselsdato", false);
        const sexRaw = this.mapped("koen");
        let sex: string | null = null;
        if (sexRaw !== "") {
          const s = sexRaw === "M" || sexRaw === "K" ? sexRaw.toLowerCase() : foldCode(sexRaw);
          if (["m", "mand", "han", "1"].includes(s)) sex = "M";
          else if (["k", "kvinde", "hun", "f", "2"].includes(s)) sex = "K";
          else this.reject("koen", sexRaw, "ukendt køn: forventet M (mand) eller K (kvinde)");
        } else if (cpr10) sex = cprSex(cpr10);
        let birthDate = birth ?? null;
        if (birth === null) {
          birthDate = birthFromCpr;
          if (cpr10 && !birthFromCpr) {
            this.reject(
              "foedselsdato",
              "",
              "fødselsdatoen mangler og kan ikke udledes af CPR-nummeret (datodelen er ikke en gyldig dato)",
            );
          }
        }
        row = [personKey, birthDate, sex];
        break;
      }
      case "ydelsesforloeb": {
        const benefit = this.code("benefit", "ydelse", true);
        const category = this.code("category", "kategori", false);
        const start = this.date("startdato", true);
        const end = this.date("slutdato", false);
        const exit = this.code("exitReason", "afslutningsaarsag", false);
        this.endNotBeforeStart(start, end, "slutdato");
        row = [personKey, benefit ?? null, category ?? null, start ?? null, end ?? null, exit ?? null];
        break;
      }
      case "tilbud": {
        const kind = this.code("activity", "tilbudstype", true);
        const start = this.date("startdato", true);
        const end = this.date("slutdato", false);
        this.endNotBeforeStart(start, end, "slutdato");
        const cvr = this.mapped("cvr");
        if (cvr !== "" && !/^\d{8}$/.test(cvr.replace(/\s/g, "")))
          this.reject("cvr", cvr, "ugyldigt CVR-nummer: forventet 8 cifre");
        row = [
          personKey,
          kind ?? null,
          start ?? null,
          end ?? null,
          cvr === "" ? null : cvr.replace(/\s/g, ""),
        ];
        break;
      }
      case "loentimer": {
        const monthRaw = this.required("maaned");
        let month: string | null = null;
        if (monthRaw !== null) {
          const m = /^(\d{4})-(\d{1,2})$/.exec(monthRaw) ?? /^(\d{1,2})-(\d{4})$/.exec(monthRaw);
          const parsed = m
            ? m[1]?.length === 4
              ? `${m[1]}-${(m[2] ?? "").padStart(2, "0")}`
              : `${m[2]}-${(m[1] ?? "").padStart(2, "0")}`
            : (tryParseDate(monthRaw)?.slice(0, 7) ?? null);
          if (parsed && Number(parsed.slice(5)) >= 1 && Number(parsed.slice(5)) <= 12) month = `${parsed}-01`;
          else this.reject("maaned", monthRaw, "ugyldig måned: forventet ÅÅÅÅ-MM");
          if (month && this.bound && month > this.bound.latest) {
            month = null;
            this.reject("maaned", monthRaw, this.bound.monthReason);
          }
        }
        const hours = this.number("timer", true);
        if (typeof hours === "number" && hours < 0)
          this.reject("timer", String(hours), "timetallet er negativt");
        row = [personKey, month, hours ?? null];
        break;
      }
      case "markeringer": {
        const projectRaw = this.required("projekt");
        let project: string | null = null;
        if (projectRaw !== null) {
          project = foldCode(projectRaw);
          if (!/^[a-z0-9][a-z0-9-]*$/.test(project)) {
            project = null;
            this.reject("projekt", projectRaw, "ugyldig projektkode: brug små bogstaver, tal og bindestreg");
          }
        }
        const start = this.date("startdato", true);
        const end = this.date("slutdato", false);
        this.endNotBeforeStart(start, end, "slutdato");
        const result = this.code("exitReason", "resultat", false);
        row = [personKey, project, start ?? null, end ?? null, result ?? null];
        break;
      }
      case "refusion": {
        const week = this.date("uge", true);
        const benefit = this.code("benefit", "ydelse", true);
        const municipality = this.mapped("finansiering-kommunenavn");
        const nums = [
          this.number("beregnet-udbetalingsbeloeb", true),
          this.number("refusionssats", false),
          this.number("refusionsbeloeb", false),
          this.number("medfinansieringssats", false),
          this.number("medfinansieringsbeloeb", false),
        ];
        row = [
          personKey,
          week ?? null,
          benefit ?? null,
          municipality === "" ? null : municipality,
          ...nums.map((n) => n ?? null),
        ];
        break;
      }
    }
    if (this.rejects.length > 0 || !personKey) return { row: null, rejects: this.rejects.slice() };
    const result: RowResult = { row, rejects: NO_REJECTS };
    if (spec.file !== "personer" && cpr10) {
      if (birthFromCpr) result.derived = { personKey, birthDate: birthFromCpr, sex: cprSex(cpr10) };
      else result.needsPerson = { personKey, maskedCpr: maskCpr(rawCpr) };
    }
    return result;
  }
}
