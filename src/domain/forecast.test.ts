import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldenPath } from "../../test/fixtures.ts";
import { type Forecast, forecast, forecastStart, forecastStatus } from "./forecast.ts";
import { parseForecastRequest } from "./forecast-input.ts";

/** Every field of `actual` against `expected`: same keys, nulls equal, numbers to a relative 1e-6. */
function differences(actual: unknown, expected: unknown, path = ""): string[] {
  if (expected === null || actual === null)
    return actual === expected ? [] : [`${path}: ${actual} ≠ ${expected}`];
  if (typeof expected === "number") {
    const a = actual as number;
    const ok = a === expected || Math.abs(a - expected) <= 1e-6 * Math.max(Math.abs(a), Math.abs(expected));
    return ok ? [] : [`${path}: ${a} ≠ ${expected}`];
  }
  if (typeof expected === "object") {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    if (Object.keys(a).join() !== Object.keys(e).join())
      return [`${path}: felter ${Object.keys(a)} ≠ ${Object.keys(e)}`];
    return Object.keys(e).flatMap((k) => differences(a[k], e[k], `${path}.${k}`));
  }
  return actual === expected ? [] : [`${path}: ${String(actual)} ≠ ${String(expected)}`];
}

describe("forecast golden example (DESIGN 9.2)", () => {
  const input = JSON.parse(readFileSync(goldenPath("forecast-example", "input.json"), "utf8"));
  const expected = JSON.parse(
    readFileSync(goldenPath("forecast-example", "expected.json"), "utf8"),
  ) as Forecast[];

  it("reproduces expected.json on every field to 1e-6", () => {
    const parsed = parseForecastRequest(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const actual = parsed.forecasts.map(forecast);
    expect(actual).toHaveLength(expected.length);
    expect(differences(actual, expected)).toEqual([]);
  });
});

describe("forecast by hand", () => {
  it("fewer than 3 points: only id and n, target fields null", () => {
    // two non-null points (the null month is not a point) → n = 2, no trend
    const f = forecast({
      id: "x",
      series: [
        { period: "2024-01", value: 10 },
        { period: "2024-02", value: null },
        { period: "2024-03", value: 12 },
      ],
      better: "higher",
      targets: [{ period: "2024-06", value: 20 }],
    });
    expect(f).toEqual({
      id: "x",
      n: 2,
      slope: null,
      intercept: null,
      residual_sd: null,
      targets: [
        {
          period: "2024-06",
          value: 20,
          forecast: null,
          pi80_low: null,
          pi80_high: null,
          pi95_low: null,
          pi95_high: null,
          probability: null,
        },
      ],
    });
  });

  it("an exactly linear series (se = 0): degenerate intervals, probability 1 or 0", () => {
    // t = 0, 1, 2 (months since 2024-01), y = 2, 5, 8: t̄ = 1, ȳ = 5, Sxx = 2, Sxy = 6 → b = 3,
    // a = 5 − 3·1 = 2, every residual 0 → s = 0, se = 0. Target 2024-05 (t₀ = 4): ŷ = 2 + 12 = 14.
    const series = [
      { period: "2024-01", value: 2 },
      { period: "2024-02", value: 5 },
      { period: "2024-03", value: 8 },
    ];
    const f = forecast({
      id: "lin",
      series,
      better: "higher",
      targets: [
        { period: "2024-05", value: 14 }, // ŷ = 14 ≥ 14 → 1
        { period: "2024-05", value: 14.5 }, // 14 < 14,5 → 0
      ],
    });
    expect(f.slope).toBe(3);
    expect(f.intercept).toBe(2);
    expect(f.residual_sd).toBe(0);
    expect(f.targets[0]).toEqual({
      period: "2024-05",
      value: 14,
      forecast: 14,
      pi80_low: 14,
      pi80_high: 14,
      pi95_low: 14,
      pi95_high: 14,
      probability: 1,
    });
    expect(f.targets[1]!.probability).toBe(0);
    // lower is better: ŷ = 14 ≤ 14 → 1; 14 > 13 → 0
    const low = forecast({
      id: "lin",
      series,
      better: "lower",
      targets: [
        { period: "2024-05", value: 14 },
        { period: "2024-05", value: 13 },
      ],
    });
    expect(low.targets.map((t) => t.probability)).toEqual([1, 0]);
  });

  it("OLS with a gap in the months, t quantiles at n − 2 degrees of freedom, lower is better", () => {
    // months 2024-01, 2024-02, 2024-04 (2024-03 missing) → t = 0, 1, 3; y = 10, 9, 8.
    // t̄ = 4/3, ȳ = 9; Sxx = 16/9 + 1/9 + 25/9 = 42/9 = 14/3;
    // Sxy = (−4/3)(1) + (−1/3)(0) + (5/3)(−1) = −3 → b = −3 ÷ 14/3 = −9/14;
    // a = 9 + (9/14)(4/3) = 9 + 6/7 = 69/7.
    // fitted: 69/7 = 9,857142…, 69/7 − 9/14 = 129/14 = 9,214285…, 69/7 − 27/14 = 111/14 = 7,928571…
    // residuals: 10 − 138/14 = 2/14, 9 − 129/14 = −3/14, 8 − 111/14 = 1/14; SSR = 14/196 = 1/14;
    // s = √(1/14 ÷ 1) = 0,267261…
    // target 2024-07 (t₀ = 6), g = 6: ŷ = 69/7 − 54/14 = 84/14 = 6;
    // se = s·√(1 + 1/3 + (6 − 4/3)² ÷ 14/3) = s·√(4/3 + (196/9)(3/14)) = s·√(4/3 + 14/3) = s·√6.
    // With 1 degree of freedom (Cauchy): q(0,90) = tan(0,4π) = 3,0776835…, q(0,975) = tan(0,475π) = 12,7062047…
    // lower is better: P = T₁((g − ŷ)/se) = T₁(0) = 0,5.
    const f = forecast({
      id: "gap",
      series: [
        { period: "2024-01", value: 10 },
        { period: "2024-02", value: 9 },
        { period: "2024-04", value: 8 },
      ],
      better: "lower",
      targets: [
        { period: "2024-07", value: 6 },
        { period: "2024-07", value: 6 + Math.sqrt(1 / 14) * Math.sqrt(6) },
      ],
    });
    const s = Math.sqrt(1 / 14);
    const se = s * Math.sqrt(6);
    expect(f.n).toBe(3);
    expect(f.slope).toBeCloseTo(-9 / 14, 12);
    expect(f.intercept).toBeCloseTo(69 / 7, 12);
    expect(f.residual_sd).toBeCloseTo(s, 12);
    const t = f.targets[0]!;
    expect(t.forecast).toBeCloseTo(6, 12);
    expect(t.pi80_low).toBeCloseTo(6 - Math.tan(0.4 * Math.PI) * se, 10);
    expect(t.pi80_high).toBeCloseTo(6 + Math.tan(0.4 * Math.PI) * se, 10);
    expect(t.pi95_low).toBeCloseTo(6 - Math.tan(0.475 * Math.PI) * se, 10);
    expect(t.pi95_high).toBeCloseTo(6 + Math.tan(0.475 * Math.PI) * se, 10);
    expect(t.probability).toBeCloseTo(0.5, 12);
    // g = ŷ + se: P = T₁(1) = 1/2 + atan(1)/π = 0,75
    expect(f.targets[1]!.probability).toBeCloseTo(0.75, 12);
  });

  it("`from` cuts the start and moves t = 0 to the first point used", () => {
    // from 2024-03: points 2024-03, 2024-04, 2024-05 = 1, 3, 5 → t = 0, 1, 2, b = 2, a = 1, s = 0.
    // (Without `from` the 100 in 2024-01 would dominate.) Target 2024-08: t₀ = 5, ŷ = 11.
    // higher is better, g = 11 → ŷ ≥ g → 1.
    const f = forecast({
      id: "from",
      series: [
        { period: "2024-01", value: 100 },
        { period: "2024-02", value: null },
        { period: "2024-03", value: 1 },
        { period: "2024-04", value: 3 },
        { period: "2024-05", value: 5 },
      ],
      better: "higher",
      targets: [{ period: "2024-08", value: 11 }],
      from: "2024-02",
    });
    expect(f.n).toBe(3);
    expect(f.slope).toBe(2);
    expect(f.intercept).toBe(1);
    expect(f.targets[0]!.forecast).toBe(11);
    expect(f.targets[0]!.probability).toBe(1);
  });
});

describe("forecastStatus (the words beside a milestone)", () => {
  it("≥ 0,7 reached, 0,3–0,7 uncertain, < 0,3 not reached", () => {
    expect(forecastStatus(1)).toBe("Forventes nået");
    expect(forecastStatus(0.7)).toBe("Forventes nået");
    expect(forecastStatus(0.6999)).toBe("Usikkert");
    expect(forecastStatus(0.3)).toBe("Usikkert");
    expect(forecastStatus(0.2999)).toBe("Forventes ikke nået");
    expect(forecastStatus(0)).toBe("Forventes ikke nået");
  });
});

describe("forecast input validation", () => {
  it("names the field by its dotted path, in Danish", () => {
    const r = parseForecastRequest({
      forecasts: [
        { id: "a", series: [], better: "higher", targets: [] },
        {
          id: "b",
          series: [
            { period: "2024-13", value: 1 },
            { period: "2024-01", value: "x" },
          ],
          better: "up",
          targets: [{ period: "2024-02" }],
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toContain("forecasts[1].series[0].period");
    expect(paths).toContain("forecasts[1].series[1].value");
    expect(paths).toContain("forecasts[1].better");
    expect(paths).toContain("forecasts[1].targets[0].value");
    expect(r.errors.find((e) => e.path === "forecasts[1].better")!.message).toBe(
      "better skal være higher eller lower",
    );
  });

  it("rejects a month twice in one series", () => {
    const r = parseForecastRequest({
      forecasts: [
        {
          id: "a",
          series: [
            { period: "2024-01", value: 1 },
            { period: "2024-01", value: 2 },
          ],
          better: "higher",
          targets: [],
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        { path: "forecasts[0].series[1].period", message: "Måneden 2024-01 står allerede i series[0]" },
      ]);
  });
});

describe("forecastStart", () => {
  it("is the later of the baseline month and the break month", () => {
    expect(forecastStart("2024-01-10", "2024-03")).toBe("2024-03");
    expect(forecastStart("2024-05-01", "2020-03")).toBe("2024-05");
    expect(forecastStart(null, "2020-03")).toBe("2020-03");
    expect(forecastStart("2024-01-10", null)).toBe("2024-01");
    expect(forecastStart(null, null)).toBeUndefined();
  });
});
