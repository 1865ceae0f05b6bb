/** `effektspor snapshots list [--data-dir DIR]` and `effektspor snapshots prune --keep-months N [--data-dir DIR]` */
import { parseArgs } from "node:util";
import { resolveDataDir } from "../../config.ts";
import { formatDate, formatNumber } from "../../domain/format.ts";
import { listSnapshots } from "../../store/repositories/snapshots.ts";
import { pruneSnapshots } from "../../warehouse/catalogue.ts";
import { openCommandStore } from "../command-store.ts";

const usage =
  "Brug: effektspor snapshots list [--data-dir DIR] | snapshots prune --keep-months N [--data-dir DIR]";

export async function run(args: string[]): Promise<number> {
  let parsed: {
    values: { "data-dir"?: string; "keep-months"?: string; json?: boolean };
    positionals: string[];
  };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        "data-dir": { type: "string" },
        "keep-months": { type: "string" },
        json: { type: "boolean" },
      },
    });
  } catch (err) {
    console.error(`Fejl: ${(err as Error).message}\n${usage}`);
    return 2;
  }
  const [sub] = parsed.positionals;
  if (sub !== "list" && sub !== "prune") {
    console.error(usage);
    return 2;
  }
  const dataDir = resolveDataDir(parsed.values["data-dir"]);
  const store = await openCommandStore(dataDir);
  try {
    if (sub === "list") {
      const rows = await listSnapshots(store.db);
      if (parsed.values.json) {
        console.log(JSON.stringify(rows, null, 2));
        return 0;
      }
      if (rows.length === 0) {
        console.log("Ingen snapshots. Importer et udtræk med: effektspor import <mappe>");
        return 0;
      }
      console.log(
        `${"Id".padEnd(22)} ${"Udtræk".padEnd(10)} ${"Status".padEnd(9)} ${"Personer".padStart(9)} ${"Forløb".padStart(9)} ${"Afviste".padStart(8)}  Kilde / importeret af`,
      );
      for (const s of rows) {
        console.log(
          `${s.id.padEnd(22)} ${formatDate(s.extractionDate).padEnd(10)} ${(s.status === "complete" ? "komplet" : "slettet").padEnd(9)} ${formatNumber(s.personCount).padStart(9)} ${formatNumber(s.counts.benefit_records ?? 0).padStart(9)} ${formatNumber(s.rejectedRows).padStart(8)}  ${s.source} / ${s.importedBy}`,
        );
      }
      return 0;
    }
    const raw = parsed.values["keep-months"];
    const keepMonths = raw === undefined ? Number.NaN : Number(raw);
    if (!Number.isInteger(keepMonths) || keepMonths < 0) {
      console.error(`Fejl: --keep-months skal være et helt antal måneder ≥ 0 (fik «${raw ?? ""}»)\n${usage}`);
      return 2;
    }
    const result = await pruneSnapshots({ db: store.db, dataDir, keepMonths });
    if (result.pruned.length === 0) {
      console.log(
        `Intet slettet: ingen snapshots med udtræksdato før ${formatDate(result.cutoff)} (det nyeste beholdes altid).`,
      );
    } else {
      console.log(
        `Slettet persondata for ${result.pruned.length} snapshot(s) med udtræksdato før ${formatDate(result.cutoff)}:`,
      );
      for (const p of result.pruned)
        console.log(`  ${p.id} (udtræk ${formatDate(p.extractionDate)}): ${p.folder}`);
      console.log("Katalogrækkerne er bevaret med status «slettet»; beregnede værdier er uberørte.");
    }
    console.log(`Beholdt: ${result.kept.length} snapshot(s).`);
    return 0;
  } finally {
    await store.close();
  }
}
