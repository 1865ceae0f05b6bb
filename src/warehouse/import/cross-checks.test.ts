/** Phase 3 on its own: staged rows loaded into DuckDB, the cross-row checks, the moved counts. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Pseudonymizer } from "../pseudonym.ts";
import { tempDir, validFiles, writeFolder } from "../test-support.ts";
import { crossCheck, rowsOf, StagingDb } from "./cross-checks.ts";
import { discover } from "./discover.ts";
import { RejectsReport } from "./rejects-report.ts";
import { stageRows } from "./stage-rows.ts";
import { Progress } from "./types.ts";

async function check(files: Record<string, string>) {
  const folder = writeFolder(files);
  const tmpDir = tempDir();
  const rejects = new RejectsReport(path.join(tempDir(), "rejects.csv"));
  const { sources } = await discover(folder, undefined);
  const summaries = await stageRows({
    sources,
    profile: undefined,
    pseudonymizer: new Pseudonymizer("cross-check-key"),
    tmpDir,
    rejects,
    progress: new Progress(),
  });
  const staging = await StagingDb.open(tmpDir);
  try {
    await crossCheck(staging.connection, { personerLabel: "personer.csv", files: summaries, rejects });
    const postRejects = await rowsOf<{ _file: string; _line: number }>(
      staging.connection,
      "SELECT _file, _line FROM post_rejects ORDER BY _file, _line",
    );
    return { rejects, summaries, postRejects };
  } finally {
    staging.close();
    staging.close(); // closing twice is harmless (the orchestrator's finally does)
  }
}

const REFUSION_HEADER =
  "Uge;CPR nummer;Ydelse;Finansiering Kommunenavn;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb";

describe("crossCheck", () => {
  it("finds nothing in a valid extract", async () => {
    const { rejects, postRejects } = await check(validFiles());
    expect(rejects.total).toBe(0);
    expect(postRejects).toEqual([]);
  });

  it("rejects duplicate persons, duplicate rows (also across files) and unknown persons", async () => {
    const week = "2024-01-01;0101801234;Kontanthjælp;Hedensted;100,00;80;80,00;0;0";
    const { rejects, summaries, postRejects } = await check({
      ...validFiles(),
      // line 4 is the person of line 2 (with a dash)
      "personer.csv": "cpr,foedselsdato,koen\n0101801234,,\n150290-4321,,\n010180-1234,,\n",
      // line 3: 6101801234 is in no personer line, and day 61 gives no birth date
      "tilbud.csv":
        "cpr,tilbudstype,startdato,slutdato,cvr\n0101801234,mentor,2023-03-01,,\n6101801234,mentor,2023-03-01,,\n",
      // two refusion files (both allowed) with the same person-week
      "yr-ydelsesrefusion-beregning-a.csv": `${REFUSION_HEADER}\n${week}\n`,
      "yr-ydelsesrefusion-beregning-b.csv": `${REFUSION_HEADER}\n2024-01-08;0101801234;Kontanthjælp;Hedensted;100,00;80;80,00;0;0\n${week}\n`,
    });
    expect(rejects.kept.map((r) => [r.file, r.line, r.column, r.value, r.reason])).toEqual([
      ["personer.csv", 4, "cpr", "", "personen står allerede i linje 2 (dublet)"],
      [
        "yr-ydelsesrefusion-beregning-b.csv",
        3,
        "",
        "",
        "rækken er en dublet af yr-ydelsesrefusion-beregning-a.csv linje 2",
      ],
      [
        "tilbud.csv",
        3,
        "cpr",
        "610180-****",
        "personen findes ikke i personer.csv, og CPR-nummeret giver ingen gyldig fødselsdato",
      ],
    ]);
    expect(postRejects).toEqual([
      { _file: "personer.csv", _line: 4 },
      { _file: "tilbud.csv", _line: 3 },
      { _file: "yr-ydelsesrefusion-beregning-b.csv", _line: 3 },
    ]);
    // each rejected row moved from valid to rejected in its file's counts
    const counts = Object.fromEntries(summaries.map((s) => [s.file, [s.rows, s.valid, s.rejected]]));
    expect(counts["personer.csv"]).toEqual([3, 2, 1]);
    expect(counts["tilbud.csv"]).toEqual([2, 1, 1]);
    expect(counts["yr-ydelsesrefusion-beregning-a.csv"]).toEqual([1, 1, 0]);
    expect(counts["yr-ydelsesrefusion-beregning-b.csv"]).toEqual([2, 1, 1]);
  });
});
