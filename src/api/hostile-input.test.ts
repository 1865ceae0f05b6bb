/**
 * Hostile input on every route (issue 16, item 2): a real HTTP server on loopback over the demo
 * store (the demo's projects, definitions and economics, and a small snapshot), and every operation
 * of the OpenAPI description sent hostile path parameters, queries and bodies: ids 0, -1, 2^31,
 * 1e309 and "abc"; strings with NUL, lone surrogates, 10 kB, SQL injection and path traversal;
 * invalid JSON, the wrong content type, arrays where objects belong. Every answer must be below 500,
 * and every refusal the one error shape `{ error: { code, message, field? } }` with a Danish message
 * that leaks no SQL and no stack trace. Bodies that should pass are taken from examples below (or
 * made from the schema), so mutations reach the services and the database, not only zod.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../test/temp.ts";
import { attachDemoDefinitions } from "../demo/definitions.ts";
import { seedDemoStore } from "../demo/seed.ts";
import { waitForBackgroundComputations } from "../services/computations.ts";
import { catalogueSnapshot, tinyRows, writeDataDirSnapshot } from "../services/test-fixtures.ts";
import { schema } from "../store/db.ts";
import { createTestStore, type TestStore } from "../store/testing.ts";
import { createApp } from "./app.ts";
import { errorResponse } from "./contract/common.ts";
import { defaultActorResolver } from "./default-actor.ts";

type Json = Record<string, unknown>;
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  default?: unknown;
};
interface Operation {
  parameters: { name: string; in: "path" | "query"; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/** JSON cannot say 1e309 through JSON.stringify; this marker is replaced in the body text. */
const HUGE = "__1e309__";
const jsonText = (v: unknown) => JSON.stringify(v).replaceAll(`"${HUGE}"`, "1e309");

const HOSTILE_PARAMS = [
  "0",
  "-1",
  "2147483648",
  "9223372036854775808",
  "1e309",
  "abc",
  "1.5",
  "0x10",
  " 1",
  "%00",
  "%E2%80%AE",
  "%ED%A0%80",
  "..%2F..%2F..%2Fetc%2Fpasswd",
  "'%20OR%20'1'%3D'1",
  "x".repeat(10_240),
];
const HOSTILE_STRINGS: unknown[] = [
  "nul\u0000tegn",
  "alene \ud800 surrogat",
  "\udfff",
  "x".repeat(10_240),
  "'; DROP TABLE projects; --",
  "../../../../etc/passwd",
  "",
  "\u202eomvendt",
];
/** In place of a number: out of every range, not whole, not finite, not a number. */
const HOSTILE_NUMBERS: unknown[] = [
  0,
  -1,
  2147483648,
  -2147483649,
  2 ** 53 + 2,
  1.5,
  HUGE,
  "abc",
  "nul\u0000",
  "9".repeat(400),
];
/** In place of anything: the wrong type. */
const WRONG_TYPES: unknown[] = [null, true, 7, [], {}];

/**
 * Query values: fewer than for paths, since a free-text query (a benefit code) reaches DuckDB on the
 * exit statistics, each request a query on the snapshot.
 */
const HOSTILE_QUERY = [
  "2147483648",
  "1e309",
  "abc",
  "%00",
  "%ED%A0%80",
  "..%2F..%2F..%2Fetc%2Fpasswd",
  "'%20OR%20'1'%3D'1",
  "x".repeat(10_240),
  "2024-13",
  "2024-02,,%00",
];

/** Valid values of required query parameters, by name. */
const VALID_QUERY: Record<string, string> = { benefits: "kontanthjaelp", from: "2024-01", to: "2024-03" };

