/**
 * Forecast: will the goal be reached? (DESIGN 9.2). Pure: a linear trend fitted by ordinary least
 * squares to an indicator's monthly values, t-based prediction intervals and the probability of
 * reaching each target, plus the status words the app shows beside a milestone.
 *
 * How the spec's open points are read here:
 * - "t = months since the first point used": calendar months (a missing month or a null value
 *   leaves a gap in t, it does not renumber the points); a target's t₀ is its months since that
 *   same first point, so a target before the data has a negative t₀.
 * - `from` keeps the points whose month is on or after `from`; "the first point used" is the
 *   first non-null one from there.
 * - n < 3: `slope`, `intercept`, `residual_sd` null and every target keeps its `period` and
 *   `value` with the computed fields null ("all fields null but id and n"; a target's own period
 *   and value are input, not computed).
 * - "se = 0": the residual spread of an exactly linear (or flat) series is zero in exact
 *   arithmetic but may come out as rounding noise in floating point; s is taken as 0 when it is
 *   below 1e-12 × (1 + the largest |y|), so such a series gets the 0/1 rule and degenerate
 *   intervals instead of a probability decided by rounding. ("ŷ reaches g" is ŷ ≥ g when higher
 *   is better, ŷ ≤ g when lower is better.)
 * - The status words' bands: p ≥ 0,7 "Forventes nået", 0,3 ≤ p < 0,7 "Usikkert", p < 0,3
 *   "Forventes ikke nået" (0,3 itself is "Usikkert").
 */
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { type Month, monthsBetween } from "./calendar.ts";

export type Better = "higher" | "lower";

export interface ForecastPoint {
  /** YYYY-MM */
  period: Month;
  value: number | null;
}

export interface ForecastTarget {
  /** YYYY-MM */
  period: Month;
  value: number;
}

export interface ForecastInput {
  id: string;
  series: readonly ForecastPoint[];
  better: Better;
  targets: readonly ForecastTarget[];
  /** YYYY-MM: fit from this month (default: the series' first point) */
  from?: Month;
}

export interface TargetForecast {
  period: Month;
  value: number;
  forecast: number | null;
  pi80_low: number | null;
  pi80_high: number | null;
  pi95_low: number | null;
  pi95_high: number | null;
  /** P(reaching the target), 0–1 */
  probability: number | null;
}

export interface Forecast {
  id: string;
  /** points used for the fit */
  n: number;
  slope: number | null;
  intercept: number | null;
  residual_sd: number | null;
  targets: TargetForecast[];
}

/** The fewest points for which a trend is fitted (n − 2 degrees of freedom ≥ 1). */
export const MIN_FORECAST_POINTS = 3;

export interface LinearFit {
  n: number;
  /** month of t = 0 */
  origin: Month;
  slope: number;
  intercept: number;
  /** s = √(SSR ÷ (n − 2)) */
  residualSd: number;
  meanT: number;
  /** Σ (t − t̄)² */
  sxx: number;
}

/** The points a forecast uses: non-null values from `from` on, in month order. */
export function forecastPoints(
  series: readonly ForecastPoint[],
  from?: Month,
): { period: Month; value: number }[] {
  return series
    .filter(
      (p): p is { period: Month; value: number } =>
        p.value !== null && (from === undefined || p.period >= from),
    )
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

/** OLS y = a + b·t over the points, t = months since the first point; undefined with fewer than 3 points. */
export function fitLinear(points: readonly { period: Month; value: number }[]): LinearFit | undefined {
  const n = points.length;
  if (n < MIN_FORECAST_POINTS) return undefined;
  const origin = points[0]!.period;
  const ts = points.map((p) => monthsBetween(origin, p.period));
  const ys = points.map((p) => p.value);
  const meanT = ts.reduce((s, t) => s + t, 0) / n;
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (ts[i]! - meanT) ** 2;
    sxy += (ts[i]! - meanT) * (ys[i]! - meanY);
  }
  // n ≥ 3 distinct months (a series has one value per month), so sxx > 0
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanT;
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += (ys[i]! - (intercept + slope * ts[i]!)) ** 2;
  let residualSd = Math.sqrt(ssr / (n - 2));
  const scale = 1 + Math.max(...ys.map((y) => Math.abs(y)));
  if (residualSd < 1e-12 * scale) residualSd = 0;
  return { n, origin, slope, intercept, residualSd, meanT, sxx };
}

/** Forecast, prediction intervals and probability of reaching one target from a fitted trend. */
export function forecastTarget(fit: LinearFit, target: ForecastTarget, better: Better): TargetForecast {
  const t0 = monthsBetween(fit.origin, target.period);
  const yHat = fit.intercept + fit.slope * t0;
  const df = fit.n - 2;
  const se = fit.residualSd * Math.sqrt(1 + 1 / fit.n + (t0 - fit.meanT) ** 2 / fit.sxx);
  const q80 = tQuantile(0.9, df);
  const q95 = tQuantile(0.975, df);
  let probability: number;
  if (se === 0) {
    probability = (better === "higher" ? yHat >= target.value : yHat <= target.value) ? 1 : 0;
  } else {
    // 1 − T(z) is computed as T(−z) (the t distribution is symmetric), which keeps a tiny
    // probability instead of rounding 1 − (1 − ε) to 0
    const z = (target.value - yHat) / se;
    probability = better === "higher" ? tCdf(-z, df) : tCdf(z, df);
  }
  return {
    period: target.period,
    value: target.value,
    forecast: yHat,
    pi80_low: yHat - q80 * se,
    pi80_high: yHat + q80 * se,
    pi95_low: yHat - q95 * se,
    pi95_high: yHat + q95 * se,
    probability,
  };
}

/** The forecast of one series (DESIGN 9.2). */
export function forecast(input: ForecastInput): Forecast {
  const points = forecastPoints(input.series, input.from);
  const fit = fitLinear(points);
  if (!fit) {
    return {
      id: input.id,
      n: points.length,
      slope: null,
      intercept: null,
      residual_sd: null,
      targets: input.targets.map((t) => ({
        period: t.period,
        value: t.value,
        forecast: null,
        pi80_low: null,
        pi80_high: null,
        pi95_low: null,
        pi95_high: null,
        probability: null,
      })),
    };
  }
  return {
    id: input.id,
    n: fit.n,
    slope: fit.slope,
    intercept: fit.intercept,
    residual_sd: fit.residualSd,
    targets: input.targets.map((t) => forecastTarget(fit, t, input.better)),
  };
}

export type ForecastStatus = "Forventes nået" | "Usikkert" | "Forventes ikke nået";

/** The status word beside a milestone or goal: p ≥ 0,7 reached, p < 0,3 not reached, else uncertain. */
export function forecastStatus(probability: number): ForecastStatus {
  if (probability >= 0.7) return "Forventes nået";
  if (probability >= 0.3) return "Usikkert";
  return "Forventes ikke nået";
}

/**
 * The app's first month of the trend (DESIGN 9.2): the later of the baseline month and the
 * indicator's break month (a law change, covid); either may be missing.
 */
export function forecastStart(baselineDate: string | null, breakMonth: string | null): Month | undefined {
  const baseline = baselineDate ? (baselineDate.slice(0, 7) as Month) : undefined;
  const brk = breakMonth ? (breakMonth.slice(0, 7) as Month) : undefined;
  if (!baseline) return brk;
  if (!brk) return baseline;
  return baseline > brk ? baseline : brk;
}
