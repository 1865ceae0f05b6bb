/**
 * Exit statistics (afgangsstatistik, DESIGN 2.5, seed 003): ended courses counted by exit reason,
 * as counts and percentages, grouped into outcome categories, with columns that are either parts
 * of one population (Tabel 1: Individuel vejledning | Afklaringsforløb) or years side by side
 * (Tabel 3: 2010 … 2014).
 *
 * Percentages are computed from the counts. The seeds print row percentages to one decimal and
 * then add those ROUNDED figures to get group shares (25,2 = 5,7 + 19,5, where 66/261 is 25,3), so
 * both figures are returned: the exact one for use, the sum of rounded ones to reconcile with the
 * source. Totals are always the sum of the rows; a total stated in a source that disagrees is
 * flagged, never used (Tabel 3 states 251 for 2010 while its rows sum to 244).
 */
import { formatDecimal, formatNumber, roundHalfUp } from "./format.ts";

/** One exit reason; `counts` per column, null for a blank cell (counted as 0 in sums). */
export interface ExitRowInput {
  label: string;
  counts: (number | null)[];
}

/** An outcome group: a named set of exit-reason labels (configurable mapping, DESIGN 4). */
export interface OutcomeGroup {
  name: string;
  members: string[];
}

export interface ExitTableInput {
  columns: string[];
  rows: ExitRowInput[];
  groups?: OutcomeGroup[];
  /** Totals as printed in the source per column ("I alt", "Frameldte i alt"); null = not stated. */
  statedTotals?: (number | null)[];
  /** The source's grand total across columns, when it states one. */
  statedGrandTotal?: number | null;
}

/** A count and its share of a total; `percentRounded` to one decimal, as the seeds print it. */
export interface Share {
  count: number;
  percent: number | null;
  percentRounded: number | null;
}

export interface ExitRowResult {
  label: string;
  counts: (number | null)[];
  /** Across all columns ("Afsluttet i alt") and its share of the grand total. */
  total: Share;
  /** Each column's count as a share of that column's total (e.g. "Pct. 2014"). */
  byColumn: Share[];
}

export interface GroupShare extends Share {
  /** Sum of the members' rounded row percentages, rounded again to one decimal: the seeds' method. */
  percentSumOfRounded: number | null;
}

export interface GroupResult {
  name: string;
  members: string[];
  total: GroupShare;
  byColumn: GroupShare[];
}

export interface TotalMismatch {
  /** Column name, or "i alt" for the grand total. */
  column: string;
  stated: number;
  computed: number;
  message: string;
}

export interface ExitStatistics {
  columns: string[];
  rows: ExitRowResult[];
  columnTotals: number[];
  total: number;
  groups: GroupResult[];
  /** Row labels that belong to no group (only when groups are given). */
  ungrouped: string[];
  totalMismatches: TotalMismatch[];
}

/** count ÷ total × 100, or null when the total is 0. */
export function percentOf(count: number, total: number): number | null {
  return total === 0 ? null : (count / total) * 100;
}

