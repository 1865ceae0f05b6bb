/**
 * Engine definitions (DESIGN 6.2 objects: population + measure) for the demo projects' indicators
 * that case data can give, keyed by indicator code (src/demo/projects.ts), following the mapping
 * of DESIGN 6.4 and the rows of golden/statusskemaer.json.
 *
 * `result` (an Effektspor setting next to the engine definition, see services/compute.ts) makes a
 * share measure store its count: seed 002 counts persons in several "Antal …" rows whose
 * population the engine can only select inside a share measure.
 *
 * Indicators that data cannot give are set to manual by `attachDemoDefinitions`, with the reason
 * in DEMO_MANUAL. The jobafklaring project (seed 000, 2019–2021) is computed like the others: the
 * demo's case data reach back to 2016, so its months (and the baseline period 2kv18-1kv19) have data.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../store/db.ts";
import { schema } from "../store/db.ts";
import { saveOutcomeGroupSet } from "../store/repositories/outcome-groups.ts";

export type DemoDefinition = Record<string, unknown> & {
  population?: Record<string, unknown>;
  measure: Record<string, unknown>;
};

const adagpenge = { benefits: ["a-dagpenge"] };
const khAkt30 = { benefits: ["kontanthjaelp"], categories: ["aktivitetsparat"], age: { min: 30 } };
const ressourceforloeb = { benefits: ["ressourceforloeb"] };
const khJob30 = { benefits: ["kontanthjaelp"], categories: ["jobparat"], age: { min: 30 } };
/** Socialt Frikort: young people on uddannelseshjælp marked for the project (generator: programme "udd") */
const frikort = { benefits: ["uddannelseshjaelp"], project: "socialt-frikort" };
const jobafklaring = { benefits: ["jobafklaring"] };
const companyOriented = ["virksomhedspraktik", "loentilskud"];

/** 13 weeks: the a-kasse's contact period is the first 3 months of the a-dagpenge course. */
const AKASSE_PERIOD_DAYS = 91;

