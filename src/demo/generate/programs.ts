/**
 * The demo municipality's benefit programmes: stock sizes at scale 1, durations, ages, categories,
 * exit reasons, activities and wage hours. Sizes come from seed 002 (Hedensted-like, ≈ 47.000
 * inhabitants): the måltal table's full-time persons per benefit and the status schemes' stocks
 * (103 aktivitetsparate and 80 jobparate kontanthjælpsmodtagere over 30, 74 in ressourceforløb,
 * 644 on a-dagpenge in January 2024). Rates of activities and wage hours are set near the seed's
 * baselines (e.g. 26 pct. of aktivitetsparate over 30 in virksomhedspraktik, 17 pct. with wage hours).
 * `stock` is the direct inflow's share of a programme's stock; follow-ups from other programmes add
 * to it (jobafklaring and kontanthjælp feed ressourceforløb, for instance), so the stocks below are
 * calibrated on the generated data, not copied from the seed. Seed 002's 644 persons on a-dagpenge
 * and its måltal of 393 full-time persons cannot both hold: in the extract a day on a-dagpenge is a
 * whole day, so the demo follows the 644.
 */
import type { ActivityKind, BenefitCode, CategoryCode, ExitReasonCode } from "../../domain/codes.ts";

export interface ActivityRate {
  kind: ActivityKind;
  /** share of course time covered by this kind */
  coverage: number;
  /** mean length of one activity, weeks */
  weeks: number;
}

export interface Program {
  id: string;
  benefit: BenefitCode;
  /** persons on the programme at a point in time, scale 1 */
  stock: number;
  /** mean course length, weeks */
  meanWeeks: number;
  /** spread of the log-normal course length */
  sigma: number;
  /**
   * A two-part course length instead of one log-normal: a share of short courses (a few weeks) and
   * long ones, so that the stock holds many long courses while the ended ones stay short on average
   * (a-dagpenge: two thirds of the stock past the a-kasse's first 3 months, ended courses 18,8
   * weeks). `meanWeeks` must be the mixture's mean (share × short + (1 − share) × long).
   */
  lengthMix?: { shortShare: number; shortWeeks: number; longWeeks: number; sigma: number };
  /** no course is longer (weeks): the a-dagpenge period is 2 years */
  maxWeeks?: number;
  /** inflow factor by month beyond the business cycle (e.g. fewer referrals during covid-19) */
  inflowFactor?: (month: string) => number;
  age: [number, number];
  categories?: Partial<Record<CategoryCode, number>>;
  /** chance that the category changes once inside the course (to `categoryChangeTo`) */
  categoryChange?: { chance: number; to: CategoryCode };
  exits: Partial<Record<ExitReasonCode, number>>;
  activities: ActivityRate[];
  /** chance that a month of the course has ordinary wage hours, and the mean hours in such a month */
  wage: { chance: number; meanHours: number };
  /** inflow varies with the business cycle (a-dagpenge and the job-ready) */
  cyclical?: boolean;
  /** chance of a new course of the same programme within a year after an exit */
  returnChance?: number;
  /** exit reason → programme id that follows the next day, with a chance */
  followUps?: Partial<Record<ExitReasonCode, { program: string; chance: number }>>;
}

