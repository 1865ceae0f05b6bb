/**
 * The definition editor lists exactly the measure catalogue: the "Måling" choices of the indicator
 * form are the kinds of GET /api/measures in catalogue order with their labels, and choosing a kind
 * shows its parameters (and the population fields only for kinds that take a population).
 */
import { describe, expect, it } from "vitest";
import type { MeasureCatalogueResponse } from "../../src/api/contract/measures.ts";
import { measureKinds } from "../../src/engine/measures.ts";
import { useDemoServerAndBrowser } from "./server.ts";

describe("definition editor in Chromium against the real server", () => {
  const e2e = useDemoServerAndBrowser("effektspor-e2e-editor-");

  it("offers every kind of GET /api/measures, and each kind's parameters", async () => {
    const res = await fetch(`${e2e.server.url}/api/measures`);
    expect(res.status).toBe(200);
    const { measures } = (await res.json()) as MeasureCatalogueResponse;
    // the API serves the engine's catalogue, all 14 kinds
    expect(measures.map((m) => m.kind)).toEqual(measureKinds);

    const { page } = e2e;
    await page.goto(`${e2e.server.url}/`);
    await page.getByRole("link", { name: "Kompetenceporten" }).click();
    await page.getByRole("button", { name: "Ny indikator" }).click();
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Ny indikator" }) });
    await form.getByLabel("Type", { exact: true }).selectOption("computed");
    const measure = form.getByLabel("Måling", { exact: true });
    await measure.waitFor();

    const options = await measure
      .locator("option")
      .evaluateAll((els) => els.map((e) => [(e as HTMLOptionElement).value, e.textContent ?? ""]));
    expect(options).toEqual(measures.map((m) => [m.kind, m.label]));

    const editor = form.locator(".definition-editor");
    for (const m of measures) {
      await measure.selectOption(m.kind);
      // the labels and legends of the editor's fields, hints left out
      const shown = await editor.evaluate((root) =>
        [...root.querySelectorAll(".form-grid label, .form-grid legend")]
          .filter((e) => e.closest(".check") === null)
          .map((e) => {
            const clone = e.cloneNode(true) as HTMLElement;
            for (const hint of clone.querySelectorAll(".hint")) hint.remove();
            return (clone.textContent ?? "").trim();
          }),
      );
      for (const p of m.params) {
        expect(shown, `${m.kind}.${p.key}`).toContain(`${p.label}${p.required ? " (skal udfyldes)" : ""}`);
      }
      expect(shown.includes("Ydelser (målgruppe)"), `${m.kind}: population`).toBe(m.population);
      expect(shown.includes("Tallet viser"), `${m.kind}: result view`).toBe(m.share);
    }
  });
});
