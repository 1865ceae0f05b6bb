/**
 * The shape of a measure catalogue entry (measures.ts) and the helpers that write one: parameters
 * (zod schema + default + Danish form metadata) and `defineMeasure`, which builds the entry's
 * strict zod schema from its parameters.
 */
import { z } from "zod";
import type { MeasureSql, ResultShape } from "./compile/shape.ts";
import type { CompileContext } from "./compile/sql.ts";
import type { MeasureTarget } from "./definition-parts.ts";
import type { DescribeText } from "./describe.ts";

/**
 * The per-run tables shared by the indicators of a run (compile/prepare.ts) that a measure reads,
 * besides the benefit records every run keeps: the forløb, the population at each D (a measure on
 * it counts population persons, so it has a person list) and the wage hours per person and month.
 */
export type SharedTable = "forloeb" | "population" | "wage_months";

/** The code lists a parameter may choose from. */
export type CodeList = "activity" | "exitReason" | "benefit";

/** How a parameter is entered in the definition editor. */
export type ParamInput =
  | { type: "number" }
  | { type: "code" }
  | { type: "codes"; list: CodeList }
  | { type: "choice"; options: readonly { code: string; label: string }[] };

interface ParamMeta {
  /** Danish label in the form */
  label: string;
  input: ParamInput;
  /** extra Danish hint, e.g. "fx 365 eller 730" */
  hint?: string;
}

export interface ParamSpec<S extends z.ZodType = z.ZodType> extends ParamMeta {
  schema: S;
  required: boolean;
  /** the value used when the parameter is left out */
  default?: unknown;
  /** what leaving it out means when there is no default, in Danish ("alle tilbud") */
  absent?: string;
}

export type Params = Record<string, ParamSpec>;

export const required = <S extends z.ZodType>(schema: S, meta: ParamMeta): ParamSpec<S> => ({
  ...meta,
  schema,
  required: true,
});

export const withDefault = <S extends z.ZodType>(
  schema: S,
  value: z.output<S>,
  meta: ParamMeta,
): ParamSpec<z.ZodDefault<S>> => ({
  ...meta,
  schema: (schema as z.ZodType).default(value as never) as unknown as z.ZodDefault<S>,
  required: false,
  default: value,
});

export const optional = <S extends z.ZodType>(
  schema: S,
  meta: ParamMeta & { absent: string },
): ParamSpec<z.ZodOptional<S>> => ({ ...meta, schema: schema.optional(), required: false });

/** A measure of kind K with parameters P, as the schema outputs it. */
export type MeasureOf<K extends string, P extends Params> = { kind: K } & {
  [k in keyof P]: z.output<P[k]["schema"]>;
};

type SchemaOf<K extends string, P extends Params> = z.ZodObject<
  { kind: z.ZodLiteral<K> } & { [k in keyof P]: P[k]["schema"] },
  z.core.$strict
>;

export interface MeasureSpec<K extends string = string, P extends Params = Params> {
  kind: K;
  /** Danish label, e.g. for the editor's choice of measure */
  label: string;
  /** Danish: what the measure counts (DESIGN 6.3's result column) */
  description: string;
  params: P;
  /** marker measures are computed on markers alone and take no population */
  population: boolean;
  /** how the result is aggregated (compile/shape.ts); `share` measures have result views */
  result: ResultShape["kind"];
  tables: readonly SharedTable[];
  /** the schema of the measure object (kind and parameters, defaults applied) */
  schema: SchemaOf<K, P>;
  /**
   * The earliest benefit-record end the measure reads for a first reference date `first` (SQL
   * date), when it reaches further back than the records active on D.
   */
  earliestRecordEnd?(m: MeasureOf<K, P>, first: string): string;
  /** The definition in words; `t` holds the population's phrases. */
  describe(m: MeasureOf<K, P>, t: DescribeText): string;
  compile(def: MeasureTarget, m: MeasureOf<K, P>, ctx: CompileContext): MeasureSql;
}

type SpecInput<K extends string, P extends Params> = Omit<MeasureSpec<K, P>, "schema"> & {
  /** a rule across parameters, checked after each of them */
  check?: { ok: (m: MeasureOf<K, P>) => boolean; message: string };
};

export function defineMeasure<K extends string, P extends Params>(spec: SpecInput<K, P>): MeasureSpec<K, P> {
  const { check, ...rest } = spec;
  const shape = Object.fromEntries(Object.entries(spec.params).map(([key, p]) => [key, p.schema]));
  const object = z.strictObject({ kind: z.literal(spec.kind), ...shape });
  const schema = check
    ? object.refine((m) => check.ok(m as MeasureOf<K, P>), { message: check.message })
    : object;
  return { ...rest, schema: schema as unknown as SchemaOf<K, P> };
}
