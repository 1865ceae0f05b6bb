import { describe, expect, it } from "vitest";
import { seriousViolations, useDemoServerAndBrowser } from "./server.ts";

/**
 * Issue 12 on the real server in Chromium: the Rapporter page generates the committee report (one
 * project, PDF, to keep it short) with progress, approves it, and the approved report is listed and
 * opens unchanged (the file from the list is byte for byte the one that was generated). The project
 * page shows "Opfølgning på mål" from the same model.
 */
describe("the Rapporter page", () => {
  const e2e = useDemoServerAndBrowser("effektspor-e2e-reports-");

  it("generates, approves and reopens a report from the list", async () => {
    const { page, server } = e2e;
    const { projects } = (await (await fetch(`${server.url}/api/projects`)).json()) as {
      projects: { id: number; name: string }[];
    };
    const [first, ...rest] = projects;
    await page.goto(`${server.url}/rapporter`);
    await page.getByRole("heading", { name: "Rapporter", level: 1 }).waitFor();
    await page.getByText("Ingen rapporter er godkendt endnu.").waitFor();
    await page.getByRole("checkbox", { name: first!.name }).waitFor();
    // one project: uncheck the others
    for (const p of rest) await page.getByRole("checkbox", { name: p.name, exact: true }).uncheck();
    await page.getByRole("radio", { name: "PDF" }).check();
    await page.getByRole("button", { name: "Dan rapport" }).click();
    const download = page.getByRole("link", { name: /^Hent udvalgsrapport-\d{4}-\d{2}\.pdf$/ });
    await download.waitFor({ timeout: 120_000 });
    const generatedHref = await download.getAttribute("href");
    const generated = Buffer.from(await (await fetch(`${server.url}${generatedHref}`)).arrayBuffer());
    expect(generated.subarray(0, 5).toString()).toBe("%PDF-");

    await page.getByRole("button", { name: "Godkend til udvalget" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /er godkendt/ })
      .waitFor();
    expect(await page.getByRole("status").textContent()).toMatch(/værdier er indefrosset/);
    const row = page.getByRole("row", { name: /Opfølgning på investeringsprojekter/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("PDF");
    const open = row.getByRole("link", { name: /^Åbn udvalgsrapport-/ });
    const href = await open.getAttribute("href");
    const reopened = Buffer.from(await (await fetch(`${server.url}${href}`)).arrayBuffer());
    expect(reopened.equals(generated)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // a reload lists it too (a record in the store, not page state)
    await page.reload();
    await page.getByRole("row", { name: /Opfølgning på investeringsprojekter/ }).waitFor();
  });

  it("shows Opfølgning på mål on the project page", async () => {
    const { page, server } = e2e;
    const { projects } = (await (await fetch(`${server.url}/api/projects`)).json()) as {
      projects: { id: number; name: string }[];
    };
    const p = projects[1]!;
    const followUp = (await (await fetch(`${server.url}/api/projects/${p.id}/goal-follow-up`)).json()) as {
      project: { goals: { indicator: string; sentence: string }[] };
    };
    await page.goto(`${server.url}/projekter/${p.id}`);
    await page.getByRole("heading", { name: "Opfølgning på mål" }).waitFor();
    const table = page.locator("table.goal-follow-up");
    await table.waitFor();
    const first = followUp.project.goals[0]!;
    expect(await table.textContent()).toContain(first.sentence);
    expect(await table.locator("tbody tr").count()).toBe(followUp.project.goals.length);
  });
});
