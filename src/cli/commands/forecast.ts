/**
 * `forecast --input FILE.json --format json` (DESIGN 6.5, 9.2): prints a JSON array with one
 * forecast per input series, {id, n, slope, intercept, residual_sd, targets: [...]}. Not rounded.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { forecast } from "../../domain/forecast.ts";
import { parseForecastRequest } from "../../domain/forecast-input.ts";

const usage = "Brug: effektspor forecast --input FIL.json --format json";

function fail(message: string, code = 2): number {
  process.stderr.write(`${message}\n`);
  return code;
}

export async function run(args: string[]): Promise<number> {
  let values: { input?: string; format?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        input: { type: "string" },
        format: { type: "string", default: "json" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return fail(`Ugyldige argumenter: ${e instanceof Error ? e.message : String(e)}\n${usage}`);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (!values.input) return fail(`Mangler --input\n${usage}`);
  if (values.format !== "json")
    return fail(`Ukendt --format '${String(values.format)}'; kun json understøttes`);

  let text: string;
  try {
    text = readFileSync(values.input, "utf8");
  } catch (e) {
    return fail(`Kan ikke læse ${values.input}: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail(`${values.input}: ugyldig JSON: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  const parsed = parseForecastRequest(raw);
  if (!parsed.ok) {
    for (const err of parsed.errors)
      process.stderr.write(`${values.input}: ${err.path || "(filen)"}: ${err.message}\n`);
    return fail(`${parsed.errors.length} fejl i input; intet beregnet`, 1);
  }
  process.stdout.write(`${JSON.stringify(parsed.forecasts.map(forecast), null, 2)}\n`);
  return 0;
}
