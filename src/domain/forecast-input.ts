/**
 * The forecast command's input (DESIGN 9.2): `{"forecasts": [{"id", "series": [{"period",
 * "value"}], "better", "targets": [{"period", "value"}], "from"?}]}`, validated with zod and
 * Danish messages naming the field by its dotted path (`forecasts[2].series[5].period`).
 */
import { z } from "zod";
import { isMonth } from "./calendar.ts";
import type { ForecastInput } from "./forecast.ts";
import { dottedPath } from "./zod-da.ts";

const month = z
  .string({ error: "Skal være en måned ÅÅÅÅ-MM" })
  .refine(isMonth, { message: "Skal være en måned ÅÅÅÅ-MM, fx 2024-02" });
const finite = z
  .number({ error: "Skal være et tal" })
  .refine(Number.isFinite, { message: "Skal være et endeligt tal" });

const seriesSchema = z
  .array(z.strictObject({ period: month, value: finite.nullable() }), {
    error: "Skal være en liste af måneder",
  })
  .superRefine((points, ctx) => {
    const seen = new Map<string, number>();
    points.forEach((p, i) => {
      const first = seen.get(p.period);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [i, "period"],
          message: `Måneden ${p.period} står allerede i series[${first}]`,
        });
      } else seen.set(p.period, i);
    });
  });

export const forecastEntrySchema = z.strictObject({
  id: z.string({ error: "Skal være en tekst" }).min(1, "id må ikke være tomt"),
  series: seriesSchema,
  better: z.enum(["higher", "lower"], { error: "better skal være higher eller lower" }),
  targets: z.array(z.strictObject({ period: month, value: finite }), { error: "Skal være en liste af mål" }),
  from: month.optional(),
});

export const forecastRequestSchema = z.strictObject({
  forecasts: z.array(forecastEntrySchema, { error: "Skal være en liste 'forecasts'" }),
});

export type ParsedForecastRequest =
  | { ok: true; forecasts: ForecastInput[] }
  | { ok: false; errors: { path: string; message: string }[] };

/** Validate a parsed JSON document as forecast input. */
export function parseForecastRequest(raw: unknown): ParsedForecastRequest {
  const result = forecastRequestSchema.safeParse(raw, { error: z.locales.da().localeError });
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((i) => ({ path: dottedPath(i.path), message: i.message })),
    };
  }
  return { ok: true, forecasts: result.data.forecasts };
}
