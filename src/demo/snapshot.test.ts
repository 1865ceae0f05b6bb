import { existsSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { listSnapshots } from "../store/repositories/snapshots.ts";
import { describeEachStore } from "../store/testing.ts";
import { tempDir } from "../warehouse/test-support.ts";
import { ensureDemoSnapshot } from "./snapshot.ts";

describeEachStore("ensureDemoSnapshot", (getStore) => {
  it("imports the generated municipality when the catalogue is empty, and only then", async () => {
    const dataDir = tempDir("effektspor-demo-data-");
    const steps: string[] = [];
    // a small scale keeps the test fast; first start uses scale 1
    const first = await ensureDemoSnapshot({
      db: getStore().db,
      dataDir,
      scale: 0.02,
      onProgress: (s) => steps.push(s),
    });
    expect(first?.outcome).toBe("imported");
    expect(first?.extractionDate).toBe("2025-10-10");
    expect(existsSync(path.join(dataDir, "snapshots", first?.snapshotId as string, "manifest.json"))).toBe(
      true,
    );
    expect(steps[0]).toBe("Danner demokommunens sagsdata (syntetisk udtræk)");
    expect(await ensureDemoSnapshot({ db: getStore().db, dataDir, scale: 0.02 })).toBeNull();
    expect(await listSnapshots(getStore().db)).toHaveLength(1);
  });
});