const RAW_BODIES = [
  "{",
  '{"a":',
  "",
  "null",
  "[]",
  '"tekst"',
  "123",
  "[[[[[[[[[[]]]]]]]]]]",
  "\u0000",
  // nested 5.000 and 100.000 deep: valid JSON, then JSON too deep for the parser itself
  `${"[".repeat(5_000)}${"]".repeat(5_000)}`,
  `{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
];

/** Whole bodies for routes whose text fields are parsed further (YAML: aliases, nesting, size). */
const EXTRA_BODIES: Record<string, unknown[]> = {
  "POST /api/definitions/validate": [
    { yaml: "<<: *x" },
    { yaml: "a: &a [*a]" },
    {
      yaml: `a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 9 }, (_, i) => `b${i}: &b${i} [${"*a, ".repeat(9)}*a]`).join("\n")}\nc: [${Array.from({ length: 9 }, (_, i) => `*b${i}`).join(", ")}]`,
    },
    { yaml: "[".repeat(10_000) },
    { yaml: `${"- ".repeat(2_000)}x` },
    { yaml: "indicators: 5" },
    { yaml: "indicators: [5, null, {id: 1}]" },
    { yaml: "!!js/function 'function () {}'" },
    { yaml: "population: {benefits: [kontanthjaelp]}\nmeasure: {kind: __proto__}" },
    { definition: { population: { benefits: ["kontanthjaelp"] }, measure: { kind: "constructor" } } },
    { definition: { indicators: [{ id: "x" }, "tekst", null] } },
  ],
};

describeProbe();

function describeProbe() {
  describe("every route of the OpenAPI description under hostile input", () => {
    let store: TestStore;
    let server: ReturnType<typeof serve>;
    let base = "";
    let doc: { paths: Record<string, Record<string, Operation>> };
    const valid: Record<string, string> = {};
    const dataDir = tempDir("effektspor-hostile-");

    beforeAll(async () => {
      store = await createTestStore();
      await seedDemoStore(store.db);
      await attachDemoDefinitions(store.db);
      await writeDataDirSnapshot(dataDir, "s1", tinyRows);
      await catalogueSnapshot(store.db, "s1");
      const app = createApp({
        store,
        dataDir,
        config: { personListsEnabled: true },
        resolveActor: defaultActorResolver(true),
      });
      server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
      await new Promise<void>((resolve) => server.once("listening", () => resolve()));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as typeof doc;
      const [manual] = await store.db
        .select({ id: schema.indicators.id, project_id: schema.indicators.projectId })
        .from(schema.indicators)
        .where(eq(schema.indicators.kind, "manual"))
        .orderBy(schema.indicators.id)
        .limit(1);
      const [bc] = await store.db.select({ id: schema.businessCases.id }).from(schema.businessCases).limit(1);
      const [line] = await store.db.select({ id: schema.maaltalLines.id }).from(schema.maaltalLines).limit(1);
      const [price] = await store.db.select({ id: schema.prices.id }).from(schema.prices).limit(1);
      Object.assign(valid, {
        project: String(manual!.project_id),
        indicator: String(manual!.id),
        businessCase: String(bc?.id ?? 1),
        maaltal: String(line?.id ?? 1),
        price: String(price?.id ?? 1),
        projectId: String(manual!.project_id),
      });
    }, 60_000);

    afterAll(async () => {
      await waitForBackgroundComputations();
      await new Promise<void>((resolve) => server?.close(() => resolve()));
      await store?.close();
    });

    /** A valid value of a path parameter, chosen by the resource the path names. */
    function validParam(path: string, name: string): string {
      if (name === "period") return "2024-02";
      if (name === "name") return "ukendt-gruppering";
      if (path.startsWith("/api/snapshots/")) return "s1";
      if (path.startsWith("/api/import-jobs/")) return "0123456789abcdef";
      if (path.startsWith("/api/indicators/")) return valid.indicator!;
      if (path.startsWith("/api/economics/business-cases/")) return valid.businessCase!;
      if (path.startsWith("/api/economics/maaltal/")) return valid.maaltal!;
      if (path.startsWith("/api/economics/prices/")) return valid.price!;
      return valid.project!;
    }

    const failures: string[] = [];
    let sent = 0;

    async function send(
      label: string,
      method: string,
      url: string,
      body?: string,
      contentType = "application/json",
    ) {
      sent++;
      let res: Response;
      try {
        res = await fetch(url, {
          method: method.toUpperCase(),
          headers: body === undefined ? {} : { "content-type": contentType },
          body,
        });
      } catch (e) {
        failures.push(`${label}: forbindelsen fejlede (${(e as Error).message})`);
        return;
      }
      const text = await res.text();
      const problem = checkAnswer(res, text);
      if (problem) failures.push(`${label} → ${res.status}: ${problem} ${text.slice(0, 300)}`);
    }

    it("answers every hostile request below 500, refusals in the one error shape without SQL or stack", async () => {
      const tasks: (() => Promise<void>)[] = [];
      for (const [openApiPath, methods] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(methods)) {
          const key = `${method.toUpperCase()} ${openApiPath}`;
          const pathParams = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
          // required query parameters get valid values, so a hostile one is not refused only for a missing one
          const required = op.parameters.filter((p) => p.in === "query" && p.required).map((p) => p.name);
          const urlWith = (override: Record<string, string>, query?: [string, string]) => {
            let url = openApiPath;
            for (const name of pathParams) {
              url = url.replace(
                `{${name}}`,
                override[name] ?? encodeURIComponent(validParam(openApiPath, name)),
              );
            }
            const pairs = required
              .filter((name) => name !== query?.[0])
              .map((name) => `${name}=${VALID_QUERY[name] ?? "1"}`);
            if (query) pairs.push(query[1]);
            return `${base}${url}${pairs.length > 0 ? `?${pairs.join("&")}` : ""}`;
          };
          const example = exampleBody(key, op, valid);
          const exampleText = example === undefined ? undefined : jsonText(example);
          const bodyText = op.requestBody?.content["application/json"] ? (exampleText ?? "{}") : undefined;
          // hostile path parameters, one at a time (the others valid)
          for (const name of pathParams) {
            for (const v of HOSTILE_PARAMS) {
              tasks.push(() =>
                send(`${key} ${name}=${v.slice(0, 20)}`, method, urlWith({ [name]: v }), bodyText),
              );
            }
          }
          // hostile query parameters, one at a time, and repeated
          for (const q of op.parameters.filter((p) => p.in === "query")) {
            for (const v of HOSTILE_QUERY) {
              tasks.push(() =>
                send(
                  `${key} ?${q.name}=${v.slice(0, 20)}`,
                  method,
                  urlWith({}, [q.name, `${q.name}=${v}`]),
                  bodyText,
                ),
              );
            }
            tasks.push(() =>
              send(
                `${key} ?${q.name} twice`,
                method,
                urlWith({}, [q.name, `${q.name}=1&${q.name}=abc`]),
                bodyText,
              ),
            );
          }
          if (op.requestBody?.content["application/json"] || key === "POST /api/compute") {
            for (const raw of RAW_BODIES)
              tasks.push(() => send(`${key} body ${JSON.stringify(raw)}`, method, urlWith({}), raw));
            tasks.push(() =>
              send(`${key} text/plain`, method, urlWith({}), exampleText ?? "{}", "text/plain"),
            );
            tasks.push(() =>
              send(`${key} form`, method, urlWith({}), "a=1&b=2", "application/x-www-form-urlencoded"),
            );
            tasks.push(() => send(`${key} no body`, method, urlWith({})));
            for (const extra of EXTRA_BODIES[key] ?? []) {
              tasks.push(() =>
                send(`${key} ${jsonText(extra).slice(0, 40)}`, method, urlWith({}), jsonText(extra)),
              );
            }
            if (example !== undefined) {
              tasks.push(() => send(`${key} array of body`, method, urlWith({}), jsonText([example])));
              for (const [path, mutated] of mutations(example)) {
                tasks.push(() => send(`${key} body ${path}`, method, urlWith({}), jsonText(mutated)));
              }
            }
          }
          if (op.requestBody?.content["multipart/form-data"]) {
            tasks.push(() => send(`${key} json`, method, urlWith({}), "{}"));
            tasks.push(() =>
              send(
                `${key} bad multipart`,
                method,
                urlWith({}),
                "--x\r\n\r\n",
                "multipart/form-data; boundary=x",
              ),
            );
            tasks.push(() =>
              send(
                `${key} files as text`,
                method,
                urlWith({}),
                '--x\r\ncontent-disposition: form-data; name="files"\r\n\r\n\u0000../../etc/passwd\r\n--x--\r\n',
                "multipart/form-data; boundary=x",
              ),
            );
          }
        }
      }
      // a few in flight at a time: the server sees concurrency, the machine is not flooded
      let next = 0;
      await Promise.all(
        Array.from({ length: 6 }, async () => {
          while (next < tasks.length) await tasks[next++]!();
        }),
      );
      expect(failures.slice(0, 40)).toEqual([]);
      // every operation was probed (the count grows with the routes)
      expect(sent).toBeGreaterThan(1000);
    }, 180_000);

    it("answers /api/projects/2147483648 with 400 and a Danish message naming the id", async () => {
      const res = await fetch(`${base}/api/projects/2147483648`);
      expect(res.status).toBe(400);
      const body = errorResponse.parse(await res.json());
      expect(body.error.field).toBe("id");
      expect(body.error.message).toMatch(/heltal/);
    });

    it("refuses a NUL byte in a project's text with a Danish message naming the field", async () => {
      const res = await fetch(`${base}/api/projects/${valid.project}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ notes: "før\u0000efter" }),
      });
      expect(res.status).toBe(400);
      const body = errorResponse.parse(await res.json());
      expect(body.error.field).toBe("notes");
      expect(body.error.message).toMatch(/«notes».*tegn/);
    });

    it("stores every other text verbatim: injection strings, 10 kB, emoji, right-to-left marks", async () => {
      const texts = [
        "'; DROP TABLE projects; --",
        "../../../../etc/passwd",
        `${"æøå ".repeat(2_500)}`,
        "😀 \u202eomvendt\u200b",
        "<script>alert(1)</script>",
        "tab\tog\r\nlinjeskift",
      ];
      for (const notes of texts) {
        const res = await fetch(`${base}/api/projects/${valid.project}`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ notes }),
        });
        expect(res.status).toBe(200);
        const read = (await (await fetch(`${base}/api/projects/${valid.project}`)).json()) as {
          project: { notes: string };
        };
        expect(read.project.notes).toBe(notes);
      }
    });

    it("answers POST /api/definitions/validate with a malformed body 400", async () => {
      for (const raw of ["{", "[]", '{"yaml": 12}', '{"definition": "\u0000"}']) {
        const res = await fetch(`${base}/api/definitions/validate`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: raw,
        });
        expect(res.status, raw).toBe(400);
        errorResponse.parse(await res.json());
      }
    });
  });
}

