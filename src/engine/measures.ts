/**
 * The measure catalogue (DESIGN 6.3): the ONE place a measure kind is written. For each kind:
 * its parameters (zod schema, default, Danish label and form input), its Danish label and
 * description, whether it takes a population, how its result is shaped, which shared per-run
 * tables it needs, how far back it reads benefit records, how a definition of it reads in words,
 * and its compiler (compile/*.ts).
 *
 * Everything else reads this list: the definition schema (definition.ts), the compiler dispatch
 * (compile.ts), the per-run tables (compile/prepare.ts), person lists (persons.ts), the result
 * views of compute (services/compute.ts) and, through GET /api/measures, the web's definition
 * editor (measure-view.ts). Adding a measure kind = one entry here plus its compiler.
 */
import { z } from "zod";
import {
  compileAvgDurationEnded,
  compileEndedOutcomeShare,
  compileReturnedWithin,
  returnWindowEnd,
} from "./compile/ended.ts";
import { compileFte, ftePeriodStart } from "./compile/fte.ts";
import { compileMarkerCount, compileMarkerOutcomeShare } from "./compile/markers.ts";
import {
  compileActivityShare,
  compileCompanyOriented12m,
  compileCompanyOrientedFirstWeeks,
  compileDurationOverShare,
  compileNoActivityShare,
  compileStock,
  compileWageHoursShare,
  compileWeeklyHoursShare,
} from "./compile/point.ts";
import { minusMonths } from "./compile/sql.ts";
import {
  activity,
  benefit,
  code,
  companyOrientedKinds,
  nonEmptyList,
  nonNegative,
  nonNegativeInt,
  positiveInt,
} from "./definition-parts.ts";
import { benefitsText, fmt, kindsText, orList } from "./describe.ts";
import { defineMeasure, type MeasureSpec, optional, required, withDefault } from "./measure-spec.ts";

export type { MeasureSpec, ParamInput, ParamSpec, SharedTable } from "./measure-spec.ts";

// ---- parameters used by several kinds

const companyKinds = (label: string) =>
  withDefault(nonEmptyList(activity), companyOrientedKinds, {
    label,
    input: { type: "codes", list: "activity" },
  });
const windowMonths = (value: number, label = "Seneste måneder") =>
  withDefault(positiveInt, value, { label, input: { type: "number" } });
const projectCode = required(code, { label: "Projektkode", input: { type: "code" } });

/** the measures over the population at D: they share its per-run table and have person lists */
const populationTables = ["forloeb", "population"] as const;
const wageTables = ["forloeb", "population", "wage_months"] as const;

// ---- the catalogue

