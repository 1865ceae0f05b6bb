/**
 * `effect --definitions FILE.yaml [--snapshot ID] [--data-dir DIR] --format json` (DESIGN 6.5,
 * 9.1): prints a JSON array with one object per effect and horizon, in the definitions' order:
 * {effect, horizon, treated, matched, unmatched, controls, share_treated, share_control,
 * share_difference, share_ci_low, share_ci_high, days_treated, days_control, days_difference,
 * days_ci_low, days_ci_high}, computed on the latest snapshot unless one is named. Not rounded.
 */
import { readFileSync } from "node:fs";
import { parseEffectDefinitions } from "../../engine/effect/definition.ts";
import { computeEffects } from "../../engine/effect/run.ts";
import { EngineQueryError } from "../../engine/execute.ts";
import { defaultDataDir, resolveSnapshot } from "../../engine/snapshots.ts";
import { fail, parseJsonCommandArgs, unsupportedFormat } from "../json-command.ts";

const usage =
  "Brug: effektspor effect --definitions FIL.yaml [--snapshot ID] [--data-dir MAPPE] --format json";

export async function run(args: string[]): Promise<number> {
  const parsedArgs = parseJsonCommandArgs(
    args,
    {
      definitions: { type: "string" },
      snapshot: { type: "string" },
      "data-dir": { type: "string" },
    },
    usage,
  );
  if ("exit" in parsedArgs) return parsedArgs.exit;
  const { values } = parsedArgs;
  const definitionsFile = values.definitions as string | undefined;
  if (!definitionsFile) return fail(`Mangler --definitions\n${usage}`);
  const formatExit = unsupportedFormat(values);
  if (formatExit !== null) return formatExit;

  let text: string;
  try {
    text = readFileSync(definitionsFile, "utf8");
  } catch (e) {
    return fail(
      `Kan ikke læse definitionsfilen ${definitionsFile}: ${e instanceof Error ? e.message : String(e)}`,
      1,
    );
  }
  const parsed = parseEffectDefinitions(text);
  if (parsed.errors.length > 0) {
    for (const err of parsed.errors)
      process.stderr.write(`${definitionsFile}: ${err.path || "(filen)"}: ${err.message}\n`);
    return fail(`${parsed.errors.length} fejl i effektdefinitionerne; intet beregnet`, 1);
  }

  try {
    const snapshot = await resolveSnapshot(
      defaultDataDir(values["data-dir"] as string | undefined),
      values.snapshot as string | undefined,
    );
    const rows = await computeEffects(snapshot.dir, parsed.value);
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof EngineQueryError) return fail(`${e.message}\nSQL:\n${e.sql}`, 1);
    return fail(e instanceof Error ? e.message : String(e), 1);
  }
}
