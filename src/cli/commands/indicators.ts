/**
 * `indicators --definitions FILE.yaml --from YYYY-MM --to YYYY-MM [--snapshot ID] [--data-dir DIR] --format json`
 * (DESIGN 6.5): prints a JSON array of {indicator, period, value, numerator, denominator},
 * computed on the latest snapshot unless one is named. Values are not rounded.
 */
import { parseDefinitions } from "../../engine/definition.ts";
import { computeIndicators } from "../../engine/execute.ts";
import { fail, parseJsonCommandArgs, unsupportedFormat } from "../json-command.ts";
import { printComputedRows, readDefinitionsFile } from "../snapshot-command.ts";

const usage =
  "Brug: effektspor indicators --definitions FIL.yaml --from ÅÅÅÅ-MM --to ÅÅÅÅ-MM [--snapshot ID] [--data-dir MAPPE] --format json";

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export async function run(args: string[]): Promise<number> {
  const parsedArgs = parseJsonCommandArgs(
    args,
    {
      definitions: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      snapshot: { type: "string" },
      "data-dir": { type: "string" },
    },
    usage,
  );
  if ("exit" in parsedArgs) return parsedArgs.exit;
  const { values } = parsedArgs;
  const definitionsFile = values.definitions as string | undefined;
  const from = values.from as string | undefined;
  const to = values.to as string | undefined;
  if (!definitionsFile) return fail(`Mangler --definitions\n${usage}`);
  if (!from || !monthPattern.test(from))
    return fail(`--from skal være en måned ÅÅÅÅ-MM, fik '${from ?? ""}'`);
  if (!to || !monthPattern.test(to)) return fail(`--to skal være en måned ÅÅÅÅ-MM, fik '${to ?? ""}'`);
  if (from > to) return fail(`--from (${from}) ligger efter --to (${to})`);
  const formatExit = unsupportedFormat(values);
  if (formatExit !== null) return formatExit;

  const parsed = readDefinitionsFile(definitionsFile, parseDefinitions, "definitionerne", 2);
  if ("exit" in parsed) return parsed.exit;
  return printComputedRows(values, (dir) => computeIndicators(dir, parsed.value, { from, to }));
}
