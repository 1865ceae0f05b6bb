import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { createApp } from "../../api/app.ts";
import { defaultActorResolver } from "../../api/default-actor.ts";
import { resolveDataDir, resolvePort } from "../../config.ts";
import { formatNumber } from "../../domain/format.ts";
import { prepareInstallation } from "../installation.ts";

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      "data-dir": { type: "string" },
      "reset-demo": { type: "boolean", default: false },
      yes: { type: "boolean", default: false },
      host: { type: "string", default: "127.0.0.1" },
    },
  });
  const started = performance.now();
  const dataDir = resolveDataDir(values["data-dir"]);
  // --reset-demo deletes what is not the demo's only with --yes (the server asks no questions)
  const { store, config } = await prepareInstallation(dataDir, {
    resetDemo: values["reset-demo"] ?? false,
    confirmReset: async () => values.yes ?? false,
  });
  const app = createApp({
    store,
    dataDir,
    config,
    resolveActor: defaultActorResolver(config.personListsEnabled),
  });
  const port = resolvePort(values.port);
  const server = serve({ fetch: app.fetch, port, hostname: values.host }, (info) => {
    const seconds = formatNumber((performance.now() - started) / 1000, 1);
    console.log(
      `Effektspor kører på http://${values.host === "0.0.0.0" ? "localhost" : values.host}:${info.port}/  (startet på ${seconds} s, data: ${dataDir}${store.kind === "postgres" ? ", PostgreSQL" : ", PGlite"})`,
    );
  });
  server.on("error", (err: NodeJS.ErrnoException) => {
    console.error(
      err.code === "EADDRINUSE"
        ? `Porten ${port} er optaget. Stop det andet program, eller vælg en anden port med --port N eller EFFEKTSPOR_PORT.`
        : `Serveren kunne ikke starte: ${err.message}`,
    );
    store.close().finally(() => process.exit(1));
  });
  const stop = () => {
    server.close();
    store.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return new Promise<number>(() => {});
}
