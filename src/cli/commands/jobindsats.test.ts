/**
 * `effektspor jobindsats fetch|list|import` (its run(), in process: each run opens the data directory's
 * PGlite, which is slow enough without a process start each time): against
 * a local jobindsats (EFFEKTSPOR_JOBINDSATS_URL), a downloaded export, and without a token.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tempDir } from "../../../test/temp.ts";
import { type FakeJobindsats, startFakeJobindsats } from "../../integrations/jobindsats/test-server.ts";
import { pgliteTemplate } from "../../store/testing.ts";
import { run } from "./jobindsats.ts";

/** Runs the command in this process (one PGlite open per run) with the given environment. */
async function cli(args: string[], env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, { DATABASE_URL: "" }, env);
  let stdout = "";
  let stderr = "";
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => {
    stdout += `${a.join(" ")}\n`;
  });
  const err = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => {
    stderr += `${a.join(" ")}\n`;
  });
  try {
    return { code: await run(args), stdout, stderr };
  } finally {
    log.mockRestore();
    err.mockRestore();
    process.env = saved;
  }
}

let api: FakeJobindsats;
beforeAll(async () => {
  api = await startFakeJobindsats([
    {
      id: "y14d03",
      name: "Fra ydelse til job",
      measures: [{ id: "andel", label: "Andel i job (pct.)" }],
      dimensions: [],
      areas: ["Hedensted", "Horsens"],
      periods: ["2023QMAT02", "2023QMAT03"],
      value: ({ area }) => (area === "Hedensted" ? 44 : 40),
    },
  ]);
});
afterAll(async () => {
  await api.close();
});

describe("effektspor jobindsats", () => {
  it("fetch, import and list on one data directory; exit codes for a missing token and a bad file", async () => {
    const dataDir = tempDir("jobindsats-cli-");
    // the data directory's PGlite laid out from the migrated test template: the commands then open
    // it without migrating (an installation's first start migrates; that is not what is tested here)
    const pg = new PGlite({ dataDir: path.join(dataDir, "pglite"), loadDataDir: await pgliteTemplate() });
    await pg.waitReady;
    await pg.close();
    const env = {
      EFFEKTSPOR_DATA_DIR: dataDir,
      EFFEKTSPOR_JOBINDSATS_TOKEN: api.token,
      EFFEKTSPOR_JOBINDSATS_URL: api.url,
    };

    const noToken = await cli(["fetch"], { EFFEKTSPOR_DATA_DIR: dataDir, EFFEKTSPOR_JOBINDSATS_TOKEN: "" });
    expect(noToken.code).toBe(3);
    expect(noToken.stderr).toContain("EFFEKTSPOR_JOBINDSATS_TOKEN er ikke sat");

    const fetched = await cli(["fetch", "--table", "y14d03"], env);
    // Hedensted and Horsens (the RAR areas the table lists) × the 2 moving years × 1 measure
    expect(fetched.stdout).toContain("Y14D03: 4 værdier hentet");
    expect(fetched.code).toBe(0);

    const file = path.join(dataDir, "y01a02.csv");
    writeFileSync(
      file,
      "A-dagpenge\nOmråde;Periode;Antal fuldtidspersoner\nHedensted;2024M01;301,4\nHedensted;2024M02;298,0\n",
    );
    const badFile = path.join(dataDir, "y07a02.csv");
    writeFileSync(badFile, "Sygedagpenge\nOmråde;Periode;Antal fuldtidspersoner\nHedensted;jan;301,4\n");
    // a good and a bad file: the good one is stored, the bad one is refused, exit 1
    const imported = await cli(["import", file, badFile], env);
    expect(imported.stdout).toContain("y01a02.csv: 2 værdier fra Y01A02 A-dagpenge");
    expect(imported.stderr).toContain("y07a02.csv, linje 3, kolonne «Periode»: «jan» er ikke en periode");
    expect(imported.code).toBe(1);

    const list = await cli(["list"], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(
      "Y01A02 Antal fuldtidspersoner: 2 værdier, 1 områder, januar 2024 – februar 2024; downloadet fil y01a02.csv",
    );
    expect(list.stdout).toContain("Y14D03 Andel i job (pct.): 4 værdier, 2 områder");
  }, 90_000);
});
