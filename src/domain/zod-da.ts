import { z } from "zod";

// zod's messages in Danish everywhere the app validates (API, definitions, import profiles).
z.config(z.locales.da());

/** Turns zod issues into `{ path, message }` with dotted paths (`indicators[2].measure.kinds`). */
export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: dottedPath(issue.path), message: issue.message }));
}

export function dottedPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
