import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { tempDir } from "../../../test/temp.ts";
import { run as audit } from "./audit.ts";
import { run as users } from "./users.ts";

describe("effektspor users and audit", () => {
  let out: string[];
  let err: string[];
  beforeEach(() => {
    out = [];
    err = [];
    vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
    vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
  });
  afterEach(() => vi.restoreAllMocks());

  it("adds the first administrator, refuses a weak password, changes a role, disables, audits it all", async () => {
    const dir = tempDir("effektspor-users-");
    const pw = path.join(dir, "kode.txt");
    const dataDir = path.join(dir, "data");
    writeFileSync(pw, "kort\n");
    const add = ["add", "--username", "Mette", "--role", "administrator", "--name", "Mette Hansen"];
    expect(await users([...add, "--password-file", pw, "--data-dir", dataDir])).toBe(1);
    expect(err.join("\n")).toContain("mindst 12 tegn");
    writeFileSync(pw, "en-lang-og-god-adgangskode\n");
    expect(await users([...add, "--password-file", pw, "--data-dir", dataDir])).toBe(0);
    expect(
      await users([
        "add",
        "--username",
        "ole",
        "--role",
        "chef",
        "--password-file",
        pw,
        "--data-dir",
        dataDir,
      ]),
    ).toBe(1);
    expect(err.at(-1)).toContain("Ukendt rolle «chef»");
    expect(
      await users([
        "add",
        "--username",
        "ole",
        "--role",
        "laeser",
        "--password-file",
        pw,
        "--data-dir",
        dataDir,
      ]),
    ).toBe(0);
    expect(await users(["set-role", "ole", "projektleder", "--borgerdata", "--data-dir", dataDir])).toBe(0);
    expect(await users(["disable", "ole", "--data-dir", dataDir])).toBe(0);
    out = [];
    expect(await users(["list", "--data-dir", dataDir])).toBe(0);
    expect(out).toEqual([
      expect.stringMatching(/^mette\s+Administrator\s+Mette Hansen$/),
      expect.stringMatching(/^ole\s+Projektleder\s+ole {2}\(borgerdata; deaktiveret\)$/),
    ]);
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    expect(await audit(["--actor", "kommandolinje", "--csv", "--data-dir", dataDir])).toBe(0);
    const csv = String(write.mock.calls.map((c) => c[0]).join(""));
    write.mockRestore();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("tidspunkt;bruger;handling;emne;detaljer");
    // newest first: disable, set-role, add ole, add mette
    expect(lines.slice(1).map((l) => l.split(";").slice(1, 4).join(";"))).toEqual([
      "kommandolinje;user.change;user:ole",
      "kommandolinje;user.change;user:ole",
      "kommandolinje;user.add;user:ole",
      "kommandolinje;user.add;user:mette",
    ]);
  });
});
