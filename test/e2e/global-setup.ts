import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { repoRoot } from "./server.ts";

/**
 * Once per browser-test run: build the web UI the server serves, check for Chromium, and lay out
 * one demo installation (projects, synthetic extract imported, first computation) that every test
 * copies as its fresh data directory, instead of each paying for generating and importing it.
 */
export default function setup(project: TestProject) {
  ensureChromium();
  execFileSync("npm", ["run", "build:web"], { cwd: repoRoot, stdio: "inherit" });
  const template = mkdtempSync(path.join(tmpdir(), "effektspor-e2e-template-"));
  execFileSync(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "demo", "reset", "--data-dir", template],
    {
      cwd: repoRoot,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: "" },
    },
  );
  project.provide("demoTemplateDir", template);
  return () => rmSync(template, { recursive: true, force: true });
}

/**
 * The browser tests drive Debian's Chromium. A fresh machine of this project's kind lacks it, so as
 * root with apt-get it is installed here (what .ci/run does too); otherwise the message says how.
 */
function ensureChromium(): void {
  if (existsSync("/usr/bin/chromium")) return;
  const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canInstall) {
    throw new Error(
      "Browsertestene kræver Debians Chromium i /usr/bin/chromium: apt-get install -y chromium",
    );
  }
  console.log("Chromium mangler: installerer Debians chromium (apt-get) til browsertestene …");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

declare module "vitest" {
  export interface ProvidedContext {
    demoTemplateDir: string;
  }
}
