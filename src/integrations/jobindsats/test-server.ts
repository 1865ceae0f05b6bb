/**
 * A local jobindsats.dk for tests (node:http): speaks v2 and v3 as DESIGN 9.3 documents them, with
 * response bodies shaped after published municipal client code (v2 answers arrays of one table
 * object with `Variables`/`Data`/`Period`; a bad key gets jobindsats' own `{"Forkert nøgle eller
 * nøglen er udløbet.": ""}`). Tests choose the tables and values, and can make the next request
 * answer 429 with a Retry-After, or make a table answer in a changed shape.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeTable {
  id: string;
  name: string;
  measures: { id: string; label: string }[];
  dimensions: { id: string; label: string; values: string[] }[];
  areas: string[];
  periods: string[];
  /** the value of one cell; null = not published */
  value: (cell: {
    area: string;
    period: string;
    measure: string;
    dims: Record<string, string>;
  }) => number | null;
}

export interface FakeJobindsats {
  url: string;
  token: string;
  /** every request seen: method, path with query, authorization header, JSON body */
  requests: { method: string; url: string; authorization: string | undefined; body: unknown }[];
  /** the next `count` requests answer 429 with this Retry-After */
  rateLimitNext(retryAfter: string, count?: number): void;
  /** the table's data answer loses its period column (a table whose shape changed) */
  breakShape(tableId: string): void;
  close(): Promise<void>;
}

