import { describe, expect, it } from "vitest";
import { seriousViolations, useDemoServerAndBrowser } from "./server.ts";

describe("Økonomi og Måltal i Chromium mod den rigtige server", () => {
  const e2e = useDemoServerAndBrowser("effektspor-e2e-oek-");

  it("Flere i job: forventet afkast i kroner og realiseret gevinst (eller Ingen data)", async () => {
    const { projects } = (await (await fetch(`${e2e.server.url}/api/economics/projects`)).json()) as {
      projects: { projectId: number; code: string }[];
    };
    const fij = projects.find((p) => p.code === "flere-i-job")!;
    await e2e.page.goto(`${e2e.server.url}/oekonomi?projekt=${fij.projectId}`);
    await e2e.page.getByRole("heading", { name: "Business case: Flere i job" }).waitFor();
    await e2e.page.getByRole("table", { name: "Projekternes forventede og realiserede økonomi" }).waitFor();
    const text = await e2e.page.locator("main").innerText();
    // seed 004: potential 630.728 kr. a year; 2 × 550.000 invested; the effects start in April 2024,
    // so year 1 saves 9 months: 630.728,04 × 9/12 + 630.728,04 − 1.100.000 = 3.774 kr.
    expect(text).toContain("630.728 kr.");
    expect(text).toContain("1.100.000 kr.");
    expect(text).toContain("3.774 kr.");
    expect(text).toMatch(/Realiseret gevinst indtil nu: (Ingen data|-?[\d.]+ kr\.)/);
    // jobafklaring (seed 001): about 1,3 mio. kr.
    expect(text).toContain("1.300.000 kr.");
    // the price catalogue (seed 004 table 1) and the staircase chart
    await e2e.page.getByRole("table", { name: /Priskatalog/ }).waitFor();
    expect(await e2e.page.getByLabel("Bruttoudgift for Kontanthjælp 2024").inputValue()).toBe("154031");
    await e2e.page.getByRole("img", { name: /Kommunal nettopris pr\. uge/ }).waitFor();
    expect(await seriousViolations(e2e.page)).toEqual([]);
  });

  it("prisen kan rettes i kataloget og gemmes", async () => {
    await e2e.page.goto(`${e2e.server.url}/oekonomi`);
    const gross = e2e.page.getByLabel("Refusionsprocent for Uddannelseshjælp 2024");
    await gross.waitFor();
    await gross.fill("25");
    const row = e2e.page.getByRole("row", { name: /Uddannelseshjælp 2024/ });
    await row.getByRole("button", { name: "Gem" }).click();
    // 86.511 × 0,75 = 64.883,25 → 64.883 kr.
    await e2e.page
      .getByRole("row", { name: /Uddannelseshjælp 2024/ })
      .getByText("64.883 kr.")
      .waitFor();
  });

  it("business casen kan rettes i formularen", async () => {
    const { projects } = (await (await fetch(`${e2e.server.url}/api/economics/projects`)).json()) as {
      projects: { projectId: number; code: string }[];
    };
    const fij = projects.find((p) => p.code === "flere-i-job")!;
    await e2e.page.goto(`${e2e.server.url}/oekonomi?projekt=${fij.projectId}`);
    await e2e.page.getByRole("button", { name: "Ret business casen" }).click();
    await e2e.page.getByLabel("Udgift pr. medarbejder pr. år (kr.)").waitFor();
    expect(await seriousViolations(e2e.page)).toEqual([]);
    await e2e.page.getByLabel("Udgift pr. medarbejder pr. år (kr.)").fill("600.000; 600.000");
    await e2e.page.getByRole("button", { name: "Gem business case" }).click();
    // after the previous test uddannelseshjælp's net is 86.511 × 0,75 = 64.883,25; per year
    // 2 × (118.804,1103 + 64.883,25 + 131.469,0325) = 630.312,79 − 600.000 = 30.312,79; two years 60.625,57 → 60.626 kr.
    await e2e.page.getByText("Forventet nettoresultat 60.626 kr.").waitFor();
  });

  it("Måltal: tabellen pr. ydelsesgruppe med totaler og Ingen data-opfølgning", async () => {
    await e2e.page.goto(`${e2e.server.url}/maaltal`);
    await e2e.page.getByRole("table", { name: "Sygedagpenge" }).waitFor();
    const text = await e2e.page.locator("main").innerText();
    expect(text).toContain("Investering - Flere i job – kontanthjælp");
    // 649 + 433 + 385 + 1.212 + 58 = 2.737
    expect(text).toContain("2.737");
    expect(text).toContain("1.212");
    expect(await seriousViolations(e2e.page)).toEqual([]);
  });
});
