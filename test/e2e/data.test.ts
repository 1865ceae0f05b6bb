import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  freshDemoDataDir,
  launchBrowser,
  type RunningServer,
  seriousViolations,
  startServer,
} from "./server.ts";

describe("Data page and freezing in Chromium against the real server", () => {
  const dataDir = freshDemoDataDir("effektspor-e2e-data-");
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(dataDir);
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("lists the demo snapshot and recomputes with Beregn", async () => {
    await page.goto(`${server.url}/data`);
    await page.getByRole("heading", { name: "Snapshots" }).waitFor();
    // the first start imported the synthetic extract as the one snapshot, extraction date 15-11-2026
    await page.getByText("15-11-2026").first().waitFor();
    await page.getByRole("button", { name: "Beregn", exact: true }).click();
    await page.getByText(/Seneste beregning .*indikatorer/).waitFor({ timeout: 120_000 });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("freezes a project's month for the committee", async () => {
    const { projects } = (await (await fetch(`${server.url}/api/projects`)).json()) as {
      projects: { id: number; code: string }[];
    };
    const flereIJob = projects.find((p) => p.code === "flere-i-job");
    expect(flereIJob).toBeDefined();
    await page.goto(`${server.url}/projekter/${flereIJob?.id}`);
    await page.getByRole("heading", { name: "Rapporteret til udvalget" }).waitFor();
    await page.getByLabel("Måned, der indefryses").selectOption("2024-06");
    await page.getByRole("button", { name: "Indefrys måned" }).click();
    // Flere i job has 10 computed seed-002 indicators plus 3 full-time-person indicators, all with a
    // value for jun-24 in the demo snapshot
    await page.getByRole("status").filter({ hasText: "værdier for jun-24 er indefrosset" }).waitFor();
    const text = await page.getByRole("status").filter({ hasText: "indefrosset" }).innerText();
    expect(text).toMatch(/^13 værdier for jun-24/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
