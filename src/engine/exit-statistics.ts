/**
 * The engine's part of the exit statistics (afgangsstatistik, DESIGN 2.5): ended forløb of the
 * chosen benefits (chained exactly as DESIGN 6.1, by the engine's own forløb SQL) counted by exit
 * reason per calendar year of the forløb end, on one snapshot. The report built from these counts
 * (percentages, outcome groups) is services/exit-statistics.ts.
 *
 * A forløb counts in the year of its end E when E lies in [from-01, last day of to]; its exit
 * reason is that of its exit-defining record (latest end, on a tie the later start). A forløb
 * without an exit reason counts as "ukendt".
 */
import { addMonths, monthRange } from "../domain/calendar.ts";
import { forloebSelect } from "./compile/forloeb.ts";
import { list, str } from "./compile/sql.ts";
import { openSnapshot } from "./execute.ts";

export interface ExitStatisticsQuery {
  benefits: string[];
  categories?: string[];
  /** YYYY-MM, first month of forløb ends */
  from: string;
  /** YYYY-MM, last month of forløb ends (inclusive) */
  to: string;
}

export interface YearCounts {
  /** column name, the year */
  column: string;
  /** first and last month of the year that lie within the query */
  from: string;
  to: string;
  counts: Record<string, number>;
}

/** The DuckDB query: ended forløb by year of end and exit reason. */
export function exitCountsSql(q: ExitStatisticsQuery): string {
  const from = `${q.from}-01`;
  const toExclusive = `${addMonths(q.to, 1)}-01`;
  const categoryFilter =
    q.categories && q.categories.length > 0 ? `AND f.category IN ${list(q.categories)}` : "";
  return `-- afgangsstatistik: afsluttede forløb pr. år og afslutningsårsag
WITH forloeb_records AS (
${forloebSelect}
)
SELECT CAST(year(f.course_end) AS INTEGER) AS year, COALESCE(f.exit_reason, 'ukendt') AS reason, count(*) AS n
FROM forloeb_records f
WHERE f.is_exit_record AND f.course_end IS NOT NULL
  AND f.course_end >= DATE ${str(from)} AND f.course_end < DATE ${str(toExclusive)}
  AND f.benefit IN ${list(q.benefits)}
  ${categoryFilter}
GROUP BY 1, 2
ORDER BY 1, 2`;
}

/** Years of the query, each with the months it covers. */
function yearsOf(q: ExitStatisticsQuery): { column: string; from: string; to: string }[] {
  const byYear = new Map<string, string[]>();
  for (const m of monthRange(q.from, q.to)) {
    const y = m.slice(0, 4);
    byYear.set(y, [...(byYear.get(y) ?? []), m]);
  }
  return [...byYear].map(([column, months]) => ({
    column,
    from: months[0]!,
    to: months[months.length - 1]!,
  }));
}

/** Count ended forløb per year and exit reason on a snapshot folder. */
export async function exitCountsByYear(snapshotDir: string, q: ExitStatisticsQuery): Promise<YearCounts[]> {
  if (q.benefits.length === 0) throw new RangeError("Vælg mindst én ydelse");
  if (q.from > q.to) throw new RangeError(`Perioden ${q.from} – ${q.to} er tom: fra skal være før til`);
  const session = await openSnapshot(snapshotDir);
  try {
    const reader = await session.connection.runAndReadAll(exitCountsSql(q));
    const years = yearsOf(q).map((y) => ({ ...y, counts: {} as Record<string, number> }));
    for (const r of reader.getRowObjectsJS()) {
      const y = years.find((c) => c.column === String(r.year));
      if (y) y.counts[String(r.reason)] = Number(r.n);
    }
    return years;
  } finally {
    session.close();
  }
}
