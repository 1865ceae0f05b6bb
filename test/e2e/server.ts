import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import { createServer as createHttpServer, request as httpRequest, type Server } from "node:http";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/users.ts";
import { tempDir } from "../temp.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * A fresh data directory holding a copy of the demo installation laid out once by global-setup.ts
 * (removed after the test file, test/temp.ts).
 */
export function freshDemoDataDir(prefix = "effektspor-e2e-"): string {
  const dir = tempDir(prefix);
  cpSync(inject("demoTemplateDir"), dir, { recursive: true });
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  /** where tests and the browser talk to the server: signed in as `role` (see startServer) */
  url: string;
  /** the server itself, signed out (for tests of signing in) */
  directUrl: string;
  process: ChildProcess;
  startupMs: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** A demo user name (one per role, src/demo/users.ts), or null for no transparent sign-in. */
export type SignInAs = "admin" | "analytiker" | "projektleder" | "laeser" | null;

export interface StartOptions {
  /** sign in transparently as this demo user (default analytiker); null: signed out */
  signInAs?: SignInAs;
  env?: Record<string, string>;
}

/**
 * Starts `effektspor serve` on a free port with the given data dir, resolving when it prints its
 * address. Tests and the browser reach it through `url`, a small proxy on loopback that signs in as
 * a demo user (analytiker unless told otherwise): it adds that session's cookie and CSRF token to
 * every request that carries none, so tests written before sign-in existed keep working unchanged.
 */
export async function startServer(
  dataDir: string,
  timeoutMs = 240_000,
  options: StartOptions = {},
): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "serve", "--port", String(port), "--data-dir", dataDir],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: "", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout?.on("data", (d) => {
    out += String(d);
  });
  child.stderr?.on("data", (d) => {
    out += String(d);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Serveren startede ikke inden for ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const check = () => {
      if (/kører på http/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Serveren stoppede (kode ${code}):\n${out}`));
    });
  });
  const startupMs = performance.now() - started;
  const directUrl = `http://127.0.0.1:${port}`;
  const signInAs = options.signInAs === undefined ? "analytiker" : options.signInAs;
  const proxy = await signedInProxy(port, signInAs ? await signIn(directUrl, signInAs) : null);
  return {
    url: proxy.url,
    directUrl,
    process: child,
    startupMs,
    output: () => out,
    stop: async () => {
      await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    },
  };
}

interface TestSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in as a demo user through the real sign-in route. */
export async function signIn(url: string, username: string, password = DEMO_PASSWORD): Promise<TestSession> {
  const res = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`Login som ${username} mislykkedes: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

async function signedInProxy(
  targetPort: number,
  session: TestSession | null,
): Promise<{ url: string; server: Server }> {
  const server = createHttpServer((req, res) => {
    const headers = { ...req.headers };
    if (session && !/effektspor_session=/.test(String(headers.cookie ?? ""))) {
      headers.cookie = headers.cookie ? `${headers.cookie}; ${session.cookie}` : session.cookie;
      headers["x-csrf-token"] ??= session.csrfToken;
    }
    const upstream = httpRequest(
      { host: "127.0.0.1", port: targetPort, method: req.method, path: req.url, headers },
      (up) => {
        // the upstream's keep-alive promise (timeout=5) is not the proxy's (1 s): forwarded, it let
        // fetch reuse a socket the proxy had just closed (ECONNRESET); Node states the proxy's own
        const { connection: _c, "keep-alive": _k, ...headers } = up.headers;
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.statusCode = 502;
      res.end();
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, server };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium with a fresh profile directory (removed after the test file, test/temp.ts). */
export async function launchBrowser(): Promise<BrowserContext> {
  const userDataDir = tempDir("effektspor-chromium-");
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 1000 },
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown }[];
}

/** Runs axe-core on the page; returns the serious and critical violations (WCAG 2.1 AA and best practice). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // evaluated through the DevTools protocol: the app's CSP forbids inline scripts, axe is not the app's
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} – ${v.nodes
          .map((n) => JSON.stringify(n.target))
          .slice(0, 3)
          .join(", ")}`,
    );
}

export interface BrowserTestContext {
  dataDir: string;
  server: RunningServer;
  browser: BrowserContext;
  page: Page;
}

/**
 * The lifecycle every browser test file shares: a copy of the demo installation, the real server on
 * it, Chromium with one page; `afterStart` runs between server start and browser launch (e.g. to
 * write an extra snapshot). Read the fields inside tests, after beforeAll has run.
 */
export function useDemoServerAndBrowser(
  prefix: string,
  afterStart?: (dataDir: string) => Promise<void>,
  options: StartOptions = {},
): BrowserTestContext {
  const ctx = { dataDir: freshDemoDataDir(prefix) } as BrowserTestContext;
  beforeAll(async () => {
    ctx.server = await startServer(ctx.dataDir, undefined, options);
    await afterStart?.(ctx.dataDir);
    ctx.browser = await launchBrowser();
    ctx.page = await ctx.browser.newPage();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  return ctx;
}
