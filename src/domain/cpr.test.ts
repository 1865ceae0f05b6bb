import { describe, expect, it } from "vitest";
import { birthYear, cprBirthDate, cprSex, maskCpr, normalizeCpr } from "./cpr.ts";

describe("CPR", () => {
  it("normalizes with or without dash, pads 9 digits only when asked", () => {
    expect(normalizeCpr("010180-1234")).toBe("0101801234");
    expect(normalizeCpr(" 0101801234 ")).toBe("0101801234");
    expect(normalizeCpr("101801234")).toBeNull();
    expect(normalizeCpr("101801234", { padNine: true })).toBe("0101801234");
    expect(normalizeCpr("01018-01234")).toBeNull();
    expect(normalizeCpr("0101801234x")).toBeNull();
  });

  // DESIGN 4: digit 0–3 → 1900+YY; 4 or 9 → 2000+YY if YY ≤ 36 else 1900+YY; 5–8 → 2000+YY if YY ≤ 57 else 1800+YY
  it.each([
    [80, 0, 1980],
    [5, 3, 1905],
    [36, 4, 2036],
    [37, 4, 1937],
    [10, 9, 2010],
    [99, 9, 1999],
    [57, 5, 2057],
    [58, 8, 1858],
    [0, 6, 2000],
  ])("YY %i with 7th digit %i → %i", (yy, seventh, year) => {
    expect(birthYear(yy, seventh)).toBe(year);
  });

  it("derives birth date and sex (odd last digit = male)", () => {
    expect(cprBirthDate("1502904321")).toBe("1990-02-15"); // 7th digit 4, YY 90 > 36 → 1990
    expect(cprSex("1502904321")).toBe("M");
    expect(cprBirthDate("3112055678")).toBe("2005-12-31"); // 7th digit 5, YY 05 ≤ 57 → 2005
    expect(cprSex("3112055678")).toBe("K");
    expect(cprBirthDate("2902004000")).toBe("2000-02-29"); // 2000 is a leap year
    expect(cprBirthDate("2902001000")).toBeNull(); // 1900 is not
    expect(cprBirthDate("6101801234")).toBeNull(); // day 61: a substitute number, no birth date
  });

  it("does not apply the modulus-11 check", () => {
    // 0101801234: weights 4,3,2,7,6,5,4,3,2,1 give 0+4+0+7+48+5+4+6+6+4 = 84, not divisible by 11
    expect(cprBirthDate("0101801234")).toBe("1980-01-01");
  });

  it("masks the serial in messages", () => {
    expect(maskCpr("010203-1234")).toBe("010203-****");
    expect(maskCpr("0102031234")).toBe("010203-****");
    expect(maskCpr("12345")).toBe("12***");
  });
});
