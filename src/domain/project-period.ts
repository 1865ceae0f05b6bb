/**
 * The months a project's computed indicators are computed for (issue 9, item 5): from the month
 * the project starts to the last month it is followed up (its end, or a later goal or milestone
 * date: seed 002's "slutmål jan-26" is measured primo januar 2026, after a period ending 2025-12),
 * limited by what the snapshot holds: no month after the extraction month, and no month before
 * the snapshot's first data. Pure: no I/O.
 */
import { addMonths, type IsoDate, type Month, monthOf } from "./calendar.ts";
import { monthLabel } from "./format.ts";

/** Projects without a start date are computed from here (seed 002: primo januar 2024). */
export const DEFAULT_FIRST_MONTH: Month = "2024-01";

export interface ProjectPeriodInput {
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  /** the goal and milestone dates of the project's indicators */
  followUpDates?: readonly (IsoDate | null | undefined)[];
}

export interface SnapshotSpan {
  /** YYYY-MM-DD */
  extractionDate: IsoDate;
  /** the first date in the snapshot's data, when known */
  dataFrom?: IsoDate | null;
}

export interface ProjectComputeRange {
  /** undefined when no month of the project lies in the snapshot */
  range?: { from: Month; to: Month };
  /** Danish explanation when the range is cut or empty */
  note?: string;
}

export function projectComputeRange(
  project: ProjectPeriodInput,
  snapshot: SnapshotSpan,
): ProjectComputeRange {
  const wantedFrom = project.periodStart ? monthOf(project.periodStart) : DEFAULT_FIRST_MONTH;
  const followUp = [project.periodEnd, ...(project.followUpDates ?? [])]
    .filter((d): d is IsoDate => typeof d === "string" && d.length >= 7)
    .map(monthOf)
    .sort();
  const wantedTo = project.periodEnd ? (followUp[followUp.length - 1] as Month) : undefined;
  const lastInSnapshot = monthOf(snapshot.extractionDate);
  // a month is measured on its 1st: the snapshot's first data month counts only from the next 1st
  const firstInSnapshot = snapshot.dataFrom
    ? snapshot.dataFrom.endsWith("-01")
      ? monthOf(snapshot.dataFrom)
      : addMonths(monthOf(snapshot.dataFrom), 1)
    : undefined;
  const from = firstInSnapshot && firstInSnapshot > wantedFrom ? firstInSnapshot : wantedFrom;
  const to = wantedTo && wantedTo < lastInSnapshot ? wantedTo : lastInSnapshot;
  if (from > to) {
    const note =
      wantedFrom > lastInSnapshot
        ? `Projektet starter ${monthLabel(wantedFrom)}, efter snapshottets udtræksmåned ${monthLabel(lastInSnapshot)}`
        : `Snapshottets data begynder ${monthLabel(firstInSnapshot ?? wantedFrom)}, efter projektets sidste måned ${monthLabel(wantedTo ?? lastInSnapshot)}`;
    return { note };
  }
  const note =
    from > wantedFrom
      ? `Snapshottets data rækker kun tilbage til ${monthLabel(from)}; projektets måneder fra ${monthLabel(wantedFrom)} beregnes ikke`
      : undefined;
  return { range: { from, to }, ...(note ? { note } : {}) };
}
