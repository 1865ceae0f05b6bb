/**
 * What the machine-readable commands (`indicators`, `effect`, `forecast`; DESIGN 6.5) share: the
 * strict argument parse with --help and --format (json only), and the Danish refusal on stderr
 * with its exit code (2: wrong use; 1: the input could not be read or is invalid).
 */
import { type ParseArgsConfig, parseArgs } from "node:util";

export function fail(message: string, code = 2): number {
  process.stderr.write(`${message}\n`);
  return code;
}

type Options = NonNullable<ParseArgsConfig["options"]>;
export type JsonCommandValues = Record<string, string | boolean | undefined>;

/**
 * Parses `args` with the command's own options plus --format (default json) and --help. Returns
 * the values, or the exit code when the command is done: 0 after printing the usage for --help,
 * 2 after a Danish message for unknown or malformed arguments.
 */
export function parseJsonCommandArgs(
  args: string[],
  options: Options,
  usage: string,
): { values: JsonCommandValues } | { exit: number } {
  let values: JsonCommandValues;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        ...options,
        format: { type: "string", default: "json" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }) as { values: JsonCommandValues });
  } catch (e) {
    return { exit: fail(`Ugyldige argumenter: ${e instanceof Error ? e.message : String(e)}\n${usage}`) };
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return { exit: 0 };
  }
  return { values };
}

/** The exit code for a --format other than json, or null when it is json. */
export function unsupportedFormat(values: JsonCommandValues): number | null {
  return values.format === "json"
    ? null
    : fail(`Ukendt --format '${String(values.format)}'; kun json understøttes`);
}
