import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { unstorableText } from "../domain/input-rules.ts";
import { dottedPath } from "../domain/zod-da.ts";
import { invalidateReadModels } from "../services/read-model.ts";
import type { Store } from "../store/db.ts";
import { writeAudit } from "../store/repositories/audit.ts";
import { type Action, type Actor, type ActorResolver, authorize, type ResourceScope } from "./auth.ts";
import { ApiError } from "./errors.ts";
import { changedFields, rowOf, scopeOf } from "./scope.ts";
import { type AuthConfig, forgetResolvedSessions } from "./session.ts";

/** What every handler may use: the store, the data directory, and who is asking. */
export interface AppDeps {
  store: Store;
  dataDir: string;
  resolveActor: ActorResolver;
  /** installation settings read at start (feature switches such as person-level lists) */
  config: AppConfig;
}

export interface AppConfig {
  /** person-level lists (borgeroverblik) are off unless switched on */
  personListsEnabled: boolean;
  /** sign-in, sessions and hardening (default: from the environment, src/api/session.ts) */
  auth?: AuthConfig;
}

type Method = "get" | "post" | "put" | "patch" | "delete";

export interface RouteSpec<P, Q, B> {
  method: Method;
  /** Hono path under /api, e.g. "/projects/:id" */
  path: string;
  summary: string;
  tag: string;
  action: Action;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** a multipart form the handler reads itself (file uploads); described in OpenAPI */
  form?: z.ZodType;
  /** success status (default 200) */
  status?: 200 | 201;
  /** the success response's schema (src/api/contract); a file route names its content type instead */
  response: z.ZodType | { file: string };
  /**
   * the project the action concerns, for the authorize step; by default derived from the path
   * (`/projects/:id…` → that project, `/indicators/:id…` → the indicator's project), src/api/scope.ts
   */
  scope?: (params: P, deps: AppDeps) => Promise<ResourceScope>;
}

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: Actor;
  deps: AppDeps;
  c: Context;
}

interface RegisteredRoute {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  action: Action;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  form?: z.ZodType;
  status?: 200 | 201;
  response: z.ZodType | { file: string };
  scope?: (params: never, deps: AppDeps) => Promise<ResourceScope>;
}

/** After an API write: the read models are built anew and sessions are looked up again. */
async function afterWrite(db: Store["db"]): Promise<void> {
  forgetResolvedSessions();
  await invalidateReadModels(db);
}

/**
 * A thin route: validate (zod) → authorize (the one seam) → handler (calls services/repositories) →
 * respond JSON. Every route is recorded for the OpenAPI description.
 */
export class ApiRouter {
  readonly hono = new Hono();
  readonly routes: RegisteredRoute[] = [];

  constructor(readonly deps: AppDeps) {}

  route<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
    spec: RouteSpec<P, Q, B>,
    handler: (input: HandlerInput<P, Q, B>) => Promise<unknown>,
  ): void {
    this.routes.push(spec as RegisteredRoute);
    this.hono.on(spec.method.toUpperCase(), spec.path, async (c) => {
      // who is asking first: signed out gets 401 and a forbidden action 403 before its body is read
      // (a projektleder's edit is authorized after its params name the project)
      const who = await this.deps.resolveActor(c);
      const scoped = who?.role === "projektleder" && spec.action === "edit-project";
      let actor = scoped ? null : authorize(who, spec.action);
      const params = parsePart(spec.params, c.req.param(), "params") as P;
      if (scoped) {
        const scope = spec.scope
          ? await spec.scope(params, this.deps)
          : await scopeOf(spec.path, params, this.deps);
        actor = authorize(who, spec.action, scope);
      }
      if (!actor) throw new Error("authorize answers an actor or throws");
      const query = parsePart(spec.query, c.req.query(), "query") as Q;
      const body = (spec.body ? parsePart(spec.body, await jsonBody(c), "body") : undefined) as B;
      const audited = spec.method !== "get" && spec.action !== "session";
      const before = audited ? await rowOf(spec.path, params, this.deps) : null;
      const result = await handler({ params, query, body, actor, deps: this.deps, c }).finally(
        // a write (even one that failed half-way) makes the overview and the schemes be built anew
        () => (spec.method === "get" ? undefined : afterWrite(this.deps.store.db)),
      );
      if (audited) await auditChange(this.deps, spec, c.req.path, actor, body, before, params);
      else if (spec.method === "get" && spec.action !== "session" && !(spec.response instanceof z.ZodType)) {
        // an export (a file) is a report: who took which, with which filters
        const details = { summary: spec.summary, query };
        await writeAudit(this.deps.store.db, {
          actor: actor.id,
          action: "export",
          subject: c.req.path,
          details,
        });
      }
      if (result instanceof Response) return result;
      if (checkResponses) checkResponse(spec, result);
      return c.json(result as object, spec.status ?? 200);
    });
  }
}

