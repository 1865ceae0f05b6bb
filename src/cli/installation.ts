import { rmSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { oidcConfigFromEnv } from "../api/oidc.ts";
import type { AppConfig } from "../api/router.ts";
import { authConfigFromEnv } from "../api/session.ts";
import { clearStore, installDemo, isEmptyStore } from "../demo/install.ts";
import { addDemoUsers } from "../demo/users.ts";
import { nonDemoData, recordDemoFingerprint } from "../services/demo-data.ts";
import { type Store, schema } from "../store/db.ts";
import { countUsers } from "../store/repositories/access.ts";
import { openCommandStore } from "./command-store.ts";

export interface PrepareOptions {
  resetDemo?: boolean;
  quiet?: boolean;
  /**
   * asked before a reset deletes data that is not the demo's (the Danish descriptions of it);
   * answers whether to go on. Without it such a reset is refused (DemoResetRefusedError).
   */
  confirmReset?: (nonDemo: string[]) => Promise<boolean>;
}

/** A reset would delete data that is not the demo's and was not confirmed. */
export class DemoResetRefusedError extends Error {
  override name = "DemoResetRefusedError";
  constructor(readonly nonDemo: string[]) {
    super(
      `Nulstillingen er afbrudt: datamappen indeholder data, som ikke er demoens: ${nonDemo.join("; ")}. Intet er slettet.`,
    );
  }
}

/**
 * Opens the installation's store (migrating it), lays out the demo municipality on first start or
 * when asked to reset, and reads the installation's settings. A reset deletes everything in the
 * store; when that includes data that is not the demo's, `confirmReset` must say yes.
 */
export async function prepareInstallation(
  dataDir: string,
  options: PrepareOptions = {},
): Promise<{ store: Store; config: AppConfig }> {
  const store = await openCommandStore(dataDir);
  try {
    const log = options.quiet ? () => {} : (step: string) => console.log(`• ${step}`);
    if (options.resetDemo) {
      const nonDemo = await nonDemoData(store.db);
      if (nonDemo.length > 0 && !(await options.confirmReset?.(nonDemo))) {
        throw new DemoResetRefusedError(nonDemo);
      }
      log("Nulstiller demokommunen");
      await clearStore(store.db);
      // the catalogue is empty now, so its snapshot folders would be orphans the engine still finds
      rmSync(path.join(dataDir, "snapshots"), { recursive: true, force: true });
    }
    if (await isEmptyStore(store.db)) {
      await installDemo(store.db, dataDir, log, { caseData: process.env.EFFEKTSPOR_DEMO_CASE_DATA !== "0" });
      await recordDemoFingerprint(store.db);
    } else if ((await countUsers(store.db)) === 0 && (await nonDemoData(store.db)).length === 0) {
      // a demo laid out before sign-in existed: its accounts, so a newcomer can still sign in
      log("Opretter demoens brugere (én pr. rolle)");
      await addDemoUsers(store.db);
      await recordDemoFingerprint(store.db);
    }
  } catch (e) {
    await store.close();
    throw e;
  }
  // a demo installation (laid out by the demo; EFFEKTSPOR_DEMO=0 says otherwise) lists its accounts
  const demo = await store.db
    .select({ key: schema.settings.key })
    .from(schema.settings)
    .where(eq(schema.settings.key, "demo.fingerprint"));
  const auth = authConfigFromEnv(process.env, oidcConfigFromEnv());
  auth.demoMode = demo.length > 0 && process.env.EFFEKTSPOR_DEMO !== "0";
  const config: AppConfig = {
    personListsEnabled: process.env.EFFEKTSPOR_PERSON_LISTS === "1",
    auth,
  };
  return { store, config };
}
