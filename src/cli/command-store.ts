import { openInstallationStore, type Store } from "../store/db.ts";
import { cleanLeftoverImports } from "../warehouse/import/workspace.ts";

/**
 * The installation's store for the server or a command, after removing what killed imports left
 * in the data directory (their `.tmp-` folders; a running import's folder is left alone).
 */
export async function openCommandStore(dataDir: string): Promise<Store> {
  const store = await openInstallationStore(dataDir);
  cleanLeftoverImports(dataDir);
  return store;
}