export const PROGRAMS: Program[] = [
  {
    id: "adp",
    benefit: "a-dagpenge",
    stock: 391,
    // 0,65 × 2 + 0,35 × 50 = 18,8 weeks (seed 002: 18,8 weeks in 3rd quarter 2023); the long
    // courses' first 13 weeks make the a-kasse's third of the stock (209 of 644)
    meanWeeks: 18.8,
    sigma: 0.85,
    lengthMix: { shortShare: 0.65, shortWeeks: 2, longWeeks: 50, sigma: 0.5 },
    maxWeeks: 104,
    age: [20, 66],
    exits: { job: 66, uddannelse: 5, sygedagpenge: 6, kontanthjaelp: 2, barsel: 4, flyttet: 4, ukendt: 13 },
    activities: [
      { kind: "jobsoegningsforloeb", coverage: 0.1, weeks: 6 },
      { kind: "vejledning-opkvalificering", coverage: 0.08, weeks: 6 },
      { kind: "virksomhedspraktik", coverage: 0.04, weeks: 4 },
      { kind: "loentilskud", coverage: 0.04, weeks: 16 },
    ],
    wage: { chance: 0.22, meanHours: 35 },
    cyclical: true,
    returnChance: 0.45,
    followUps: {
      sygedagpenge: { program: "syg", chance: 0.8 },
      kontanthjaelp: { program: "kh-job", chance: 0.8 },
    },
  },
  {
    id: "kh-job",
    benefit: "kontanthjaelp",
    stock: 55,
    meanWeeks: 22,
    sigma: 0.8,
    age: [30, 64],
    categories: { jobparat: 1 },
    categoryChange: { chance: 0.08, to: "aktivitetsparat" },
    exits: {
      job: 55.8,
      uddannelse: 9.1,
      sygedagpenge: 6,
      "a-dagpenge": 3,
      flyttet: 6,
      selvforsoergende: 8,
      ukendt: 12.1,
    },
    activities: [
      { kind: "virksomhedspraktik", coverage: 0.08, weeks: 6 },
      { kind: "loentilskud", coverage: 0.05, weeks: 16 },
      { kind: "jobsoegningsforloeb", coverage: 0.15, weeks: 8 },
      { kind: "vejledning-opkvalificering", coverage: 0.08, weeks: 6 },
    ],
    wage: { chance: 0.06, meanHours: 30 },
    cyclical: true,
    returnChance: 0.25,
    followUps: { sygedagpenge: { program: "syg", chance: 0.7 } },
  },
  {
    id: "kh-akt",
    benefit: "kontanthjaelp",
    stock: 96,
    meanWeeks: 150,
    sigma: 0.7,
    age: [30, 64],
    categories: { aktivitetsparat: 1 },
    exits: {
      job: 16,
      uddannelse: 4,
      fleksjob: 20,
      ressourceforloeb: 15,
      foertidspension: 12,
      sygedagpenge: 6,
      flyttet: 6,
      ukendt: 14,
    },
    activities: [
      { kind: "virksomhedspraktik", coverage: 0.26, weeks: 10 },
      { kind: "mentor", coverage: 0.25, weeks: 20 },
      { kind: "vejledning-opkvalificering", coverage: 0.12, weeks: 8 },
      { kind: "nytteindsats", coverage: 0.03, weeks: 8 },
      { kind: "loentilskud", coverage: 0.02, weeks: 16 },
    ],
    wage: { chance: 0.17, meanHours: 25 },
    followUps: {
      fleksjob: { program: "fleks", chance: 0.9 },
      ressourceforloeb: { program: "rf", chance: 0.9 },
      sygedagpenge: { program: "syg", chance: 0.5 },
    },
  },
  {
    id: "kh-ung",
    benefit: "kontanthjaelp",
    stock: 10,
    meanWeeks: 30,
    sigma: 0.8,
    age: [25, 29],
    categories: { jobparat: 0.5, aktivitetsparat: 0.5 },
    exits: { job: 45, uddannelse: 20, flyttet: 8, sygedagpenge: 5, ukendt: 22 },
    activities: [
      { kind: "virksomhedspraktik", coverage: 0.15, weeks: 8 },
      { kind: "vejledning-opkvalificering", coverage: 0.15, weeks: 8 },
    ],
    wage: { chance: 0.12, meanHours: 30 },
  },
  {
    id: "udd",
    benefit: "uddannelseshjaelp",
    stock: 238,
    meanWeeks: 40,
    sigma: 0.85,
    age: [18, 29],
    categories: { uddannelsesparat: 0.45, "aabenlyst-uddannelsesparat": 0.2, aktivitetsparat: 0.35 },
    exits: {
      uddannelse: 35,
      job: 30,
      flyttet: 8,
      sygedagpenge: 5,
      kontanthjaelp: 5,
      ressourceforloeb: 2,
      fleksjob: 2,
      ukendt: 13,
    },
    activities: [
      { kind: "vejledning-opkvalificering", coverage: 0.22, weeks: 10 },
      { kind: "virksomhedspraktik", coverage: 0.12, weeks: 8 },
      { kind: "mentor", coverage: 0.15, weeks: 16 },
      { kind: "nytteindsats", coverage: 0.05, weeks: 8 },
    ],
    wage: { chance: 0.15, meanHours: 28 },
    cyclical: true,
    followUps: {
      ressourceforloeb: { program: "rf", chance: 0.8 },
      fleksjob: { program: "fleks", chance: 0.9 },
    },
  },
  {
    id: "selv",
    benefit: "selvforsoergelsesydelse",
    stock: 40,
    meanWeeks: 60,
    sigma: 0.8,
    age: [18, 55],
    categories: { jobparat: 0.6, aktivitetsparat: 0.4 },
    exits: { job: 40, uddannelse: 20, kontanthjaelp: 15, flyttet: 12, ukendt: 13 },
    activities: [
      { kind: "vejledning-opkvalificering", coverage: 0.45, weeks: 20 },
      { kind: "virksomhedspraktik", coverage: 0.2, weeks: 10 },
    ],
    wage: { chance: 0.2, meanHours: 40 },
  },
  {
    id: "syg",
    benefit: "sygedagpenge",
    stock: 450,
    meanWeeks: 13,
    sigma: 1.0,
    age: [18, 67],
    exits: {
      raskmelding: 68.5,
      job: 8,
      jobafklaring: 2.5,
      barsel: 4,
      foertidspension: 2,
      flyttet: 2,
      "a-dagpenge": 3,
      ukendt: 10,
    },
    activities: [
      { kind: "virksomhedspraktik", coverage: 0.05, weeks: 8 },
      { kind: "vejledning-opkvalificering", coverage: 0.03, weeks: 6 },
      { kind: "mentor", coverage: 0.02, weeks: 12 },
    ],
    wage: { chance: 0.1, meanHours: 40 },
    returnChance: 0.3,
    followUps: { jobafklaring: { program: "ja", chance: 0.95 } },
  },
  {
    id: "ja",
    benefit: "jobafklaring",
    stock: 120,
    meanWeeks: 60,
    sigma: 0.7,
    age: [25, 64],
    // seed 000's starting point (2kv18-1kv19): 40,6 pct. to job and education, 14,3 pct. to
    // fleksjob, 10,5 pct. to a-dagpenge
    exits: {
      job: 35,
      uddannelse: 5.6,
      fleksjob: 14.3,
      "a-dagpenge": 10.5,
      raskmelding: 12,
      ressourceforloeb: 9,
      foertidspension: 6,
      ukendt: 7.6,
    },
    // covid-19: sygedagpenge were extended, so fewer were referred to jobafklaring (seed 000: the
    // number fell 41 pct. from April 2019 to December 2020)
    inflowFactor: (month) => (month >= "2020-03" && month <= "2021-06" ? 0.35 : 1),
    activities: [
      { kind: "virksomhedspraktik", coverage: 0.15, weeks: 10 },
      { kind: "mentor", coverage: 0.2, weeks: 16 },
      { kind: "vejledning-opkvalificering", coverage: 0.1, weeks: 8 },
    ],
    wage: { chance: 0.08, meanHours: 30 },
    followUps: {
      ressourceforloeb: { program: "rf", chance: 0.9 },
      fleksjob: { program: "fleks", chance: 0.9 },
    },
  },
  {
    id: "rf",
    benefit: "ressourceforloeb",
    stock: 10,
    meanWeeks: 150,
    sigma: 0.6,
    age: [25, 64],
    exits: {
      fleksjob: 25,
      job: 5,
      foertidspension: 25,
      kontanthjaelp: 15,
      jobafklaring: 5,
      flyttet: 5,
      ukendt: 20,
    },
    activities: [
      { kind: "virksomhedspraktik", coverage: 0.27, weeks: 36 },
      { kind: "mentor", coverage: 0.4, weeks: 26 },
      { kind: "vejledning-opkvalificering", coverage: 0.1, weeks: 10 },
    ],
    wage: { chance: 0.05, meanHours: 20 },
    followUps: { fleksjob: { program: "fleks", chance: 0.9 } },
  },
  {
    id: "ledy",
    benefit: "ledighedsydelse",
    stock: 30,
    meanWeeks: 30,
    sigma: 0.8,
    age: [30, 66],
    exits: { fleksjob: 70, foertidspension: 10, ukendt: 20 },
    activities: [
      { kind: "jobsoegningsforloeb", coverage: 0.2, weeks: 8 },
      { kind: "virksomhedspraktik", coverage: 0.1, weeks: 8 },
      { kind: "vejledning-opkvalificering", coverage: 0.1, weeks: 6 },
    ],
    wage: { chance: 0.05, meanHours: 20 },
    followUps: { fleksjob: { program: "fleks", chance: 0.9 } },
  },
  {
    id: "fleks",
    benefit: "fleksjob",
    stock: 600,
    meanWeeks: 420,
    sigma: 0.6,
    age: [30, 66],
    exits: { ledighedsydelse: 30, foertidspension: 15, job: 8, flyttet: 10, ukendt: 37 },
    activities: [],
    wage: { chance: 0.97, meanHours: 0 /* weekly hours drawn per course, see generator */ },
    followUps: { ledighedsydelse: { program: "ledy", chance: 0.9 } },
  },
  {
    id: "reva",
    benefit: "revalidering",
    stock: 25,
    meanWeeks: 100,
    sigma: 0.5,
    age: [25, 60],
    exits: { job: 50, uddannelse: 20, ukendt: 30 },
    activities: [{ kind: "vejledning-opkvalificering", coverage: 0.7, weeks: 40 }],
    wage: { chance: 0.1, meanHours: 30 },
  },
];