export const MEASURES = [
  defineMeasure({
    kind: "stock",
    label: "Antal personer i målgruppen (bestand)",
    description: "Antal personer i målgruppen den 1. i måneden",
    params: {},
    population: true,
    result: "count",
    tables: populationTables,
    describe: (_m, t) => `Antal personer ${t.pop}, den 1. i måneden`,
    compile: compileStock,
  }),
  defineMeasure({
    kind: "wage_hours_share",
    label: "Andel med ordinære løntimer i måneden før",
    description: "Andel af målgruppen, hvis løntimer i måneden før den 1. er flere end grænsen",
    params: {
      above: withDefault(nonNegative, 0, { label: "Flere end (timer)", input: { type: "number" } }),
    },
    population: true,
    result: "share",
    tables: wageTables,
    describe: (m, t) => `Andel ${t.ofPop}, som havde over ${fmt(m.above)} ordinære løntimer i måneden før`,
    compile: compileWageHoursShare,
  }),
  defineMeasure({
    kind: "activity_share",
    label: "Andel i tilbud den 1. i måneden",
    description: "Andel af målgruppen, som er i et tilbud af de valgte typer den 1. i måneden",
    params: {
      kinds: required(nonEmptyList(activity), {
        label: "Tilbudstyper",
        input: { type: "codes", list: "activity" },
      }),
    },
    population: true,
    result: "share",
    tables: populationTables,
    describe: (m, t) => `Andel ${t.ofPop}, som er i ${kindsText(m.kinds)} samme dag`,
    compile: compileActivityShare,
  }),
  defineMeasure({
    kind: "no_activity_share",
    label: "Andel uden tilbud den 1. i måneden",
    description: "Andel af målgruppen, som ikke er i et tilbud af de valgte typer den 1. i måneden",
    params: {
      kinds: optional(nonEmptyList(activity), {
        label: "Tilbudstyper",
        input: { type: "codes", list: "activity" },
        absent: "alle tilbud",
      }),
    },
    population: true,
    result: "share",
    tables: populationTables,
    describe: (m, t) =>
      `Andel ${t.ofPop}, som ikke er i ${m.kinds ? kindsText(m.kinds) : "noget tilbud"} samme dag`,
    compile: compileNoActivityShare,
  }),
  defineMeasure({
    kind: "company_oriented_12m",
    label: "Delaftale 2 – 12 måneder",
    description:
      "Blandt personer i forløb i mindst 365 dage: andel med virksomhedsrettet tilbud de seneste 365 dage eller nok løntimer de seneste 12 måneder",
    params: {
      kinds: companyKinds("Virksomhedsrettede tilbud"),
      min_hours: withDefault(nonNegative, 100, { label: "Mindst løntimer", input: { type: "number" } }),
    },
    population: true,
    result: "share",
    tables: wageTables,
    describe: (m, t) =>
      `Blandt personer ${t.pop}, som den 1. i måneden har været i forløb i mindst 365 dage: andel, som i de seneste 365 dage har haft ${kindsText(m.kinds)} eller i de seneste 12 måneder mindst ${fmt(m.min_hours)} ordinære løntimer (Delaftale 2)`,
    compile: compileCompanyOriented12m,
  }),
  defineMeasure({
    kind: "company_oriented_first_weeks",
    label: "Virksomhedsrettet tilbud inden for forløbets første uger",
    description:
      "Blandt personer i forløb i mindst det antal uger: andel med virksomhedsrettet tilbud inden for forløbets første uger",
    params: {
      weeks: withDefault(positiveInt, 26, { label: "Uger", input: { type: "number" } }),
      kinds: companyKinds("Tilbudstyper"),
    },
    population: true,
    result: "share",
    tables: populationTables,
    describe: (m, t) =>
      `Blandt personer ${t.pop}, som den 1. i måneden har været i forløb i mindst ${m.weeks} uger: andel, som havde ${kindsText(m.kinds)} inden for forløbets første ${m.weeks} uger`,
    compile: compileCompanyOrientedFirstWeeks,
  }),
  defineMeasure({
    kind: "ended_outcome_share",
    label: "Andel afsluttede forløb med bestemte afslutningsårsager",
    description:
      "Blandt forløb afsluttet i de seneste måneder før den 1.: andel, som sluttede med de valgte afslutningsårsager",
    params: {
      outcomes: required(nonEmptyList(code), {
        label: "Afslutningsårsager",
        input: { type: "codes", list: "exitReason" },
      }),
      window_months: windowMonths(12),
    },
    population: true,
    result: "share",
    tables: ["forloeb"],
    earliestRecordEnd: (m, first) => minusMonths(first, m.window_months),
    describe: (m, t) =>
      `Andel af afsluttede forløb ${t.pop} (afsluttet de seneste ${m.window_months} måneder før den 1. i måneden), som sluttede med ${orList(m.outcomes)}`,
    compile: compileEndedOutcomeShare,
  }),
  defineMeasure({
    kind: "avg_duration_ended",
    label: "Gennemsnitlig varighed af afsluttede forløb (uger)",
    description: "Gennemsnitlig varighed i uger af forløb afsluttet i de seneste måneder før den 1.",
    params: { window_months: windowMonths(3) },
    population: true,
    result: "mean",
    tables: ["forloeb"],
    earliestRecordEnd: (m, first) => minusMonths(first, m.window_months),
    describe: (m, t) =>
      `Gennemsnitlig varighed i uger af forløb ${t.pop}, afsluttet de seneste ${m.window_months} måneder før den 1. i måneden`,
    compile: compileAvgDurationEnded,
  }),
  defineMeasure({
    kind: "returned_within",
    label: "Andel afsluttede, som vender tilbage på ydelse",
    description:
      "Blandt forløb afsluttet før opfølgningsperioden: andel, hvor personen begyndte på en ydelse igen inden for det antal dage",
    params: {
      days: withDefault(positiveInt, 365, { label: "Inden for dage", input: { type: "number" } }),
      window_months: windowMonths(12, "Afsluttet i måneder"),
      // absent = a record of any benefit counts as a return
      return_benefits: optional(nonEmptyList(benefit), {
        label: "Tilbage på ydelserne",
        input: { type: "codes", list: "benefit" },
        absent: "alle",
      }),
    },
    population: true,
    result: "share",
    tables: ["forloeb"],
    earliestRecordEnd: (m, first) => minusMonths(returnWindowEnd(first, m.days), m.window_months),
    describe: (m, t) =>
      `Andel af forløb ${t.pop}, afsluttet i ${m.window_months} måneder før opfølgningsperioden, hvor personen inden for ${m.days} dage begyndte på ${m.return_benefits ? benefitsText(m.return_benefits) : "en ydelse"} igen`,
    compile: compileReturnedWithin,
  }),
  defineMeasure({
    kind: "duration_over_share",
    label: "Andel med varighed over et antal dage",
    description: "Andel af målgruppen, hvis forløb den 1. i måneden har varet over det antal dage",
    params: {
      days: required(nonNegativeInt, { label: "Dage", input: { type: "number" }, hint: "fx 365 eller 730" }),
    },
    population: true,
    result: "share",
    tables: populationTables,
    describe: (m, t) => `Andel ${t.ofPop}, hvis forløb har varet over ${m.days} dage`,
    compile: compileDurationOverShare,
  }),
  defineMeasure({
    kind: "fte",
    label: "Fuldtidspersoner",
    description: "Fuldtidspersoner: dage på ydelsen i perioden før den 1., delt med periodens dage",
    params: {
      period: withDefault(z.enum(["month", "year"]), "month", {
        label: "Periode",
        input: {
          type: "choice",
          options: [
            { code: "month", label: "Måneden før" },
            { code: "year", label: "De 12 måneder før" },
          ],
        },
      }),
    },
    population: true,
    result: "ratio",
    tables: [],
    earliestRecordEnd: (m, first) => ftePeriodStart(first, m.period),
    describe: (m, t) =>
      `Fuldtidspersoner ${t.pop} i ${m.period === "year" ? "de 12 måneder" : "måneden"} før den 1. i måneden`,
    compile: compileFte,
  }),
  defineMeasure({
    kind: "marker_count",
    label: "Antal personer med markering for et projekt",
    description: "Antal personer med markering for projektet (akkumuleret, aktive eller nye i måneden før)",
    params: {
      project: projectCode,
      mode: withDefault(z.enum(["cumulative", "active", "started"]), "cumulative", {
        label: "Opgørelse",
        input: {
          type: "choice",
          options: [
            { code: "cumulative", label: "Akkumuleret (markeret før den 1.)" },
            { code: "active", label: "Aktiv markering den 1." },
            { code: "started", label: "Markeret i måneden før" },
          ],
        },
      }),
    },
    population: false,
    result: "count",
    tables: [],
    describe: (m) => {
      const modeText = {
        cumulative: "markeret i alt før den 1. i måneden",
        active: "med aktiv markering den 1. i måneden",
        started: "markeret i måneden før",
      }[m.mode];
      return `Antal personer i projektet ${m.project}, ${modeText}`;
    },
    compile: compileMarkerCount,
  }),
  defineMeasure({
    kind: "marker_outcome_share",
    label: "Andel afsluttede markeringer med bestemt resultat",
    description: "Blandt projektets afsluttede markeringer: andel med de valgte resultater",
    params: {
      project: projectCode,
      outcomes: required(nonEmptyList(code), {
        label: "Resultater",
        input: { type: "codes", list: "exitReason" },
      }),
      window_months: optional(positiveInt, {
        label: "Seneste måneder",
        input: { type: "number" },
        absent: "alle",
      }),
    },
    population: false,
    result: "share",
    tables: [],
    describe: (m) =>
      `Andel af afsluttede markeringer i projektet ${m.project}${m.window_months ? ` (de seneste ${m.window_months} måneder)` : ""}, som sluttede med ${orList(m.outcomes)}`,
    compile: compileMarkerOutcomeShare,
  }),
  defineMeasure({
    kind: "weekly_hours_share",
    label: "Andel med lønnede timer pr. uge i et interval",
    description: "Andel af målgruppen, hvis lønnede timer pr. uge i måneden før ligger i intervallet",
    params: {
      min: required(nonNegative, { label: "Mindst timer pr. uge", input: { type: "number" } }),
      max: optional(nonNegative, {
        label: "Højst timer pr. uge",
        input: { type: "number" },
        absent: "ingen øvre grænse",
      }),
    },
    check: { ok: (m) => m.max === undefined || m.min <= m.max, message: "min må ikke være større end max" },
    population: true,
    result: "share",
    tables: wageTables,
    describe: (m, t) =>
      `Andel ${t.ofPop}, som havde ${m.max === undefined ? `mindst ${fmt(m.min)}` : `${fmt(m.min)}-${fmt(m.max)}`} lønnede timer pr. uge i måneden før`,
    compile: compileWeeklyHoursShare,
  }),
] as const;

