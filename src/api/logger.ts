import type { MiddlewareHandler } from "hono";
import pino from "pino";
import type { Actor } from "./auth.ts";

/**
 * Structured logs (pino, JSON lines on stdout). Never CPR numbers, person keys or session tokens:
 * request lines carry the method, the path without its query, status, time and user name; cookies and
 * tokens are never read into a log line; messages pass `scrub`, which masks CPR-like numbers and long
 * hex/base64 runs (person keys, tokens).
 */
export const logger = pino({
  level: process.env.EFFEKTSPOR_LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: undefined,
  redact: {
    paths: ["req.headers.cookie", "req.headers.authorization", "*.token", "*.password"],
    remove: true,
  },
});

export function scrub(text: string): string {
  return text
    .replace(/\b\d{6}-?\d{4}\b/g, "[cpr]")
    .replace(/\b[0-9a-f]{32,}\b/gi, "[nøgle]")
    .replace(/\b[A-Za-z0-9_-]{40,}\b/g, "[nøgle]");
}

export function requestLog(): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const actor = c.get("actor" as never) as Actor | null | undefined;
    logger.info({
      method: c.req.method,
      path: scrub(c.req.path),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      user: actor?.id ?? null,
    });
  };
}

export function logError(err: unknown): void {
  const e = err instanceof Error ? err : new Error(String(err));
  logger.error(
    { err: { name: e.name, message: scrub(e.message), stack: scrub(e.stack ?? "") } },
    "uventet fejl",
  );
}
