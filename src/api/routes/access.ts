import { randomBytes } from "node:crypto";
import { getCookie, setCookie } from "hono/cookie";
import {
  addUser,
  changeUser,
  checkSignIn,
  listUsers,
  resetPassword,
  SignInError,
} from "../../services/accounts.ts";
import { auditCsv, auditPage } from "../../services/audit.ts";
import { deleteSnapshotPersonData, personalDataHeld, setRetention } from "../../services/data-protection.ts";
import { finishLogin, OidcRefusal, type PendingLogin, startLogin } from "../../services/oidc.ts";
import { createSession, endAllSessions, endSession } from "../../services/sessions.ts";
import {
  auditQuery,
  auditResponse,
  passwordBody,
  personalData,
  personDataDeleted,
  retentionBody,
  retentionResponse,
  sessionResponse,
  signedOut,
  signInBody,
  snapshotIdParam,
  userCreateBody,
  usernameParam,
  userResponse,
  usersResponse,
  userUpdateBody,
} from "../contract/access.ts";
import { okResponse } from "../contract/common.ts";
import { ApiError } from "../errors.ts";
import type { ApiRouter } from "../router.ts";
import {
  authConfigFromEnv,
  clearSessionCookie,
  clientIp,
  isSecure,
  sessionToken,
  setSessionCookie,
} from "../session.ts";
import { sessionView } from "../session-view.ts";

const TAG = "Adgang";

/** logins on their way through the identity provider, by the id in their cookie (10 minutes) */
const pendingLogins = new Map<string, PendingLogin & { at: number }>();
const OIDC_COOKIE = "effektspor_oidc";

function takePending(id: string | undefined): PendingLogin | undefined {
  const now = Date.now();
  for (const [k, v] of pendingLogins) if (now - v.at > 600_000) pendingLogins.delete(k);
  const found = id ? pendingLogins.get(id) : undefined;
  if (id) pendingLogins.delete(id);
  return found;
}

