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
import { populationSchema } from "./definition-parts.ts";
import { describeText } from "./describe.ts";
import { MEASURES, measureKinds, measureSchemas, measureSpec } from "./measures.ts";

export {
  type ActivityCode,
  activityCodes,
  type BenefitCode,
  benefitCodes,
  type CategoryCode,
  categoryCodes,
  companyOrientedKinds,
  type Population,
  populationSchema,
} from "./definition-parts.ts";

/** One schema per kind of the measure catalogue (measures.ts), chosen by `kind`. */
const measureSchema = z.discriminatedUnion("kind", measureSchemas, {
  error: (iss) =>
    iss.code === "invalid_union"
      ? `Ukendt eller manglende measure.kind; gyldige: ${measureKinds.join(", ")}`
      : undefined,
});

/** Measures computed over marker data only; they take no population. */
const withoutPopulation = new Set<string>(MEASURES.filter((m) => !m.population).map((m) => m.kind));

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
    if (!withoutPopulation.has(def.measure.kind) && def.population === undefined) {
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

/** Plain Danish account of what a definition measures, for "hvordan måles det?". */
export function describeDefinition(def: IndicatorDefinition): string {
  return measureSpec(def.measure.kind).describe(def.measure, describeText(def.population));
}
