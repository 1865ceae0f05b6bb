import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { resolveDataDir } from "../../config.ts";
import { DemoResetRefusedError, prepareInstallation } from "../installation.ts";

const usage = "Brug: effektspor demo reset [--data-dir DIR] [--yes]";

/**
 * `effektspor demo reset [--yes]`: lays the demo municipality out anew (all app-store data is
 * replaced). When the data directory holds anything that is not the demo's (imported snapshots,
 * typed values, edited projects, …) it asks first; not interactive, it refuses unless --yes.
 * Exit 0 when reset, 1 when refused or declined, 2 on bad arguments.
 */
export async function run(args: string[]): Promise<number> {
  let parsed: { values: { "data-dir"?: string; yes?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { "data-dir": { type: "string" }, yes: { type: "boolean", short: "y" } },
    });
  } catch (e) {
    console.error(`Ugyldige argumenter: ${e instanceof Error ? e.message : String(e)}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals[0] !== "reset") {
    console.error(usage);
    return 2;
  }
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const confirmReset = async (nonDemo: string[]) => {
    console.error("Datamappen indeholder data, som ikke er demoens, og som nulstillingen sletter:");
    for (const d of nonDemo) console.error(`  – ${d}`);
    if (values.yes) return true;
    if (!interactive) {
      console.error("Kør igen med --yes for at slette det alligevel.");
      return false;
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      const answer = await rl.question(
        "Vil du slette det og lægge demoen ud på ny? Skriv ja for at fortsætte: ",
      );
      return /^\s*(ja|j)\s*$/i.test(answer);
    } finally {
      rl.close();
    }
  };
  try {
    const { store } = await prepareInstallation(resolveDataDir(values["data-dir"]), {
      resetDemo: true,
      confirmReset,
    });
    await store.close();
  } catch (e) {
    if (e instanceof DemoResetRefusedError) {
      console.error("Nulstillingen er afbrudt; intet er slettet.");
      return 1;
    }
    throw e;
  }
  console.log("Demokommunen er nulstillet.");
  return 0;
}
