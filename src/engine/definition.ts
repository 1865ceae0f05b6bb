/**
 * Indicator definitions (DESIGN.md 6.2, 6.3): the zod schema, YAML parsing and a Danish
 * description of what a definition measures.
 *
 * Parsing is per definition: a broken definition is reported with a dotted path
 * (`indicators[3].measure.kinds`) and a Danish message, and its valid siblings are still returned,
 * so one typo does not stop a whole set from being computed.
 */
import { parseDocument } from "yaml";
import { z } from "zod";
import {
  ACTIVITY_KINDS,
  type ActivityKind,
  BENEFITS,
  CATEGORIES,
  COMPANY_ORIENTED_KINDS,
  type BenefitCode as DomainBenefitCode,
  type CategoryCode as DomainCategoryCode,
} from "../domain/codes.ts";

/** The codes of a canonical list, as a non-empty tuple for z.enum. */
function codesOf<T extends readonly { code: string }[]>(
  entries: T,
): [T[number]["code"], ...T[number]["code"][]] {
  const codes = entries.map((e) => e.code as T[number]["code"]);
  if (codes.length === 0) throw new Error("Tom kodeliste");
  return codes as [T[number]["code"], ...T[number]["code"][]];
}

/** The canonical code lists (src/domain/codes.ts) the definitions may name. */
export const benefitCodes = codesOf(BENEFITS);
export const categoryCodes = codesOf(CATEGORIES);
export const activityCodes = codesOf(ACTIVITY_KINDS);

export type BenefitCode = DomainBenefitCode;
export type CategoryCode = DomainCategoryCode;
export type ActivityCode = ActivityKind;

/** Company-oriented activity kinds (virksomhedsrettet), the default of the Delaftale 2 measures. */
export const companyOrientedKinds: ActivityCode[] = [...COMPANY_ORIENTED_KINDS];

// Exit reasons, marker results and project codes are open code lists (configurable per
// municipality), so only their form is checked.
const code = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "Skal være en kode med små bogstaver a-z, 0-9 og -");
const nonEmptyList = <T extends z.ZodType>(item: T) => z.array(item).min(1, "Listen må ikke være tom");
const benefit = z.enum(benefitCodes, { error: `Ukendt ydelse; gyldige: ${benefitCodes.join(", ")}` });
const category = z.enum(categoryCodes, {
  error: `Ukendt visitationskategori; gyldige: ${categoryCodes.join(", ")}`,
});
const activity = z.enum(activityCodes, { error: `Ukendt tilbudstype; gyldige: ${activityCodes.join(", ")}` });
const positiveInt = z.number().int("Skal være et heltal").positive("Skal være større end 0");
const nonNegative = z.number().min(0, "Må ikke være negativ");

const age = z
  .strictObject({
    min: z.number().int("Skal være et heltal").min(0, "Må ikke være negativ").optional(),
    max: z.number().int("Skal være et heltal").min(0, "Må ikke være negativ").optional(),
  })
  .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, {
    message: "min må ikke være større end max",
  });

export const populationSchema = z.strictObject({
  benefits: nonEmptyList(benefit),
  categories: nonEmptyList(category).optional(),
  age: age.optional(),
  project: code.optional(),
});

const measureSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("stock") }),
    z.strictObject({ kind: z.literal("wage_hours_share"), above: nonNegative.default(0) }),
    z.strictObject({ kind: z.literal("activity_share"), kinds: nonEmptyList(activity) }),
    // kinds absent = every activity kind
    z.strictObject({ kind: z.literal("no_activity_share"), kinds: nonEmptyList(activity).optional() }),
    z.strictObject({
      kind: z.literal("company_oriented_12m"),
      kinds: nonEmptyList(activity).default(companyOrientedKinds),
      min_hours: nonNegative.default(100),
    }),
    z.strictObject({
      kind: z.literal("company_oriented_first_weeks"),
      weeks: positiveInt.default(26),
      kinds: nonEmptyList(activity).default(companyOrientedKinds),
    }),
    z.strictObject({
      kind: z.literal("ended_outcome_share"),
      outcomes: nonEmptyList(code),
      window_months: positiveInt.default(12),
    }),
    z.strictObject({ kind: z.literal("avg_duration_ended"), window_months: positiveInt.default(3) }),
    z.strictObject({
      kind: z.literal("returned_within"),
      days: positiveInt.default(365),
      window_months: positiveInt.default(12),
      // absent = a record of any benefit counts as a return
      return_benefits: nonEmptyList(benefit).optional(),
    }),
    z.strictObject({
      kind: z.literal("duration_over_share"),
      days: z.number().int("Skal være et heltal").min(0, "Må ikke være negativ"),
    }),
    z.strictObject({ kind: z.literal("fte"), period: z.enum(["month", "year"]).default("month") }),
    z.strictObject({
      kind: z.literal("marker_count"),
      project: code,
      mode: z.enum(["cumulative", "active", "started"]).default("cumulative"),
    }),
    z.strictObject({
      kind: z.literal("marker_outcome_share"),
      project: code,
      outcomes: nonEmptyList(code),
      window_months: positiveInt.optional(),
    }),
    z
      .strictObject({ kind: z.literal("weekly_hours_share"), min: nonNegative, max: nonNegative.optional() })
      .refine((m) => m.max === undefined || m.min <= m.max, { message: "min må ikke være større end max" }),
  ],
  {
    error: (iss) =>
      iss.code === "invalid_union"
        ? "Ukendt eller manglende measure.kind; gyldige: stock, wage_hours_share, activity_share, no_activity_share, company_oriented_12m, company_oriented_first_weeks, ended_outcome_share, avg_duration_ended, returned_within, duration_over_share, fte, marker_count, marker_outcome_share, weekly_hours_share"
        : undefined,
  },
);

