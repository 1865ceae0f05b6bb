import { sql } from "drizzle-orm";
import type { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../test/temp.ts";
import { indicatorCreateSchema, projectCreateSchema } from "../domain/projects.ts";
import { addUser, changeUser, checkSignIn, LOCKOUT_AFTER, lockDuration } from "../services/accounts.ts";
import { ARGON2, checkPasswordRule } from "../services/passwords.ts";
import { createSession, resolveSession } from "../services/sessions.ts";
import { queryRows } from "../store/db.ts";
import { createIndicator, createProject } from "../store/repositories/projects.ts";
import { describeEachStore } from "../store/testing.ts";
import { createApp } from "./app.ts";
import { type Action, type Actor, permits, ROLES, type Role } from "./auth.ts";
import { type AuthConfig, authConfigFromEnv, sessionActorResolver } from "./session.ts";

const PASSWORD = "korrekt-hest-batteri-clips";

interface Operation {
  "x-action": Action;
}

describeEachStore("sign-in, roles, sessions and hardening", (getStore) => {
  let app: Hono;
  let auth: AuthConfig;
  let led: number;
  let other: number;
  let ledIndicator: number;
  let otherIndicator: number;
  const userIds: Partial<Record<Role, number>> = {};

  beforeAll(async () => {
    const { db } = getStore();
    auth = { ...authConfigFromEnv({}), rateLimit: { apiPerMinute: 100_000, signInPerMinute: 100_000 } };
    const store = getStore();
    app = createApp({
      store,
      dataDir: tempDir("effektspor-access-"),
      config: { personListsEnabled: true, auth },
      resolveActor: sessionActorResolver(store, auth),
    });
    led = (await createProject(db, projectCreateSchema.parse({ code: "ledet", name: "Ledet projekt" }))).id;
    other = (await createProject(db, projectCreateSchema.parse({ code: "andet", name: "Andet projekt" }))).id;
    const ind = (code: string) =>
      indicatorCreateSchema.parse({ code, name: "Antal", unit: "antal", better: "higher", kind: "manual" });
    ledIndicator = (await createIndicator(db, led, ind("i-ledet"))).id;
    otherIndicator = (await createIndicator(db, other, ind("i-andet"))).id;
    for (const role of ROLES) {
      const u = await addUser(
        db,
        {
          username: `u-${role}`,
          name: role,
          role,
          password: PASSWORD,
          leads: role === "projektleder" ? [led] : [],
          personLevel: role === "analytiker",
        },
        "test",
      );
      userIds[role] = u.id;
    }
  });

  async function cookieOf(role: Role): Promise<string> {
    const { token } = await createSession(getStore().db, userIds[role]!, auth.session);
    return token;
  }

  async function call(method: string, path: string, token?: string, init: RequestInit = {}) {
    const { csrfTokenOf } = await import("../services/sessions.ts");
    const headers = new Headers(init.headers);
    if (token) {
      headers.set("cookie", `effektspor_session=${token}`);
      if (!headers.has("x-csrf-token")) headers.set("x-csrf-token", csrfTokenOf(token));
    }
    return app.request(path, { ...init, method, headers });
  }

  it("walks every route of the OpenAPI description with every role and signed out", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path: p,
        action: op["x-action"],
      })),
    );
    expect(routes.length).toBeGreaterThan(60);
    const concrete = (p: string, project: number, indicator: number) =>
      p
        .replace(/^\/api\/indicators\/\{id\}/, `/api/indicators/${indicator}`)
        .replace(/^\/api\/projects\/\{id\}/, `/api/projects/${project}`)
        .replace("{id}", "1")
        .replace("{period}", "2024-01")
        .replace("{name}", "ingen")
        .replace("{username}", "u-laeser")
        .replace(/\{[A-Za-z]+\}/g, "1");
    const failures: string[] = [];
    // without side effects first: signed out and refused; then the allowed ones, deletions last
    const plan: { role: Role | null; route: (typeof routes)[number]; project: number; indicator: number }[] =
      [];
    for (const route of routes) {
      plan.push({ role: null, route, project: led, indicator: ledIndicator });
      for (const role of ROLES) {
        plan.push({ role, route, project: led, indicator: ledIndicator });
        if (role === "projektleder") plan.push({ role, route, project: other, indicator: otherIndicator });
      }
    }
    const expected = (role: Role | null, action: Action, project: number) => {
      if (action === "session") return "allowed";
      if (!role) return 401;
      const actor: Actor = {
        id: "x",
        name: "x",
        role,
        personLevel: role === "analytiker",
        leads: role === "projektleder" ? [led] : [],
      };
      // the table: the route's action against the role (a projektleder's edits only on the project they lead)
      return permits(actor, action, { projectId: project }) ? "allowed" : 403;
    };
    const rank = (p: (typeof plan)[number]) => {
      const e = expected(p.role, p.route.action, p.project);
      return e !== "allowed" ? 0 : p.route.method === "DELETE" ? 2 : 1;
    };
    // deletions: the most specific path first (a value before its indicator before its project)
    plan.sort((a, b) => rank(a) - rank(b) || (rank(a) === 2 ? b.route.path.length - a.route.path.length : 0));
    // borgerdata: in this table the analytiker holds it, the others do not
    for (const step of plan) {
      const { role, route } = step;
      const token = role ? await cookieOf(role) : undefined;
      const url = concrete(route.path, step.project, step.indicator);
      const res = await call(route.method, url, token);
      const want = expected(role, route.action, step.project);
      const ok = want === "allowed" ? res.status !== 401 && res.status !== 403 : res.status === want;
      if (!ok)
        failures.push(`${route.method} ${url} som ${role ?? "logget ud"}: ${res.status}, ventet ${want}`);
    }
    expect(failures).toEqual([]);
  });

  it("signs in with a password: an HttpOnly, SameSite=Lax session cookie, Secure only behind TLS", async () => {
    const body = JSON.stringify({ username: "u-laeser", password: PASSWORD });
    const headers = { "content-type": "application/json" };
    const res = await app.request("/api/session", { method: "POST", body, headers });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^effektspor_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const session = await res.json();
    expect(session.user).toMatchObject({ username: "u-laeser", role: "laeser", permissions: ["read"] });
    // https directly: Secure
    const tls = await app.request("https://effektspor.example/api/session", {
      method: "POST",
      body,
      headers,
    });
    expect(tls.headers.get("set-cookie")).toMatch(/Secure/);
    // behind a proxy only when trusted
    const proxied = { ...headers, "x-forwarded-proto": "https" };
    const untrusted = await app.request("/api/session", { method: "POST", body, headers: proxied });
    expect(untrusted.headers.get("set-cookie")).not.toMatch(/Secure/);
    auth.trustProxy = true;
    const trusted = await app.request("/api/session", { method: "POST", body, headers: proxied });
    auth.trustProxy = false;
    expect(trusted.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("ends a session after the idle timeout and after the absolute timeout", async () => {
    const { db } = getStore();
    const policy = { idleMinutes: 30, absoluteHours: 8 };
    const t0 = new Date("2026-01-05T08:00:00Z");
    const a = await createSession(db, userIds.laeser!, policy, t0);
    // 29 minutes later it is alive (and touched), 29 more later still, then 31 minutes idle: gone
    expect(await resolveSession(db, a.token, policy, new Date(t0.getTime() + 29 * 60_000))).not.toBeNull();
    expect(await resolveSession(db, a.token, policy, new Date(t0.getTime() + 58 * 60_000))).not.toBeNull();
    expect(await resolveSession(db, a.token, policy, new Date(t0.getTime() + 89 * 60_000 + 1))).toBeNull();
    // active every 20 minutes, it still ends 8 h after sign-in
    const b = await createSession(db, userIds.laeser!, policy, t0);
    let t = t0.getTime();
    for (; t < t0.getTime() + 8 * 3_600_000 - 20 * 60_000; t += 20 * 60_000) {
      expect(await resolveSession(db, b.token, policy, new Date(t))).not.toBeNull();
    }
    expect(await resolveSession(db, b.token, policy, new Date(t0.getTime() + 8 * 3_600_000))).toBeNull();
  });

  it("locks a user name after repeated failures, with back-off, and audits each attempt", async () => {
    const { db } = getStore();
    await addUser(db, { username: "laas", name: "Laas", role: "laeser", password: PASSWORD }, "test");
    const t0 = new Date("2026-01-05T08:00:00Z");
    const from = { ip: "10.0.0.1" };
    for (let i = 0; i < LOCKOUT_AFTER; i++) {
      await expect(checkSignIn(db, "laas", "forkert-adgangskode", from, t0)).rejects.toThrow(
        "Forkert brugernavn eller adgangskode",
      );
    }
    // locked now: even the right password is refused, for lockDuration(5) = 1 minute
    expect(lockDuration(LOCKOUT_AFTER)).toBe(60_000);
    expect(lockDuration(LOCKOUT_AFTER + 2)).toBe(4 * 60_000);
    await expect(checkSignIn(db, "laas", PASSWORD, from, new Date(t0.getTime() + 30_000))).rejects.toThrow(
      /For mange forkerte forsøg/,
    );
    const after = await checkSignIn(db, "laas", PASSWORD, from, new Date(t0.getTime() + 61_000));
    expect(after.username).toBe("laas");
    const kinds = await queryRows<{ action: string; n: number }>(
      db,
      sql`select action, count(*)::int as n from audit_log where subject = 'user:laas' group by action order by action`,
    );
    expect(kinds).toEqual([
      { action: "sign-in", n: 1 },
      { action: "sign-in.failure", n: LOCKOUT_AFTER },
      { action: "sign-in.locked", n: 1 },
      { action: "user.add", n: 1 },
    ]);
  });

  it("signs out, and signs out everywhere", async () => {
    const a = await cookieOf("analytiker");
    const b = await cookieOf("analytiker");
    expect((await call("GET", "/api/projects", a)).status).toBe(200);
    expect((await call("DELETE", "/api/session", a)).status).toBe(200);
    expect((await call("GET", "/api/projects", a)).status).toBe(401);
    expect((await call("GET", "/api/projects", b)).status).toBe(200);
    const c = await cookieOf("analytiker");
    const out = await call("DELETE", "/api/sessions", c);
    expect(out.status).toBe(200);
    expect((await out.json()).sessions).toBeGreaterThanOrEqual(2);
    expect((await call("GET", "/api/projects", b)).status).toBe(401);
    expect((await call("GET", "/api/projects", c)).status).toBe(401);
  });

  it("refuses cross-site and tokenless state changes (CSRF)", async () => {
    const token = await cookieOf("analytiker");
    const body = JSON.stringify({ code: "csrf", name: "CSRF" });
    const json = { "content-type": "application/json" };
    const cases: [string, Record<string, string>, boolean][] = [
      ["without the CSRF token", { ...json, "x-csrf-token": "" }, false],
      ["with a wrong CSRF token", { ...json, "x-csrf-token": "forkert" }, false],
      ["from another site (Origin)", { ...json, origin: "https://ond.example" }, false],
      ["from another site (Sec-Fetch-Site)", { ...json, "sec-fetch-site": "cross-site" }, false],
      ["as text/plain (a fetch without preflight)", { "content-type": "text/plain" }, false],
      ["as a form post", { "content-type": "application/x-www-form-urlencoded" }, false],
      [
        "same origin with the token",
        { ...json, origin: "http://localhost", "sec-fetch-site": "same-origin" },
        true,
      ],
    ];
    for (const [what, headers, allowed] of cases) {
      const res = await call("POST", "http://localhost/api/projects", token, { body, headers });
      expect(res.status, what).toBe(allowed ? 201 : 403);
      if (!allowed) expect((await res.json()).error.message, what).toMatch(/^Forespørgslen er afvist/);
    }
  });

  it("sends the security headers on the API and the web app", async () => {
    for (const path of ["/api/health", "/"]) {
      const res = await app.request(path);
      const csp = res.headers.get("content-security-policy")!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
    }
  });

  it("limits sign-in attempts per client and body sizes", async () => {
    const store = getStore();
    const strict = { ...auth, rateLimit: { apiPerMinute: 100_000, signInPerMinute: 3 } };
    const limited = createApp({
      store,
      dataDir: tempDir("effektspor-access-"),
      config: { personListsEnabled: false, auth: strict },
      resolveActor: sessionActorResolver(store, strict),
    });
    const attempt = () =>
      limited.request("/api/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "ingen", password: "x" }),
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
    // three per minute: the fourth is refused before its password is checked
    expect(statuses).toEqual([401, 401, 401, 429]);
    const token = await cookieOf("analytiker");
    const big = JSON.stringify({ code: "stor", name: "x".repeat(1024 * 1024 + 1) });
    const res = await call("POST", "/api/projects", token, {
      body: big,
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(413);
  });

  it("audits a change as old → new", async () => {
    const { db } = getStore();
    const mine = (await createProject(db, projectCreateSchema.parse({ code: "mit", name: "Mit projekt" })))
      .id;
    await changeUser(db, "u-projektleder", { leads: [mine] }, "test");
    const token = await cookieOf("projektleder");
    const res = await call("PATCH", `/api/projects/${mine}`, token, {
      body: JSON.stringify({ notes: "Ny note" }),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(200);
    const [entry] = await queryRows<{
      actor: string;
      action: string;
      subject: string;
      details: Record<string, unknown>;
    }>(
      db,
      sql`select actor, action, subject, details from audit_log where subject = ${`PATCH /api/projects/${mine}`}`,
    );
    expect(entry).toMatchObject({
      actor: "u-projektleder",
      action: "edit-project",
      details: { sent: { notes: "Ny note" }, old: { notes: "" }, new: { notes: "Ny note" } },
    });
  });

  it("keeps the audit log append-only in the database", async () => {
    const { db } = getStore();
    await expect(db.execute(sql`update audit_log set actor = 'skjult'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    const [n] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where actor = 'skjult'`,
    );
    expect(n!.n).toBe(0);
  });
});

describe("passwords", () => {
  it("hash with argon2id at OWASP's minimum or stronger", () => {
    expect(ARGON2).toEqual({ algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  });
  it("need 12 characters, not a common one, not the user name", () => {
    expect(() => checkPasswordRule("kort-kode", "x")).toThrow("mindst 12 tegn");
    expect(() => checkPasswordRule("Password1234", "x")).toThrow("for almindelig");
    expect(() => checkPasswordRule("mette.hansen-2026", "mette.hansen")).toThrow("brugernavnet");
    expect(() => checkPasswordRule(PASSWORD, "mette")).not.toThrow();
  });
});
