import { describe, expect, it } from "vitest";
import type { EffectsResponse } from "../../src/api/contract/effects.ts";
import { useDemoServerAndBrowser } from "./server.ts";

/**
 * Issue 13 on the real server (DESIGN 9.1): the demo's effect page of Flere i job shows the
 * estimate in one Danish sentence with its 95 % interval, the table per horizon, the chart of the
 * share on benefit from −12 to +24 months, the before-referral check and the balance table. The
 * expected words and numbers come from the API's stored estimates (the demo's first computation).
 */
describe("the effect page in Chromium against the real server", () => {
  const e2e = useDemoServerAndBrowser("effektspor-e2e-effect-");
  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${e2e.server.url}/api${path}`);
    expect(res.ok, `${path}: ${res.status}`).toBe(true);
    return (await res.json()) as T;
  };

  it("shows the sentence, the table per horizon, the chart, the check and the balance", async () => {
    const { projects } = await api<{ projects: { id: number; code: string }[] }>("/projects");
    const project = projects.find((p) => p.code === "flere-i-job")!;
    const data = await api<EffectsResponse>(`/projects/${project.id}/effects`);
    const effect = data.effects.find((e) => e.definition.code === "fij-effekt-kh")!;
    expect(effect.result, "the demo's first computation stored the estimates").not.toBeNull();
    await e2e.page.goto(`${e2e.server.url}/projekter/${project.id}`);
    await e2e.page.getByRole("link", { name: "Effekt mod sammenligningsgruppe" }).click();
    const section = e2e.page.locator(`section[data-effect="fij-effekt-kh"]`);
    await section.waitFor();
    const sentence = (await section.getByTestId("effect-sentence").textContent()) ?? "";
    expect(sentence).toBe(effect.sentence);
    expect(sentence).toMatch(
      /^De henviste havde \d+,\d (færre|flere) dage på ydelse de første \d+ måneder .*\(95 %-interval -?\d+,\d(–| til )-?\d+,\d dage\)\.$/,
    );
    // one table row per horizon of the definition (−6, 3, 6, 12)
    const table = section.locator("table", {
      has: e2e.page.locator("caption", { hasText: "Effekt pr. horisont" }),
    });
    expect(await table.locator("tbody tr").count()).toBe(4);
    expect(await table.locator("tbody tr").first().locator("th").textContent()).toBe("-6 mdr. (før)");
    // the chart: 37 months (−12 … 24), two lines drawn as SVG
    const chart = section.getByTestId("effect-chart");
    expect(await chart.getAttribute("data-months")).toBe("37");
    await chart.locator("svg").waitFor();
    // two series lines (37 points each) beside the axes and grid
    await chart.locator("svg path[d*='L']").nth(3).waitFor({ state: "attached" });
    expect(await chart.locator(".chart").getAttribute("aria-label")).toContain("vægtet sammenligningsgruppe");
    // the demo's referred were alike the comparison group before referral
    expect(await section.getByTestId("before-check").getAttribute("data-passed")).toBe(
      String(effect.check.passed),
    );
    expect(effect.check.passed).toBe(true);
    const balance = section.locator("table", { has: e2e.page.locator("caption", { hasText: "Balance" }) });
    expect(await balance.locator("tbody tr").count()).toBe(effect.result!.details.balance.length);
    expect(await section.getByTestId("matching-rate").textContent()).toContain(
      "fik en sammenlignelig kontrolgruppe",
    );
    // EFFECT_SCREENSHOT=file.png saves the page to look at
    if (process.env.EFFECT_SCREENSHOT) {
      await e2e.page.screenshot({ path: process.env.EFFECT_SCREENSHOT, fullPage: true });
    }
  });

  it("validates an edited definition with dotted paths in Danish", async () => {
    await e2e.page
      .locator(`section[data-effect="fij-effekt-kh"]`)
      .getByRole("button", { name: "Ret definitionen" })
      .click();
    const horizons = e2e.page.getByLabel(/^Horisonter/);
    await horizons.fill("-6, 0, 6");
    await e2e.page.locator("ul.errors li", { hasText: "horizons[1]" }).waitFor();
    expect(await e2e.page.locator("ul.errors").textContent()).toContain(
      "Horisonten 0 har intet udfaldsvindue",
    );
    await horizons.fill("-6, 3, 6, 12");
    await e2e.page.getByText("Definitionen er gyldig.").waitFor();
  });
});
