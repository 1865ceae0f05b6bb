import { describe, expect, it } from "vitest";
import { formatValue, monthLabel } from "../../src/domain/format.ts";
import { seriousViolations, useDemoServerAndBrowser } from "./server.ts";

interface Scheme {
  project: { id: number; name: string };
  months: string[];
  rows: {
    indicator: { id: number; code: string; name: string; definition: Record<string, unknown> | null };
    cells: { period: string; value: number | null; frozen: { value: number | null } | null }[];
    status: string;
    statusLabel: string;
  }[];
}

/**
 * Issue 9, items 2, 3 and 7 on the real server: the project page fits a 1.366 px screen, a goal-less
 * indicator says "Intet mål", and a frozen month that a later computation changes shows up in the
 * revision table with the reported and the current value.
 */
describe("the project page in Chromium against the real server", () => {
  const e2e = useDemoServerAndBrowser("effektspor-e2e-projectpage-");
  const api = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(`${e2e.server.url}/api${path}`, {
      ...init,
      headers: { "content-type": "application/json", ...(init?.headers ?? {}) },
    });
    expect(res.ok, `${path}: ${res.status} ${await res.clone().text()}`).toBe(true);
    return (await res.json()) as T;
  };
  const projectId = async (code: string) => {
    const { projects } = await api<{ projects: { id: number; code: string }[] }>("/projects");
    return projects.find((p) => p.code === code)!.id;
  };
  const openProject = async (id: number) => {
    await e2e.page.goto(`${e2e.server.url}/projekter/${id}`);
    await e2e.page.locator("table.status-grid").waitFor();
    await e2e.page.locator(".chart svg").first().waitFor();
  };

  it("fits 1.366 × 900: the document is no wider than the viewport on every project page", async () => {
    await e2e.page.setViewportSize({ width: 1366, height: 900 });
    const { projects } = await api<{ projects: { id: number; code: string }[] }>("/projects");
    expect(projects.length).toBe(6);
    for (const p of projects) {
      await openProject(p.id);
      const { scrollWidth, clientWidth, innerWidth } = await e2e.page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        innerWidth: window.innerWidth,
      }));
      // before issue 9: 4.101 px on Flere i job (visually hidden cell text escaped the grid's scroller)
      expect({ code: p.code, scrollWidth }).toEqual({ code: p.code, scrollWidth: clientWidth });
      expect(clientWidth).toBeLessThanOrEqual(innerWidth);
    }
  });

  it("shows 12 months by default, keeps the goal columns, and lets the range be chosen", async () => {
    const id = await projectId("flere-i-job");
    await openProject(id);
    const head = () => e2e.page.locator("table.status-grid thead th").allInnerTexts();
    const monthHeads = async () => (await head()).filter((t) => /^[a-zæø]{3}-\d\d$/.test(t.trim()));
    expect(await monthHeads()).toHaveLength(12);
    const texts = (await head()).map((t) => t.replace(/\s+/g, " ").trim());
    // seed 002's columns for Flere i job: milestones aug-24 and jan-25, final goal jan-26
    expect(texts).toEqual(
      expect.arrayContaining([
        "Mindste mål pr. aug-24",
        "Mindste mål pr. jan-25",
        "Slutmål jan-26",
        "Status",
      ]),
    );
    await e2e.page.getByLabel("Vis", { exact: true }).selectOption("6");
    expect(await monthHeads()).toHaveLength(6);
    expect((await head()).map((t) => t.replace(/\s+/g, " ").trim())).toContain("Slutmål jan-26");
  });

  it("says Intet mål for an indicator without a goal, beside its value", async () => {
    const id = await projectId("klar-parat-i-job");
    await openProject(id);
    // seed 002: "A-dagpenge i alt" has a baseline (644) and no milestones or goal
    const row = e2e.page.locator('tr[data-indicator="kpj-adagpenge-i-alt"]');
    const status = await row.locator("td.status-cell").innerText();
    expect(status).toContain("Intet mål");
    expect(status).not.toContain("Ingen data");
    expect(await row.innerText()).toContain("644");
    expect(await seriousViolations(e2e.page)).toEqual([]);
  });

  it("describes each chart in Danish, with a unit on the y-axis", async () => {
    const id = await projectId("flere-i-job");
    await openProject(id);
    const labels = await e2e.page
      .locator(".chart")
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      expect(label).toMatch(/^Linjediagram for /);
      expect(label).not.toMatch(/This is a chart|\d{12,}/); // no English auto-text, no epoch milliseconds
    }
    // seed 002: Aktivitetsparate, baseline 103 (10-01-2024), milestones 100 and 98, goal 92
    expect(labels.join("\n")).toContain(
      "Startmåling 103 den 10-01-2024. Mindste mål: 100 pr. 01-08-2024, 98 pr. 01-01-2025. Slutmål 92 pr. 01-01-2026",
    );
    const axisNames = await e2e.page.locator(".chart svg text").allTextContents();
    expect(axisNames).toContain("personer");
    expect(axisNames).toContain("fuldtidspersoner");
  });

  it("answers a value that is not a number in plain Danish", async () => {
    const id = await projectId("kompetenceporten");
    await openProject(id);
    const cell = e2e.page.getByRole("textbox", { name: /^Behovsafdækning – antal virksomheder, / }).last();
    await cell.fill("tolv");
    await cell.press("Enter");
    const alert = e2e.page.getByRole("alert");
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain("«tolv» er ikke et tal. Skriv et tal, fx 12 eller 15,5");
    expect(text).not.toMatch(/Ugyldigt felt|matcher ingen/);
  });

  it("freezes a month, recomputes with a changed definition and reads the revision table", async () => {
    const id = await projectId("flere-i-job");
    await openProject(id);
    const period = "2024-06";
    // the default shows the 12 months up to dec-25; show jun-24 too
    await e2e.page.getByLabel("Fra", { exact: true }).selectOption(period);
    await e2e.page.getByLabel("Måned, der indefryses").selectOption(period);
    await e2e.page.getByRole("button", { name: "Indefrys måned" }).click();
    await e2e.page.getByRole("status").filter({ hasText: "er indefrosset" }).waitFor();
    // the grid marks the frozen cells at once
    await e2e.page.locator("td.cell-frozen").first().waitFor();

    const before = await api<Scheme>(`/projects/${id}/status-scheme`);
    const fte = before.rows.find((r) => r.indicator.code === "fij-fte-kontanthjaelp")!;
    const reported = fte.cells.find((c) => c.period === period)!;
    expect(reported.frozen?.value).toBe(reported.value);
    expect(reported.value).not.toBeNull();

    // change what the indicator counts: kontanthjælp and uddannelseshjælp, then Beregn
    const definition = {
      ...fte.indicator.definition,
      population: { benefits: ["kontanthjaelp", "uddannelseshjaelp"] },
    };
    await api(`/indicators/${fte.indicator.id}`, { method: "PATCH", body: JSON.stringify({ definition }) });
    await api("/compute", { method: "POST" });
    for (let i = 0; i < 240; i++) {
      const { computation } = await api<{ computation: { status: string; error: string | null } }>(
        "/computations/latest",
      );
      if (computation.status !== "running") {
        expect(computation.status, computation.error ?? "").toBe("ok");
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }

    const after = await api<Scheme>(`/projects/${id}/status-scheme`);
    const cell = after.rows
      .find((r) => r.indicator.code === "fij-fte-kontanthjaelp")!
      .cells.find((c) => c.period === period)!;
    // the reported value stays frozen; adding a benefit can only add person-time
    expect(cell.frozen?.value).toBe(reported.value);
    expect(cell.value!).toBeGreaterThan(reported.value!);

    await openProject(id);
    const table = e2e.page.getByRole("table", { name: "Revisioner af indefrosne værdier" });
    await table.waitFor();
    const row = table.getByRole("row", { name: new RegExp(fte.indicator.name.replace(/[()]/g, "\\$&")) });
    const cells = (await row.locator("th, td").allInnerTexts()).map((t) => t.trim());
    expect(cells.slice(0, 4)).toEqual([
      fte.indicator.name,
      monthLabel(period),
      formatValue(reported.value, "fuldtidspersoner"),
      formatValue(cell.value, "fuldtidspersoner"),
    ]);
    expect(cells[2]).not.toBe("–");
    expect(cells[3]).not.toBe("–");
    // the grid's cell shows the reported value beside the current one
    await e2e.page.getByLabel("Fra", { exact: true }).selectOption(period);
    const gridCell = e2e.page.locator('tr[data-indicator="fij-fte-kontanthjaelp"] td.cell-frozen').first();
    expect(await gridCell.textContent()).toContain(
      `rapporteret ${formatValue(reported.value, "fuldtidspersoner", { withUnit: false })}, nu`,
    );
    expect(await seriousViolations(e2e.page)).toEqual([]);
  });
});
