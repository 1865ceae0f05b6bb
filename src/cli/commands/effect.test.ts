import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// the golden run through the CLI is in src/engine/effect/golden.test.ts (it needs an import)
const exec = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "effektspor-effect-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  return exec("./bin/effektspor", ["effect", ...args], { cwd: path.resolve("."), encoding: "utf8" }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

describe("effektspor effect", () => {
  it("reports invalid definitions with file and dotted path, exit 1", async () => {
    const file = path.join(dir, "bad.yaml");
    writeFileSync(
      file,
      "effects:\n  - { id: a, name: A, project: p, population: { benefits: [kontanthjaelp] }, intake: { from: 2024-01, to: 2024-02 }, horizons: [0] }\n",
    );
    const r = await cli(["--definitions", file, "--data-dir", dir, "--format", "json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${file}: effects[0].horizons[0]: Horisonten 0 har intet udfaldsvindue`);
  });

  it("says so when the data directory has no snapshot", async () => {
    const file = path.join(dir, "ok.yaml");
    writeFileSync(
      file,
      "effects:\n  - { id: a, name: A, project: p, population: { benefits: [kontanthjaelp] }, intake: { from: 2024-01, to: 2024-02 }, horizons: [3] }\n",
    );
    const r = await cli(["--definitions", file, "--data-dir", path.join(dir, "tom"), "--format", "json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Der er ingen snapshots");
  });

  it("needs --definitions", async () => {
    const r = await cli(["--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Mangler --definitions");
  });
});
