/**
 * What the two machine-readable commands that compute on a snapshot (`indicators`, `effect`;
 * DESIGN 6.5) share: reading their definitions file, and computing and printing the rows. Apart
 * from json-command.ts so that `forecast`, which reads no snapshot, does not load the engine.
 */
import { readFileSync } from "node:fs";
import { EngineQueryError } from "../engine/execute.ts";
import { defaultDataDir, resolveSnapshot } from "../engine/snapshots.ts";
import { fail, type JsonCommandValues } from "./json-command.ts";

/**
 * The --definitions file, parsed; or the exit code after saying why not: `unreadableCode` when the
 * file cannot be read, 1 after one line per error (`file: path: message`) when it is invalid.
 * `what` names the definitions in the summary line ("definitionerne").
 */
export function readDefinitionsFile<T>(
  file: string,
  parse: (text: string) => { value: T; errors: readonly { path: string; message: string }[] },
  what: string,
  unreadableCode: number,
): { value: T } | { exit: number } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return {
      exit: fail(
        `Kan ikke læse definitionsfilen ${file}: ${e instanceof Error ? e.message : String(e)}`,
        unreadableCode,
      ),
    };
  }
  const parsed = parse(text);
  if (parsed.errors.length > 0) {
    for (const err of parsed.errors)
      process.stderr.write(`${file}: ${err.path || "(filen)"}: ${err.message}\n`);
    return { exit: fail(`${parsed.errors.length} fejl i ${what}; intet beregnet`, 1) };
  }
  return { value: parsed.value };
}

/**
 * Computes on the snapshot named by --snapshot (else the newest) of --data-dir and prints the rows
 * as JSON on stdout (exit 0); whatever fails is said on stderr (exit 1), a query with its SQL.
 */
export async function printComputedRows(
  values: JsonCommandValues,
  compute: (snapshotDir: string) => Promise<unknown>,
): Promise<number> {
  try {
    const snapshot = await resolveSnapshot(
      defaultDataDir(values["data-dir"] as string | undefined),
      values.snapshot as string | undefined,
    );
    const rows = await compute(snapshot.dir);
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof EngineQueryError) return fail(`${e.message}\nSQL:\n${e.sql}`, 1);
    return fail(e instanceof Error ? e.message : String(e), 1);
  }
}
