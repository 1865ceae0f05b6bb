/**
 * Parsing a YAML (or JSON) document whose root holds one list of definitions (`indicators:` for
 * indicator definitions, `effects:` for effect definitions): each item is validated on its own with
 * the Danish zod locale, so a broken item is reported with its dotted path
 * (`indicators[3].measure.kinds`) while its valid siblings are still returned; an id used twice is
 * an error on the later item.
 */
import { type Document, parseDocument } from "yaml";
import { z } from "zod";
import { yamlDepthProblem } from "../domain/input-rules.ts";
import { dottedPath } from "../domain/zod-da.ts";

export interface ListItemError {
  /** dotted path into the document, e.g. `indicators[3].measure.kinds` */
  path: string;
  message: string;
}

export interface ParsedList<T> {
  value: T[];
  errors: ListItemError[];
}

/**
 * A parsed YAML document as plain values, or the Danish reason it has none: the yaml library
 * resolves aliases only here, and throws for an alias without its anchor or one repeated so often
 * it would expand without bound (`Excessive alias count`).
 */
export function yamlValue(doc: Document): { value: unknown } | { error: string } {
  try {
    return { value: doc.toJS() };
  } catch (e) {
    const reason =
      e instanceof Error && /alias count/i.test(e.message)
        ? "aliaser, der bruges for mange gange"
        : "et alias (*navn) uden et anker (&navn) før det";
    return { error: `Ugyldig YAML: ${reason}` };
  }
}

export function parseYamlList<T extends { id: string }>(
  yamlText: string,
  key: string,
  schema: z.ZodType<T>,
): ParsedList<T> {
  const errors: ListItemError[] = [];
  const tooDeep = yamlDepthProblem(yamlText);
  if (tooDeep) return { value: [], errors: [{ path: "", message: tooDeep }] };
  const doc = parseDocument(yamlText, { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const where = e.linePos?.[0] ? `linje ${e.linePos[0].line}, kolonne ${e.linePos[0].col}: ` : "";
      errors.push({ path: "", message: `Ugyldig YAML (${where}${e.code})` });
    }
    return { value: [], errors };
  }
  const js = yamlValue(doc);
  if ("error" in js) return { value: [], errors: [{ path: "", message: js.error }] };
  const root = js.value;
  const list =
    root !== null && typeof root === "object" && !Array.isArray(root)
      ? (root as Record<string, unknown>)[key]
      : undefined;
  if (!Array.isArray(list)) {
    return { value: [], errors: [{ path: key, message: `Filen skal have en liste '${key}:'` }] };
  }
  const value: T[] = [];
  const seen = new Map<string, number>();
  const localeError = z.locales.da().localeError;
  list.forEach((item, i) => {
    const result = schema.safeParse(item, { error: localeError });
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push({ path: dottedPath([key, i, ...issue.path]), message: issue.message });
      }
      return;
    }
    const first = seen.get(result.data.id);
    if (first !== undefined) {
      errors.push({
        path: dottedPath([key, i, "id"]),
        message: `id '${result.data.id}' er allerede brugt af ${key}[${first}]`,
      });
      return;
    }
    seen.set(result.data.id, i);
    value.push(result.data);
  });
  return { value, errors };
}
