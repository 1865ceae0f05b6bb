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
    const effectStart = e2e.page.getByLabel("Effekterne starter");
    // the demo's case keeps its effect start (April 2024) in the form
    expect(await effectStart.inputValue()).toBe("2024-04");
    await e2e.page.getByLabel("Udgift pr. medarbejder pr. år (kr.)").fill("600.000; 600.000");
    // outside the project's period (2024-01 – 2025-12): a Danish message, nothing saved
    await effectStart.fill("2026-03");
    await e2e.page.getByRole("button", { name: "Gem business case" }).click();
    await e2e.page
      .getByText("Effekternes start skal være en måned i projektets periode (2024-01 – 2025-12)", {
        exact: false,
      })
      .waitFor();
    await effectStart.fill("2024-02");
    await e2e.page.getByRole("button", { name: "Gem business case" }).click();
    // after the previous test uddannelseshjælp's net is 86.511 × 0,75 = 64.883,25; a full year saves
    // S = 2 × (118.804,1103 + 64.883,25 + 131.469,0325) = 630.312,79. The effects start in February 2024,
    // so year 1 saves 11 months: 630.312,79 × 11/12 + 630.312,79 − 2 × 600.000 = 8.099,51 → 8.100 kr.
    await e2e.page.getByText("Forventet nettoresultat 8.100 kr.").waitFor();
    // payback: 50.000 kr. invested a month from January 2024, S ÷ 12 = 52.526,07 kr. saved a month from
    // February; after month k (0 = January 2024) the net is 52.526,07 × k − 50.000 × (k + 1) ≥ 0 from
    // k = 50.000 ÷ 2.526,07 = 19,8 → k = 20: September 2025, the project's month 21
    const text = await e2e.page.locator("main").innerText();
    expect(text).toContain("tilbagebetalt sep-25 (måned 21)");
    const { businessCases } = (await (
      await fetch(`${e2e.server.url}/api/economics/business-cases`)
    ).json()) as {
      businessCases: { projectId: number; model: { effectStartMonth?: string } }[];
    };
    expect(businessCases.find((b) => b.projectId === fij.projectId)?.model.effectStartMonth).toBe("2024-02");
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

  it("Måltal: en linje tilføjes, rettes og slettes i formularen, med danske fejlbeskeder", async () => {
    const { page } = e2e;
    const api = async () =>
      (await (await fetch(`${e2e.server.url}/api/economics/maaltal`)).json()) as {
        report: { groups: { group: string; total: number; lines: { label: string; fte: number }[] }[] };
      };
    const before = (await api()).report.groups.find((g) => g.group === "Sygedagpenge")!;
    await page.goto(`${e2e.server.url}/maaltal`);
    const form = page.getByRole("form", { name: "Tilføj en linje" });
    await form.waitFor();
    await form.getByLabel("Ydelsesgruppe", { exact: true }).selectOption("Sygedagpenge");
    await form.getByLabel("Linje", { exact: true }).fill("E2E budgetforlig");
    await form.getByLabel("Antal fuldtidspersoner").fill("tolv");
    await form.getByLabel("Type").selectOption("agreement");
    await form.getByRole("button", { name: "Tilføj linjen" }).click();
    await form.getByText("Skriv et tal, fx 12 eller -15,5").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByLabel("Antal fuldtidspersoner").fill("12,5");
    await form.getByRole("button", { name: "Tilføj linjen" }).click();
    await page.getByRole("status").filter({ hasText: "Linjen «E2E budgetforlig» er tilføjet." }).waitFor();
    const added = (await api()).report.groups.find((g) => g.group === "Sygedagpenge")!;
    expect(added.total).toBeCloseTo(before.total + 12.5, 9);
    await page
      .getByRole("table", { name: "Sygedagpenge" })
      .getByRole("row", { name: /E2E budgetforlig/ })
      .waitFor();

    await page.getByRole("button", { name: "Ret linjen E2E budgetforlig" }).click();
    const edit = page.getByRole("form", { name: "Ret linjen «E2E budgetforlig»" });
    await edit.getByLabel("Antal fuldtidspersoner").fill("10");
    await edit.getByRole("button", { name: "Gem rettelsen" }).click();
    await page.getByRole("status").filter({ hasText: "er rettet" }).waitFor();
    expect((await api()).report.groups.find((g) => g.group === "Sygedagpenge")!.total).toBeCloseTo(
      before.total + 10,
      9,
    );

    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Slet linjen E2E budgetforlig" }).click();
    await page.getByRole("status").filter({ hasText: "er slettet" }).waitFor();
    const after = (await api()).report.groups.find((g) => g.group === "Sygedagpenge")!;
    expect(after.total).toBeCloseTo(before.total, 9);
    expect(after.lines.map((l) => l.label)).toEqual(before.lines.map((l) => l.label));
  });
});