export const PROGRAM_BY_ID = new Map(PROGRAMS.map((p) => [p.id, p]));

/** Inflow factor of cyclical programmes by month (covid-19 in 2020–21, a tight labour market 2022). */
export function cycleFactor(month: string): number {
  if (month >= "2020-03" && month <= "2020-12") return 1.6;
  if (month >= "2021-01" && month <= "2021-06") return 1.25;
  if (month >= "2022-01" && month <= "2022-12") return 0.85;
  if (month < "2020-03") return 1.05;
  return 1;
}

/** Seasonal inflow factor of a-dagpenge: more new unemployed around new year. */
export function seasonFactor(monthNumber: number): number {
  return [1.35, 1.15, 1.0, 0.9, 0.85, 0.85, 1.0, 1.05, 0.9, 0.9, 1.0, 1.25][monthNumber - 1] ?? 1;
}

export interface ProjectRule {
  code: string;
  /** programmes whose courses may be marked */
  programs: string[];
  from: string;
  to: string;
  /** chance a course active in the period is marked */
  chance: number;
  minAge?: number;
  maxAge?: number;
  /** only courses in this category */
  category?: CategoryCode;
  /** only in the first weeks of the course (referral from the a-kasse period) */
  firstWeeks?: number;
  /**
   * without firstWeeks: mean weeks from the course's start in the period to the referral (an
   * exponential wait: with chance 1 a constant hazard; the course is marked only if it still runs
   * then). Without either, the referral day is drawn inside the remaining course.
   */
  referralWeeks?: number;
  /** marker length, weeks */
  weeks: [number, number];
  /**
   * The built-in effect on a marked course: the rest of the course after the marker's start is
   * `shorten` shorter, and with `chance` its exit becomes `exit` (default 20 % shorter, 10 pct.
   * more to job).
   */
  effect?: {
    shorten: number;
    exit: ExitReasonCode;
    chance: number;
    /**
     * with `chance` the course ends to `exit` within this many weeks after the referral (a job
     * found during the project, visible within the effect's horizons); without it the exit
     * reason alone changes
     */
    withinWeeks?: number;
  };
}

