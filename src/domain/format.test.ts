import { describe, expect, it } from "vitest";
import {
  countText,
  formatDate,
  formatDecimal,
  formatKroner,
  formatMillionKroner,
  formatNumber,
  formatPercent,
  formatValue,
  monthLabel,
  monthLabelLong,
  parseDanishNumber,
  roundHalfUp,
  unitName,
} from "./format.ts";

describe("numbers", () => {
  it("groups thousands with '.' and uses ',' for decimals (DESIGN 8)", () => {
    expect(formatNumber(1212)).toBe("1.212"); // måltal total, seed 002
    expect(formatNumber(630728)).toBe("630.728"); // seed 004 total reduced amount
    expect(formatNumber(1234567.891, 2)).toBe("1.234.567,89");
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(-15)).toBe("-15"); // budget line, seed 002
    expect(formatNumber(-1212.5, 1)).toBe("-1.212,5");
    expect(formatNumber(0.04, 1)).toBe("0,0"); // no "-0,0" from tiny values
    expect(formatNumber(-0.04, 1)).toBe("0,0");
    expect(formatNumber(Number.NaN)).toBe("–");
  });

  it("formats fixed decimals", () => {
    expect(formatDecimal(17.8, 1)).toBe("17,8");
    expect(formatDecimal(100, 1)).toBe("100,0"); // Tabel 1's "100,0"
    expect(formatDecimal(5.942, 3)).toBe("5,942");
  });

  it("rounds half away from zero, also for binary fractions", () => {
    expect(roundHalfUp(2.45, 1)).toBe(2.5);
    expect(roundHalfUp(1.005, 2)).toBe(1.01); // 1.005 is stored as 1.00499…
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp((18 / 261) * 100, 1)).toBe(6.9); // 6.896…, seed 003 Tabel 1
    expect(roundHalfUp(1e-7, 2)).toBe(0);
  });

  it("formats percentages as the seed prints them", () => {
    expect(formatPercent(87.9)).toBe("87,9 pct.");
    expect(formatPercent(70)).toBe("70 pct.");
    expect(formatPercent(70, 1, true)).toBe("70,0 pct.");
    expect(formatPercent(51.9667)).toBe("52 pct."); // 52,0 → trailing zero dropped
    expect(formatPercent(22.87, 2)).toBe("22,87 pct."); // refusion %, seed 004
  });

  it("formats kroner", () => {
    expect(formatKroner(118804)).toBe("118.804 kr.");
    expect(formatKroner(2284.69)).toBe("2.285 kr.");
    expect(formatMillionKroner(1_500_000)).toBe("1,5 mio. kr.");
    expect(formatMillionKroner(1_300_000)).toBe("1,3 mio. kr.");
  });
});

describe("dates and months", () => {
  it("formats dates day-first", () => {
    expect(formatDate("2024-01-10")).toBe("10-01-2024");
    expect(() => formatDate("10-01-2024")).toThrow(RangeError);
  });

  it("labels months with Danish abbreviations", () => {
    expect(monthLabel("2024-02")).toBe("feb-24");
    expect(monthLabel("2024-05")).toBe("maj-24");
    expect(monthLabel("2025-10")).toBe("okt-25");
    expect(monthLabel("2026-01")).toBe("jan-26");
    expect(monthLabel("2009-12")).toBe("dec-09");
    expect(monthLabelLong("2024-03")).toBe("marts 2024");
  });
});

describe("formatValue", () => {
  it("formats by unit", () => {
    expect(formatValue(1212, "personer")).toBe("1.212");
    expect(formatValue(30, "antal")).toBe("30");
    expect(formatValue(87.9, "procent")).toBe("87,9 pct.");
    expect(formatValue(87.9, "procent", { withUnit: false })).toBe("87,9");
    expect(formatValue(17.8, "uger")).toBe("17,8 uger");
    expect(formatValue(18.8, "uger", { withUnit: false })).toBe("18,8");
    expect(formatValue(103.8, "fuldtidspersoner")).toBe("103,8 fuldtidspersoner");
    expect(formatValue(6, "fuldtidspersoner")).toBe("6 fuldtidspersoner");
    expect(formatValue(1, "fuldtidspersoner")).toBe("1 fuldtidsperson");
    expect(formatValue(103.8, "fuldtidspersoner", { withUnit: false })).toBe("103,8");
    expect(formatValue(118804, "kr.")).toBe("118.804 kr.");
  });

  it("writes Danish singular and plural, and unit names", () => {
    expect(countText(1, "værdi", "værdier")).toBe("1 værdi");
    expect(countText(13, "værdi", "værdier")).toBe("13 værdier");
    expect(countText(0, "værdi", "værdier")).toBe("0 værdier");
    expect(countText(1212, "række", "rækker")).toBe("1.212 rækker");
    expect(unitName("procent")).toBe("pct.");
    expect(unitName("fuldtidspersoner")).toBe("fuldtidspersoner");
  });

  it("shows missing values", () => {
    expect(formatValue(null, "personer")).toBe("–");
    expect(formatValue(undefined, "procent")).toBe("–");
    expect(formatValue(null, "procent", { empty: "Ingen data" })).toBe("Ingen data");
  });
});

describe("parseDanishNumber", () => {
  it("reads Danish numbers", () => {
    expect(parseDanishNumber("1.212,5")).toBe(1212.5);
    expect(parseDanishNumber("17,8")).toBe(17.8);
    expect(parseDanishNumber("1.212")).toBe(1212);
    expect(parseDanishNumber("1.234.567")).toBe(1234567);
    expect(parseDanishNumber("-15")).toBe(-15);
    expect(parseDanishNumber("−2")).toBe(-2);
    expect(parseDanishNumber(" 87,9 pct. ")).toBe(87.9);
    expect(parseDanishNumber("118.804 kr.")).toBe(118804);
    expect(parseDanishNumber("40 000")).toBe(40000);
    expect(parseDanishNumber("5%")).toBe(5);
    expect(parseDanishNumber(",5")).toBe(0.5);
    expect(parseDanishNumber("-0")).toBe(0);
  });

  it("reads a dot as decimal mark where it cannot be grouping", () => {
    expect(parseDanishNumber("17.8")).toBe(17.8);
    expect(parseDanishNumber("0.125")).toBe(0.125);
    expect(parseDanishNumber("1234.5")).toBe(1234.5);
    expect(parseDanishNumber("5.942")).toBe(5942); // three digits after one dot: grouping (rule)
  });

  it("accepts English exports when both marks are present", () => {
    expect(parseDanishNumber("1,212.5")).toBe(1212.5);
    expect(parseDanishNumber("1,234,567")).toBe(1234567);
  });

  it("rejects text that is not a number", () => {
    for (const bad of ["", "  ", "abc", "1.2.3", "12,5,3", "1.21,5", "1,5.3", "--1", "1e3", "pct."]) {
      expect(parseDanishNumber(bad), bad).toBeNull();
    }
  });
});
