/**
 * Exit statistics (afgangsstatistik, DESIGN 2.5) over a snapshot: the engine counts ended forløb
 * by exit reason per calendar year of the forløb end (src/engine/exit-statistics.ts); the pure
 * domain code (src/domain/exit-statistics.ts) turns them into counts, percentages and outcome
 * groups, years side by side. The XLSX is src/reports/exit-statistics-xlsx.ts.
 */
import { codeLabel, EXIT_REASONS } from "../domain/codes.ts";
import { computeExitStatistics, type ExitStatistics, sideBySide } from "../domain/exit-statistics.ts";
import { type ExitStatisticsQuery, exitCountsByYear } from "../engine/exit-statistics.ts";

export type { ExitStatisticsQuery, YearCounts } from "../engine/exit-statistics.ts";

export interface OutcomeGroupDef {
  name: string;
  /** exit-reason codes */
  reasons: string[];
}

export interface ExitStatisticsReport extends ExitStatistics {
  query: ExitStatisticsQuery;
  /** the part of each year the column covers */
  periods: { column: string; from: string; to: string }[];
  /** exit-reason code → Danish label */
  labels: Record<string, string>;
  groupSet: string | null;
  snapshot?: { id: string; extractionDate?: string };
  /** how group percentages are computed, in Danish */
  note: string;
}

const canonicalOrder = EXIT_REASONS.map((r) => r.code as string);

/**
 * Counts per column → the table: rows in canonical exit-reason order (reasons with no forløb in
 * any year left out), percentages and groups from the domain. Group members that do not occur
 * in the data are dropped from that group (they would be 0); the group stays.
 */
export function exitStatisticsFromCounts(
  columns: { column: string; counts: Record<string, number> }[],
  groups: OutcomeGroupDef[] = [],
  statedTotals?: (number | null)[],
): ExitStatistics & { labels: Record<string, string> } {
  const present = new Set(columns.flatMap((c) => Object.keys(c.counts)));
  const order = [
    ...canonicalOrder.filter((c) => present.has(c)),
    ...[...present].filter((c) => !canonicalOrder.includes(c)).sort(),
  ];
  const table = sideBySide(
    columns.map((c) => ({ name: c.column, counts: c.counts })),
    order,
  );
  const stats = computeExitStatistics({
    ...table,
    groups: groups.map((g) => ({ name: g.name, members: g.reasons.filter((r) => present.has(r)) })),
    statedTotals,
  });
  const labels = Object.fromEntries(order.map((c) => [c, codeLabel("exitReason", c)]));
  return { ...stats, labels };
}

export const groupNote =
  "Gruppernes procenter er beregnet af antallene (gruppens antal ÷ i alt). Nogle kilder lægger i stedet de afrundede rækkeprocenter sammen; det tal vises ved siden af.";

/** The whole report for a snapshot folder. */
export async function exitStatistics(
  snapshotDir: string,
  q: ExitStatisticsQuery,
  options: {
    groups?: OutcomeGroupDef[];
    groupSet?: string | null;
    snapshot?: { id: string; extractionDate?: string };
  } = {},
): Promise<ExitStatisticsReport> {
  const years = await exitCountsByYear(snapshotDir, q);
  const stats = exitStatisticsFromCounts(years, options.groups ?? []);
  return {
    ...stats,
    query: q,
    periods: years.map(({ column, from, to }) => ({ column, from, to })),
    groupSet: options.groupSet ?? null,
    snapshot: options.snapshot,
    note: groupNote,
  };
}