export type MeasureKindName = (typeof MEASURES)[number]["kind"];

/** the `schema` of each entry of a tuple of specs, as a tuple */
type SchemasOf<T extends readonly { schema: z.ZodType }[]> = { -readonly [I in keyof T]: T[I]["schema"] };

/** The schemas of the catalogue's measures, as the tuple z.discriminatedUnion takes. */
export const measureSchemas = MEASURES.map((m) => m.schema) as unknown as SchemasOf<typeof MEASURES>;

export const measureKinds: MeasureKindName[] = MEASURES.map((m) => m.kind);

const byKind = new Map<string, MeasureSpec>(MEASURES.map((m) => [m.kind, m as unknown as MeasureSpec]));

/** The catalogue entry of a kind (a validated measure always has one). */
export function measureSpec(kind: string): MeasureSpec {
  const spec = byKind.get(kind);
  if (!spec) throw new Error(`Ukendt måling: ${kind}`);
  return spec;
}

/** Whether the kind counts the population persons at D (so the persons behind a number can be listed). */
export function countsPopulation(kind: string): boolean {
  return byKind.get(kind)?.tables.includes("population") ?? false;
}

/** Whether the kind's result is a share (numerator, denominator, percentage). */
export function isShareKind(kind: string): boolean {
  return byKind.get(kind)?.result === "share";
}