/** What is wrong with an answer, or null: below 500, and a refusal in the one error shape, Danish, no leaks. */
function checkAnswer(res: Response, text: string): string | null {
  if (res.status >= 500) return "svar 5xx";
  if (res.status < 400) return null;
  if (!(res.headers.get("content-type") ?? "").includes("application/json")) return "fejlen er ikke JSON";
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return "fejlen er ikke gyldig JSON";
  }
  const parsed = errorResponse.strict().safeParse(body);
  if (!parsed.success) return "fejlen har ikke formen {error:{code,message,field?}}";
  const message = parsed.data.error.message;
  if (message.trim() === "") return "tom fejlbesked";
  if (/\b(select|insert|update|delete)\b[\s\S]*\b(from|into|set|where)\b/i.test(message))
    return "SQL i fejlen";
  if (/\bat .*\.(ts|js):\d+|node_modules|\bError:/.test(message)) return "stakspor i fejlen";
  if (/\b(Invalid|Expected|Cannot|undefined|Unexpected|failed)\b/.test(message)) return "engelsk fejlbesked";
  return null;
}

/** Every body with one leaf replaced by a hostile value, keyed by the leaf's dotted path. */
function* mutations(example: unknown, path = ""): Generator<[string, unknown]> {
  if (path !== "") {
    const hostile =
      typeof example === "string"
        ? HOSTILE_STRINGS
        : typeof example === "number"
          ? HOSTILE_NUMBERS
          : HOSTILE_STRINGS.slice(0, 2);
    for (const h of [...hostile, ...WRONG_TYPES]) yield [path, h];
  }
  if (Array.isArray(example)) {
    for (const [i, item] of example.entries()) {
      for (const [p, v] of mutations(item, `${path}[${i}]`)) {
        const copy = [...example];
        copy[i] = v;
        yield [p, copy];
      }
    }
    if (example.length > 0) yield [`${path}[×200]`, Array.from({ length: 200 }, () => example[0])];
  } else if (example !== null && typeof example === "object") {
    for (const [k, item] of Object.entries(example)) {
      for (const [p, v] of mutations(item, path ? `${path}.${k}` : k)) yield [p, { ...example, [k]: v }];
    }
    yield [`${path}.\u0000nøgle`, { ...example, "\u0000": "x" }];
  }
}

