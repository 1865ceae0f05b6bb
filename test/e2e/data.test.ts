import { describe, expect, it } from "vitest";
import { seriousViolations, useDemoServerAndBrowser } from "./server.ts";

describe("Data page and freezing in Chromium against the real server", () => {
  const e2e = useDemoServerAndBrowser("effektspor-e2e-data-");

  it("lists the demo snapshot and recomputes with Beregn", async () => {
    await e2e.page.goto(`${e2e.server.url}/data`);
    await e2e.page.getByRole("heading", { name: "Snapshots" }).waitFor();
    // the first start imported the synthetic extract as the one snapshot, extraction date 10-10-2025
    await e2e.page.getByText("10-10-2025").first().waitFor();
    await e2e.page.getByRole("button", { name: "Beregn", exact: true }).click();
    await e2e.page.getByText(/Seneste beregning .*indikatorer/).waitFor({ timeout: 120_000 });
    expect(await seriousViolations(e2e.page)).toEqual([]);
  });

  it("freezes a project's month for the committee", async () => {
    const { projects } = (await (await fetch(`${e2e.server.url}/api/projects`)).json()) as {
      projects: { id: number; code: string }[];
    };
    const flereIJob = projects.find((p) => p.code === "flere-i-job");
    expect(flereIJob).toBeDefined();
    await e2e.page.goto(`${e2e.server.url}/projekter/${flereIJob?.id}`);
    await e2e.page.getByRole("heading", { name: "Rapporteret til udvalget" }).waitFor();
    await e2e.page.getByLabel("Måned, der indefryses").selectOption("2024-06");
    await e2e.page.getByRole("button", { name: "Indefrys måned" }).click();
    // Flere i job has 10 computed seed-002 indicators plus 3 full-time-person indicators, all with a
    // value for jun-24 in the demo snapshot
    await e2e.page.getByRole("status").filter({ hasText: "værdier for jun-24 er indefrosset" }).waitFor();
    const text = await e2e.page.getByRole("status").filter({ hasText: "indefrosset" }).innerText();
    expect(text).toMatch(/^13 værdier for jun-24/);
    expect(await seriousViolations(e2e.page)).toEqual([]);
  });
});
