import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import {
  csrfTokenOf,
  resolveSession,
  type SessionPolicy,
  sessionPolicyFromEnv,
} from "../services/sessions.ts";
import type { Store } from "../store/db.ts";
import type { Actor, ActorResolver } from "./auth.ts";
import type { OidcConfig } from "./oidc.ts";

/** How the installation signs people in (src/cli/installation.ts reads it from the environment). */
export interface AuthConfig {
  session: SessionPolicy;
  /** behind a proxy that terminates TLS: trust X-Forwarded-Proto/-For/-Host (EFFEKTSPOR_TRUST_PROXY=1) */
  trustProxy: boolean;
  /** a demo installation: the sign-in page lists the demo's accounts */
  demoMode: boolean;
  /** sign-in with the municipality's identity provider, when configured */
  oidc: OidcConfig | null;
  /** requests per minute per client on the API and on sign-in */
  rateLimit: { apiPerMinute: number; signInPerMinute: number };
}

export function authConfigFromEnv(env = process.env, oidc: OidcConfig | null = null): AuthConfig {
  const num = (v: string | undefined, d: number) => (v && Number(v) > 0 ? Number(v) : d);
  return {
    session: sessionPolicyFromEnv(env),
    trustProxy: env.EFFEKTSPOR_TRUST_PROXY === "1",
    demoMode: false,
    oidc,
    rateLimit: {
      apiPerMinute: num(env.EFFEKTSPOR_RATE_LIMIT_API, 60_000),
      signInPerMinute: num(env.EFFEKTSPOR_RATE_LIMIT_SIGN_IN, 10),
    },
  };
}

export const SESSION_COOKIE = "effektspor_session";
export const CSRF_HEADER = "x-csrf-token";

export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

/** Served over TLS: directly, or behind a trusted proxy that says so. */
export function isSecure(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  return trustProxy && c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (fwd) return fwd;
  }
  try {
    return getConnInfo(c).remote.address ?? "lokal";
  } catch {
    return "lokal";
  }
}

export function setSessionCookie(c: Context, token: string, expiresAt: Date, config: AuthConfig): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isSecure(c, config.trustProxy),
    path: "/",
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}

export function csrfTokenFor(c: Context): string | undefined {
  const token = sessionToken(c);
  return token ? csrfTokenOf(token) : undefined;
}

/**
 * Sessions resolved in the last second, by token. Under load (50 clients on the overview) looking
 * the session and the user up in the store on every request was most of the server's time on
 * PGlite. A change in this process (sign-out, sign-out everywhere, a user disabled or given another
 * role: all non-GET API requests) forgets them at once (`forgetResolvedSessions`, called by the
 * router); a change by another process (`effektspor users disable`) is seen within a second, as the
 * read model's version is.
 */
const RESOLVED_SESSION_MS = 1_000;
const resolvedSessions = new Map<string, { actor: Actor | null; at: number }>();

export function forgetResolvedSessions(): void {
  resolvedSessions.clear();
}

async function resolveRecently(store: Store, token: string, config: AuthConfig): Promise<Actor | null> {
  const now = Date.now();
  const hit = resolvedSessions.get(token);
  if (hit && now - hit.at < RESOLVED_SESSION_MS) return hit.actor;
  const actor = await resolveSession(store.db, token, config.session);
  if (resolvedSessions.size > 10_000) resolvedSessions.clear();
  resolvedSessions.set(token, { actor, at: now });
  return actor;
}

/** Who is asking: the user of the session cookie, or nobody. Resolved once per request. */
export function sessionActorResolver(store: Store, config: AuthConfig): ActorResolver {
  return async (c: Context): Promise<Actor | null> => {
    const cached = c.get("actor" as never) as Actor | null | undefined;
    if (cached !== undefined) return cached;
    const token = sessionToken(c);
    const actor = token ? await resolveRecently(store, token, config) : null;
    c.set("actor" as never, actor as never);
    return actor;
  };
}
