/**
 * HTTP client for the jobindsats.dk API (STAR), versions 2 and 3 as DESIGN 9.3 describes them.
 *
 * v2: `Authorization: <token>`; `GET /v2/tables/json` (the table list), `GET /v2/tables/{id}/json`
 * (one table's metadata), `POST /v2/data/{id}/json` with `{"area": "*", "period": [...], "_dim": [...]}`.
 * Responses are JSON arrays of one object per table: metadata `{TableID, TableName, Measurements,
 * Dimensions, Area, Period}`, data `{TableID, Variables: [{Name, Label, Type}], Data: [[...row]]}`
 * (the shape the published municipal clients read: `data[0]['Variables']`, `data[0]['Data']`,
 * `data[0]['Period']`).
 *
 * v3: `Authorization: Bearer <token>`; `GET /v3/tables?format=json`, `GET /v3/table/{id}?format=json`,
 * `GET /v3/data/{id}?area=…&period.M=…&format=json`. Responses are objects: metadata
 * `{tableId, tableName, measurements, dimensions, areas, periods}`, data `{tableId, columns, data}`.
 *
 * Both are read into one shape (`TableSummary`, `TableMetadata`, `DataRow`). Every refusal is a
 * `JobindsatsError` with a Danish message: a bad token (401/403), the rate limit (429, with the
 * server's Retry-After), a table whose shape changed, no network. The client stores nothing: what
 * was fetched before is the caller's to keep.
 */
import { parseDanishNumber } from "../../domain/format.ts";
import { normalizePeriodCode, normalizeTableId, parsePeriodCode } from "../../domain/jobindsats.ts";

export type ApiVersion = 2 | 3;

export const DEFAULT_JOBINDSATS_URL = "https://api.jobindsats.dk";

export interface JobindsatsClientOptions {
  token: string;
  /** the API's root (EFFEKTSPOR_JOBINDSATS_URL; tests point it at a local server) */
  baseUrl?: string;
  version?: ApiVersion;
  /** per request (default 60 s) */
  timeoutMs?: number;
  /** a 429 whose Retry-After is at most this many seconds is waited out once (default 5) */
  maxRetryWaitSeconds?: number;
}

export interface TableSummary {
  id: string;
  name: string;
  subject?: string;
}

export interface NamedItem {
  id: string;
  label: string;
}

export interface TableMetadata {
  id: string;
  name: string;
  measures: NamedItem[];
  dimensions: (NamedItem & { values: string[] })[];
  areas: string[];
  /** period codes, normalized (2023QMAT03) */
  periods: string[];
}

export interface DataQuery {
  /** area names; empty or ["*"] = every area */
  areas?: string[];
  /** period codes */
  periods: string[];
  /** dimension id → chosen values (v2's `_kon: ["Kvinder"]`) */
  dimensions?: Record<string, string[]>;
}

export interface DataRow {
  area: string;
  period: string;
  /** dimension label → value ({"Køn": "Kvinder"}) */
  dimensions: Record<string, string>;
  measure: string;
  measureLabel: string;
  /** null: not published (discretion, "..") */
  value: number | null;
}

export type JobindsatsErrorKind = "token" | "rate-limit" | "shape" | "network" | "http" | "not-found";

