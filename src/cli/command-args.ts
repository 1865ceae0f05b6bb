/**
 * The strict argument parse the commands start with: their own options plus --help (-h). Unknown
 * or malformed arguments are refused in Danish with the usage on stderr (exit 2); --help prints the
 * usage on stdout (exit 0). Through `console`, which the commands' tests listen to.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";

export type CommandOptions = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses `args` with `options` and --help. Returns the values (typed by the caller as `V`, which
 * must match the options), or the exit code when the command is done.
 */
export function parseCommandArgs<V extends object>(
  args: string[],
  options: CommandOptions,
  usage: string,
): { values: V } | { exit: number } {
  let values: V & { help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }) as unknown as { values: V & { help?: boolean } });
  } catch (e) {
    console.error(`Ugyldige argumenter: ${e instanceof Error ? e.message : String(e)}\n${usage}`);
    return { exit: 2 };
  }
  if (values.help) {
    console.log(usage);
    return { exit: 0 };
  }
  return { values };
}
