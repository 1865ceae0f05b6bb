/**
 * `effect --definitions FILE.yaml [--snapshot ID] [--data-dir DIR] --format json` (DESIGN 6.5,
 * 9.1): prints a JSON array with one object per effect and horizon, in the definitions' order:
 * {effect, horizon, treated, matched, unmatched, controls, share_treated, share_control,
 * share_difference, share_ci_low, share_ci_high, days_treated, days_control, days_difference,
 * days_ci_low, days_ci_high}, computed on the latest snapshot unless one is named. Not rounded.
 */
import { parseEffectDefinitions } from "../../engine/effect/definition.ts";
import { computeEffects } from "../../engine/effect/run.ts";
import { fail, parseJsonCommandArgs, unsupportedFormat } from "../json-command.ts";
import { printComputedRows, readDefinitionsFile } from "../snapshot-command.ts";

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

  const parsed = readDefinitionsFile(definitionsFile, parseEffectDefinitions, "effektdefinitionerne", 1);
  if ("exit" in parsed) return parsed.exit;
  return printComputedRows(values, (dir) => computeEffects(dir, parsed.value));
}