export const DEMO_DEFINITIONS: Record<string, DemoDefinition> = {
  // ---- Klar, parat – i job (a-dagpenge; marker klar-parat-i-job)
  "kpj-adagpenge-i-alt": { population: adagpenge, measure: { kind: "stock" } },
  // in the jobcenter: past the a-kasse's first 3 months (duration > 91 days), as a count
  "kpj-kontaktforloeb-jobcenter": {
    population: adagpenge,
    measure: { kind: "duration_over_share", days: AKASSE_PERIOD_DAYS },
    result: "count",
  },
  // in the a-kasse: the rest (duration ≤ 91 days)
  "kpj-kontaktforloeb-akasse": {
    population: adagpenge,
    measure: { kind: "duration_over_share", days: AKASSE_PERIOD_DAYS },
    result: "rest",
  },
  "kpj-henvist-akasseperiode": {
    measure: { kind: "marker_count", project: "klar-parat-i-job", mode: "started" },
  },
  "kpj-henviste-akkumuleret": {
    measure: { kind: "marker_count", project: "klar-parat-i-job", mode: "cumulative" },
  },
  "kpj-afsluttet-til-job": {
    measure: { kind: "marker_outcome_share", project: "klar-parat-i-job", outcomes: ["job"] },
  },
  "kpj-varighed-adagpenge": {
    population: adagpenge,
    measure: { kind: "avg_duration_ended", window_months: 3 },
  },

  // ---- Flere i job
  "fij-antal-akt-kh": {
    population: { benefits: ["kontanthjaelp"], categories: ["aktivitetsparat"] },
    measure: { kind: "stock" },
  },
  "fij-antal-ressourceforloeb": { population: ressourceforloeb, measure: { kind: "stock" } },
  "fij-loentimer-akt-kh-30": { population: khAkt30, measure: { kind: "wage_hours_share" } },
  "fij-loentimer-ressourceforloeb": { population: ressourceforloeb, measure: { kind: "wage_hours_share" } },
  "fij-praktik-akt-kh-30": {
    population: khAkt30,
    measure: { kind: "activity_share", kinds: ["virksomhedspraktik"] },
  },
  "fij-praktik-ressourceforloeb": {
    population: ressourceforloeb,
    measure: { kind: "activity_share", kinds: ["virksomhedspraktik"] },
  },
  "fij-delaftale2-akt-kh-30": { population: khAkt30, measure: { kind: "company_oriented_12m" } },
  "fij-delaftale2-ressourceforloeb": {
    population: ressourceforloeb,
    measure: { kind: "company_oriented_12m" },
  },
  "fij-afsluttet-akt-kh-30": {
    population: khAkt30,
    measure: { kind: "ended_outcome_share", outcomes: ["job", "uddannelse", "fleksjob"], window_months: 12 },
  },
  "fij-afsluttet-ressourceforloeb": {
    population: ressourceforloeb,
    measure: { kind: "ended_outcome_share", outcomes: ["job", "uddannelse", "fleksjob"], window_months: 12 },
  },

  // ---- Kompetenceporten (marker kompetenceporten)
  "kp-ledige-i-projektet": {
    measure: { kind: "marker_count", project: "kompetenceporten", mode: "cumulative" },
  },
  "kp-afsluttet-uddannelse": {
    measure: { kind: "marker_outcome_share", project: "kompetenceporten", outcomes: ["uddannelse"] },
    result: "count",
  },

  // ---- Håndholdt indsats for jobparate kontanthjælpsmodtagere over 30 år
  "hh-jobparate-over-30": { population: khJob30, measure: { kind: "stock" } },
  "hh-andel-loentimer": { population: khJob30, measure: { kind: "wage_hours_share" } },
  "hh-andel-loentilskud-praktik": {
    population: khJob30,
    measure: { kind: "activity_share", kinds: companyOriented },
  },
  "hh-delaftale2-26-uger": {
    population: khJob30,
    measure: { kind: "company_oriented_first_weeks", weeks: 26 },
  },
  "hh-afsluttet-job": {
    population: khJob30,
    measure: { kind: "ended_outcome_share", outcomes: ["job"], window_months: 12 },
  },
  "hh-afsluttet-uddannelse": {
    population: khJob30,
    measure: { kind: "ended_outcome_share", outcomes: ["uddannelse"], window_months: 12 },
  },
  "hh-tilbage-paa-ydelse": {
    population: khJob30,
    measure: { kind: "returned_within", days: 365, window_months: 12 },
  },

  // ---- Unge i job med Socialt Frikort (counts, unit personer in seed 002)
  "sf-unge-med-frikort": { measure: { kind: "marker_count", project: "socialt-frikort", mode: "active" } },
  "sf-loentimer": { population: frikort, measure: { kind: "wage_hours_share" }, result: "count" },
  // weekly hours are fractional (month's hours × 7 ÷ days); the seed's whole-hour bands are read
  // as rounded hours: 1-5 = [0,5; 5,5), 6-10 = [5,5; 10,5), over 10 = ≥ 10,5 (bounds inclusive,
  // so the bands are separated by 0,001 hour)
  "sf-loentimer-1-5": {
    population: frikort,
    measure: { kind: "weekly_hours_share", min: 0.5, max: 5.499 },
    result: "count",
  },
  "sf-loentimer-6-10": {
    population: frikort,
    measure: { kind: "weekly_hours_share", min: 5.5, max: 10.499 },
    result: "count",
  },
  "sf-loentimer-over-10": {
    population: frikort,
    measure: { kind: "weekly_hours_share", min: 10.5 },
    result: "count",
  },
  "sf-praktik-loentilskud": {
    population: frikort,
    measure: { kind: "activity_share", kinds: companyOriented },
    result: "count",
  },
  "sf-afsluttet-fleksjob": {
    measure: { kind: "marker_outcome_share", project: "socialt-frikort", outcomes: ["fleksjob"] },
    result: "count",
  },
  "sf-fleksjob-over-5-timer": {
    population: { benefits: ["fleksjob"], project: "socialt-frikort" },
    measure: { kind: "weekly_hours_share", min: 5.5 },
    result: "count",
  },

  // ---- Jobafklaring 2019 (seed 000)
  "ja-antal-i-jobafklaring": { population: jobafklaring, measure: { kind: "stock" } },
  "ja-afsluttet-job": {
    population: jobafklaring,
    measure: { kind: "ended_outcome_share", outcomes: ["job", "uddannelse"], window_months: 12 },
  },
  "ja-afsluttet-fleksjob": {
    population: jobafklaring,
    measure: { kind: "ended_outcome_share", outcomes: ["fleksjob"], window_months: 12 },
  },
  "ja-afsluttet-adagpenge": {
    population: jobafklaring,
    measure: { kind: "ended_outcome_share", outcomes: ["a-dagpenge"], window_months: 12 },
  },
  "ja-virksomhedspraktik": {
    population: jobafklaring,
    measure: { kind: "activity_share", kinds: ["virksomhedspraktik"] },
  },
  "ja-varighed-over-2-aar": { population: jobafklaring, measure: { kind: "duration_over_share", days: 730 } },
  "ja-varighed-over-1-aar": { population: jobafklaring, measure: { kind: "duration_over_share", days: 365 } },
  "ja-uden-tilbud": { population: jobafklaring, measure: { kind: "no_activity_share" } },
};