/** Measures computed over marker data only; they take no population. */
const markerKinds = new Set(["marker_count", "marker_outcome_share"]);

export const indicatorDefinitionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, "id må kun indeholde a-z, 0-9 og -"),
    name: z.string().min(1, "Navnet må ikke være tomt"),
    description: z.string().optional(),
    unit: z.enum(["personer", "procent", "uger", "fuldtidspersoner", "antal"], {
      error: "Ukendt enhed; gyldige: personer, procent, uger, fuldtidspersoner, antal",
    }),
    better: z.enum(["higher", "lower"], { error: "better skal være higher eller lower" }),
    population: populationSchema.optional(),
    measure: measureSchema,
  })
  .superRefine((def, ctx) => {
    if (!markerKinds.has(def.measure.kind) && def.population === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["population"],
        message: `Målingen ${def.measure.kind} kræver en population (mindst benefits)`,
      });
    }
  });

export type IndicatorDefinition = z.infer<typeof indicatorDefinitionSchema>;
export type Measure = IndicatorDefinition["measure"];
export type MeasureKind = Measure["kind"];
export type Population = z.infer<typeof populationSchema>;

export interface DefinitionError {
  /** dotted path into the YAML document, e.g. `indicators[3].measure.kinds` */
  path: string;
  message: string;
}

export interface ParsedDefinitions {
  value: IndicatorDefinition[];
  errors: DefinitionError[];
}

/** `["indicators", 3, "measure", "kinds"]` → `indicators[3].measure.kinds` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** Parse a YAML (or JSON) text with an `indicators:` list. Valid definitions are returned even when siblings fail. */
export function parseDefinitions(yamlText: string): ParsedDefinitions {
  const errors: DefinitionError[] = [];
  const doc = parseDocument(yamlText, { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const where = e.linePos?.[0] ? `linje ${e.linePos[0].line}, kolonne ${e.linePos[0].col}: ` : "";
      errors.push({ path: "", message: `Ugyldig YAML (${where}${e.code})` });
    }
    return { value: [], errors };
  }
  const root: unknown = doc.toJS();
  const list =
    root !== null && typeof root === "object" && !Array.isArray(root)
      ? (root as Record<string, unknown>).indicators
      : undefined;
  if (!Array.isArray(list)) {
    return { value: [], errors: [{ path: "indicators", message: "Filen skal have en liste 'indicators:'" }] };
  }
  const value: IndicatorDefinition[] = [];
  const seen = new Map<string, number>();
  const localeError = z.locales.da().localeError;
  list.forEach((item, i) => {
    const result = indicatorDefinitionSchema.safeParse(item, { error: localeError });
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push({ path: formatPath(["indicators", i, ...issue.path]), message: issue.message });
      }
      return;
    }
    const first = seen.get(result.data.id);
    if (first !== undefined) {
      errors.push({
        path: formatPath(["indicators", i, "id"]),
        message: `id '${result.data.id}' er allerede brugt af indicators[${first}]`,
      });
      return;
    }
    seen.set(result.data.id, i);
    value.push(result.data);
  });
  return { value, errors };
}

/**
 * The code's label from the canonical list, as it reads inside a sentence: the labels are
 * capitalised ("Kontanthjælp", "Åbenlyst uddannelsesparat"), the descriptions use them in
 * lower case ("på kontanthjælp, kategori åbenlyst uddannelsesparat").
 */
