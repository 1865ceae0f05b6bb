/**
 * The demo's case data: on first start, when the snapshot catalogue is empty, generate the
 * synthetic municipality at scale 1 into a temporary folder and import it as the first snapshot.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "../store/db.ts";
import { countSnapshots } from "../store/repositories/snapshots.ts";
import { type ImportProgress, type ImportResult, importSnapshot } from "../warehouse/import/index.ts";
import { generateMunicipality } from "./generate.ts";

export interface EnsureDemoOptions {
  db: Db;
  dataDir: string;
  /** Danish progress lines */
  onProgress?: (step: string, detail?: ImportProgress) => void;
  scale?: number;
  seed?: number;
}

/** Returns the import result when a demo snapshot was created, null when the catalogue had one already. */
export async function ensureDemoSnapshot(options: EnsureDemoOptions): Promise<ImportResult | null> {
  if ((await countSnapshots(options.db)) > 0) return null;
  const log = options.onProgress ?? (() => {});
  const folder = mkdtempSync(path.join(tmpdir(), "effektspor-demo-"));
  try {
    log("Danner demokommunens sagsdata (syntetisk udtræk)");
    await generateMunicipality({ out: folder, scale: options.scale ?? 1, seed: options.seed ?? 1 });
    log("Importerer demokommunens udtræk som første snapshot");
    const result = await importSnapshot({
      folder,
      dataDir: options.dataDir,
      db: options.db,
      importedBy: "demo",
      onProgress: (p) => log("Importerer", p),
    });
    if (result.outcome !== "imported") throw new Error(`Demodata kunne ikke importeres: ${result.message}`);
    return result;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
