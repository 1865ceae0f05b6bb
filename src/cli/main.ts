import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import "../domain/zod-da.ts";

/**
 * `effektspor <command> [args]`: each command lives in ./commands/<command>.ts and exports
 * `run(args): Promise<exit code>`, so adding a command never touches this file.
 */
const commandsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "commands");

const help = `Effektspor – opfølgning på investeringsprojekter

Brug: effektspor <kommando> [tilvalg]

Kommandoer:
  serve [--port N] [--host ADR] [--data-dir DIR] [--reset-demo [--yes]]   start webserveren
                                                      (--host ud over localhost kun bag HTTPS-proxy)
  demo reset [--data-dir DIR] [--yes]                 nulstil demokommunen (spørger, før andet end demodata slettes)
  import <mappe> [--data-dir DIR] [--profile FIL.yaml] [--accept-valid-rows]
  generate --out DIR [--scale S] [--seed N]           dan en syntetisk kommune
  snapshots list | prune --keep-months N
  indicators --definitions FIL.yaml --from YYYY-MM --to YYYY-MM [--snapshot ID] --format json
  compute [--data-dir DIR] [--snapshot ID] [--accept-change]
                                                      beregn alle projekters indikatorer (nyeste udtræksdato)
  potentiale --input FIL.json --format json           potentialeberegning
  effect --definitions FIL.yaml [--snapshot ID] --format json   effekt mod matchet sammenligningsgruppe
  forecast --input FIL.json --format json             fremskrivning af mål (trend med usikkerhed)
  jobindsats fetch [--table ID]… | list | import FIL…  benchmarktal fra jobindsats.dk (EFFEKTSPOR_JOBINDSATS_TOKEN)
  report --month ÅÅÅÅ-MM [--projects a,b] [--publication] --format pdf|docx|xlsx --out FIL [--data-dir DIR]
                                                      udvalgsrapporten for en måned
  users add|list|set-role|disable|enable|reset-password  brugere og roller (users --help)
  audit [--q TEKST] [--actor NAVN] [--from DATO] [--csv] søg i revisionsloggen, eksportér som CSV

Datamappen er ./data, EFFEKTSPOR_DATA_DIR eller --data-dir.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    console.log(help);
    return 0;
  }
  if (!/^[a-z][a-z-]*$/.test(name) || !existsSync(path.join(commandsDir, `${name}.ts`))) {
    console.error(`Ukendt kommando: ${name}\n\n${help}`);
    return 2;
  }
  const command = (await import(pathToFileURL(path.join(commandsDir, `${name}.ts`)).href)) as {
    run(args: string[]): Promise<number>;
  };
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? `Fejl: ${err.message}` : err);
    process.exitCode = 1;
  },
);
