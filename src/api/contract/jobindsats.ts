/** Contract of the jobindsats resource (issue 14): settings, stored values, fetch, export import, benchmark. */
import { z } from "zod";
import type {
  BenchmarkView,
  FetchResult,
  ImportResult,
  indicatorJobindsatsSeries,
  OwnVsJobindsats,
  pickableValues,
} from "../../services/jobindsats.ts";
import type { JobindsatsSeriesSummary } from "../../store/repositories/jobindsats.ts";
import { idNumber, month, typed } from "./common.ts";

export type { BenchmarkView, FetchResult, ImportResult, OwnVsJobindsats } from "../../services/jobindsats.ts";
export { benchmarkSettingsSchema as settingsBody } from "../../services/jobindsats.ts";

const tableId = z.string().regex(/^[yY]\d{2}[a-zA-Z]\d{2}$/, "Et tabelnummer skrives som y01a02");

export const benchmarkQuery = z.object({
  tableId: tableId.optional(),
  measure: z.string().max(300).optional(),
  dimensionKey: z.string().max(500).optional(),
});

export const valuesQuery = z.object({
  tableId: tableId.optional(),
  area: z.string().max(100).optional(),
});

export const fetchBody = z.strictObject({
  tables: z.array(tableId).max(20).optional(),
  latest: z.number().int().min(1).max(120).optional(),
});

export const importForm = z.object({
  file: z
    .string()
    .meta({ format: "binary", description: "a table downloaded from jobindsats.dk (.csv or .xlsx)" }),
});

export const fromValueBody = z.strictObject({
  valueId: idNumber,
  month: month.optional(),
});

export type PickableValue = Awaited<ReturnType<typeof pickableValues>>[number];
export type IndicatorJobindsatsSeries = NonNullable<Awaited<ReturnType<typeof indicatorJobindsatsSeries>>>;

const settings = z.object({
  municipality: z.string(),
  comparison: z.enum(["rar", "chosen", "country"]),
  chosen: z.array(z.string()),
});

export const responses = {
  settings: z.object({ settings, rar: z.array(z.string()), tokenConfigured: z.boolean() }),
  series: z.object({
    series: z.array(typed<JobindsatsSeriesSummary>("a stored table, measure and dimension combination")),
  }),
  benchmark: z.object({ benchmark: typed<BenchmarkView>("the municipality beside its comparison set") }),
  values: z.object({ values: z.array(typed<PickableValue>("a stored value to take as baseline")) }),
  fetch: z.object({ result: typed<FetchResult>("per table: values stored or the Danish error") }),
  import: z.object({ result: typed<ImportResult>("the imported table and count") }),
  ownVs: z.object({ comparison: typed<OwnVsJobindsats>("own full-time persons beside jobindsats'") }),
  indicatorSeries: z.object({
    series: typed<IndicatorJobindsatsSeries>("the jobindsats series of the indicator").nullable(),
  }),
};
