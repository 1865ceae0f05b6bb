/** Phase 2 on its own: validated, pseudonymized rows in the staged CSVs; rejects and counts. */
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Pseudonymizer } from "../pseudonym.ts";
import { tempDir, validFiles, writeFolder } from "../test-support.ts";
import { discover } from "./discover.ts";
import { RejectsReport } from "./rejects-report.ts";
import { stagedFile, stageRows } from "./stage-rows.ts";
import { type ImportProgress, Progress } from "./types.ts";

const KEY = "stage-test-key";
const keyOf = (cpr: string) => createHmac("sha256", KEY).update(cpr).digest("hex");
const lines = (file: string) => readFileSync(file, "utf8").split("\n").filter(Boolean);

async function stage(files: Record<string, string>) {
  const folder = writeFolder(files);
  const tmpDir = tempDir();
  const rejects = new RejectsReport(path.join(tempDir(), "rejects.csv"));
  const events: ImportProgress[] = [];
  const progress = new Progress((p) => events.push(p));
  const { sources } = await discover(folder, undefined);
  const summaries = await stageRows({
    sources,
    profile: undefined,
    pseudonymizer: new Pseudonymizer(KEY),
    tmpDir,
    rejects,
    progress,
  });
  return { tmpDir, rejects, summaries, events, progress };
}

describe("stageRows", () => {
  it("stages every valid row pseudonymized, with its file and line", async () => {
    const { tmpDir, rejects, summaries, progress } = await stage(validFiles());
    expect(rejects.total).toBe(0);
    // data lines per file in validFiles(): personer 3, ydelsesforloeb 5, tilbud 1, loentimer 2, markeringer 1
    expect(summaries.map((s) => [s.file, s.rows, s.valid, s.rejected])).toEqual([
      ["personer.csv", 3, 3, 0],
      ["ydelsesforloeb.csv", 5, 5, 0],
      ["tilbud.csv", 1, 1, 0],
      ["loentimer.csv", 2, 2, 0],
      ["markeringer.csv", 1, 1, 0],
    ]);
    expect(progress.rows).toBe(12);
    // 150290-4321 → key of 1502904321; its row is line 3 of personer.csv
    expect(lines(stagedFile(tmpDir, "persons"))).toEqual([
      `${keyOf("0101801234")},1980-01-01,K,personer.csv,2`,
      `${keyOf("1502904321")},1990-02-15,M,personer.csv,3`,
      `${keyOf("3112055678")},2005-12-31,K,personer.csv,4`,
    ]);
    expect(lines(stagedFile(tmpDir, "wage_hours"))).toEqual([
      `${keyOf("0101801234")},2023-05-01,12.5,loentimer.csv,2`,
      `${keyOf("2006401117")},2024-01-01,40,loentimer.csv,3`,
    ]);
    // 2006401117 is not in personer.csv: birth date and sex derived from the CPR (1940-06-20, M);
    // only a repeat on the next row is skipped, so once per file it has rows in (ydelsesforloeb,
    // loentimer): publishing groups them by person
    expect(lines(stagedFile(tmpDir, "derived")).filter((l) => l.startsWith(keyOf("2006401117")))).toEqual([
      `${keyOf("2006401117")},1940-06-20,M`,
      `${keyOf("2006401117")},1940-06-20,M`,
    ]);
    // no raw CPR number in any staged file
    for (const name of [
      "persons",
      "benefit_records",
      "activities",
      "wage_hours",
      "markers",
      "derived",
      "needs",
    ] as const) {
      const text = readFileSync(stagedFile(tmpDir, name), "utf8");
      expect(text).not.toMatch(/\b\d{6}-?\d{4}\b/);
    }
  });

  it("reports row rejects and a missing column, counting the file's rows as rejected", async () => {
    const { tmpDir, rejects, summaries } = await stage({
      ...validFiles(),
      "loentimer.csv": "cpr,maaned\n0101801234,2023-05\n2006401117,2024-01\n",
      "tilbud.csv":
        "cpr,tilbudstype,startdato,slutdato,cvr\n0101801234,mentor,2023-03-01,,\n0101801234,praktikk,2023-03-01,,\n",
    });
    expect(rejects.kept.map((r) => [r.file, r.line, r.column])).toEqual([
      ["tilbud.csv", 3, "tilbudstype"],
      ["loentimer.csv", 1, "timer"],
    ]);
    expect(summaries.find((s) => s.file === "tilbud.csv")).toMatchObject({ rows: 2, valid: 1, rejected: 1 });
    expect(summaries.find((s) => s.file === "loentimer.csv")).toMatchObject({
      rows: 2,
      valid: 0,
      rejected: 2,
    });
    expect(lines(stagedFile(tmpDir, "activities"))).toHaveLength(1);
    expect(lines(stagedFile(tmpDir, "wage_hours"))).toEqual([]);
    expect(await rejects.close()).toBe(rejects.file);
    expect(readFileSync(rejects.file, "utf8").split("\n")[0]).toBe("\ufefffil;linje;kolonne;værdi;årsag");
  });

  it("reports progress per file, with the bytes read", async () => {
    const { events, progress } = await stage(validFiles());
    expect(events.every((e) => e.phase === "reading")).toBe(true);
    expect([...new Set(events.map((e) => e.file))]).toEqual([
      "personer.csv",
      "ydelsesforloeb.csv",
      "tilbud.csv",
      "loentimer.csv",
      "markeringer.csv",
    ]);
    // totalBytes is the orchestrator's to set; bytes is what the CSV readers have read
    expect(progress.bytes).toBeGreaterThan(0);
  });
});
