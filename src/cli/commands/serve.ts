import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { createApp } from "../../api/app.ts";
import { logger } from "../../api/logger.ts";
import { authConfigFromEnv, sessionActorResolver } from "../../api/session.ts";
import { resolveDataDir, resolvePort } from "../../config.ts";
import { formatNumber } from "../../domain/format.ts";
import { runRetention } from "../../services/data-protection.ts";
import { pruneSessions } from "../../services/sessions.ts";
import { countUsers } from "../../store/repositories/access.ts";
import { prepareInstallation } from "../installation.ts";

const isLoopback = (host: string) => host === "localhost" || host === "::1" || host.startsWith("127.");

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
  const auth = config.auth ?? authConfigFromEnv();
  const app = createApp({ store, dataDir, config, resolveActor: sessionActorResolver(store, auth) });
  if ((await countUsers(store.db)) === 0) {
    console.log(
      'Der er endnu ingen brugere. Opret den første administrator:\n  ./bin/effektspor users add --username NAVN --role administrator --name "Dit Navn"',
    );
  }
  if (!isLoopback(values.host) && !auth.trustProxy) {
    console.warn(
      `Advarsel: serveren lytter på ${values.host} uden TLS. Brug den kun bag en proxy med HTTPS (sæt EFFEKTSPOR_TRUST_PROXY=1), ellers sendes adgangskoder og sessioner ukrypteret.`,
    );
  }
  const pruner = setInterval(
    () => pruneSessions(store.db, auth.session).catch((e) => logger.warn({ e: String(e) })),
    600_000,
  );
  pruner.unref();
  // retention of snapshots (settings «retention»): at start and then daily
  const retain = () =>
    runRetention(store.db, dataDir, "tidsplan").catch((e) => logger.warn({ retention: String(e) }));
  retain();
  setInterval(retain, 24 * 3_600_000).unref();
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
