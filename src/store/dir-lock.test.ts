import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./dir-lock.ts";

describe("data directory lock", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "effektspor-lock-"));
  const file = path.join(dir, "pglite.lock");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("takes the lock with this process's pid and removes it on release", () => {
    const release = lockDataDir(dir, file);
    expect(JSON.parse(readFileSync(file, "utf8")).pid).toBe(process.pid);
    release();
    expect(existsSync(file)).toBe(false);
  });

  it("refuses in Danish while another live process holds it", () => {
    // the parent process (vitest's) is alive and is not this one
    writeFileSync(
      file,
      JSON.stringify({
        pid: process.ppid,
        host: hostname(),
        command: "effektspor serve",
        startedAt: "2026-12-02T13:05:00Z",
      }),
    );
    let error: unknown;
    try {
      lockDataDir(dir, file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Datamappen .* er i brug af et andet Effektspor-program \\(proces ${process.ppid}: «effektspor serve», startet 02-12-2026 kl\\. \\d\\d:05\\)\\. Databasen \\(PGlite\\) kan kun bruges af ét program ad gangen`,
      ),
    );
    // the holder's lock is left alone
    expect(JSON.parse(readFileSync(file, "utf8")).pid).toBe(process.ppid);
    rmSync(file);
  });

  it("takes over a stale lock whose process has ended", () => {
    const ended = spawnSync(process.execPath, ["-e", "process.exit(0)"]);
    expect(ended.status).toBe(0);
    writeFileSync(file, JSON.stringify({ pid: ended.pid, host: hostname(), command: "x", startedAt: "" }));
    const release = lockDataDir(dir, file);
    expect(JSON.parse(readFileSync(file, "utf8")).pid).toBe(process.pid);
    release();
  });
});
