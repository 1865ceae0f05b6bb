import { resolveDataDir } from "../config.ts";
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

/**
 * Runs `fn` on the store of the data directory named by --data-dir (or the default one) and
 * closes the store afterwards, whatever `fn` does.
 */
export async function withCommandStore<T>(
  dataDirOption: string | undefined,
  fn: (store: Store, dataDir: string) => Promise<T>,
): Promise<T> {
  const dataDir = resolveDataDir(dataDirOption);
  const store = await openCommandStore(dataDir);
  try {
    return await fn(store, dataDir);
  } finally {
    await store.close();
  }
}