/** Codes whose definitions are attached but that stay manual (none since the 2019 project is computed too). */
export const DEMO_KEEP_MANUAL = new Set<string>();

/** Demo indicators the case data cannot give, so they are typed in, with why. */
export const DEMO_MANUAL: Record<string, string> = {
  "kp-afsluttet-voksenlaere":
    "voksenlære er ikke en egen afslutningsårsag i kodelisten (den indgår i uddannelse)",
  "kp-opkvalificeret": "opkvalificering registreres ikke som et resultat; tallet tælles i projektet",
  "sf-udviklingsfleksjob": "udviklingsfleksjob er ikke en egen ydelse eller markering i udtrækket",
  "ja-loentilskud-loentimer":
    "'i løntilskud eller med lønnede timer' er to mål i ét (activity_share og wage_hours_share)",
};

/** Seed 003's outcome grouping (Tabel 1, Job & Trivsel), on canonical exit-reason codes. */
export const DEMO_OUTCOME_GROUP_SETS = [
  {
    name: "Job & Trivsel (afgangsstatistik 2014)",
    groups: [
      {
        name: "Videre i job og direkte jobrettede aktiviteter",
        reasons: ["job", "loentilskud", "virksomhedspraktik", "revalidering", "kursus"],
      },
      { name: "Afsluttet til a-kasse", reasons: ["a-dagpenge"] },
      {
        name: "Anden ydelse, flyttet eller ikke medvirket",
        reasons: [
          "sygedagpenge",
          "ressourceforloeb",
          "jobafklaring",
          "kontanthjaelp",
          "barsel",
          "flyttet",
          "afbrudt",
          "misligholdelse",
        ],
      },
    ],
  },
  {
    name: "Job, uddannelse og fleksjob",
    groups: [
      { name: "Job, uddannelse og fleksjob", reasons: ["job", "uddannelse", "fleksjob"] },
      {
        name: "Anden ydelse",
        reasons: [
          "a-dagpenge",
          "sygedagpenge",
          "kontanthjaelp",
          "uddannelseshjaelp",
          "ledighedsydelse",
          "ressourceforloeb",
          "jobafklaring",
          "foertidspension",
          "revalidering",
        ],
      },
      {
        name: "Øvrige",
        reasons: [
          "barsel",
          "flyttet",
          "raskmelding",
          "misligholdelse",
          "doed",
          "selvforsoergende",
          "afbrudt",
          "ukendt",
        ],
      },
    ],
  },
];

/**
 * Put the definitions on the demo indicators (matched by code): kind 'computed' and the
 * definition; codes in DEMO_MANUAL become manual; DEMO_KEEP_MANUAL get the definition and stay
 * manual. Also stores the demo's outcome group sets. Returns how many indicators were updated.
 */
export async function attachDemoDefinitions(db: Db): Promise<{ computed: number; manual: number }> {
  const { indicators } = schema;
  let computed = 0;
  for (const [code, definition] of Object.entries(DEMO_DEFINITIONS)) {
    const kind = DEMO_KEEP_MANUAL.has(code) ? "manual" : "computed";
    const rows = await db
      .update(indicators)
      .set({ definition, kind, updatedAt: new Date() })
      .where(eq(indicators.code, code))
      .returning({ id: indicators.id });
    if (kind === "computed") computed += rows.length;
  }
  const manualCodes = Object.keys(DEMO_MANUAL);
  const manual = await db
    .update(indicators)
    .set({ kind: "manual", updatedAt: new Date() })
    .where(and(inArray(indicators.code, manualCodes), eq(indicators.kind, "computed")))
    .returning({ id: indicators.id });
  for (const set of DEMO_OUTCOME_GROUP_SETS) await saveOutcomeGroupSet(db, set);
  return { computed, manual: manual.length };
}
