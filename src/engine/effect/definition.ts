/**
 * Effect definitions (DESIGN 9.1): the zod schema and YAML parsing of an `effects:` list.
 *
 * As with the indicator definitions, parsing is per definition: a broken one is reported with a
 * dotted path (`effects[0].horizons[1]`) and a Danish message, and its valid siblings are still
 * returned.
 *
 * Readings of points DESIGN 9.1 leaves open:
 * - `population` is 6.1's filter without `project` (the project is the effect's own `project`);
 *   a `project` key there is rejected rather than silently ignored.
 * - horizons are whole months ≠ 0 (h = 0 has no outcome window: neither [D, H − 1] nor
 *   [H, D − 1]), each at most once; their order is kept and is the output's order.
 * - `intake.from` ≤ `intake.to`.
 */
import { z } from "zod";
import { isMonth } from "../../domain/calendar.ts";
import { benefitCodes, populationSchema } from "../definition.ts";
import { parseYamlList } from "../yaml-list.ts";

const code = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "Skal være en kode med små bogstaver a-z, 0-9 og -");
const month = z
  .string({ error: "Skal være en måned ÅÅÅÅ-MM" })
  .refine(isMonth, { message: "Skal være en måned ÅÅÅÅ-MM, fx 2024-01" });
const benefit = z.enum(benefitCodes, { error: `Ukendt ydelse; gyldige: ${benefitCodes.join(", ")}` });

const horizon = z
  .number({ error: "Skal være et helt antal måneder" })
  .int("Skal være et helt antal måneder")
  .refine((h) => h !== 0, { message: "Horisonten 0 har intet udfaldsvindue; brug fx -6 eller 6" });

export const effectDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, "id må kun indeholde a-z, 0-9 og -"),
  name: z.string().min(1, "Navnet må ikke være tomt"),
  description: z.string().optional(),
  project: code,
  population: populationSchema.omit({ project: true }),
  intake: z
    .strictObject({ from: month, to: month })
    .refine((i) => i.from <= i.to, { message: "intake.from ligger efter intake.to" }),
  horizons: z
    .array(horizon)
    .min(1, "Listen må ikke være tom")
    .superRefine((hs, ctx) => {
      hs.forEach((h, i) => {
        const first = hs.indexOf(h);
        if (first < i)
          ctx.addIssue({
            code: "custom",
            path: [i],
            message: `Horisonten ${h} står allerede på plads ${first}`,
          });
      });
    }),
  outcome_benefits: z.array(benefit).min(1, "Listen må ikke være tom").optional(),
});

export type EffectDefinition = z.infer<typeof effectDefinitionSchema>;

export interface EffectDefinitionError {
  /** dotted path into the YAML document, e.g. `effects[0].horizons` */
  path: string;
  message: string;
}

export interface ParsedEffectDefinitions {
  value: EffectDefinition[];
  errors: EffectDefinitionError[];
}

/** Parse a YAML (or JSON) text with an `effects:` list. Valid definitions are returned even when siblings fail. */
export function parseEffectDefinitions(yamlText: string): ParsedEffectDefinitions {
  return parseYamlList(yamlText, "effects", effectDefinitionSchema);
}
