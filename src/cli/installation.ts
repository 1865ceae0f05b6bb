import { rmSync } from "node:fs";
import path from "node:path";
import type { AppConfig } from "../api/router.ts";
import { clearStore, installDemo, isEmptyStore } from "../demo/install.ts";
import { openInstallationStore, type Store } from "../store/db.ts";

export interface PrepareOptions {
  resetDemo?: boolean;
  quiet?: boolean;
}

/**
 * Opens the installation's store (migrating it), lays out the demo municipality on first start or
 * when asked to reset, and reads the installation's settings.
 */
export async function prepareInstallation(
  dataDir: string,
  options: PrepareOptions = {},
): Promise<{ store: Store; config: AppConfig }> {
  const store = await openInstallationStore(dataDir);
  const log = options.quiet ? () => {} : (step: string) => console.log(`• ${step}`);
  if (options.resetDemo) {
    log("Nulstiller demokommunen");
    await clearStore(store.db);
    // the catalogue is empty now, so its snapshot folders would be orphans the engine still finds
    rmSync(path.join(dataDir, "snapshots"), { recursive: true, force: true });
  }
  if (await isEmptyStore(store.db)) {
    await installDemo(store.db, dataDir, log, { caseData: process.env.EFFEKTSPOR_DEMO_CASE_DATA !== "0" });
  }
  const config: AppConfig = {
    personListsEnabled: process.env.EFFEKTSPOR_PERSON_LISTS === "1",
  };
  return { store, config };
}
