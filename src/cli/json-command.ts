/**
 * What the machine-readable commands (`indicators`, `effect`, `forecast`; DESIGN 6.5) share: the
 * strict argument parse with --help and --format (json only), the Danish refusal on stderr with
 * its exit code (2: wrong use; 1: the input could not be read or is invalid).
 */
import { type CommandOptions, parseCommandArgs } from "./command-args.ts";

export function fail(message: string, code = 2): number {
  process.stderr.write(`${message}\n`);
  return code;
}

export type JsonCommandValues = Record<string, string | boolean | undefined>;

/**
 * Parses `args` with the command's own options plus --format (default json) and --help. Returns
 * the values, or the exit code when the command is done: 0 after printing the usage for --help,
 * 2 after a Danish message for unknown or malformed arguments.
 */
export function parseJsonCommandArgs(
  args: string[],
  options: CommandOptions,
  usage: string,
): { values: JsonCommandValues } | { exit: number } {
  return parseCommandArgs<JsonCommandValues>(
    args,
    { ...options, format: { type: "string", default: "json" } },
    usage,
  );
}

/** The exit code for a --format other than json, or null when it is json. */
export function unsupportedFormat(values: JsonCommandValues): number | null {
  return values.format === "json"
    ? null
    : fail(`Ukendt --format '${String(values.format)}'; kun json understøttes`);
}
