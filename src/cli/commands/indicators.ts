/**
 * `indicators --definitions FILE.yaml --from YYYY-MM --to YYYY-MM [--snapshot ID] [--data-dir DIR] --format json`
 * (DESIGN 6.5): prints a JSON array of {indicator, period, value, numerator, denominator},
 * computed on the latest snapshot unless one is named. Values are not rounded.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseDefinitions } from "../../engine/definition.ts";
import { computeIndicators, EngineQueryError } from "../../engine/execute.ts";
import { defaultDataDir, resolveSnapshot } from "../../engine/snapshots.ts";

const usage =
  "Brug: effektspor indicators --definitions FIL.yaml --from ÅÅÅÅ-MM --to ÅÅÅÅ-MM [--snapshot ID] [--data-dir MAPPE] --format json";

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

function fail(message: string, code = 2): number {
  process.stderr.write(`${message}\n`);
  return code;
}

export async function run(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        definitions: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        snapshot: { type: "string" },
        "data-dir": { type: "string" },
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
  const definitionsFile = values.definitions as string | undefined;
  const from = values.from as string | undefined;
  const to = values.to as string | undefined;
  if (!definitionsFile) return fail(`Mangler --definitions\n${usage}`);
  if (!from || !monthPattern.test(from))
    return fail(`--from skal være en måned ÅÅÅÅ-MM, fik '${from ?? ""}'`);
  if (!to || !monthPattern.test(to)) return fail(`--to skal være en måned ÅÅÅÅ-MM, fik '${to ?? ""}'`);
  if (from > to) return fail(`--from (${from}) ligger efter --to (${to})`);
  if (values.format !== "json")
    return fail(`Ukendt --format '${String(values.format)}'; kun json understøttes`);

  let text: string;
  try {
    text = readFileSync(definitionsFile, "utf8");
  } catch (e) {
    return fail(
      `Kan ikke læse definitionsfilen ${definitionsFile}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const parsed = parseDefinitions(text);
  if (parsed.errors.length > 0) {
    for (const err of parsed.errors) {
      process.stderr.write(`${definitionsFile}: ${err.path || "(filen)"}: ${err.message}\n`);
    }
    return fail(`${parsed.errors.length} fejl i definitionerne; intet beregnet`, 1);
  }

  try {
    const snapshot = await resolveSnapshot(
      defaultDataDir(values["data-dir"] as string | undefined),
      values.snapshot as string | undefined,
    );
    const rows = await computeIndicators(snapshot.dir, parsed.value, { from, to });
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof EngineQueryError) {
      return fail(`${e.message}\nSQL:\n${e.sql}`, 1);
    }
    return fail(e instanceof Error ? e.message : String(e), 1);
  }
}
