import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { tempDir } from "../../test/temp.ts";
import { queryRows } from "../store/db.ts";
import { insertSnapshot } from "../store/repositories/snapshots.ts";
import { describeEachStore } from "../store/testing.ts";
import { deleteSnapshotPersonData, personalDataHeld, runRetention, setRetention } from "./data-protection.ts";

describeEachStore("data protection: personal data held, retention, deletion on request", (getStore) => {
  it("lists what is held, deletes one snapshot's person data on request and prunes by retention, audited", async () => {
    const { db } = getStore();
    const dataDir = tempDir("effektspor-dp-");
    const snaps = [
      { id: "s-2023", extractionDate: "2023-01-31", from: "2015-02-01", persons: 120 },
      { id: "s-2024", extractionDate: "2024-01-31", from: "2016-03-01", persons: 130 },
      { id: "s-2025", extractionDate: "2025-06-30", from: "2017-01-01", persons: 140 },
    ];
    for (const s of snaps) {
      const folder = path.join("snapshots", s.id);
      mkdirSync(path.join(dataDir, folder), { recursive: true });
      writeFileSync(path.join(dataDir, folder, "personer.parquet"), "x");
      await insertSnapshot(db, {
        id: s.id,
        extractionDate: s.extractionDate,
        source: "test",
        contentHash: s.id,
        folder,
        counts: {},
        dateRange: { from: s.from, to: s.extractionDate },
        personCount: s.persons,
        importedBy: "test",
      });
    }
    const held = await personalDataHeld(db);
    expect(held).toMatchObject({
      snapshotsWithPersonData: 3,
      largestPersonCount: 140,
      oldestDate: "2015-02-01",
    });

    await deleteSnapshotPersonData(db, dataDir, "s-2023", "admin");
    expect(existsSync(path.join(dataDir, "snapshots", "s-2023"))).toBe(false);
    await expect(deleteSnapshotPersonData(db, dataDir, "s-2023", "admin")).rejects.toThrow(
      "allerede slettet",
    );
    // the oldest held date now comes from s-2024
    expect((await personalDataHeld(db)).oldestDate).toBe("2016-03-01");

    // retention off: nothing runs; 12 months on 2025-07-15: cutoff 2024-07-15, so s-2024 goes, s-2025 stays
    expect(await runRetention(db, dataDir, "tidsplan", "2025-07-15")).toBeNull();
    await setRetention(db, 12, "admin");
    const run = await runRetention(db, dataDir, "tidsplan", "2025-07-15");
    expect(run?.pruned.map((p) => p.id)).toEqual(["s-2024"]);
    expect((await personalDataHeld(db)).snapshotsWithPersonData).toBe(1);

    const audit = await queryRows<{ actor: string; action: string; subject: string }>(
      db,
      sql`select actor, action, subject from audit_log order by id`,
    );
    expect(audit).toEqual([
      { actor: "admin", action: "data-protection.delete", subject: "snapshot:s-2023" },
      { actor: "admin", action: "retention.setting", subject: "settings:retention" },
      { actor: "tidsplan", action: "retention.run", subject: "snapshots" },
    ]);
  });
});