export class JobindsatsError extends Error {
  override name = "JobindsatsError";
  constructor(
    readonly kind: JobindsatsErrorKind,
    message: string,
    readonly status?: number,
    /** seconds the server asked us to wait (429) */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The client the rest of Effektspor uses; built from the environment by `clientFromEnv`. */
export class JobindsatsClient {
  readonly baseUrl: string;
  readonly version: ApiVersion;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly maxRetryWait: number;

  constructor(options: JobindsatsClientOptions) {
    this.token = options.token;
    this.baseUrl = (options.baseUrl ?? DEFAULT_JOBINDSATS_URL).replace(/\/+$/, "");
    this.version = options.version ?? 2;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxRetryWait = options.maxRetryWaitSeconds ?? 5;
  }

  async listTables(): Promise<TableSummary[]> {
    const body =
      this.version === 2
        ? await this.request("GET", "/v2/tables/json")
        : await this.request("GET", "/v3/tables?format=json");
    const list = Array.isArray(body) ? body : asRecord(body)?.tables;
    if (!Array.isArray(list)) throw shapeError("tabellisten", "svaret er ikke en liste af tabeller");
    return list.map((item, i) => {
      const r = asRecord(item) ?? {};
      const id = text(r.TableID ?? r.tableId ?? r.id);
      const name = text(r.TableName ?? r.tableName ?? r.name);
      if (!id) throw shapeError("tabellisten", `tabel nr. ${i + 1} mangler sit id`);
      const subject = text(r.SubjectName ?? r.subjectName ?? r.subject);
      return { id: normalizeTableId(id), name: name ?? id, ...(subject ? { subject } : {}) };
    });
  }

  async tableMetadata(tableId: string): Promise<TableMetadata> {
    const id = normalizeTableId(tableId);
    const body =
      this.version === 2
        ? await this.request("GET", `/v2/tables/${encodeURIComponent(id)}/json`, undefined, id)
        : await this.request("GET", `/v3/table/${encodeURIComponent(id)}?format=json`, undefined, id);
    const r = asRecord(Array.isArray(body) ? body[0] : body);
    if (!r) throw shapeError(id, "metadata mangler");
    const measures = items(r.Measurements ?? r.measurements, id, "målinger");
    const dimensions = (arrayOf(r.Dimensions ?? r.dimensions) ?? []).map((d, i) => {
      const dr = asRecord(d) ?? {};
      const did = text(dr.Name ?? dr.id ?? dr.name);
      if (!did) throw shapeError(id, `dimension nr. ${i + 1} mangler sit navn`);
      const values = (arrayOf(dr.Values ?? dr.values) ?? []).map((v) => text(v) ?? "");
      return { id: did, label: text(dr.Label ?? dr.label) ?? did, values };
    });
    const areas = (arrayOf(r.Area ?? r.areas) ?? []).map((a) => text(a) ?? "").filter(Boolean);
    const rawPeriods = r.Period ?? r.periods;
    const periodList = Array.isArray(rawPeriods)
      ? rawPeriods
      : Object.values(asRecord(rawPeriods) ?? {}).flatMap((v) => (Array.isArray(v) ? v : []));
    if (periodList.length === 0) throw shapeError(id, "tabellen har ingen perioder");
    const periods = periodList.map((p) => {
      const code = normalizePeriodCode(String(p));
      if (!code) throw shapeError(id, `ukendt periodekode «${String(p)}»`);
      return code;
    });
    return { id, name: text(r.TableName ?? r.tableName) ?? id, measures, dimensions, areas, periods };
  }

  async fetchData(tableId: string, query: DataQuery): Promise<DataRow[]> {
    const id = normalizeTableId(tableId);
    const areas = query.areas && query.areas.length > 0 ? query.areas : ["*"];
    for (const p of query.periods) {
      if (!parsePeriodCode(p)) throw new JobindsatsError("http", `Ugyldig periodekode «${p}»`);
    }
    if (this.version === 2) {
      const payload: Record<string, unknown> = {
        area: areas.length === 1 && areas[0] === "*" ? "*" : areas,
        period: query.periods,
        ...query.dimensions,
      };
      const body = await this.request("POST", `/v2/data/${encodeURIComponent(id)}/json`, payload, id);
      const r = asRecord(Array.isArray(body) ? body[0] : body);
      if (!r) throw shapeError(id, "svaret indeholder ingen tabel");
      const vars = arrayOf(r.Variables);
      const data = arrayOf(r.Data);
      if (!vars || !data) throw shapeError(id, "svaret mangler «Variables» eller «Data»");
      const columns = vars.map((v) => {
        const vr = asRecord(v) ?? {};
        return { name: text(vr.Name) ?? "", label: text(vr.Label) ?? "", type: text(vr.Type) ?? "" };
      });
      return readRows(id, columns, data);
    }
    const params = new URLSearchParams();
    if (!(areas.length === 1 && areas[0] === "*")) params.set("area", areas.join(","));
    else params.set("area", "*");
    const byKind = new Map<string, string[]>();
    for (const p of query.periods) {
      const kind = parsePeriodCode(p)!.kind;
      byKind.set(kind, [...(byKind.get(kind) ?? []), p]);
    }
    for (const [kind, codes] of byKind) params.set(`period.${kind}`, codes.join(","));
    for (const [dim, values] of Object.entries(query.dimensions ?? {})) params.set(dim, values.join(","));
    params.set("format", "json");
    const body = await this.request("GET", `/v3/data/${encodeURIComponent(id)}?${params}`, undefined, id);
    const r = asRecord(body);
    const cols = arrayOf(r?.columns);
    const data = arrayOf(r?.data);
    if (!cols || !data) throw shapeError(id, "svaret mangler «columns» eller «data»");
    const columns = cols.map((c) => {
      const cr = asRecord(c) ?? {};
      return { name: text(cr.id ?? cr.name) ?? "", label: text(cr.label) ?? "", type: text(cr.type) ?? "" };
    });
    return readRows(id, columns, data);
  }

  private authorization(): string {
    return this.version === 2 ? this.token : `Bearer ${this.token}`;
  }

  private async request(method: "GET" | "POST", path: string, body?: unknown, table?: string) {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: {
            authorization: this.authorization(),
            accept: "application/json",
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (e) {
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        const why = cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
        throw new JobindsatsError(
          "network",
          `Kunne ikke nå jobindsats.dk (${this.baseUrl}): ${why}. Tjek netværket; de tidligere hentede tal er bevaret.`,
        );
      }
      if (res.status === 429) {
        const wait = retryAfterSeconds(res.headers.get("retry-after"));
        await res.body?.cancel();
        if (attempt === 0 && wait !== undefined && wait <= this.maxRetryWait) {
          await new Promise((r) => setTimeout(r, wait * 1000));
          continue;
        }
        throw new JobindsatsError(
          "rate-limit",
          `jobindsats.dk har for mange forespørgsler fra denne nøgle lige nu (HTTP 429)${
            wait !== undefined ? `; prøv igen om ${wait} sekunder` : "; prøv igen senere"
          }. De tidligere hentede tal er bevaret.`,
          429,
          wait,
        );
      }
      const raw = await res.text();
      if (res.status === 401 || res.status === 403) {
        throw new JobindsatsError(
          "token",
          `jobindsats.dk afviste adgangsnøglen (HTTP ${res.status}${serverText(raw)}). Tjek EFFEKTSPOR_JOBINDSATS_TOKEN; de tidligere hentede tal er bevaret.`,
          res.status,
        );
      }
      if (res.status === 404) {
        throw new JobindsatsError(
          "not-found",
          `jobindsats.dk kender ikke ${table ? `tabellen ${table}` : path} (HTTP 404).`,
          404,
        );
      }
      if (!res.ok) {
        throw new JobindsatsError(
          "http",
          `jobindsats.dk svarede HTTP ${res.status}${serverText(raw)}. De tidligere hentede tal er bevaret.`,
          res.status,
        );
      }
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        throw shapeError(table ?? path, "svaret er ikke JSON");
      }
    }
  }
}

/** The client configured by EFFEKTSPOR_JOBINDSATS_TOKEN (and _URL, _VERSION); null without a token. */
export function clientFromEnv(env: NodeJS.ProcessEnv = process.env): JobindsatsClient | null {
  const token = env.EFFEKTSPOR_JOBINDSATS_TOKEN?.trim();
  if (!token) return null;
  const version = env.EFFEKTSPOR_JOBINDSATS_VERSION === "3" ? 3 : 2;
  return new JobindsatsClient({ token, baseUrl: env.EFFEKTSPOR_JOBINDSATS_URL || undefined, version });
}

function readRows(
  table: string,
  columns: { name: string; label: string; type: string }[],
  data: unknown[],
): DataRow[] {
  const kindOf = (c: { name: string; label: string; type: string }) => {
    const t = c.type.toLowerCase();
    const n = c.name.toLowerCase();
    if (t === "area" || n === "area") return "area";
    if (t === "period" || n === "period") return "period";
    if (t.startsWith("measure")) return "measure";
    return "dimension";
  };
  const kinds = columns.map(kindOf);
  const areaAt = kinds.indexOf("area");
  const periodAt = kinds.indexOf("period");
  if (areaAt < 0) throw shapeError(table, "kolonnen for område mangler");
  if (periodAt < 0) throw shapeError(table, "kolonnen for periode mangler");
  if (!kinds.includes("measure")) throw shapeError(table, "svaret har ingen målinger");
  const out: DataRow[] = [];
  for (const [i, row] of data.entries()) {
    if (!Array.isArray(row) || row.length !== columns.length) {
      throw shapeError(
        table,
        `række ${i + 1} har ${Array.isArray(row) ? row.length : 0} felter, forventet ${columns.length}`,
      );
    }
    const period = normalizePeriodCode(String(row[periodAt]));
    if (!period) throw shapeError(table, `række ${i + 1}: ukendt periodekode «${String(row[periodAt])}»`);
    const dimensions: Record<string, string> = {};
    columns.forEach((c, j) => {
      // keyed by the label ("Køn"), as the portal's downloads name the column, so both sources meet
      if (kinds[j] === "dimension") dimensions[c.label || c.name] = String(row[j] ?? "");
    });
    columns.forEach((c, j) => {
      if (kinds[j] !== "measure") return;
      out.push({
        area: String(row[areaAt]),
        period,
        dimensions,
        measure: c.name,
        measureLabel: c.label || c.name,
        value: cellNumber(row[j]),
      });
    });
  }
  return out;
}

function cellNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return parseDanishNumber(v);
  return null;
}

