import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrfTokenOf } from "../services/sessions.ts";
import { ApiError } from "./errors.ts";
import { type AuthConfig, CSRF_HEADER, clientIp, isSecure, sessionToken } from "./session.ts";

/**
 * Hardening of every response and request (docs/DECISIONS.md «Sign-in and roles»): security headers,
 * CSRF refusal of state-changing requests, rate limits and body size limits.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React and ECharts set style properties from script; no inline <script> is allowed
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export function securityHeaders(config: AuthConfig): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "same-origin");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (c.req.path.startsWith("/api/")) h.set("Cache-Control", "no-store");
    if (isSecure(c, config.trustProxy)) h.set("Strict-Transport-Security", "max-age=31536000");
  };
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const refuse = (why: string) => new ApiError("forbidden", `Forespørgslen er afvist: ${why}`);

/**
 * CSRF: a state-changing request must (1) not come from another site (Sec-Fetch-Site, Origin), (2)
 * carry a JSON or multipart body, never a form's or text/plain (which a cross-site page can send
 * without asking), and (3) when it carries a session cookie, carry the session's CSRF token in the
 * X-CSRF-Token header (GET /api/session hands it to the web app).
 */
export function csrfProtection(config: AuthConfig): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const site = c.req.header("sec-fetch-site");
    if (site && site !== "same-origin" && site !== "none") throw refuse("den kommer fra et andet websted");
    const origin = c.req.header("origin");
    if (origin && origin !== expectedOrigin(c, config)) throw refuse("den kommer fra et andet websted");
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type && type !== "application/json" && type !== "multipart/form-data") {
      throw refuse(`indholdstypen «${type}» modtages ikke`);
    }
    const token = sessionToken(c);
    if (token && c.req.header(CSRF_HEADER) !== csrfTokenOf(token)) {
      throw refuse("den mangler sikkerhedsnøglen (genindlæs siden)");
    }
    return next();
  };
}

function expectedOrigin(c: Context, config: AuthConfig): string {
  const url = new URL(c.req.url);
  const host = (config.trustProxy && c.req.header("x-forwarded-host")) || c.req.header("host") || url.host;
  const proto = isSecure(c, config.trustProxy) ? "https:" : url.protocol;
  return `${proto}//${host}`;
}

/** Token buckets in memory, per key: `perMinute` requests, refilled evenly. */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private perMinute: number) {}
  take(key: string, now = Date.now()): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    b.tokens = Math.min(this.perMinute, b.tokens + ((now - b.at) / 60_000) * this.perMinute);
    b.at = now;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.sweep(now);
    return ok;
  }
  private sweep(now: number) {
    for (const [k, b] of this.buckets) if (now - b.at > 60_000) this.buckets.delete(k);
  }
}

export function rateLimit(config: AuthConfig): MiddlewareHandler {
  const api = new RateLimiter(config.rateLimit.apiPerMinute);
  const signIn = new RateLimiter(config.rateLimit.signInPerMinute);
  return async (c, next) => {
    const ip = clientIp(c, config.trustProxy);
    const isSignIn = c.req.method === "POST" && c.req.path === "/api/session";
    if (isSignIn && !signIn.take(ip))
      return tooMany(c, "For mange loginforsøg. Vent et minut, og prøv igen.");
    const key = sessionToken(c) ? `s:${csrfTokenOf(sessionToken(c)!)}` : `ip:${ip}`;
    if (!api.take(key)) return tooMany(c, "For mange forespørgsler. Vent lidt, og prøv igen.");
    return next();
  };
}

function tooMany(c: Context, message: string) {
  c.header("Retry-After", "60");
  return c.json({ error: { code: "rate_limited", message } }, 429);
}

/** Bodies: 1 MB for JSON; uploads (multipart to /api/imports) have their own limit, default 2 GB. */
export function bodyLimits(env = process.env): MiddlewareHandler {
  const mb = (v: string | undefined, d: number) => (v && Number(v) > 0 ? Number(v) : d) * 1024 * 1024;
  const onError = (c: Context) =>
    c.json({ error: { code: "payload_too_large", message: "Forespørgslens indhold er for stort" } }, 413);
  const json = bodyLimit({ maxSize: mb(env.EFFEKTSPOR_BODY_LIMIT_MB, 1), onError });
  const upload = bodyLimit({ maxSize: mb(env.EFFEKTSPOR_UPLOAD_LIMIT_MB, 2048), onError });
  return (c, next) => {
    const multipart = (c.req.header("content-type") ?? "").startsWith("multipart/form-data");
    return multipart && c.req.path === "/api/imports" ? upload(c, next) : json(c, next);
  };
}
