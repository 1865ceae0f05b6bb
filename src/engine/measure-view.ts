/**
 * The measure catalogue as the web's definition editor reads it (GET /api/measures; the wire
 * schema is src/api/contract/measures.ts): every kind with its label, description, whether it
 * takes a population, whether it is a share, its shared tables, and each parameter's form input,
 * options and a Danish hint with its default ("standard 12") or what leaving it out means.
 */
import { ACTIVITY_KINDS, BENEFITS, EXIT_REASONS } from "../domain/codes.ts";
import { activityNames, andList, fmt } from "./describe.ts";
import type { CodeList, MeasureSpec, ParamInput, ParamSpec, SharedTable } from "./measure-spec.ts";
import { MEASURES } from "./measures.ts";

const codeOptions: Record<CodeList, readonly { code: string; label: string }[]> = {
  activity: ACTIVITY_KINDS,
  exitReason: EXIT_REASONS,
  benefit: BENEFITS,
};

/** A parameter as the editor shows it (the wire schema is src/api/contract/measures.ts). */
export interface MeasureParamView {
  key: string;
  label: string;
  type: ParamInput["type"];
  required: boolean;
  /** the default and what leaving it out means, in Danish ("standard 12", "ingen valgt = alle") */
  hint?: string;
  /** the choices of `codes` and `choice` parameters */
  options?: { code: string; label: string }[];
}

export interface MeasureView {
  kind: string;
  label: string;
  description: string;
  population: boolean;
  /** share measures can show the percentage, the numerator or the rest (result views) */
  share: boolean;
  tables: SharedTable[];
  params: MeasureParamView[];
}

export interface MeasureCatalogue {
  measures: MeasureView[];
}

/** A default in words: 12 → "12", activity kinds → "virksomhedspraktik og løntilskud", a choice → its label. */
function defaultText(p: ParamSpec): string {
  const v = p.default;
  if (typeof v === "number") return fmt(v);
  if (Array.isArray(v) && p.input.type === "codes" && p.input.list === "activity")
    return andList(v.map((k: keyof typeof activityNames) => activityNames[k]));
  if (p.input.type === "choice") {
    const option = p.input.options.find((o) => o.code === v);
    return (option?.label ?? String(v)).toLocaleLowerCase("da");
  }
  return Array.isArray(v) ? andList(v.map(String)) : String(v);
}

function paramHint(p: ParamSpec): string | undefined {
  const parts: string[] = [];
  if (p.default !== undefined) parts.push(`standard ${defaultText(p)}`);
  else if (p.absent) parts.push(`${p.input.type === "codes" ? "ingen valgt" : "tom"} = ${p.absent}`);
  if (p.hint) parts.push(p.hint);
  return parts.length > 0 ? parts.join("; ") : undefined;
}

function paramView(key: string, p: ParamSpec): MeasureParamView {
  const options =
    p.input.type === "codes"
      ? codeOptions[p.input.list].map(({ code, label }) => ({ code, label }))
      : p.input.type === "choice"
        ? p.input.options.map(({ code, label }) => ({ code, label }))
        : undefined;
  return {
    key,
    label: p.label,
    type: p.input.type,
    required: p.required,
    ...(paramHint(p) ? { hint: paramHint(p) } : {}),
    ...(options ? { options } : {}),
  };
}

/** The catalogue for GET /api/measures, in catalogue order. */
export function measureCatalogue(): MeasureCatalogue {
  return {
    measures: MEASURES.map((m) => {
      const spec = m as unknown as MeasureSpec;
      return {
        kind: spec.kind,
        label: spec.label,
        description: spec.description,
        population: spec.population,
        share: spec.result === "share",
        tables: [...spec.tables],
        params: Object.entries(spec.params).map(([key, p]) => paramView(key, p)),
      };
    }),
  };
}
