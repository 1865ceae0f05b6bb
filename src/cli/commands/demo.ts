import { parseArgs } from "node:util";
import { resolveDataDir } from "../../config.ts";
import { prepareInstallation } from "../installation.ts";

/** `effektspor demo reset`: lays the demo municipality out anew (all app-store data is replaced). */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "data-dir": { type: "string" } },
  });
  if (positionals[0] !== "reset") {
    console.error("Brug: effektspor demo reset [--data-dir DIR]");
    return 2;
  }
  const { store } = await prepareInstallation(resolveDataDir(values["data-dir"]), { resetDemo: true });
  await store.close();
  console.log("Demokommunen er nulstillet.");
  return 0;
}
