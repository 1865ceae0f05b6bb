import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/domain/format.ts";
import { seriousViolations, useDemoServerAndBrowser } from "./server.ts";

/**
 * Issue 14 on the real server in Chromium: the Benchmark page filled by the demo's benchmark set
 * (labelled demodata), and a baseline taken from a stored jobindsats value in the indicator form,
 * saved with its source and period in the note, after which the project page shows the jobindsats
 * series beside the indicator; a manual indicator's monthly value taken from a jobindsats value, its
 * note under the grid; the demo's full-time-person indicators with jobindsats.dk's series beside them.
 */
describe("benchmark with jobindsats.dk in Chromium against the real server", () => {
  const e2e = useDemoServerAndBrowser("effektspor-e2e-benchmark-");
  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${e2e.server.url}/api${path}`);
    expect(res.ok, `${path}: ${res.status}`).toBe(true);
    return (await res.json()) as T;
  };

  it("shows Hedensted beside RAR Østjylland: sentence, chart, table with ranks, demodata label", async () => {
    const { page, server } = e2e;
    await page.goto(`${server.url}/benchmark`);
    const sentence = page.getByTestId("benchmark-sentence");
    await sentence.waitFor();
    // the demo set gives Hedensted the lowest a-dagpenge share of the 11 municipalities
    expect(await sentence.innerText()).toMatch(
      /^Hedensted har den laveste andel på a-dagpenge \(fuldtidspersoner i pct\. af befolkningen 16-66 år\) i RAR Østjylland i december 2024 \(\d,\d+\)\.$/,
    );
    expect(await page.getByTestId("demo-label").innerText()).toContain("Demodata");
    await page.locator(".chart svg").first().waitFor();
    const table = page.locator("table").first();
    // 11 municipalities + RAR Østjylland + Hele landet
    expect(await table.locator("tbody tr").count()).toBe(13);
    const ownRow = await table.locator("tbody tr").first().innerText();
    expect(ownRow).toContain("Hedensted (egen kommune)");
    expect(ownRow).toContain("1 af 11");
    expect(await table.locator("thead").innerText()).toContain("december 2024");
    // exits to job: moving years in Danish
    await page.getByLabel("Måling").selectOption({ label: "Y14D03 Fra ydelse til job: Andel i job (pct.)" });
    await page.getByText("4. kvt. 2023–3. kvt. 2024").first().waitFor();
    expect(await page.getByTestId("benchmark-sentence").innerText()).toMatch(/højeste andel i job/);
    // own full-time persons against jobindsats': the demo's Hedensted follows its own within ±4 %
    // compact: one row per benefit, the newest 6 months as columns; every month unfolds
    const { comparison } = await api<{
      comparison: { rows: unknown[]; benefits: { over: number; months: number }[] };
    }>("/jobindsats/own-vs-jobindsats");
    const compact = page.locator("table", {
      has: page.locator("caption", { hasText: "Fuldtidspersoner: Effektspor / jobindsats.dk, de seneste 6" }),
    });
    await compact.waitFor();
    expect(await compact.locator("tbody tr").count()).toBe(comparison.benefits.length);
    expect(await compact.locator("thead").innerText()).toContain("dec-24");
    await page.getByText("Er udtrækket komplet?").waitFor();
    // the demo's Hedensted follows its own within ±4 %: no month is marked
    expect(comparison.benefits.every((b) => b.over === 0 && b.months > 0)).toBe(true);
    expect(await compact.innerText()).not.toContain("afviger");
    await page.getByText(`Vis alle ${comparison.rows.length} måneder`).click();
    const all = page.locator("table", {
      has: page.locator("caption", {
        hasText: "Fuldtidspersoner: Effektspor og jobindsats.dk, alle måneder",
      }),
    });
    await all.waitFor();
    expect(await all.locator("tbody tr").count()).toBe(comparison.rows.length);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("takes a baseline from a jobindsats value in the indicator form; source and period land in the note", async () => {
    const { page, server } = e2e;
    const { projects } = await api<{ projects: { id: number; code: string }[] }>("/projects");
    const project = projects.find((p) => p.code === "flere-i-job")!;
    await page.goto(`${server.url}/projekter/${project.id}`);
    await page.locator("table.status-grid").waitFor();
    const name =
      "Andel afsluttet til job, uddannelse og fleksjob seneste år: Aktivitetsparate kontanthjælpsmodtagere over 30 år";
    await page.getByRole("button", { name: `Ret indikator og mål: ${name}` }).click();
    await page.getByRole("button", { name: "Tag startmåling fra jobindsats.dk" }).click();
    const picker = page.getByLabel("Værdi fra jobindsats.dk");
    await picker.waitFor();
    // nothing is chosen beforehand, and the values are grouped per table and measure
    expect(await page.getByRole("button", { name: "Brug som startmåling" }).isDisabled()).toBe(true);
    expect(await picker.locator("optgroup").count()).toBeGreaterThan(1);
    const option = await picker
      .locator("option", { hasText: "Y14D03 Andel i job (pct.), Hedensted, 1. kvt. 2024–4. kvt. 2024" })
      .getAttribute("value");
    await picker.selectOption(option!);
    await page.getByRole("button", { name: "Brug som startmåling" }).click();
    expect(await page.getByLabel("Startmåling, kilde").inputValue()).toBe(
      "jobindsats.dk, Y14D03 Fra ydelse til job",
    );
    expect(await page.getByLabel("Startmåling, dato").inputValue()).toBe("2024-12-31");
    const note = await page.getByLabel("Startmåling, note").inputValue();
    expect(note).toBe(
      "Andel i job (pct.), Hedensted, 1. kvt. 2024–4. kvt. 2024; hentet 15-01-2025 fra demodata (syntetiske tal)",
    );
    await page.getByRole("button", { name: "Gem indikator" }).click();

    // stored as picked: the value the store holds for that cell
    const { values } = await api<{ values: { id: number; value: number }[] }>(
      "/jobindsats/values?tableId=y14d03",
    );
    const picked = values.find((v) => String(v.id) === option)!;
    const { indicators } = await api<{ indicators: { code: string; id: number }[] }>(
      `/projects/${project.id}/indicators`,
    );
    const id = indicators.find((i) => i.code === "fij-afsluttet-akt-kh-30")!.id;
    await expect
      .poll(
        async () =>
          (await api<{ indicator: { baselineNote: string | null } }>(`/indicators/${id}`)).indicator
            .baselineNote,
        {
          timeout: 30_000,
        },
      )
      .toBe(note);
    const { indicator } = await api<{ indicator: { baselineValue: number; baselineSource: string } }>(
      `/indicators/${id}`,
    );
    expect(indicator.baselineValue).toBe(picked.value);
    expect(indicator.baselineSource).toBe("jobindsats.dk, Y14D03 Fra ydelse til job");
    // the indicator now names y14d03: the project page shows the jobindsats series beside it
    await page.goto(`${server.url}/projekter/${project.id}`);
    const beside = page.getByRole("table", { name: `jobindsats.dk ved siden af ${name}` });
    await beside.waitFor();
    expect(await beside.innerText()).toContain("1. kvt. 2024–4. kvt. 2024");
  });

  it("takes a manual indicator's monthly value from a jobindsats value; value and note show on the project page", async () => {
    const { page, server } = e2e;
    const { projects } = await api<{ projects: { id: number; code: string }[] }>("/projects");
    const project = projects.find((p) => p.code === "klar-parat-i-job")!;
    const name = "Andel på a-dagpenge (jobindsats.dk)";
    const created = await fetch(`${server.url}/api/projects/${project.id}/indicators`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: "kpj-adp-andel-jobindsats", name, unit: "procent", kind: "manual" }),
    });
    expect(created.status).toBe(201);
    const { values } = await api<{
      values: { id: number; value: number; period: string; measure: string; month: string }[];
    }>("/jobindsats/values?tableId=y01a02");
    const december = values.find(
      (v) => v.period === "2024M12" && v.measure === "Fuldtidspersoner i pct. af befolkningen 16-66 år",
    )!;
    // December's numbers are Effektspor's value primo January 2025
    expect(december.month).toBe("2025-01");

    await page.goto(`${server.url}/projekter/${project.id}`);
    const card = page.locator(".chart-grid > div", { hasText: name });
    await card.getByRole("button", { name: "Hent månedsværdi fra jobindsats.dk" }).click();
    const picker = card.getByLabel("Værdi fra jobindsats.dk");
    await picker.waitFor();
    // a count into an indicator in procent is warned about; the share is not
    const count = values.find((v) => v.period === "2024M12" && v.measure === "Antal fuldtidspersoner")!;
    await picker.selectOption(String(count.id));
    const warning = card.getByRole("status").filter({ hasText: "Bemærk:" });
    expect(await warning.innerText()).toBe(
      "Bemærk: «Antal fuldtidspersoner» er et antal, men indikatoren måles i procent.",
    );
    await picker.selectOption(String(december.id));
    expect(await warning.count()).toBe(0);
    expect(await card.getByLabel("Måned (målt primo)").inputValue()).toBe("2025-01");
    await card.getByRole("button", { name: "Gem som månedsværdi" }).click();
    await card.getByRole("status").filter({ hasText: "er gemt for januar 2025" }).waitFor();

    // the grid shows the value in January 2025 and, under it, the note with source and period
    const cell = page.getByLabel(`${name}, januar 2025`);
    await expect.poll(() => cell.inputValue()).toBe(formatNumber(december.value, 4, true));
    const notes = page.getByRole("list", { name: "Noter til månedsværdier" });
    expect(await notes.innerText()).toContain(
      `${name}, januar 2025: jobindsats.dk, Y01A02 A-dagpenge: Fuldtidspersoner i pct. af befolkningen 16-66 år, Hedensted, december 2024; hentet 15-01-2025 fra demodata (syntetiske tal)`,
    );
    // after a reload too: the note is stored with the value
    await page.reload();
    await page.getByRole("list", { name: "Noter til månedsværdier" }).waitFor();
    expect(await page.getByLabel(`${name}, januar 2025`).inputValue()).toBe(
      formatNumber(december.value, 4, true),
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("the demo's full-time-person indicators name their jobindsats table: the series shows beside Effektspor's own", async () => {
    const { page, server } = e2e;
    const { projects } = await api<{ projects: { id: number; code: string }[] }>("/projects");
    const project = projects.find((p) => p.code === "flere-i-job")!;
    await page.goto(`${server.url}/projekter/${project.id}`);
    const beside = page.getByRole("table", {
      name: "jobindsats.dk ved siden af Fuldtidspersoner på kontanthjælp (måltal og økonomi)",
    });
    await beside.waitFor();
    expect(await beside.locator("caption").innerText()).toContain(
      "Y60A02, Antal fuldtidspersoner, Hedensted",
    );
    // the newest six demo months, each beside Effektspor's value primo the month after
    const rows = await beside.locator("tbody tr").allInnerTexts();
    expect(rows).toHaveLength(6);
    expect(rows.at(-1)).toMatch(/^december 2024\t[\d.,]+\t[\d.,]+ \(jan-25\)$/);
  });
});
