/**
 * The refusion staircase (refusionstrappen, DESIGN 7; Lov om kommunernes finansiering af visse
 * offentlige ydelser §§ 5–6, from 4 January 2016).
 *
 * The state refunds a share of a benefit that falls with the person's total time on public support
 * (counted in weeks across benefits): 80 % in weeks 1–4, 40 % in weeks 5–26, 30 % in weeks 27–52,
 * 20 % from week 53. For a-dagpenge the state pays and the municipality co-finances instead:
 * 20 / 60 / 70 / 80 % over the same bands — so the municipality's share of the cost is the same in
 * both variants, only who pays whom differs.
 *
 * The count restarts (week 1 again) when the person has had 52 whole calendar weeks of
 * self-support within the latest 3 years (156 weeks); only self-support weeks after the current
 * count began are counted, so a restart happens once, not every week.
 */

export const STAIRCASE_BANDS = [
  { fromWeek: 1, toWeek: 4, refusionPct: 80, cofinancingPct: 20 },
  { fromWeek: 5, toWeek: 26, refusionPct: 40, cofinancingPct: 60 },
  { fromWeek: 27, toWeek: 52, refusionPct: 30, cofinancingPct: 70 },
  { fromWeek: 53, toWeek: Number.POSITIVE_INFINITY, refusionPct: 20, cofinancingPct: 80 },
] as const;

/** weeks of self-support that restart the count, and the window they must lie in */
export const RESTART_SELF_SUPPORT_WEEKS = 52;
export const RESTART_WINDOW_WEEKS = 156;

export const COFINANCED_BENEFITS: ReadonlySet<string> = new Set(["a-dagpenge"]);

export interface StaircaseRate {
  /** the week of total time on public support, 1-based */
  week: number;
  /** refusion: the state refunds `ratePct`; medfinansiering (a-dagpenge): the municipality pays `ratePct` */
  kind: "refusion" | "medfinansiering";
  ratePct: number;
  /** the municipality's share of the benefit, percent (the same in both variants) */
  municipalSharePct: number;
}

function bandOf(week: number) {
  if (!Number.isInteger(week) || week < 1) {
    throw new RangeError(`Ugyldig uge ${week}: ugenummeret på refusionstrappen starter ved 1`);
  }
  const band = STAIRCASE_BANDS.find((b) => week >= b.fromWeek && week <= b.toWeek);
  if (!band) throw new RangeError(`Ugyldig uge ${week}`);
  return band;
}

/** The rate for week `week` of a person's total time on public support. */
export function staircaseRate(week: number, benefit = "kontanthjaelp"): StaircaseRate {
  const band = bandOf(week);
  if (COFINANCED_BENEFITS.has(benefit)) {
    return {
      week,
      kind: "medfinansiering",
      ratePct: band.cofinancingPct,
      municipalSharePct: band.cofinancingPct,
    };
  }
  return { week, kind: "refusion", ratePct: band.refusionPct, municipalSharePct: 100 - band.refusionPct };
}

export interface WeekOnStaircase {
  /** index into the history, 0-based */
  index: number;
  supported: boolean;
  /** the staircase week (null in a self-support week) */
  staircaseWeek: number | null;
  /** true when the count restarted in this week */
  restarted: boolean;
}

/**
 * Walks a person's calendar weeks in order (true = on public support that week, false =
 * self-supporting) and numbers the supported weeks on the staircase, applying the restart rule.
 * `priorSupportWeeks` is the count already reached before the first week of the history.
 */
export function staircaseWeeks(history: readonly boolean[], priorSupportWeeks = 0): WeekOnStaircase[] {
  const out: WeekOnStaircase[] = [];
  let count = priorSupportWeeks;
  // index of the first week that belongs to the current count (self-support before it is spent)
  let countStart = 0;
  for (let i = 0; i < history.length; i++) {
    if (!history[i]) {
      out.push({ index: i, supported: false, staircaseWeek: null, restarted: false });
      continue;
    }
    let restarted = false;
    if (count > 0) {
      const windowStart = Math.max(countStart, i - RESTART_WINDOW_WEEKS);
      let selfSupport = 0;
      for (let j = windowStart; j < i; j++) if (!history[j]) selfSupport++;
      if (selfSupport >= RESTART_SELF_SUPPORT_WEEKS) {
        count = 0;
        countStart = i;
        restarted = true;
      }
    }
    count++;
    out.push({ index: i, supported: true, staircaseWeek: count, restarted });
  }
  return out;
}

export interface CourseAverage {
  weeks: number;
  priorSupportWeeks: number;
  kind: "refusion" | "medfinansiering";
  /** mean rate over the course's weeks (refusion, or co-financing for a-dagpenge) */
  averageRatePct: number;
  /** mean municipal share, percent */
  municipalSharePct: number;
  /** gross per week used */
  grossPerWeek: number;
  /** municipal net cost per week of the course, exact */
  netPerWeek: number;
  /** municipal net cost of the whole course, exact */
  netTotal: number;
}

/**
 * The average refusion and municipal net price of a course of `weeks` weeks that starts after
 * `priorSupportWeeks` weeks already on the staircase, for a benefit costing `grossPerWeek` a week.
 */
export function courseAverage(
  weeks: number,
  grossPerWeek: number,
  benefit = "kontanthjaelp",
  priorSupportWeeks = 0,
): CourseAverage {
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`Ugyldigt antal uger ${weeks}: mindst 1`);
  if (!Number.isInteger(priorSupportWeeks) || priorSupportWeeks < 0) {
    throw new RangeError(`Ugyldigt antal forudgående uger ${priorSupportWeeks}`);
  }
  let rateSum = 0;
  let shareSum = 0;
  let kind: CourseAverage["kind"] = "refusion";
  for (let w = priorSupportWeeks + 1; w <= priorSupportWeeks + weeks; w++) {
    const r = staircaseRate(w, benefit);
    rateSum += r.ratePct;
    shareSum += r.municipalSharePct;
    kind = r.kind;
  }
  const municipalSharePct = shareSum / weeks;
  const netPerWeek = (grossPerWeek * municipalSharePct) / 100;
  return {
    weeks,
    priorSupportWeeks,
    kind,
    averageRatePct: rateSum / weeks,
    municipalSharePct,
    grossPerWeek,
    netPerWeek,
    netTotal: netPerWeek * weeks,
  };
}

/** One row per course length 1…maxWeeks: how the weekly net price falls as courses get shorter. */
export function staircaseTable(
  maxWeeks: number,
  grossPerWeek: number,
  benefit = "kontanthjaelp",
  priorSupportWeeks = 0,
): CourseAverage[] {
  const rows: CourseAverage[] = [];
  for (let n = 1; n <= maxWeeks; n++) rows.push(courseAverage(n, grossPerWeek, benefit, priorSupportWeeks));
  return rows;
}
