/**
 * The synthetic demo municipality: a folder in the canonical import format (DESIGN 5), generated
 * person by person from a seeded PRNG (deterministic for a seed) and streamed to the files.
 *
 * Model: every programme (./programs.ts) receives new courses at a rate of stock ÷ mean duration
 * (scaled, with business-cycle and seasonal factors for the cyclical ones); each course gets a
 * log-normal length (a two-part one for a-dagpenge), a category, an exit reason, follow-up courses
 * (sygedagpenge → jobafklaring → ressourceforløb → fleksjob …), returns within a year, activities
 * covering a share of the course, wage hours, and project markers. Marked participants get the
 * project's built-in effect (by default the rest of the course is 20 % shorter and 10 pct. more end
 * in a job; each project rule can set its own), which a later effect evaluation can find.
 *
 * Calibration: each entrant draws from a random stream of its own (seed, programme, month,
 * number) and a month's number of entrants is the expected number with its fraction carried on,
 * so changing one programme's stock adds or removes entrants at the margin instead of redrawing
 * the municipality. At scale 1 and seed 1 the demo starts at seed 002's January 2024 counts and
 * the måltal table's full-time persons (src/demo/story.test.ts checks both).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { addMonths, fromDayNumber, monthOf, toDayNumber } from "../../domain/calendar.ts";
import type { CategoryCode, ExitReasonCode } from "../../domain/codes.ts";
import { StagedCsv } from "../../warehouse/stage.ts";
import {
  cycleFactor,
  DEFAULT_EFFECT,
  PROGRAM_BY_ID,
  PROGRAMS,
  PROJECT_RULES,
  type Program,
  seasonFactor,
} from "./programs.ts";
import { Random } from "./random.ts";

export interface GenerateOptions {
  out: string;
  /** 1 ≈ 47.000 inhabitants (default 1) */
  scale?: number;
  seed?: number;
  /** default DEFAULT_EXTRACTION_DATE (2025-10-10) */
  extractionDate?: string;
  onProgress?: (p: { persons: number; rows: number }) => void;
}

export interface GenerateResult {
  out: string;
  extractionDate: string;
  persons: number;
  rows: Record<"personer" | "ydelsesforloeb" | "tilbud" | "loentimer" | "markeringer", number>;
}

/** inside the 2024–2025 projects' period, so statuses are judged where the committee would judge them */
export const DEFAULT_EXTRACTION_DATE = "2025-10-10";
export const HISTORY_START = "2016-01-01";
/** inhabitants at scale 1 (Hedensted-like) */
export const INHABITANTS_PER_SCALE = 47_000;

interface Course {
  program: Program;
  start: number;
  /** planned end (day number); open when after the extraction date */
  end: number;
  category: CategoryCode | null;
  exit: ExitReasonCode;
  /** day the category changes (a second record starts), or null */
  changeAt: number | null;
  marker: { project: string; start: number; end: number } | null;
  /** fleksjob: weekly hours */
  weeklyHours: number;
}

const WEEK = 7;

