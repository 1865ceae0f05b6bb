import { sql } from "drizzle-orm";
import { runComputation } from "../services/compute.ts";
import type { Db } from "../store/db.ts";
import { queryRows, schema } from "../store/db.ts";
import { attachDemoDefinitions } from "./definitions.ts";
import { attachDemoEffects } from "./effects.ts";
import { addDemoFteIndicators, setFteBaselinesFromData } from "./fte-indicators.ts";
import { seedDemoJobindsats } from "./jobindsats.ts";
import { type DemoProgress, seedDemoStore } from "./seed.ts";
import { ensureDemoSnapshot } from "./snapshot.ts";
import { addDemoUsers } from "./users.ts";

/** True when the store holds no projects and no users yet (a fresh installation). */
export async function isEmptyStore(db: Db): Promise<boolean> {
  const rows = await db.select({ id: schema.projects.id }).from(schema.projects).limit(1);
  // an installation whose administrator exists is not fresh: the demo (and its accounts) stay out
  const users = await db.select({ id: schema.users.id }).from(schema.users).limit(1);
  return rows.length === 0 && users.length === 0;
}

/** Empties every app-store table (both drivers), so the demo can be laid anew. */
export async function clearStore(db: Db): Promise<void> {
  const tables = await queryRows<{ tablename: string }>(
    db,
    sql`select tablename from pg_tables where schemaname = 'public'`,
  );
  const names = tables.map((r) => `"${r.tablename}"`).join(", ");
  if (names) await db.execute(sql.raw(`TRUNCATE ${names} RESTART IDENTITY CASCADE`));
}

export interface InstallDemoOptions {
  /** also generate and import the synthetic case data and compute (default true) */
  caseData?: boolean;
}

/**
 * Lays out the demo municipality: projects, definitions and economics in the store; then, when the
 * snapshot catalogue is empty, the synthetic extract imported as the first snapshot; then one
 * computation so the status schemes are filled on first sight.
 */
export async function installDemo(
  db: Db,
  dataDir: string,
  progress: DemoProgress,
  options: InstallDemoOptions = {},
): Promise<void> {
  await seedDemoStore(db, progress);
  await attachDemoDefinitions(db);
  await attachDemoEffects(db);
  await addDemoFteIndicators(db);
  await addDemoUsers(db);
  if (options.caseData === false) {
    await seedDemoJobindsats(db);
    return;
  }
  let lastPhase = "";
  await ensureDemoSnapshot({
    db,
    dataDir,
    onProgress: (step) => {
      if (step !== lastPhase) progress(step);
      lastPhase = step;
    },
  });
  progress("Beregner indikatorerne på demodata");
  const summary = await runComputation(db, dataDir, { startedBy: "demo" });
  if (summary.status === "failed") progress(`Beregningen fejlede: ${summary.error ?? "ukendt fejl"}`);
  else {
    progress(`Beregnet ${summary.valueCount} værdier for ${summary.indicatorCount} indikatorer`);
    await setFteBaselinesFromData(db);
  }
  // the benchmark set after the computation: Hedensted's full-time persons follow the demo's own
  progress("Lægger demodata for benchmark med jobindsats.dk");
  await seedDemoJobindsats(db, dataDir);
}
