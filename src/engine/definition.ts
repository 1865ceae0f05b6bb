/**
 * Indicator definitions (DESIGN.md 6.2, 6.3): the zod schema, YAML parsing and a Danish
 * description of what a definition measures.
 *
 * Parsing is per definition: a broken definition is reported with a dotted path
 * (`indicators[3].measure.kinds`) and a Danish message, and its valid siblings are still returned,
 * so one typo does not stop a whole set from being computed.
 */
import { z } from "zod";
import { dottedPath } from "../domain/zod-da.ts";
import { populationSchema } from "./definition-parts.ts";
import { describeText } from "./describe.ts";
import { MEASURES, measureKinds, measureSchemas, measureSpec } from "./measures.ts";
import { parseYamlList } from "./yaml-list.ts";

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
export const formatPath = dottedPath;

/** Parse a YAML (or JSON) text with an `indicators:` list. Valid definitions are returned even when siblings fail. */
export function parseDefinitions(yamlText: string): ParsedDefinitions {
  return parseYamlList(yamlText, "indicators", indicatorDefinitionSchema);
}

/** Plain Danish account of what a definition measures, for "hvordan måles det?". */
export function describeDefinition(def: IndicatorDefinition): string {
  return measureSpec(def.measure.kind).describe(def.measure, describeText(def.population));
}