export const DEFAULT_EFFECT: NonNullable<ProjectRule["effect"]> = { shorten: 0.2, exit: "job", chance: 0.1 };

/** The five seed-002 projects and the seed-000 jobafklaring project. */
export const PROJECT_RULES: ProjectRule[] = [
  {
    code: "klar-parat-i-job",
    programs: ["adp"],
    from: "2024-01-01",
    to: "2025-12-31",
    chance: 0.19,
    firstWeeks: 13,
    weeks: [6, 12],
    // the kontaktforløb in the a-kasse period: a third find a job within about four months
    effect: { shorten: 0.2, exit: "job", chance: 0.35, withinWeeks: 18 },
  },
  {
    code: "flere-i-job",
    programs: ["kh-akt"],
    from: "2024-01-10",
    to: "2025-12-31",
    chance: 1,
    referralWeeks: 90,
    minAge: 30,
    weeks: [26, 78],
    // company-oriented courses: one in seven find a job within half a year of the referral (the
    // effect definition fij-effekt-kh measures it against not yet referred citizens)
    effect: { shorten: 0.05, exit: "job", chance: 0.15, withinWeeks: 26 },
  },
  {
    // ressourceforløb: as before issue 13's effect definitions (no effect definition reads them)
    code: "flere-i-job",
    programs: ["rf"],
    from: "2024-01-10",
    to: "2025-12-31",
    chance: 0.45,
    minAge: 30,
    weeks: [26, 78],
    effect: { shorten: 0.4, exit: "job", chance: 0.3 },
  },
  {
    code: "kompetenceporten",
    programs: ["adp", "kh-job", "syg"],
    from: "2024-01-01",
    to: "2025-12-31",
    chance: 0.0026,
    weeks: [8, 20],
    // upskilling: a third go on to education
    effect: { shorten: 0.2, exit: "uddannelse", chance: 0.35 },
  },
  {
    code: "haandholdt-jobparate-kh",
    programs: ["kh-job"],
    from: "2024-01-10",
    to: "2025-12-31",
    chance: 1,
    referralWeeks: 14,
    minAge: 30,
    weeks: [8, 26],
    // the hands-on job search: much shorter courses, more to a job
    effect: { shorten: 0.4, exit: "job", chance: 0.2, withinWeeks: 20 },
  },
  {
    code: "socialt-frikort",
    programs: ["udd"],
    from: "2024-01-01",
    to: "2025-12-31",
    chance: 0.35,
    maxAge: 29,
    category: "aktivitetsparat",
    weeks: [26, 78],
    // young people stay on uddannelseshjælp with paid hours instead of an early fleksjob
    effect: { shorten: 0, exit: "job", chance: 0.15 },
  },
  {
    // Flere i job also reaches young aktivitetsparate on uddannelseshjælp (seed 004: 2 fewer
    // full-time persons there); after Socialt Frikort, which marks the same group first
    code: "flere-i-job",
    programs: ["udd"],
    from: "2024-01-10",
    to: "2025-12-31",
    chance: 0.25,
    category: "aktivitetsparat",
    weeks: [26, 52],
    effect: { shorten: 0.4, exit: "job", chance: 0.3 },
  },
  {
    code: "jobafklaring-2019",
    programs: ["ja"],
    from: "2019-03-01",
    to: "2021-02-28",
    chance: 0.6,
    weeks: [26, 60],
  },
];