/** Routes for: signing in and out, the administrator's users, the audit log. */
export function accessRoutes(router: ApiRouter): void {
  const db = () => router.deps.store.db;
  const auth = () => router.deps.config.auth ?? authConfigFromEnv();

  router.route(
    {
      method: "get",
      path: "/session",
      summary: "Hvem er logget ind, og hvad må de (og hvordan man logger ind)",
      tag: TAG,
      action: "session",
      response: sessionResponse,
    },
    async ({ c, deps }) => sessionView(c, deps, (await deps.resolveActor(c)) ?? null),
  );

  router.route(
    {
      method: "post",
      path: "/session",
      summary: "Log ind med brugernavn og adgangskode",
      tag: TAG,
      action: "session",
      body: signInBody,
      response: sessionResponse,
    },
    async ({ c, body, deps }) => {
      const from = { ip: clientIp(c, auth().trustProxy) };
      const user = await checkSignIn(db(), body.username, body.password, from).catch((e: unknown) => {
        if (e instanceof SignInError) throw new ApiError("unauthenticated", e.message);
        throw e;
      });
      const { token, expiresAt } = await createSession(db(), user.id, auth().session);
      setSessionCookie(c, token, expiresAt, auth());
      // the rest of this request sees the new session (its CSRF token)
      c.req.raw.headers.set("cookie", `effektspor_session=${token}`);
      c.set("actor" as never, undefined as never);
      return sessionView(c, deps, await deps.resolveActor(c));
    },
  );

  router.route(
    {
      method: "delete",
      path: "/session",
      summary: "Log ud",
      tag: TAG,
      action: "session",
      response: okResponse,
    },
    async ({ c, deps }) => {
      const token = sessionToken(c);
      const actor = await deps.resolveActor(c);
      if (token && actor) await endSession(db(), token, actor.id);
      clearSessionCookie(c);
      return { ok: true as const };
    },
  );

  router.route(
    {
      method: "delete",
      path: "/sessions",
      summary: "Log ud overalt (alle dine sessioner, også på andre enheder)",
      tag: TAG,
      action: "read",
      response: signedOut,
    },
    async ({ c, actor }) => {
      if (actor.userId === undefined) throw new ApiError("bad_request", "Ingen brugersession at afslutte");
      const sessions = await endAllSessions(db(), actor.userId, actor.id);
      clearSessionCookie(c);
      return { signedOut: true as const, sessions };
    },
  );

  router.route(
    {
      method: "get",
      path: "/oidc/login",
      summary: "Log ind med kommunens login (OpenID Connect): sender browseren til identitetsudbyderen",
      tag: TAG,
      action: "session",
      response: { file: "text/html" },
    },
    async ({ c }) => {
      const oidc = auth().oidc;
      if (!oidc) throw new ApiError("not_found", "Log ind med kommunens login er ikke sat op");
      const { url, pending } = await startLogin(oidc);
      const id = randomBytes(18).toString("base64url");
      pendingLogins.set(id, { ...pending, at: Date.now() });
      const secure = isSecure(c, auth().trustProxy);
      setCookie(c, OIDC_COOKIE, id, {
        httpOnly: true,
        sameSite: "Lax",
        secure,
        path: "/api/oidc",
        maxAge: 600,
      });
      return c.redirect(url.href, 302);
    },
  );

  router.route(
    {
      method: "get",
      path: "/oidc/callback",
      summary: "Identitetsudbyderen sender browseren tilbage hertil; logger ind og viser forsiden",
      tag: TAG,
      action: "session",
      response: { file: "text/html" },
    },
    async ({ c }) => {
      const oidc = auth().oidc;
      const pending = takePending(getCookie(c, OIDC_COOKIE));
      if (!oidc || !pending)
        throw new ApiError("bad_request", "Login med kommunens login er udløbet; prøv igen");
      const from = { ip: clientIp(c, auth().trustProxy) };
      // the address the provider was told (behind a proxy the request's own URL differs)
      const current = Object.assign(new URL(oidc.redirectUri), { search: new URL(c.req.url).search });
      const user = await finishLogin(db(), oidc, current, pending, from).catch((e: unknown) => {
        throw e instanceof OidcRefusal ? new ApiError("forbidden", e.message) : e;
      });
      const { token, expiresAt } = await createSession(db(), user.id, auth().session);
      setSessionCookie(c, token, expiresAt, auth());
      return c.redirect("/", 302);
    },
  );

  router.route(
    {
      method: "get",
      path: "/users",
      summary: "Alle brugere",
      tag: TAG,
      action: "admin",
      response: usersResponse,
    },
    async () => ({ users: await listUsers(db()) }),
  );

  router.route(
    {
      method: "post",
      path: "/users",
      summary: "Opret en bruger",
      tag: TAG,
      action: "admin",
      body: userCreateBody,
      status: 201,
      response: userResponse,
    },
    async ({ body, actor }) => ({ user: await addUser(db(), body, actor.id) }),
  );

  router.route(
    {
      method: "patch",
      path: "/users/:username",
      summary: "Ret en bruger: navn, rolle, borgerdata, aktiv, projekter (kun de felter, der sendes)",
      tag: TAG,
      action: "admin",
      params: usernameParam,
      body: userUpdateBody,
      response: userResponse,
    },
    async ({ params, body, actor }) => ({ user: await changeUser(db(), params.username, body, actor.id) }),
  );

  router.route(
    {
      method: "put",
      path: "/users/:username/password",
      summary: "Ny adgangskode til en bruger (brugerens sessioner afsluttes)",
      tag: TAG,
      action: "admin",
      params: usernameParam,
      body: passwordBody,
      response: okResponse,
    },
    async ({ params, body, actor }) => {
      await resetPassword(db(), params.username, body.password, actor.id);
      return { ok: true as const };
    },
  );

  router.route(
    {
      method: "get",
      path: "/audit",
      summary: "Revisionsloggen: søg og filtrér",
      tag: TAG,
      action: "admin",
      query: auditQuery,
      response: auditResponse,
    },
    async ({ query }) => auditPage(db(), query),
  );

  router.route(
    {
      method: "get",
      path: "/audit.csv",
      summary: "Revisionsloggen som CSV (samme filtre)",
      tag: TAG,
      action: "admin",
      query: auditQuery,
      response: { file: "text/csv" },
    },
    async ({ query }) =>
      new Response(await auditCsv(db(), query), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": 'attachment; filename="revisionslog.csv"',
        },
      }),
  );

  router.route(
    {
      method: "get",
      path: "/data-protection",
      summary:
        "Databeskyttelse: hvilke persondata installationen har (snapshots, personer, ældste dato), sletning efter tid",
      tag: TAG,
      action: "admin",
      response: personalData,
    },
    async () => personalDataHeld(db()),
  );

  router.route(
    {
      method: "put",
      path: "/data-protection/retention",
      summary: "Slet snapshots' persondata efter et antal måneder (kører dagligt); null slår det fra",
      tag: TAG,
      action: "admin",
      body: retentionBody,
      response: retentionResponse,
    },
    async ({ body, actor }) => setRetention(db(), body.keepMonths, actor.id),
  );

  router.route(
    {
      method: "delete",
      path: "/data-protection/snapshots/:id",
      summary: "Slet et snapshots persondata efter anmodning (katalogrækken bevares som slettet)",
      tag: TAG,
      action: "admin",
      params: snapshotIdParam,
      response: personDataDeleted,
    },
    async ({ params, actor, deps }) => deleteSnapshotPersonData(db(), deps.dataDir, params.id, actor.id),
  );
}
