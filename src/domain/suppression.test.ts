import { describe, expect, it } from "vitest";
import {
  isSmallCount,
  SMALL_COUNT_TEXT,
  SUPPRESSED_SHARE_TEXT,
  shownCount,
  shownValue,
} from "./suppression.ts";

describe("small-number suppression for publication", () => {
  it("shows counts 1–4 as <5 only in publication; 0 and 5 stay", () => {
    for (const n of [1, 2, 3, 4]) {
      expect(shownValue({ value: n, unit: "personer" }, true)).toEqual({
        value: null,
        text: SMALL_COUNT_TEXT,
        suppressed: "small_count",
      });
      expect(shownValue({ value: n, unit: "antal" }, false).text).toBe(String(n));
    }
    expect(shownValue({ value: 0, unit: "personer" }, true).text).toBe("0");
    expect(shownValue({ value: 5, unit: "personer" }, true).text).toBe("5");
    expect(shownValue({ value: 1212, unit: "personer" }, true).text).toBe("1.212");
  });

  it("rounds a count as printed before judging it (4,4 prints as 4 → <5; 4,6 prints as 5)", () => {
    expect(shownValue({ value: 4.4, unit: "antal" }, true).text).toBe(SMALL_COUNT_TEXT);
    expect(shownValue({ value: 4.6, unit: "antal" }, true).text).toBe("5");
  });

  it("hides a share whose denominator is below 5, and keeps one of 5 or more", () => {
    // 2 of 4 = 50 pct.: the denominator 4 is below 5
    expect(shownValue({ value: 50, unit: "procent", numerator: 2, denominator: 4 }, true)).toEqual({
      value: null,
      text: SUPPRESSED_SHARE_TEXT,
      suppressed: "small_denominator",
    });
    expect(shownValue({ value: 50, unit: "procent", numerator: 2, denominator: 4 }, false).text).toBe(
      "50 pct.",
    );
    // 3 of 5 = 60 pct.: shown
    expect(shownValue({ value: 60, unit: "procent", numerator: 3, denominator: 5 }, true).text).toBe(
      "60 pct.",
    );
    // a share typed in by hand (no denominator) is shown
    expect(shownValue({ value: 40.6, unit: "procent" }, true).text).toBe("40,6 pct.");
  });

  it("never touches durations, kroner or full-time persons, and keeps a missing value missing", () => {
    expect(shownValue({ value: 3, unit: "uger" }, true).text).toBe("3 uger");
    expect(shownValue({ value: 3, unit: "kr." }, true).text).toBe("3 kr.");
    expect(shownValue({ value: 2.5, unit: "fuldtidspersoner" }, true).text).toBe("2,5 fuldtidspersoner");
    expect(shownValue({ value: null, unit: "personer" }, true, { empty: "Ingen data" }).text).toBe(
      "Ingen data",
    );
  });

  it("suppresses bare counts in sentences the same way", () => {
    expect(shownCount(3, true)).toBe(SMALL_COUNT_TEXT);
    expect(shownCount(3, false)).toBe("3");
    expect(shownCount(0, true)).toBe("0");
    expect(isSmallCount(null)).toBe(false);
  });
});
