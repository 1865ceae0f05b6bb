/**
 * `effektspor jobindsats fetch|list|import` (issue 14) for schedulers:
 *
 * - `fetch [--table ID]… [--latest N]` fetches the benchmark tables from jobindsats.dk with
 *   EFFEKTSPOR_JOBINDSATS_TOKEN (root EFFEKTSPOR_JOBINDSATS_URL); exit 1 when a table failed (its
 *   stored values are kept), 3 without a token;
 * - `list` prints what is stored, one line per table, measure and dimension combination;
 * - `import FIL.csv|FIL.xlsx …` imports downloaded exports; exit 1 on a bad file (nothing of it stored).
 *
 * Every subcommand takes `--data-dir DIR`.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { resolveDataDir } from "../../config.ts";
import { formatNumber } from "../../domain/format.ts";
import { periodLabel } from "../../domain/jobindsats.ts";
import { clientFromEnv } from "../../integrations/jobindsats/client.ts";
import { JobindsatsExportError } from "../../integrations/jobindsats/export.ts";
import {
  fetchJobindsats,
  importJobindsatsExport,
  listStoredSeries,
  sourceText,
} from "../../services/jobindsats.ts";
import { openInstallationStore } from "../../store/db.ts";

const usage = `Brug: effektspor jobindsats fetch [--table ID]… [--latest N] [--data-dir MAPPE]
       effektspor jobindsats list [--data-dir MAPPE]
       effektspor jobindsats import FIL.csv|FIL.xlsx … [--data-dir MAPPE]`;

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  let parsed: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args: rest,
      options: {
        "data-dir": { type: "string" },
        table: { type: "string", multiple: true },
        latest: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    });
  try {
    parsed = parse();
  } catch (e) {
    console.error(`Ugyldige argumenter: ${e instanceof Error ? e.message : String(e)}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || sub === "--help" || sub === "-h") {
    console.log(usage);
    return 0;
  }
  if (sub !== "fetch" && sub !== "list" && sub !== "import") {
    console.error(`Ukendt underkommando: ${sub ?? "(ingen)"}\n${usage}`);
    return 2;
  }
  const latest = values.latest === undefined ? undefined : Number(values.latest);
  if (latest !== undefined && (!Number.isInteger(latest) || latest < 1)) {
    console.error(`--latest skal være et helt tal over 0, fik '${values.latest}'`);
    return 2;
  }
  if (sub === "import" && positionals.length === 0) {
    console.error(`Angiv mindst én fil\n${usage}`);
    return 2;
  }
  const client = sub === "fetch" ? clientFromEnv() : null;
  if (sub === "fetch" && !client) {
    console.error(
      "EFFEKTSPOR_JOBINDSATS_TOKEN er ikke sat: hent en personlig nøgle på jobindsats.dk, eller importér en downloadet tabel med «effektspor jobindsats import FIL».",
    );
    return 3;
  }
  const store = await openInstallationStore(resolveDataDir(values["data-dir"]));
  try {
    if (sub === "list") {
      const series = await listStoredSeries(store.db);
      if (series.length === 0) console.log("Der er ingen tal fra jobindsats.dk endnu.");
      for (const s of series) {
        const dims = s.dimensionKey ? ` [${s.dimensionKey.replaceAll("|", ", ")}]` : "";
        console.log(
          `${s.tableId.toUpperCase()} ${s.measureLabel}${dims}: ${formatNumber(s.values)} værdier, ${s.areas} områder, ${periodLabel(s.firstPeriod)} – ${periodLabel(s.lastPeriod)}; ${s.sources.map(sourceText).join(", ")}`,
        );
      }
      return 0;
    }
    if (sub === "import") {
      let failed = 0;
      for (const file of positionals) {
        try {
          const r = await importJobindsatsExport(store.db, file, path.basename(file));
          console.log(
            `${path.basename(file)}: ${formatNumber(r.values)} værdier fra ${r.tableId.toUpperCase()} ${r.tableName}`,
          );
        } catch (e) {
          if (!(e instanceof JobindsatsExportError)) throw e;
          console.error(e.message);
          failed++;
        }
      }
      return failed > 0 ? 1 : 0;
    }
    const result = await fetchJobindsats(store.db, client!, { tables: values.table, latest });
    for (const t of result.tables) {
      if (t.error) console.error(`${t.tableId.toUpperCase()}: ${t.error}`);
      else console.log(`${t.tableId.toUpperCase()}: ${formatNumber(t.values)} værdier hentet`);
    }
    console.log(`I alt ${formatNumber(result.values)} værdier; ${result.failed} tabeller fejlede.`);
    return result.failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
