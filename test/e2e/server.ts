import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
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
  url: string;
  process: ChildProcess;
  startupMs: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `effektspor serve` on a free port with the given data dir, resolving when it prints its address. */
export async function startServer(dataDir: string, timeoutMs = 240_000): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "serve", "--port", String(port), "--data-dir", dataDir],
    { cwd: repoRoot, env: { ...process.env, DATABASE_URL: "" }, stdio: ["ignore", "pipe", "pipe"] },
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
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    startupMs,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
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
  await page.addScriptTag({ content: axeSource });
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
): BrowserTestContext {
  const ctx = { dataDir: freshDemoDataDir(prefix) } as BrowserTestContext;
  beforeAll(async () => {
    ctx.server = await startServer(ctx.dataDir);
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
