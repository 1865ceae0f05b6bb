/**
 * `effektspor audit [--q TEKST] [--actor NAVN] [--action HANDLING] [--from ÅÅÅÅ-MM-DD] [--to ÅÅÅÅ-MM-DD]
 * [--limit N] [--csv]`: search the audit log; --csv prints every match as CSV (for export).
 */
import { parseArgs } from "node:util";
import { auditQuery } from "../../api/contract/access.ts";
import { resolveDataDir } from "../../config.ts";
import { auditCsv, auditPage } from "../../services/audit.ts";
import { openCommandStore } from "../command-store.ts";

const usage =
  "Brug: effektspor audit [--q TEKST] [--actor NAVN] [--action HANDLING] [--from ÅÅÅÅ-MM-DD] [--to ÅÅÅÅ-MM-DD] [--limit N] [--csv] [--data-dir DIR]";

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      "data-dir": { type: "string" },
      q: { type: "string" },
      actor: { type: "string" },
      action: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      limit: { type: "string" },
      csv: { type: "boolean" },
    },
  });
}

export async function run(args: string[]): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  try {
    ({ values } = parse(args));
  } catch (e) {
    console.error(`Fejl: ${(e as Error).message}\n${usage}`);
    return 2;
  }
  const { "data-dir": dataDir, csv, ...raw } = values;
  const filter = auditQuery.safeParse(raw);
  if (!filter.success) {
    console.error(
      `Fejl: ${filter.error.issues[0]?.path.join(".")}: ${filter.error.issues[0]?.message}\n${usage}`,
    );
    return 2;
  }
  const store = await openCommandStore(resolveDataDir(dataDir));
  try {
    if (csv) {
      process.stdout.write(await auditCsv(store.db, filter.data));
      return 0;
    }
    const { entries, total } = await auditPage(store.db, filter.data);
    for (const e of entries) {
      console.log(
        `${e.at}  ${e.actor.padEnd(16)} ${e.action.padEnd(20)} ${e.subject}  ${JSON.stringify(e.details)}`,
      );
    }
    console.log(`${entries.length} af ${total} hændelser`);
    return 0;
  } finally {
    await store.close();
  }
}
