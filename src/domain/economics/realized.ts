/**
 * Realized gain (DESIGN 7): the full-time persons measured by an `fte` indicator against its
 * baseline, month by month, priced with the catalogue's net price per full-time person per year.
 *
 * A month's gain is (baseline − measured) × net price ÷ 12: the saving of that month at the
 * measured level. The engine's fte value for period M is measured over the month(s) before
 * primo M, so the gain is labelled with the status-scheme month M, as the rest of the system does.
 */
import type { Month } from "../calendar.ts";

export interface FteMeasurement {
  month: Month;
  /** null = no value that month */
  fte: number | null;
}

export interface RealizedSeriesInput {
  label: string;
  benefit: string;
  baselineFte: number;
  /** net price per full-time person per year for a month (budget year of that month) */
  netPerFteYear: (month: Month) => number | undefined;
  measurements: readonly FteMeasurement[];
}

export interface RealizedMonth {
  month: Month;
  measuredFte: number | null;
  reducedFte: number | null;
  netPerFteYear: number | null;
  gain: number | null;
  cumulative: number;
}

export interface RealizedSeries {
  label: string;
  benefit: string;
  baselineFte: number;
  months: RealizedMonth[];
  total: number;
}

export function realizedSeries(input: RealizedSeriesInput): RealizedSeries {
  let cumulative = 0;
  const months = [...input.measurements]
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
    .map((m): RealizedMonth => {
      const price = input.netPerFteYear(m.month);
      if (m.fte === null || price === undefined) {
        return {
          month: m.month,
          measuredFte: m.fte,
          reducedFte: m.fte === null ? null : input.baselineFte - m.fte,
          netPerFteYear: price ?? null,
          gain: null,
          cumulative,
        };
      }
      const reducedFte = input.baselineFte - m.fte;
      const gain = (reducedFte * price) / 12;
      cumulative += gain;
      return { month: m.month, measuredFte: m.fte, reducedFte, netPerFteYear: price, gain, cumulative };
    });
  return {
    label: input.label,
    benefit: input.benefit,
    baselineFte: input.baselineFte,
    months,
    total: cumulative,
  };
}

export interface CombinedMonth {
  month: Month;
  gain: number | null;
  cumulative: number;
}

/** Sums several series month by month (a month with no gain in any series has gain null). */
export function combineRealized(series: readonly RealizedSeries[]): CombinedMonth[] {
  const byMonth = new Map<Month, number | null>();
  for (const s of series) {
    for (const m of s.months) {
      const prev = byMonth.get(m.month) ?? null;
      byMonth.set(m.month, m.gain === null ? prev : (prev ?? 0) + m.gain);
    }
  }
  let cumulative = 0;
  return [...byMonth.keys()].sort().map((month) => {
    const gain = byMonth.get(month) ?? null;
    cumulative += gain ?? 0;
    return { month, gain, cumulative };
  });
}
