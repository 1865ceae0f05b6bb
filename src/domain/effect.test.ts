import { describe, expect, it } from "vitest";
import {
  beforeReferralCheck,
  type EffectRow,
  effectSentence,
  headlineRow,
  measuredEffectKroner,
  trustSentence,
} from "./effect.ts";

const row = (
  horizon: number,
  matched: number,
  days: [number, number, number] | null,
  share: [number, number, number] = [0, -1, 1],
): EffectRow => ({
  effect: "e",
  horizon,
  treated: matched,
  matched,
  unmatched: 0,
  controls: matched,
  share_treated: 50,
  share_control: 50 - share[0],
  share_difference: share[0],
  share_ci_low: share[1],
  share_ci_high: share[2],
  days_treated: days ? 100 : null,
  days_control: days ? 100 - days[0] : null,
  days_difference: days?.[0] ?? null,
  days_ci_low: days?.[1] ?? null,
  days_ci_high: days?.[2] ?? null,
});

describe("the effect's words", () => {
  it("says DESIGN 9.1's sentence: a negative difference is fewer days, its interval turned around", () => {
    expect(effectSentence(row(6, 40, [-19.5, -31.5, -7.6]))).toBe(
      "De henviste havde 19,5 færre dage på ydelse de første 6 måneder end sammenlignelige borgere, der ikke var henvist (95 %-interval 7,6–31,5 dage).",
    );
    expect(effectSentence(row(1, 40, [2, -1, 5]))).toContain(
      "2,0 flere dage på ydelse den første måned end sammenlignelige borgere, der ikke var henvist (95 %-interval -1,0 til 5,0 dage).",
    );
    expect(effectSentence(undefined)).toContain("kan ikke beregnes");
  });

  it("headlines the longest positive horizon with at least 30 matched, else the longest with an estimate", () => {
    const rows = [row(-6, 40, [0, -1, 1]), row(6, 40, [-1, -2, 0]), row(12, 29, [-2, -3, -1])];
    expect(headlineRow(rows)?.horizon).toBe(6);
    expect(headlineRow([row(6, 10, [-1, -2, 0]), row(12, 5, [-2, -3, -1])])?.horizon).toBe(12);
    expect(headlineRow([row(-6, 40, [0, -1, 1])])).toBeUndefined();
  });

  it("fails the before-referral check when a negative horizon's interval excludes 0", () => {
    expect(beforeReferralCheck([row(-6, 40, [-1, -3, 1])]).passed).toBe(true);
    expect(beforeReferralCheck([row(-6, 40, [-7, -12, -2])]).passed).toBe(false);
    expect(beforeReferralCheck([row(-6, 40, [0, -1, 1], [5, 1, 9])]).passed).toBe(false);
    expect(beforeReferralCheck([row(3, 40, [-7, -12, -2])]).text).toContain("ingen negative horisonter");
  });

  it("prices the days difference: −d × matched × net price ÷ 365", () => {
    // −(−10) days × 40 matched × 118.804 kr. ÷ 365 = 400 × 325,49… = 130.196,16 kr.;
    // interval: days −16 … −4 → 640 × 325,49… = 208.313,86 and 160 × 325,49… = 52.078,47
    const k = measuredEffectKroner(row(6, 40, [-10, -16, -4]), 118_804)!;
    expect(k.pricePerDay).toBeCloseTo(118_804 / 365, 9);
    expect(k.kroner).toBeCloseTo((400 * 118_804) / 365, 6);
    expect(k.kronerLow).toBeCloseTo((160 * 118_804) / 365, 6);
    expect(k.kronerHigh).toBeCloseTo((640 * 118_804) / 365, 6);
    expect(measuredEffectKroner(row(6, 0, null), 118_804)).toBeUndefined();
  });

  it("says which to trust", () => {
    expect(trustSentence({ matched: 40, checkPassed: true, holdsZero: false })).toMatch(
      /^Stol mest på den målte effekt\./,
    );
    expect(trustSentence({ matched: 10, checkPassed: true, holdsZero: false })).toContain("færre end 30");
    expect(trustSentence({ matched: 40, checkPassed: false, holdsZero: false })).toContain(
      "Stol på ingen af dem alene",
    );
    expect(trustSentence(null)).toContain("ingen målt effekt");
  });
});
