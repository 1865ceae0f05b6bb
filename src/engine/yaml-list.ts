/**
 * Parsing a YAML (or JSON) document whose root holds one list of definitions (`indicators:` for
 * indicator definitions, `effects:` for effect definitions): each item is validated on its own with
 * the Danish zod locale, so a broken item is reported with its dotted path
 * (`indicators[3].measure.kinds`) while its valid siblings are still returned; an id used twice is
 * an error on the later item.
 */
import { parseDocument } from "yaml";
import { z } from "zod";
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

export function parseYamlList<T extends { id: string }>(
  yamlText: string,
  key: string,
  schema: z.ZodType<T>,
): ParsedList<T> {
  const errors: ListItemError[] = [];
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
