import { describe, expect, it } from "vitest";
import { goalStatusSentence, goalText } from "./report-text.ts";
import { shownValue } from "./suppression.ts";

const shown = (value: number, unit: "personer" | "procent", publication = false) =>
  shownValue({ value, unit }, publication);

describe("Opfølgning på mål: the status in words and numbers", () => {
  it("a count as seed 000 writes it: from month to month a fall of x pct.", () => {
    // seed 000: "Fra april 19 til december 20 et fald på 41 pct."; here 100 → 59 is (59 − 100) / 100 = −41 pct.
    expect(
      goalStatusSentence({
        unit: "personer",
        kind: "computed",
        baseline: { shown: shown(100, "personer"), month: "2019-04" },
        latest: { shown: shown(59, "personer"), month: "2020-12" },
      }),
    ).toBe("Fra april 2019 til december 2020 et fald på 41 pct. (fra 100 til 59)");
  });

  it("a share as seed 000 writes it: øget fra 14,3 pct. til 16,3 pct.", () => {
    expect(
      goalStatusSentence({
        unit: "procent",
        kind: "computed",
        baseline: { shown: shown(14.3, "procent"), month: "2019-04" },
        latest: { shown: shown(16.3, "procent"), month: "2020-12" },
      }),
    ).toBe("Andelen er øget fra 14,3 pct. til 16,3 pct.");
  });

  it("never computes a change from a suppressed count (it would reveal it)", () => {
    const s = goalStatusSentence({
      unit: "personer",
      kind: "computed",
      baseline: { shown: shown(80, "personer", true), month: "2024-01" },
      latest: { shown: shown(3, "personer", true), month: "2025-10" },
    });
    expect(s).toBe("Fra januar 2024 til oktober 2025: fra 80 til <5");
    expect(s).not.toContain("pct.");
  });

  it("without a baseline: the current value; without values: no data", () => {
    expect(
      goalStatusSentence({
        unit: "procent",
        kind: "computed",
        baseline: null,
        latest: { shown: shown(44, "procent"), month: "2020-12" },
      }),
    ).toBe("Aktuelt 44 pct. (primo december 2020)");
    expect(goalStatusSentence({ unit: "antal" as never, kind: "manual", baseline: null, latest: null })).toBe(
      "Ingen værdi indtastet endnu",
    );
  });

  it("the goal in the project's words, else built from the resolved goal", () => {
    expect(
      goalText({
        unit: "procent",
        text: "12,5 pct. færre i jobafklaring",
        resolved: 1,
        changeText: null,
        date: null,
      }),
    ).toBe("12,5 pct. færre i jobafklaring");
    expect(
      goalText({ unit: "personer", text: null, resolved: 48, changeText: "−40 pct.", date: "2026-01-01" }),
    ).toBe("Slutmål jan-26: 48 (−40 pct.)");
    expect(goalText({ unit: "personer", text: null, resolved: null, changeText: null, date: null })).toBe(
      "Intet slutmål",
    );
  });
});