function items(raw: unknown, table: string, what: string): NamedItem[] {
  const list = arrayOf(raw);
  if (!list || list.length === 0) throw shapeError(table, `tabellen har ingen ${what}`);
  return list.map((m, i) => {
    const r = asRecord(m) ?? {};
    const id = text(r.Name ?? r.Measurement ?? r.id ?? r.name);
    if (!id) throw shapeError(table, `${what} nr. ${i + 1} mangler sit navn`);
    return { id, label: text(r.Label ?? r.MeasurementName ?? r.label) ?? id };
  });
}

function shapeError(table: string, why: string): JobindsatsError {
  return new JobindsatsError(
    "shape",
    `Tabellen ${table} fra jobindsats.dk har ikke den form, Effektspor kender: ${why}. Intet er gemt; de tidligere hentede tal er bevaret.`,
  );
}

function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const n = Number(header);
  if (Number.isFinite(n) && n >= 0) return Math.ceil(n);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** The server's own words, when short: jobindsats answers a bad key with {"Forkert nøgle …": ""}. */
function serverText(raw: string): string {
  let t = raw.trim();
  try {
    const parsed = JSON.parse(t) as unknown;
    const r = asRecord(parsed);
    if (r) t = text(r.message ?? r.Message) ?? Object.keys(r).join(" ");
    else if (typeof parsed === "string") t = parsed;
  } catch {
    // not JSON: the text as it is
  }
  return t && t.length <= 200 ? `: ${t}` : "";
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const arrayOf = (v: unknown): unknown[] | null => (Array.isArray(v) ? v : null);
const text = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : undefined;
