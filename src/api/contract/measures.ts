/**
 * GET /api/measures: the measure catalogue (src/engine/measures.ts) as the web's definition editor
 * reads it: every kind with its Danish label and description, whether it takes a population,
 * whether it is a share, the shared tables it needs and its parameters (form input, required,
 * hint with the default, options).
 */
import { z } from "zod";
import type { MeasureCatalogue } from "../../engine/measure-view.ts";

const option = z.object({ code: z.string(), label: z.string() });

export const measureParamSchema = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(["number", "code", "codes", "choice"]),
  required: z.boolean(),
  hint: z.string().optional(),
  options: z.array(option).optional(),
});

export const measureSchema = z.object({
  kind: z.string(),
  label: z.string(),
  description: z.string(),
  population: z.boolean(),
  share: z.boolean(),
  tables: z.array(z.enum(["forloeb", "population", "wage_months"])),
  params: z.array(measureParamSchema),
});

export const measureCatalogueResponse = z.object({
  measures: z.array(measureSchema).min(1),
}) satisfies z.ZodType<MeasureCatalogue>;

export type MeasureCatalogueResponse = z.infer<typeof measureCatalogueResponse>;
export type MeasureResponse = z.infer<typeof measureSchema>;
export type MeasureParamResponse = z.infer<typeof measureParamSchema>;
