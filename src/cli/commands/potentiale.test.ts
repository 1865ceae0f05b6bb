import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { goldenPath } from "../../../test/fixtures.ts";
import { tempDir } from "../../../test/temp.ts";

const exec = promisify(execFile);
const golden = JSON.parse(readFileSync(goldenPath("seed-tables.json"), "utf8")) as {
  potentialeberegning_flere_i_job: { input: unknown; expect: unknown };
};
const dir = tempDir("effektspor-potentiale-");

function cli(args: string[]) {
  return exec("./bin/effektspor", ["potentiale", ...args], { cwd: path.resolve("."), encoding: "utf8" }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

describe("effektspor potentiale", () => {
  it("skriver præcis det gyldne expect for seed 004", async () => {
    const file = path.join(dir, "input.json");
    writeFileSync(file, JSON.stringify(golden.potentialeberegning_flere_i_job.input));
    const r = await cli(["--input", file, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(golden.potentialeberegning_flere_i_job.expect);
  });

  it("tekstformat viser danske beløb (630.728 kr. i alt)", async () => {
    const file = path.join(dir, "input.json");
    writeFileSync(file, JSON.stringify(golden.potentialeberegning_flere_i_job.input));
    const r = await cli(["--input", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("118.804 kr.");
    expect(r.stdout).toContain("I alt 6 fuldtidspersoner = 630.728 kr.");
  });

  it("ugyldigt input giver en dansk fejl med fil og felt og exit 1", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({
        prices: [{ benefit: "kontanthjaelp", gross_per_fte_year: -1, refusion_pct: 20 }],
        reduced_fte: {},
      }),
    );
    const r = await cli(["--input", file, "--format", "json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}: felt «prices[0].gross_per_fte_year»`);
  });

  it("manglende --input giver brugsvejledning og exit 2", async () => {
    const r = await cli(["--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--input mangler");
  });
});