function share(count: number, total: number): Share {
  const percent = percentOf(count, total);
  return { count, percent, percentRounded: percent === null ? null : roundHalfUp(percent, 1) };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function validate(input: ExitTableInput): void {
  const seen = new Set<string>();
  for (const row of input.rows) {
    if (seen.has(row.label)) throw new RangeError(`Afgangsstatistik: årsagen "${row.label}" står to gange`);
    seen.add(row.label);
    if (row.counts.length !== input.columns.length) {
      throw new RangeError(
        `Afgangsstatistik: årsagen "${row.label}" har ${row.counts.length} tal, men tabellen har ${input.columns.length} kolonner`,
      );
    }
    for (const c of row.counts) {
      if (c !== null && (!Number.isInteger(c) || c < 0)) {
        throw new RangeError(
          `Afgangsstatistik: årsagen "${row.label}" har antallet ${c}; et antal skal være et helt tal ≥ 0`,
        );
      }
    }
  }
  for (const g of input.groups ?? []) {
    for (const m of g.members) {
      if (!seen.has(m))
        throw new RangeError(
          `Afgangsstatistik: gruppen "${g.name}" nævner "${m}", som ikke er en årsag i tabellen`,
        );
    }
  }
}

/** Counts, totals, row and group percentages and total checks for one exit-statistics table. */
export function computeExitStatistics(input: ExitTableInput): ExitStatistics {
  validate(input);
  const { columns } = input;
  const columnTotals = columns.map((_, j) => sum(input.rows.map((r) => r.counts[j] ?? 0)));
  const total = sum(columnTotals);

  const rows: ExitRowResult[] = input.rows.map((r) => ({
    label: r.label,
    counts: r.counts,
    total: share(sum(r.counts.map((c) => c ?? 0)), total),
    byColumn: r.counts.map((c, j) =>
      c === null ? { count: 0, percent: null, percentRounded: null } : share(c, columnTotals[j]!),
    ),
  }));
  const byLabel = new Map(rows.map((r) => [r.label, r]));

  const groupShare = (
    members: ExitRowResult[],
    pick: (r: ExitRowResult) => Share,
    base: number,
  ): GroupShare => {
    const shares = members.map(pick);
    const rounded = shares.map((s) => s.percentRounded).filter((p): p is number => p !== null);
    return {
      ...share(sum(shares.map((s) => s.count)), base),
      // Re-rounding only removes float noise from adding tenths (5.7 + 19.5 = 25.200000000000003).
      percentSumOfRounded: base === 0 ? null : roundHalfUp(sum(rounded), 1),
    };
  };
  const groups: GroupResult[] = (input.groups ?? []).map((g) => {
    const members = g.members.map((m) => byLabel.get(m)!);
    return {
      name: g.name,
      members: g.members,
      total: groupShare(members, (r) => r.total, total),
      byColumn: columns.map((_, j) => groupShare(members, (r) => r.byColumn[j]!, columnTotals[j]!)),
    };
  });

  const grouped = new Set((input.groups ?? []).flatMap((g) => g.members));
  const ungrouped = input.groups ? rows.map((r) => r.label).filter((l) => !grouped.has(l)) : [];

  return {
    columns,
    rows,
    columnTotals,
    total,
    groups,
    ungrouped,
    totalMismatches: checkTotals(input, columnTotals, total),
  };
}

function checkTotals(input: ExitTableInput, columnTotals: number[], total: number): TotalMismatch[] {
  const out: TotalMismatch[] = [];
  const check = (column: string, stated: number | null | undefined, computed: number) => {
    if (stated === null || stated === undefined || stated === computed) return;
    out.push({
      column,
      stated,
      computed,
      message: `I alt for ${column} er angivet til ${formatNumber(stated)}, men rækkerne summerer til ${formatNumber(computed)}; summen af rækkerne bruges`,
    });
  };
  input.columns.forEach((c, j) => {
    check(c, input.statedTotals?.[j], columnTotals[j]!);
  });
  check("i alt", input.statedGrandTotal, total);
  return out;
}

/**
 * Puts separately counted columns (typically one per year) side by side: the rows are the union
 * of the labels in first-seen order, or `order` first when given; a label missing in a column is
 * a blank cell (null), as in Tabel 3 where "Uddannelse, i lære" starts in 2013.
 */
export function sideBySide(
  columns: { name: string; counts: Record<string, number> }[],
  order: string[] = [],
): { columns: string[]; rows: ExitRowInput[] } {
  const labels = [...new Set([...order, ...columns.flatMap((c) => Object.keys(c.counts))])];
  return {
    columns: columns.map((c) => c.name),
    rows: labels.map((label) => ({ label, counts: columns.map((c) => c.counts[label] ?? null) })),
  };
}

/**
 * Danish explanation of a group share for reports, e.g.
 * "94 af 261 = 36,0 pct. (summen af de afrundede rækkeprocenter: 36,0 pct.)".
 */
export function describeGroupShare(share: GroupShare, base: number): string {
  if (share.percent === null) return `${formatNumber(share.count)} af ${formatNumber(base)}`;
  const exact = `${formatNumber(share.count)} af ${formatNumber(base)} = ${formatDecimal(share.percent, 1)} pct.`;
  return share.percentSumOfRounded === null
    ? exact
    : `${exact} (summen af de afrundede rækkeprocenter: ${formatDecimal(share.percentSumOfRounded, 1)} pct.)`;
}