export async function generateMunicipality(options: GenerateOptions): Promise<GenerateResult> {
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new RangeError(`Ugyldig skala ${scale}: skal være større end 0`);
  const seed = options.seed ?? 1;
  // one random stream per programme and one per entrant (below)
  let rng = new Random(seed);
  const extraction = options.extractionDate ?? DEFAULT_EXTRACTION_DATE;
  const extractionDay = toDayNumber(extraction);
  const historyStart = toDayNumber(HISTORY_START);
  mkdirSync(options.out, { recursive: true });

  const files = {
    personer: new StagedCsv(path.join(options.out, "personer.csv")),
    ydelsesforloeb: new StagedCsv(path.join(options.out, "ydelsesforloeb.csv")),
    tilbud: new StagedCsv(path.join(options.out, "tilbud.csv")),
    loentimer: new StagedCsv(path.join(options.out, "loentimer.csv")),
    markeringer: new StagedCsv(path.join(options.out, "markeringer.csv")),
  };
  await files.personer.add(["cpr", "foedselsdato", "koen"]);
  await files.ydelsesforloeb.add(["cpr", "ydelse", "kategori", "startdato", "slutdato", "afslutningsaarsag"]);
  await files.tilbud.add(["cpr", "tilbudstype", "startdato", "slutdato", "cvr"]);
  await files.loentimer.add(["cpr", "maaned", "timer"]);
  await files.markeringer.add(["cpr", "projekt", "startdato", "slutdato", "resultat"]);

  const cprCounters = new Map<number, number>();
  const companies = Math.max(50, Math.round(900 * scale));
  let persons = 0;
  let lastTick = 0;
  const iso = (d: number) => fromDayNumber(d);

  function makeCpr(birth: number, male: boolean): string {
    const date = iso(birth);
    const year = Number(date.slice(0, 4));
    const counter = cprCounters.get(birth) ?? 0;
    cprCounters.set(birth, counter + 1);
    // the 7th digit gives the century (DESIGN 4): 0–3 for 1900–1999, 4 for 2000–2036
    const block = Math.floor(counter / 500);
    const seventh = year >= 2000 ? 4 : block % 4;
    const serial = ((counter % 500) * 2 + (male ? 1 : 0)) % 1000;
    const ddmmyy = `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}`;
    return `${ddmmyy}${seventh}${String(serial).padStart(3, "0")}`;
  }

  function courseLength(p: Program): number {
    const mix = p.lengthMix;
    const days = mix
      ? rng.logNormal((rng.chance(mix.shortShare) ? mix.shortWeeks : mix.longWeeks) * WEEK, mix.sigma)
      : rng.logNormal(p.meanWeeks * WEEK, p.sigma);
    const capped = p.maxWeeks ? Math.min(days, p.maxWeeks * WEEK) : days;
    return Math.max(7, Math.round(capped));
  }

  function drawCourse(p: Program, start: number, birth: number, category?: CategoryCode): Course {
    const cat =
      category ?? (p.categories ? (rng.pick(p.categories as Record<string, number>) as CategoryCode) : null);
    const length = courseLength(p);
    let end = start + length - 1;
    let exit = rng.pick(p.exits as Record<string, number>) as ExitReasonCode;
    let changeAt: number | null = null;
    if (p.categoryChange && rng.chance(p.categoryChange.chance) && length > 60)
      changeAt = start + rng.int(30, length - 20);
    // project markers and their effect
    let marker: Course["marker"] = null;
    for (const rule of PROJECT_RULES) {
      if (!rule.programs.includes(p.id)) continue;
      if (rule.category && cat !== rule.category) continue;
      const from = Math.max(start, toDayNumber(rule.from));
      const lastStart = Math.min(end, toDayNumber(rule.to), extractionDay - 1);
      if (from > lastStart) continue;
      const age = Math.floor((from - birth) / 365.25);
      if (rule.minAge !== undefined && age < rule.minAge) continue;
      if (rule.maxAge !== undefined && age > rule.maxAge) continue;
      if (!rng.chance(rule.chance)) continue;
      // The referral day has the same chance on every day a course runs (a constant hazard),
      // drawn without looking at when the course ends; a course that has ended by then (or the
      // rule's period, or the extract) is not marked. Drawing it inside the remaining course made
      // short courses likelier to be referred on any one day, so the referred had fewer days on
      // benefit before referral than comparable citizens who were not (issue 13's balance check).
      // firstWeeks: uniform over the course's first weeks; referralWeeks: exponential from `from`
      // (with chance 1 the same hazard on every day). Rules with neither (the projects without an
      // effect definition) keep a day inside the remaining course.
      const mStart = rule.firstWeeks
        ? rng.int(start, start + rule.firstWeeks * WEEK - 1)
        : rule.referralWeeks
          ? from + Math.floor(rng.exponential(rule.referralWeeks * WEEK))
          : rng.int(from, lastStart);
      if (mStart < from || mStart > lastStart) continue;
      // the effect: the rest of the course is shorter, and more exits to job (or education)
      const effect = rule.effect ?? DEFAULT_EFFECT;
      end = mStart + Math.round((end - mStart) * (1 - effect.shorten));
      if (effect.withinWeeks) {
        // a job found during the project: the course ends to `exit` within the first weeks
        if (rng.chance(effect.chance)) {
          exit = effect.exit;
          end = Math.min(end, mStart + rng.int(14, effect.withinWeeks * WEEK));
        }
      } else if (exit !== effect.exit && rng.chance(effect.chance)) exit = effect.exit;
      const mEnd = Math.min(end, mStart + rng.int(rule.weeks[0] * WEEK, rule.weeks[1] * WEEK));
      marker = { project: rule.code, start: mStart, end: mEnd };
      break;
    }
    const weeklyHours = p.benefit === "fleksjob" ? rng.pick({ low: 0.3, mid: 0.3, high: 0.4 }) : "none";
    const hours =
      weeklyHours === "low"
        ? rng.int(1, 5)
        : weeklyHours === "mid"
          ? rng.int(6, 10)
          : weeklyHours === "high"
            ? rng.int(11, 30)
            : 0;
    return { program: p, start, end, category: cat, exit, changeAt, marker, weeklyHours: hours };
  }

  /** one person's whole history, written to the files */
  async function emitPerson(first: Program, start: number): Promise<void> {
    const [minAge, maxAge] = first.age;
    const ageDays = rng.int(minAge * 365 + 10, (maxAge + 1) * 365 - 10);
    const birth = start - ageDays;
    const male = rng.chance(0.5);
    const courses: Course[] = [];
    let course: Course | null = drawCourse(first, start, birth);
    // chain: follow-ups and returns
    for (let guard = 0; course && guard < 8; guard++) {
      courses.push(course);
      if (course.end >= extractionDay) break;
      const p: Program = course.program;
      const follow = p.followUps?.[course.exit];
      const nextProgram = follow && rng.chance(follow.chance) ? PROGRAM_BY_ID.get(follow.program) : undefined;
      if (nextProgram) {
        const next: Course = drawCourse(nextProgram, course.end + 1, birth);
        const ageAtNext = (next.start - birth) / 365.25;
        course = ageAtNext < 67 ? next : null;
      } else if (
        p.returnChance &&
        course.exit !== "flyttet" &&
        course.exit !== "doed" &&
        rng.chance(p.returnChance)
      ) {
        const back: number = course.end + rng.int(2, 365);
        course = back < extractionDay ? drawCourse(p, back, birth, course.category ?? undefined) : null;
      } else course = null;
    }
    const kept = courses.filter((c) => c.end >= historyStart && c.start <= extractionDay);
    if (kept.length === 0) return;
    persons++;
    const cpr = makeCpr(birth, male);
    const written = rng.chance(0.2) ? `${cpr.slice(0, 6)}-${cpr.slice(6)}` : cpr;
    // a tenth of the extract leaves birth date and sex to be derived from the CPR
    if (rng.chance(0.1)) await files.personer.add([written, null, null]);
    else await files.personer.add([written, iso(birth), male ? "M" : "K"]);

    const hoursByMonth = new Map<string, number>();
    const addHours = (month: string, h: number) => {
      if (month < HISTORY_START.slice(0, 7) || month > extraction.slice(0, 7) || h <= 0) return;
      hoursByMonth.set(month, Math.round(((hoursByMonth.get(month) ?? 0) + h) * 10) / 10);
    };
    for (const c of kept) {
      const open = c.end >= extractionDay;
      const endText = open ? null : iso(c.end);
      const exitText = open ? null : c.exit;
      const benefit = c.program.benefit;
      if (
        c.changeAt !== null &&
        c.changeAt < c.end &&
        c.changeAt < extractionDay &&
        c.program.categoryChange
      ) {
        await files.ydelsesforloeb.add([
          written,
          benefit,
          c.category,
          iso(c.start),
          iso(c.changeAt - 1),
          null,
        ]);
        await files.ydelsesforloeb.add([
          written,
          benefit,
          c.program.categoryChange.to,
          iso(c.changeAt),
          endText,
          exitText,
        ]);
      } else {
        await files.ydelsesforloeb.add([written, benefit, c.category, iso(c.start), endText, exitText]);
      }
      // activities from 2016, each kind alternating gaps and activities
      const lastDay = Math.min(c.end, extractionDay);
      for (const a of c.program.activities) {
        const meanLen = a.weeks * WEEK;
        const meanGap = (meanLen * (1 - a.coverage)) / a.coverage;
        let t = c.start + Math.round(rng.exponential(meanGap));
        while (t < lastDay) {
          const len = Math.max(5, Math.round(meanLen * (0.5 + rng.next())));
          const aEnd = Math.min(t + len - 1, c.end);
          if (aEnd >= historyStart) {
            const ongoing = aEnd >= extractionDay;
            const cvr =
              a.kind === "virksomhedspraktik" || a.kind === "loentilskud"
                ? companyCvr(rng.int(1, companies))
                : null;
            await files.tilbud.add([
              written,
              a.kind,
              iso(Math.max(t, c.start)),
              ongoing ? null : iso(aEnd),
              cvr,
            ]);
          }
          t = aEnd + 1 + Math.max(1, Math.round(rng.exponential(meanGap)));
        }
      }
      // wage hours
      let m = monthOf(iso(Math.max(c.start, historyStart)));
      const lastMonth = monthOf(iso(lastDay));
      const socialFrikort = c.marker?.project === "socialt-frikort";
      for (; m <= lastMonth; m = addMonths(m, 1)) {
        if (benefit === "fleksjob") {
          if (rng.chance(c.program.wage.chance))
            addHours(m, Math.round(c.weeklyHours * 4.33 * (0.8 + 0.4 * rng.next())));
          continue;
        }
        const inProject = socialFrikort && c.marker && m >= monthOf(iso(c.marker.start));
        const chance = inProject ? 0.5 : c.program.wage.chance;
        if (rng.chance(chance))
          addHours(m, Math.max(1, Math.round(rng.logNormal(c.program.wage.meanHours, 0.7))));
      }
      // ordinary job after the course: full-time hours for some months
      if (!open && c.exit === "job") {
        const months = rng.int(3, 12);
        let jm = monthOf(iso(c.end + 1));
        for (let i = 0; i < months; i++, jm = addMonths(jm, 1)) addHours(jm, rng.int(120, 160));
      }
      if (c.marker) {
        const mOpen = c.marker.end >= extractionDay;
        const result = mOpen
          ? null
          : c.marker.end >= c.end && !open
            ? c.exit
            : rng.chance(0.15)
              ? "afbrudt"
              : null;
        await files.markeringer.add([
          written,
          c.marker.project,
          iso(c.marker.start),
          mOpen ? null : iso(c.marker.end),
          result,
        ]);
      }
    }
    for (const [month, h] of [...hoursByMonth].sort()) await files.loentimer.add([written, month, h]);
    const now = Date.now();
    if (options.onProgress && now - lastTick > 250) {
      lastTick = now;
      options.onProgress({ persons, rows: totalRows() });
    }
  }

  const totalRows = () =>
    files.personer.rows +
    files.ydelsesforloeb.rows +
    files.tilbud.rows +
    files.loentimer.rows +
    files.markeringer.rows -
    5;

  // entries: month by month from a window long enough to fill the stocks by 2016
  for (const [index, p] of PROGRAMS.entries()) {
    rng = new Random(mixSeed(seed, index, 0, 0));
    const meanDays = p.meanWeeks * WEEK;
    const ratePerDay = (p.stock * scale) / meanDays;
    const windowStart = historyStart - Math.min(Math.round(4 * meanDays), 20 * 365);
    // entries per month: the expected number, its fraction carried to the next month (the days of
    // entry, the course lengths and all that follows stay random). Poisson counts made a stock of
    // 80 swing by ±9 from month to month, more than a project's effect.
    let carry = rng.next();
    for (let month = monthOf(iso(windowStart)); month <= monthOf(extraction); month = addMonths(month, 1)) {
      const first = toDayNumber(`${month}-01`);
      const next = toDayNumber(`${addMonths(month, 1)}-01`);
      const lastDay = Math.min(next - 1, extractionDay);
      const days = lastDay - first + 1;
      if (days <= 0) continue;
      let factor = 1;
      if (p.cyclical) factor *= cycleFactor(month);
      if (p.benefit === "a-dagpenge") factor *= seasonFactor(Number(month.slice(5, 7)));
      if (p.inflowFactor) factor *= p.inflowFactor(month);
      const expected = ratePerDay * days * factor + carry;
      const n = Math.floor(expected);
      carry = expected - n;
      // each entrant draws from a stream of its own (seed, programme, month, number), so a larger
      // or smaller programme adds or drops entrants at the margin and leaves everyone else alone:
      // calibrating one stock does not redraw the municipality
      const monthKey = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
      for (let i = 0; i < n; i++) {
        rng = new Random(mixSeed(seed, index + 1, monthKey, i + 1));
        await emitPerson(p, first + rng.int(0, days - 1));
      }
    }
  }

  for (const f of Object.values(files)) await f.close();
  writeFileSync(
    path.join(options.out, "manifest.json"),
    `${JSON.stringify({ udtraeksdato: extraction, kilde: "Demokommune (syntetisk FACIT-udtræk)" }, null, 2)}\n`,
  );
  return {
    out: options.out,
    extractionDate: extraction,
    persons,
    rows: {
      personer: files.personer.rows - 1,
      ydelsesforloeb: files.ydelsesforloeb.rows - 1,
      tilbud: files.tilbud.rows - 1,
      loentimer: files.loentimer.rows - 1,
      markeringer: files.markeringer.rows - 1,
    },
  };
}

/** A 32-bit seed from four integers (murmur3's finalizer over a running mix). */
function mixSeed(a: number, b: number, c: number, d: number): number {
  let h = 0x811c9dc5;
  for (const v of [a, b, c, d]) {
    h = Math.imul(h ^ (v >>> 0), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/**
 * The CVR number of synthetic company n: 8 digits at every scale. The multiplier 7919 is prime to
 * 90.000.000, so distinct companies keep distinct numbers (at scale 100 the plain product overflowed
 * to 9 digits, which the import rightly rejects).
 */
export function companyCvr(n: number): string {
  return String(10_000_000 + ((n * 7919) % 90_000_000));
}
