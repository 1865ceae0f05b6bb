/**
 * What a client may send that the store can hold (issue 16, item 2). Pure: no I/O.
 *
 * - Ids are PostgreSQL `integer`s (serial): 1 … 2.147.483.647. A larger number would not be "not
 *   found" but an error in the database, so it is refused before it gets there. In a path or a
 *   query an id is decimal digits only ("0x10", "1e3", " 1" and "1.0" are not ids).
 * - Other whole numbers stored as `integer` (sort order) stay within −2.147.483.648 … 2.147.483.647.
 * - Text is stored verbatim, whatever it holds, except what PostgreSQL's text cannot hold: the NUL
 *   character (U+0000), and a lone UTF-16 surrogate (half of a character, which UTF-8 cannot
 *   encode). Those are refused with a message naming the field.
 *
 * The API's contract re-exports these (src/api/contract/common.ts), and its router checks every
 * string of every request with `unstorableText` before a handler runs.
 */
import { z } from "zod";
import "./zod-da.ts";

export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;

export const ID_MESSAGE = "Skal være et heltal fra 1 til 2.147.483.647";
const INT4_MESSAGE = "Skal være et heltal fra -2.147.483.648 til 2.147.483.647";

/** An id in a JSON body: a whole number 1 … 2.147.483.647. */
export const idNumber = z
  .number({ error: ID_MESSAGE })
  .int(ID_MESSAGE)
  .min(1, ID_MESSAGE)
  .max(INT4_MAX, ID_MESSAGE);

/** An id in a path or a query (text): decimal digits naming 1 … 2.147.483.647. */
export const idText = z
  .string({ error: ID_MESSAGE })
  .regex(/^[0-9]{1,10}$/, ID_MESSAGE)
  .transform(Number)
  .pipe(idNumber);

/** A whole number the store keeps as `integer` (e.g. a sort order). */
export const int4 = z
  .number({ error: INT4_MESSAGE })
  .int(INT4_MESSAGE)
  .min(INT4_MIN, INT4_MESSAGE)
  .max(INT4_MAX, INT4_MESSAGE);

/** Why PostgreSQL cannot store this text, in Danish, or null when it can. */
export function unstorableReason(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return "teksten indeholder et NUL-tegn (U+0000), som ikke kan gemmes";
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return "teksten indeholder et halvt tegn (en enlig UTF-16-surrogat), som ikke kan gemmes";
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      return "teksten indeholder et halvt tegn (en enlig UTF-16-surrogat), som ikke kan gemmes";
    }
  }
  return null;
}

/** A string PostgreSQL can hold, stored as sent. */
export const storableText = z.string().superRefine((s, ctx) => {
  const reason = unstorableReason(s);
  if (reason) ctx.addIssue({ code: "custom", message: reason });
});

/** How deep a request's JSON may nest (a definition is 4–5 levels; a hostile body, thousands). */
export const MAX_DEPTH = 64;

/**
 * The first problem in a parsed request that the store cannot take: a string (value or object key)
 * PostgreSQL cannot hold, or nesting deeper than MAX_DEPTH (which PostgreSQL's jsonb and recursive
 * code would fail on); with its path (`["indicators", 2, "name"]`), or null. Walks without
 * recursion, so no body is too deep to check.
 */
export function unstorableText(value: unknown): { path: (string | number)[]; reason: string } | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === "string") {
      const reason = unstorableReason(v);
      if (reason) return { path, reason };
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (path.length >= MAX_DEPTH) {
      return { path: path.slice(0, 3), reason: `indholdet er indlejret mere end ${MAX_DEPTH} niveauer` };
    }
    const children: { value: unknown; path: (string | number)[] }[] = [];
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        children.push({ value: item, path: [...path, i] });
      });
    } else {
      for (const [key, item] of Object.entries(v)) {
        const keyReason = unstorableReason(key);
        if (keyReason) return { path, reason: `et feltnavn i det: ${keyReason}` };
        children.push({ value: item, path: [...path, key] });
      }
    }
    // depth first, in document order: the first problem found is the first in the request
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}

/** Deeper than this, a YAML text is refused before parsing (a definition nests 4–6 levels). */
export const MAX_YAML_DEPTH = 64;

/**
 * Why a YAML text is refused before it is parsed, or null: nesting deeper than MAX_YAML_DEPTH, in
 * brackets (`[[[[`) or in block indicators or indentation (`- - - -`). The yaml library's time and
 * memory grow faster than the depth (10.000 `[` exhausted the heap), so a hostile text must not
 * reach it. Brackets inside quotes count too; no definition comes near the limit.
 */
export function yamlDepthProblem(text: string): string | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_YAML_DEPTH) break;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  const deepLine = text
    .split("\n")
    .some((line) => /^[ \t]*((?:[-?:][ \t]+)*)/.exec(line)![0].length > 4 * MAX_YAML_DEPTH);
  return depth > MAX_YAML_DEPTH || deepLine
    ? `Ugyldig YAML: indholdet er indlejret mere end ${MAX_YAML_DEPTH} niveauer`
    : null;
}
