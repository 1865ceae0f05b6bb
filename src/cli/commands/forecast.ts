/**
 * `forecast --input FILE.json --format json` (DESIGN 6.5, 9.2): prints a JSON array with one
 * forecast per input series, {id, n, slope, intercept, residual_sd, targets: [...]}. Not rounded.
 */
import { readFileSync } from "node:fs";
import { forecast } from "../../domain/forecast.ts";
import { parseForecastRequest } from "../../domain/forecast-input.ts";
import { fail, parseJsonCommandArgs, unsupportedFormat } from "../json-command.ts";

const usage = "Brug: effektspor forecast --input FIL.json --format json";

export async function run(args: string[]): Promise<number> {
  const parsedArgs = parseJsonCommandArgs(
    args,
    {
      input: { type: "string" },
    },
    usage,
  );
  if ("exit" in parsedArgs) return parsedArgs.exit;
  const { values } = parsedArgs;
  const input = values.input as string | undefined;
  if (!input) return fail(`Mangler --input\n${usage}`);
  const formatExit = unsupportedFormat(values);
  if (formatExit !== null) return formatExit;

  let text: string;
  try {
    text = readFileSync(input, "utf8");
  } catch (e) {
    return fail(`Kan ikke læse ${input}: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail(`${input}: ugyldig JSON: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  const parsed = parseForecastRequest(raw);
  if (!parsed.ok) {
    for (const err of parsed.errors)
      process.stderr.write(`${input}: ${err.path || "(filen)"}: ${err.message}\n`);
    return fail(`${parsed.errors.length} fejl i input; intet beregnet`, 1);
  }
  process.stdout.write(`${JSON.stringify(parsed.forecasts.map(forecast), null, 2)}\n`);
  return 0;
}