function namesOf<T extends readonly { code: string; label: string }[]>(
  entries: T,
): Record<T[number]["code"], string> {
  return Object.fromEntries(entries.map((e) => [e.code, e.label.toLocaleLowerCase("da")])) as Record<
    T[number]["code"],
    string
  >;
}

const benefitNames = namesOf(BENEFITS);
const categoryNames = namesOf(CATEGORIES);
const activityNames = namesOf(ACTIVITY_KINDS);

/** "a, b eller c" */
function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} eller ${items[items.length - 1]}`;
}

const fmt = (n: number) => String(n).replace(".", ",");

function describePopulation(p: Population): string {
  const parts = [`på ${orList(p.benefits.map((b) => benefitNames[b]))}`];
  if (p.categories) {
    parts.push(`kategori ${orList(p.categories.map((c) => categoryNames[c]))}`);
  }
  const { min, max } = p.age ?? {};
  if (min !== undefined && max !== undefined) parts.push(`${min}-${max} år`);
  else if (min !== undefined) parts.push(`${min} år eller ældre`);
  else if (max !== undefined) parts.push(`${max} år eller yngre`);
  if (p.project) parts.push(`med aktiv markering for projektet ${p.project}`);
  return parts.join(", ");
}

const kindsText = (kinds: readonly ActivityCode[]) => orList(kinds.map((k) => activityNames[k]));

/** Plain Danish account of what a definition measures, for "hvordan måles det?". */
export function describeDefinition(def: IndicatorDefinition): string {
  const m = def.measure;
  const pop = def.population ? describePopulation(def.population) : "";
  const ofPop = `af personer ${pop}, den 1. i måneden`;
  switch (m.kind) {
    case "stock":
      return `Antal personer ${pop}, den 1. i måneden`;
    case "wage_hours_share":
      return `Andel ${ofPop}, som havde over ${fmt(m.above)} ordinære løntimer i måneden før`;
    case "activity_share":
      return `Andel ${ofPop}, som er i ${kindsText(m.kinds)} samme dag`;
    case "no_activity_share":
      return `Andel ${ofPop}, som ikke er i ${m.kinds ? kindsText(m.kinds) : "noget tilbud"} samme dag`;
    case "company_oriented_12m":
      return `Blandt personer ${pop}, som den 1. i måneden har været i forløb i mindst 365 dage: andel, som i de seneste 365 dage har haft ${kindsText(m.kinds)} eller i de seneste 12 måneder mindst ${fmt(m.min_hours)} ordinære løntimer (Delaftale 2)`;
    case "company_oriented_first_weeks":
      return `Blandt personer ${pop}, som den 1. i måneden har været i forløb i mindst ${m.weeks} uger: andel, som havde ${kindsText(m.kinds)} inden for forløbets første ${m.weeks} uger`;
    case "ended_outcome_share":
      return `Andel af afsluttede forløb ${pop} (afsluttet de seneste ${m.window_months} måneder før den 1. i måneden), som sluttede med ${orList(m.outcomes)}`;
    case "avg_duration_ended":
      return `Gennemsnitlig varighed i uger af forløb ${pop}, afsluttet de seneste ${m.window_months} måneder før den 1. i måneden`;
    case "returned_within":
      return `Andel af forløb ${pop}, afsluttet i ${m.window_months} måneder før opfølgningsperioden, hvor personen inden for ${m.days} dage begyndte på ${m.return_benefits ? orList(m.return_benefits.map((b) => benefitNames[b])) : "en ydelse"} igen`;
    case "duration_over_share":
      return `Andel ${ofPop}, hvis forløb har varet over ${m.days} dage`;
    case "fte":
      return `Fuldtidspersoner ${pop} i ${m.period === "year" ? "de 12 måneder" : "måneden"} før den 1. i måneden`;
    case "marker_count": {
      const modeText = {
        cumulative: "markeret i alt før den 1. i måneden",
        active: "med aktiv markering den 1. i måneden",
        started: "markeret i måneden før",
      }[m.mode];
      return `Antal personer i projektet ${m.project}, ${modeText}`;
    }
    case "marker_outcome_share":
      return `Andel af afsluttede markeringer i projektet ${m.project}${m.window_months ? ` (de seneste ${m.window_months} måneder)` : ""}, som sluttede med ${orList(m.outcomes)}`;
    case "weekly_hours_share":
      return `Andel ${ofPop}, som havde ${m.max === undefined ? `mindst ${fmt(m.min)}` : `${fmt(m.min)}-${fmt(m.max)}`} lønnede timer pr. uge i måneden før`;
  }
}
