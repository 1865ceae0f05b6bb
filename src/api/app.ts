import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { ApiError, toApiError } from "./errors.ts";
import { logError, requestLog } from "./logger.ts";
import { openApiDocument } from "./openapi.ts";
import { ApiRouter, type AppDeps } from "./router.ts";
import { accessRoutes } from "./routes/access.ts";
import { economicsRoutes } from "./routes/economics.ts";
import { effectsRoutes } from "./routes/effects.ts";
import { engineRoutes } from "./routes/engine.ts";
import { jobindsatsRoutes } from "./routes/jobindsats.ts";
import { projectsRoutes } from "./routes/projects.ts";
import { reportsRoutes } from "./routes/reports.ts";
import { computeOneRoutes, snapshotUseRoutes } from "./routes/snapshot-use.ts";
import { snapshotsRoutes } from "./routes/snapshots.ts";
import { bodyLimits, csrfProtection, rateLimit, securityHeaders } from "./security.ts";
import { authConfigFromEnv } from "./session.ts";

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

/**
 * The HTTP app: JSON API under /api (one error shape), the built web UI for everything else. Every
 * response carries the security headers; every API request passes the rate limit, the body limit
 * and, when it changes something, the CSRF check (src/api/security.ts).
 */
export function createApp(deps: AppDeps): Hono {
  const auth = deps.config.auth ?? authConfigFromEnv();
  const routers = [
    accessRoutes,
    projectsRoutes,
    snapshotsRoutes,
    snapshotUseRoutes,
    computeOneRoutes,
    engineRoutes,
    economicsRoutes,
    jobindsatsRoutes,
    effectsRoutes,
    reportsRoutes,
  ].map((register) => {
    const router = new ApiRouter(deps);
    register(router);
    return router;
  });

  const app = new Hono();
  app.onError(async (err, c) => {
    // a refusal before the body was read (sign-in, role, CSRF) reads a small body first, so the
    // connection stays usable for the client's next request instead of being closed under it
    const length = Number(c.req.header("content-length") ?? 0);
    if (c.req.raw.body && !c.req.raw.bodyUsed && length <= 1024 * 1024) {
      await c.req.raw.arrayBuffer().catch(() => undefined);
    }
    const known = toApiError(err);
    if (known) return c.json(known.toBody(), known.status);
    logError(err);
    return c.json(new ApiError("internal", "Der opstod en uventet fejl på serveren").toBody(), 500);
  });

  app.use("*", securityHeaders(auth));
  app.use("/api/*", requestLog(), rateLimit(auth), bodyLimits(), csrfProtection(auth));

  const api = new Hono();
  api.get("/openapi.json", (c) => c.json(openApiDocument(routers)));
  api.get("/health", (c) => c.json({ ok: true }));
  for (const router of routers) api.route("/", router.hono);
  api.all("*", () => {
    throw new ApiError("not_found", "Ukendt adresse i API'et");
  });
  app.route("/api", api);

  if (existsSync(webDist)) {
    app.use("/*", serveStatic({ root: path.relative(process.cwd(), webDist) }));
    const indexHtml = readFileSync(path.join(webDist, "index.html"), "utf8");
    // single-page app: unknown paths get index.html so client-side routes survive a reload
    app.get("*", (c) => c.html(indexHtml));
  } else {
    app.get("*", (c) => c.text("Brugerfladen er ikke bygget. Kør: npm run build:web", 503));
  }
  return app;
}
