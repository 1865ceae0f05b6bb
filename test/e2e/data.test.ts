import { describe, expect, it } from "vitest";
import { formatDate } from "../../src/domain/format.ts";
import { validFiles } from "../../src/warehouse/test-support.ts";
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

  it("asks before an older, smaller extract replaces the values, naming both snapshots and the drop", async () => {
    const { page } = e2e;
    const before = (await (await fetch(`${e2e.server.url}/api/snapshot-in-use`)).json()) as {
      inUse: { id: string; extractionDate: string; persons: number };
    };
    const demo = before.inUse;
    await page.goto(`${e2e.server.url}/data`);
    // the footer names the snapshot in use, its extraction date and persons
    const footer = page.getByRole("contentinfo");
    await footer.getByText(`Værdierne kommer fra snapshot ${demo.id}`).waitFor();
    expect(await footer.innerText()).toContain(`udtræksdato ${formatDate(demo.extractionDate)}`);

    // a 4-person test extract with extraction date 30-06-2024, before the demo's
    const files = Object.entries(validFiles()).map(([name, text]) => ({
      name,
      mimeType: name.endsWith(".json") ? "application/json" : "text/csv",
      buffer: Buffer.from(text, "utf8"),
    }));
    await page.getByLabel("Filer fra udtrækket").setInputFiles(files);
    await page.getByRole("button", { name: "Importér", exact: true }).click();
    const question = page.getByRole("alertdialog");
    await question.waitFor({ timeout: 60_000 });
    const text = await question.innerText();
    const small = /Vil du erstatte værdierne med tal fra (\S+)\?/.exec(text)?.[1];
    expect(small).toBeDefined();
    expect(text).toContain(
      `Snapshot ${small} (udtræksdato 30-06-2024, 4 personer) har en tidligere udtræksdato end snapshot ${demo.id} (udtræksdato ${formatDate(demo.extractionDate)}`,
    );
    expect(text).toContain(`færre personer`);
    expect(await seriousViolations(page)).toEqual([]);

    // keeping: nothing changed, and Beregn would use the demo's newer snapshot again
    await page.getByRole("button", { name: `Behold værdierne fra ${demo.id}` }).click();
    await question.waitFor({ state: "detached" });
    await page.getByText(`Beregn bruger snapshot ${demo.id}`).waitFor();
    expect(await footer.innerText()).toContain(`snapshot ${demo.id}`);

    // choosing it on purpose asks again; confirmed, the values come from it
    await page.getByLabel("Snapshot til beregningen").selectOption(small as string);
    await page.getByRole("button", { name: "Beregn", exact: true }).click();
    await question.waitFor();
    await page.getByRole("button", { name: `Beregn på ${small} alligevel` }).click();
    await footer.getByText(`Værdierne kommer fra snapshot ${small}`).waitFor({ timeout: 120_000 });
    expect(await footer.innerText()).toContain("udtræksdato 30-06-2024, 4 personer");
  });
});
