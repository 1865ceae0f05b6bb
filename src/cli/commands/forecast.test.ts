import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { goldenPath } from "../../../test/fixtures.ts";

const exec = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "effektspor-forecast-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  return exec("./bin/effektspor", ["forecast", ...args], { cwd: path.resolve("."), encoding: "utf8" }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

function close(a: unknown, e: unknown): boolean {
  if (typeof e === "number" && typeof a === "number")
    return a === e || Math.abs(a - e) <= 1e-6 * Math.max(Math.abs(a), Math.abs(e));
  if (e !== null && typeof e === "object" && a !== null && typeof a === "object") {
    const ek = Object.keys(e);
    return ek.join() === Object.keys(a).join() && ek.every((k) => close((a as never)[k], (e as never)[k]));
  }
  return a === e;
}

describe("effektspor forecast", () => {
  it("prints the golden forecast-example's expected.json (every field to 1e-6)", async () => {
    const r = await cli(["--input", goldenPath("forecast-example", "input.json"), "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const expected = JSON.parse(readFileSync(goldenPath("forecast-example", "expected.json"), "utf8"));
    expect(close(JSON.parse(r.stdout), expected)).toBe(true);
  });

  it("reports invalid input with file, field and reason, exit 1", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ forecasts: [{ id: "a", series: [], better: "op", targets: [] }] }));
    const r = await cli(["--input", file, "--format", "json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${file}: forecasts[0].better: better skal være higher eller lower`);
  });

  it("needs --input", async () => {
    const r = await cli(["--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Mangler --input");
  });
});
