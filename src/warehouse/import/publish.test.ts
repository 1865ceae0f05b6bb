/** Phase 4 on its own: the snapshot folder written and put in place, then its catalogue row. */
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { insertSnapshot, listSnapshots } from "../../store/repositories/snapshots.ts";
import { describeEachStore } from "../../store/testing.ts";
import { Pseudonymizer } from "../pseudonym.ts";
import { readParquet, tempDir, validFiles, writeFolder } from "../test-support.ts";
import { crossCheck, StagingDb } from "./cross-checks.ts";
import { discover } from "./discover.ts";
import { publish } from "./publish.ts";
import { RejectsReport } from "./rejects-report.ts";
import { stageRows } from "./stage-rows.ts";
import { Progress } from "./types.ts";
import { openWorkspace } from "./workspace.ts";

describeEachStore("publish", (getStore) => {
  const dataDir = tempDir("effektspor-publish-");
  const snapshotsDir = path.join(dataDir, "snapshots");
  mkdirSync(snapshotsDir, { recursive: true });

  /** phases 2 and 3 on validFiles() (with one duplicate person, so one rejected row) */
  async function checked(contentHash: string) {
    const files = validFiles();
    files["personer.csv"] += "010180-1234,,\n";
    const { sources } = await discover(writeFolder(files), undefined);
    const tmpDir = openWorkspace(snapshotsDir, contentHash);
    const rejects = new RejectsReport(path.join(dataDir, "import-reports", `${contentHash}.csv`));
    const summaries = await stageRows({
      sources,
      profile: undefined,
      pseudonymizer: new Pseudonymizer("publish-key"),
      tmpDir,
      rejects,
      progress: new Progress(),
    });
    const staging = await StagingDb.open(tmpDir);
    await crossCheck(staging.connection, { personerLabel: "personer.csv", files: summaries, rejects });
    const reportFile = await rejects.close();
    return {
      db: getStore().db,
      staging,
      tmpDir,
      snapshotsDir,
      contentHash,
      manifestInfo: { extractionDate: null, source: null },
      files: summaries,
      rejectedRows: 1,
      reportFile,
      importedBy: "test",
    };
  }

  it("writes the Parquet files and manifest, renames the folder into place, then registers it", async () => {
    const input = await checked("a".repeat(64));
    const done = await publish(input);
    if ("duplicateOf" in done) throw new Error("unexpected duplicate");
    // no manifest date: the latest date in the data, 2024-05-31 (a-dagpenge's end in ydelsesforloeb.csv)
    expect(done.snapshotId).toBe("2024-05-31-aaaaaaaa");
    expect(done.source).toBe("udtræk");
    // 3 persons in personer (the 4th line is the duplicate, left out) + 2006401117 derived from its CPR
    expect(done.counts).toEqual({
      persons: 4,
      benefit_records: 5,
      activities: 1,
      wage_hours: 2,
      markers: 1,
      refusion_weeks: 0,
    });
    expect(done.dateRange).toEqual({ from: "2020-01-01", to: "2024-05-31" });
    expect(done.folder).toBe(path.join(snapshotsDir, "2024-05-31-aaaaaaaa"));
    expect(existsSync(input.tmpDir)).toBe(false);
    expect(readdirSync(done.folder).sort()).toEqual([
      "activities.parquet",
      "benefit_records.parquet",
      "manifest.json",
      "markers.parquet",
      "persons.parquet",
      "refusion_weeks.parquet",
      "rejects.csv",
      "wage_hours.parquet",
    ]);
    const manifest = JSON.parse(readFileSync(path.join(done.folder, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ id: done.snapshotId, counts: done.counts, rejectedRows: 1 });
    expect(
      await readParquet(path.join(done.folder, "persons.parquet"), "SELECT count(*)::INTEGER AS n FROM t"),
    ).toEqual([{ n: 4 }]);
    const [row] = (await listSnapshots(input.db)).filter((s) => s.id === done.snapshotId);
    expect(row).toMatchObject({
      personCount: 4,
      rejectedRows: 1,
      status: "complete",
      folder: "snapshots/2024-05-31-aaaaaaaa",
    });
  });

  it("refuses to replace an existing snapshot folder", async () => {
    const input = await checked("a".repeat(64));
    await expect(publish(input)).rejects.toThrow(/^Snapshot-mappen .*2024-05-31-aaaaaaaa findes allerede$/);
    input.staging.close();
  });

  it("takes the folder away again when a concurrent import registered the same files first", async () => {
    const hash = "b".repeat(64);
    const input = await checked(hash);
    // the other import's row, with the same content hash (unique in the catalogue)
    await insertSnapshot(input.db, {
      id: "2024-05-31-anden",
      extractionDate: "2024-05-31",
      source: "udtræk",
      contentHash: hash,
      folder: "snapshots/2024-05-31-anden",
      counts: {},
      dateRange: { from: null, to: null },
      personCount: 0,
      importedBy: "test",
    });
    expect(await publish(input)).toEqual({ duplicateOf: "2024-05-31-anden" });
    expect(existsSync(path.join(snapshotsDir, "2024-05-31-bbbbbbbb"))).toBe(false);
  });
});