const SECRET = /password|token|secret/i;

/** Every change through the API lands in the audit log: who, what (method and path), old → new. */
async function auditChange(
  deps: AppDeps,
  spec: RegisteredRoute,
  path: string,
  actor: Actor,
  body: unknown,
  before: Record<string, unknown> | null,
  params: unknown,
): Promise<void> {
  const sent =
    body && typeof body === "object"
      ? Object.fromEntries(Object.entries(body).map(([k, v]) => [k, SECRET.test(k) ? "[skjult]" : v]))
      : undefined;
  const after =
    before || spec.method === "patch" || spec.method === "put" ? await rowOf(spec.path, params, deps) : null;
  const diff = before || after ? changedFields(before, after) : undefined;
  await writeAudit(deps.store.db, {
    actor: actor.id,
    action: spec.action,
    subject: `${spec.method.toUpperCase()} ${path}`,
    details: { summary: spec.summary, ...(sent ? { sent } : {}), ...(diff ?? {}) },
  });
}

/** Under the test runner every JSON answer is checked against its contract schema, so the contract stays true. */
const checkResponses = Boolean(process.env.VITEST);

function checkResponse(spec: RegisteredRoute, result: unknown): void {
  if (!(spec.response instanceof z.ZodType)) {
    throw new Error(`${spec.method.toUpperCase()} ${spec.path} svarer JSON, men kontrakten siger fil`);
  }
  const parsed = spec.response.safeParse(JSON.parse(JSON.stringify(result)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${spec.method.toUpperCase()} ${spec.path}: svaret følger ikke kontrakten ved «${dottedPath(issue?.path ?? [])}»: ${issue?.message}`,
    );
  }
}

/**
 * The VALIDATE step of every route: text PostgreSQL cannot hold (NUL, a lone surrogate) is refused
 * in any part of the request, then the part's schema; the first problem becomes a 400 in Danish
 * naming the field (src/domain/input-rules.ts).
 */
function parsePart(schema: z.ZodType | undefined, raw: unknown, part: string): unknown {
  if (!schema) return {};
  const unstorable = unstorableText(raw);
  if (unstorable) {
    const field = dottedPath(unstorable.path);
    throw new ApiError("bad_request", `Ugyldigt felt «${field || part}»: ${unstorable.reason}`, field);
  }
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue ? dottedPath(issue.path) : part;
  // zod says "forventede streng, fik undefined" for a missing field; a person is told it is missing
  const missing = issue?.code === "invalid_type" && issue.input === undefined && field !== "";
  throw new ApiError(
    "bad_request",
    `Ugyldigt felt «${field || part}»: ${missing ? "skal udfyldes" : (issue?.message ?? "ugyldig værdi")}`,
    field,
  );
}

/** no JSON request of the API comes near this (a definition's YAML is a few kB) */
const MAX_JSON_BODY_BYTES = 5 * 1024 * 1024;

/** A request body as JSON: sent as application/json (or with no content type), and valid JSON. */
async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type && type !== "application/json" && !type.endsWith("+json")) {
    throw new ApiError(
      "bad_request",
      "Forespørgslens indhold skal være JSON (Content-Type: application/json)",
    );
  }
  if (Number(c.req.header("content-length") ?? 0) > MAX_JSON_BODY_BYTES) {
    throw new ApiError("bad_request", "Forespørgslens indhold er for stort (højst 5 MB)");
  }
  try {
    return await c.req.json();
  } catch {
    throw new ApiError("bad_request", "Forespørgslens indhold er ikke gyldig JSON");
  }
}

export { idParam } from "./contract/common.ts";
