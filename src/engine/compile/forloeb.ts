/**
 * Forløb (courses), DESIGN 6.1: for one person and one benefit, records sorted by start form a
 * chain while the next start ≤ (the chain's latest end so far) + 1 day; an open record makes the
 * chain open. Category changes do not break a chain.
 *
 * Gaps-and-islands with window functions: an open end is replaced by a far-future sentinel so
 * that an open record swallows everything after it and the running MAX stays simple. A record
 * starts a new chain when its start lies more than one day after the running max end of the
 * records before it; the running count of such starts numbers the chains.
 *
 * The result keeps one row per benefit record, annotated with its course, because the measures
 * filter on record attributes (category of the active record, of the exit-defining record).
 */

/** Name of the relation holding the annotated records; a CTE or a per-run temp table. */
export const forloebRelation = "forloeb_records";

const openEnd = "DATE '9999-12-31'";

/**
 * SQL of a stored forløb row's `pair_end` (snapshot-layout.ts): the latest end of any record of
 * its person and benefit, an open record counting as 9999-12-31. `partition` is the pair's columns.
 */
export const pairEndSql = (partition: string) =>
  `max(COALESCE(end_date, ${openEnd})) OVER (PARTITION BY ${partition})`;

/**
 * SELECT producing forloeb_records: the benefit_records columns plus
 * course_no, course_start, course_end (NULL = open) and is_exit_record (the record with the
 * latest end, on a tie the later start; exactly one per course). The course's exit reason is
 * the exit_reason of its is_exit_record row.
 */
export function forloebSelectFrom(records: string): string {
  return `WITH ordered AS (
  SELECT person_key, benefit, category, start_date, end_date, exit_reason,
    COALESCE(end_date, ${openEnd}) AS end_c,
    row_number() OVER (PARTITION BY person_key, benefit
      ORDER BY start_date, COALESCE(end_date, ${openEnd}), category, exit_reason) AS seq
  FROM ${records}
), running AS (
  SELECT *, max(end_c) OVER (PARTITION BY person_key, benefit ORDER BY seq
    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_max_end
  FROM ordered
), chained AS (
  SELECT *, sum(CASE WHEN prev_max_end IS NULL OR start_date > prev_max_end + 1 THEN 1 ELSE 0 END)
    OVER (PARTITION BY person_key, benefit ORDER BY seq ROWS UNBOUNDED PRECEDING) AS course_no
  FROM running
)
SELECT person_key, benefit, category, start_date, end_date, exit_reason, course_no,
  min(start_date) OVER course AS course_start,
  CASE WHEN max(end_c) OVER course = ${openEnd} THEN NULL ELSE max(end_c) OVER course END AS course_end,
  row_number() OVER (PARTITION BY person_key, benefit, course_no
    ORDER BY end_c DESC, start_date DESC, seq DESC) = 1 AS is_exit_record
FROM chained
WINDOW course AS (PARTITION BY person_key, benefit, course_no)`;
}

/** forloebSelectFrom over the snapshot's benefit_records */
export const forloebSelect = forloebSelectFrom("benefit_records");

/** The forløb as a CTE, for a query that runs on its own. */
export function forloebCte(): string {
  return `${forloebRelation} AS (\n${forloebSelect}\n)`;
}

/**
 * The same forløb as forloebSelectFrom (without course_no), computed faster for a whole run:
 * nearly every chain is a single record, and whether a record is a chain by itself follows from
 * ONE window pass (its start against the running max end before it, and the next start against
 * the running max end including it). Such a record is its own course (start, end, exit record).
 * Only the records of chains with several records go through the full computation; those chains
 * are complete in that subset and a removed single-record chain never joins two others (it ends
 * more than a day before everything after it starts), so they come out as from all records.
 */
export function forloebRunSelectFrom(records: string): string {
  return `WITH marked AS (
  SELECT person_key, benefit, category, start_date, end_date, exit_reason,
    COALESCE(end_date, ${openEnd}) AS end_c,
    max(COALESCE(end_date, ${openEnd})) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_max_end,
    max(COALESCE(end_date, ${openEnd})) OVER (w ROWS UNBOUNDED PRECEDING) AS max_end,
    lead(start_date) OVER w AS next_start
  FROM ${records}
  WINDOW w AS (PARTITION BY person_key, benefit
    ORDER BY start_date, COALESCE(end_date, ${openEnd}), category, exit_reason)
), flagged AS (
  SELECT *, (prev_max_end IS NULL OR start_date > prev_max_end + 1)
    AND (next_start IS NULL OR next_start > max_end + 1) AS alone
  FROM marked
), several AS (
  SELECT person_key, benefit, category, start_date, end_date, exit_reason FROM flagged WHERE NOT alone
)
SELECT person_key, benefit, category, start_date, end_date, exit_reason,
  start_date AS course_start, end_date AS course_end, true AS is_exit_record
FROM flagged WHERE alone
UNION ALL
SELECT person_key, benefit, category, start_date, end_date, exit_reason, course_start, course_end, is_exit_record
FROM (${forloebSelectFrom("several")})`;
}
