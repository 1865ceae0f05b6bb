import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addMonthsToDate,
  completedYears,
  daysInMonth,
  daysInMonthOf,
  diffDays,
  fromDayNumber,
  isIsoDate,
  isMonth,
  monthOf,
  monthRange,
  monthsBetween,
  parseDate,
  parseMonth,
  referenceDate,
  subtractMonthsFromDate,
  toDayNumber,
  tryParseDate,
} from "./calendar.ts";

describe("months", () => {
  it("validates and normalizes", () => {
    expect(isMonth("2024-02")).toBe(true);
    expect(isMonth("2024-13")).toBe(false);
    expect(isMonth("2024-2")).toBe(false);
    expect(parseMonth(" 2024-2 ")).toBe("2024-02");
    expect(() => parseMonth("feb-24")).toThrow(/Ugyldig måned "feb-24"/);
    expect(() => parseMonth("2024-00")).toThrow(RangeError);
  });

  it("adds months across year ends", () => {
    expect(addMonths("2024-11", 3)).toBe("2025-02");
    expect(addMonths("2024-01", -1)).toBe("2023-12");
    expect(addMonths("2024-01", -25)).toBe("2021-12");
    expect(monthsBetween("2024-01", "2026-01")).toBe(24);
  });

  it("lists a range inclusive of both ends", () => {
    // Seed 002's status scheme runs Jan 2024 – Jan 2026: 25 monthly columns.
    const range = monthRange("2024-01", "2026-01");
    expect(range).toHaveLength(25);
    expect(range[0]).toBe("2024-01");
    expect(range[12]).toBe("2025-01");
    expect(range.at(-1)).toBe("2026-01");
    expect(monthRange("2024-03", "2024-03")).toEqual(["2024-03"]);
    expect(monthRange("2024-04", "2024-03")).toEqual([]);
  });

  it("gives the reference date primo måneden and the month of a date", () => {
    expect(referenceDate("2024-08")).toBe("2024-08-01");
    expect(monthOf("2024-01-10")).toBe("2024-01");
    expect(() => monthOf("2024-02-30")).toThrow(RangeError);
  });

  it("knows month lengths", () => {
    expect(daysInMonth(2024, 2)).toBe(29); // divisible by 4
    expect(daysInMonth(2100, 2)).toBe(28); // century, not by 400
    expect(daysInMonth(2000, 2)).toBe(29); // by 400
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonthOf("2024-12")).toBe(31);
  });
});

describe("dates", () => {
  it("parses ISO and Danish day-first dates, rejecting dates that do not exist", () => {
    expect(tryParseDate("2024-01-10")).toBe("2024-01-10");
    expect(tryParseDate("10-01-2024")).toBe("2024-01-10");
    expect(tryParseDate("1.8.2024")).toBe("2024-08-01");
    expect(tryParseDate("31/12/2024")).toBe("2024-12-31");
    expect(tryParseDate("29-02-2024")).toBe("2024-02-29");
    expect(tryParseDate("29-02-2023")).toBeNull();
    expect(tryParseDate("2024-02-30")).toBeNull();
    expect(tryParseDate("2024-1-10")).toBeNull();
    expect(tryParseDate("")).toBeNull();
    expect(() => parseDate("31-04-2024")).toThrow(/Ugyldig dato "31-04-2024"/);
    expect(isIsoDate("2024-04-31")).toBe(false);
  });

  it("does day arithmetic without timezone effects", () => {
    // 1970-01-01 is day 0; 2000-03-01 is 30 years + 7 leap days + Jan/Feb 2000 (31+29): 10957+60.
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("2000-03-01")).toBe(11017);
    expect(fromDayNumber(11017)).toBe("2000-03-01");
    expect(fromDayNumber(-1)).toBe("1969-12-31");
    // Across the Danish DST switch (31 March 2024) a day is still a day.
    expect(addDays("2024-03-30", 2)).toBe("2024-04-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-01-01", -1)).toBe("2023-12-31");
    expect(diffDays("2024-01-10", "2024-01-01")).toBe(9);
    expect(diffDays("2025-01-01", "2024-01-01")).toBe(366); // 2024 is a leap year
    expect(diffDays("2024-01-01", "2024-01-10")).toBe(-9);
  });

  it("round-trips every day over several centuries", () => {
    // Walk day by day with an independent successor (day+1, rolling month and year) and check both
    // directions; mismatches are collected so the loop stays fast.
    const mismatches: string[] = [];
    let [y, m, d] = [1899, 12, 25];
    for (let n = toDayNumber("1899-12-25"); n < toDayNumber("2101-01-05"); n++) {
      const date = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      if (fromDayNumber(n) !== date || toDayNumber(date) !== n) mismatches.push(date);
      if (++d > daysInMonth(y, m)) [d, m] = [1, m + 1];
      if (m > 12) [m, y] = [1, y + 1];
    }
    expect(mismatches).toEqual([]);
  });

  it("subtracts months keeping the day, clamped to the target month's last day", () => {
    expect(subtractMonthsFromDate("2024-08-01", 12)).toBe("2023-08-01");
    expect(subtractMonthsFromDate("2024-03-31", 1)).toBe("2024-02-29");
    expect(subtractMonthsFromDate("2023-03-31", 1)).toBe("2023-02-28");
    expect(subtractMonthsFromDate("2024-05-31", 3)).toBe("2024-02-29");
    expect(subtractMonthsFromDate("2024-07-31", 1)).toBe("2024-06-30");
    expect(subtractMonthsFromDate("2024-01-15", 13)).toBe("2022-12-15");
    expect(addMonthsToDate("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonthsToDate("2024-02-29", 12)).toBe("2025-02-28");
  });

  it("counts completed years, a birthday on D counting", () => {
    expect(completedYears("1994-08-01", "2024-08-01")).toBe(30);
    expect(completedYears("1994-08-02", "2024-08-01")).toBe(29);
    expect(completedYears("2000-02-29", "2023-02-28")).toBe(22);
    expect(completedYears("2000-02-29", "2023-03-01")).toBe(23);
  });
});