/** A body that should pass validation: a hand-written example, or one made from the schema. */
function exampleBody(key: string, op: Operation, valid: Record<string, string>): unknown {
  const examples: Record<string, unknown> = {
    "POST /api/projects": { code: "sonde-projekt", name: "Sondeprojekt", notes: "tekst" },
    "PATCH /api/projects/{id}": { name: "Nyt navn", notes: "noter", targetGroups: ["gruppe"], sortOrder: 3 },
    // its target is the body of PUT …/target, probed there (each indicator made grows the scheme)
    "POST /api/projects/{id}/indicators": {
      code: "sonde-indikator",
      name: "Sondeindikator",
      unit: "procent",
    },
    "PATCH /api/indicators/{id}": { name: "Nyt navn", groupLabel: "gruppe", sortOrder: 2 },
    "PUT /api/indicators/{id}/target": {
      baseline: { value: 10, date: "2024-01-01", source: "kilde", note: "note", count: 3 },
      milestones: [{ date: "2024-06-01", value: 20, label: "delmål" }],
      goal: { kind: "absolute", value: 30, date: "2025-01-01", text: "mål" },
    },
    "PUT /api/indicators/{id}/values/{period}": { value: "12,5", note: "indtastet" },
    "PUT /api/projects/{id}/comments/{period}": { comment: "Månedens kommentar" },
    "POST /api/definitions/validate": {
      definition: {
        population: { benefits: ["kontanthjaelp"] },
        measure: { kind: "stock" },
      },
    },
    "POST /api/projects/{id}/freeze": { period: "2024-02", reportLabel: "Udvalget" },
    "PUT /api/outcome-group-sets": { name: "Sondegruppering", groups: [{ name: "Job", reasons: ["job"] }] },
    "POST /api/compute": { snapshotId: "s1", confirm: false },
    "POST /api/economics/prices": {
      benefit: "kontanthjaelp",
      budgetYear: 2030,
      grossPerFteYear: 200000,
      refusionPct: 20,
      sourceNote: "kilde",
    },
    "PATCH /api/economics/prices/{id}": { grossPerFteYear: 210000, sourceNote: "ny kilde" },
    "POST /api/economics/maaltal/lines": {
      budgetPeriod: "2030",
      groupName: "Gruppe",
      label: "Linje",
      fte: 2,
      kind: "forventet",
      projectId: Number(valid.projectId),
    },
    "PATCH /api/economics/maaltal/lines/{id}": { label: "Ny linje", fte: 3 },
  };
  if (key in examples) return examples[key];
  const schema = op.requestBody?.content["application/json"]?.schema;
  return schema ? fromSchema(schema, valid) : undefined;
}

/** A plausible value from a JSON schema: required properties, first enum value, one array item. */
function fromSchema(s: JsonSchema, valid: Record<string, string>, name = ""): unknown {
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return fromSchema(alt.find((a) => a.type !== "null") ?? alt[0]!, valid, name);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "object": {
      const out: Json = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(k)) out[k] = fromSchema(p, valid, k);
      }
      return out;
    }
    case "array":
      return s.items ? [fromSchema(s.items, valid, name)] : [];
    case "integer":
    case "number":
      return name === "projectId" ? Number(valid.projectId) : 1;
    case "boolean":
      return false;
    case "string":
      return "tekst";
    default:
      return {};
  }
}