export async function startFakeJobindsats(
  tables: FakeTable[],
  token = "test-nøgle-123",
): Promise<FakeJobindsats> {
  const requests: FakeJobindsats["requests"] = [];
  let limited = 0;
  let retryAfter = "0";
  const broken = new Set<string>();

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://localhost");
    requests.push({
      method: req.method ?? "",
      url: `${url.pathname}${url.search}`,
      authorization: req.headers.authorization,
      body,
    });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(JSON.stringify(payload));
    };
    if (limited > 0) {
      limited--;
      return send(429, { Message: "Too many requests" }, { "retry-after": retryAfter });
    }
    const v2 = url.pathname.startsWith("/v2/");
    const expected = v2 ? token : `Bearer ${token}`;
    if (req.headers.authorization !== expected)
      return send(401, { "Forkert nøgle eller nøglen er udløbet.": "" });
    const find = (id: string) => tables.find((t) => t.id.toLowerCase() === id.toLowerCase());

    const match = (re: RegExp) => re.exec(url.pathname)?.[1];
    const get = req.method === "GET";
    const v2Meta = v2 && get ? match(/^\/v2\/tables\/([^/]+)\/json\/?$/) : undefined;
    const v2Data = v2 && req.method === "POST" ? match(/^\/v2\/data\/([^/]+)\/json\/?$/) : undefined;
    const v3Meta = !v2 && get ? match(/^\/v3\/table\/([^/]+)$/) : undefined;
    const v3Data = !v2 && get ? match(/^\/v3\/data\/([^/]+)$/) : undefined;
    if (v2 && req.method === "GET" && url.pathname === "/v2/tables/json") {
      return send(
        200,
        tables.map((t) => ({
          TableID: t.id,
          TableName: t.name,
          SubjectID: t.id.slice(0, 3),
          SubjectName: t.name,
        })),
      );
    }
    if (v2Meta) {
      const t = find(v2Meta);
      if (!t) return send(404, { Message: "Tabellen findes ikke" });
      return send(200, [
        {
          TableID: t.id,
          TableName: t.name,
          Measurements: t.measures.map((x) => ({ Name: x.id, Label: x.label })),
          Dimensions: t.dimensions.map((d) => ({ Name: d.id, Label: d.label, Values: d.values })),
          Area: t.areas,
          Period: t.periods,
        },
      ]);
    }
    if (v2Data) {
      const t = find(v2Data);
      if (!t) return send(404, { Message: "Tabellen findes ikke" });
      const q = (body ?? {}) as Record<string, unknown>;
      const areas = q.area === "*" || q.area === undefined ? t.areas : (q.area as string[]);
      const periods = (q.period as string[] | undefined) ?? t.periods;
      const dims = Object.fromEntries(
        t.dimensions.map((d) => [d.id, (q[d.id] as string[] | undefined) ?? d.values]),
      );
      const { columns, rows } = table(t, areas, periods, dims, broken.has(t.id));
      return send(200, [
        {
          TableID: t.id,
          TableName: t.name,
          Variables: columns.map((c) => ({ Name: c.id, Label: c.label, Type: c.type })),
          Data: rows,
        },
      ]);
    }
    if (!v2 && req.method === "GET" && url.pathname === "/v3/tables") {
      return send(
        200,
        tables.map((t) => ({ tableId: t.id, tableName: t.name, subjectName: t.name })),
      );
    }
    if (v3Meta) {
      const t = find(v3Meta);
      if (!t) return send(404, { message: "Tabellen findes ikke" });
      const byKind: Record<string, string[]> = {};
      for (const p of t.periods) {
        const kind = /QMAT/.test(p) ? "QMAT" : /Q/.test(p) ? "Q" : /M/.test(p) ? "M" : "Y";
        byKind[kind] = [...(byKind[kind] ?? []), p];
      }
      return send(200, {
        tableId: t.id,
        tableName: t.name,
        measurements: t.measures.map((x) => ({ id: x.id, label: x.label })),
        dimensions: t.dimensions.map((d) => ({ id: d.id, label: d.label, values: d.values })),
        areas: t.areas,
        periods: byKind,
      });
    }
    if (v3Data) {
      const t = find(v3Data);
      if (!t) return send(404, { message: "Tabellen findes ikke" });
      const area = url.searchParams.get("area");
      const areas = !area || area === "*" ? t.areas : area.split(",");
      const periods = ["M", "Q", "QMAT", "Y"].flatMap(
        (k) => url.searchParams.get(`period.${k}`)?.split(",") ?? [],
      );
      const dims = Object.fromEntries(
        t.dimensions.map((d) => [d.id, url.searchParams.get(d.id)?.split(",") ?? d.values]),
      );
      const { columns, rows } = table(t, areas, periods, dims, broken.has(t.id));
      return send(200, {
        tableId: t.id,
        columns: columns.map((c) => ({ id: c.id, label: c.label, type: c.type.toLowerCase() })),
        data: rows,
      });
    }
    return send(404, { Message: "Ukendt adresse" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    rateLimitNext(after, count = 1) {
      retryAfter = after;
      limited = count;
    },
    breakShape(id) {
      broken.add(id);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function table(
  t: FakeTable,
  areas: string[],
  periods: string[],
  dims: Record<string, string[]>,
  broken: boolean,
) {
  const columns = [
    { id: "area", label: "Område", type: "Area" },
    ...(broken ? [] : [{ id: "period", label: "Periode", type: "Period" }]),
    ...t.dimensions.map((d) => ({ id: d.id, label: d.label, type: "Dimension" })),
    ...t.measures.map((x) => ({ id: x.id, label: x.label, type: "Measurement" })),
  ];
  let combos: Record<string, string>[] = [{}];
  for (const d of t.dimensions) {
    combos = combos.flatMap((c) => (dims[d.id] ?? d.values).map((v) => ({ ...c, [d.id]: v })));
  }
  const rows: unknown[][] = [];
  for (const area of areas) {
    for (const period of periods) {
      for (const combo of combos) {
        const values = t.measures.map((x) => {
          const v = t.value({ area, period, measure: x.id, dims: combo });
          // jobindsats writes numbers in Danish in its data: "1.234,5"; ".." for not published
          return v === null ? ".." : String(Math.round(v * 100) / 100).replace(".", ",");
        });
        rows.push([area, ...(broken ? [] : [period]), ...t.dimensions.map((d) => combo[d.id]), ...values]);
      }
    }
  }
  return { columns, rows };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
