/**
 * The import through bin/effektspor, as a user runs it: a killed import registers nothing, a
 * re-run succeeds and cleans up, a broken folder is refused with the report path, retention, and no
 * raw CPR number anywhere in the data directory (Parquet, PGlite's files, reports).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { generateMunicipality } from "../../demo/generate.ts";
import { openStore } from "../../store/db.ts";
import { listSnapshots } from "../../store/repositories/snapshots.ts";
import { pruneSnapshots } from "../../warehouse/catalogue.ts";
import { importSnapshot } from "../../warehouse/import/index.ts";
import { tempDir, validFiles, writeFolder } from "../../warehouse/test-support.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const bin = path.join(root, "bin/effektspor");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
  onStderr?: (text: string, child: ChildProcess) => void,
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { env, cwd: root });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
      onStderr?.(stderr, child);
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function completeSnapshots(dataDir: string): string[] {
  const dir = path.join(dataDir, "snapshots");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter(
    (n) => !n.startsWith(".tmp-") && existsSync(path.join(dir, n, "manifest.json")),
  );
}

async function catalogue(dataDir: string) {
  const store = await openStore({ pgliteDir: path.join(dataDir, "pglite") });
  try {
    return await listSnapshots(store.db);
  } finally {
    await store.close();
  }
}

describe("effektspor import (command line)", () => {
  const dataDir = tempDir("effektspor-cli-data-");
  const extract = tempDir("effektspor-cli-extract-");
  const env = {
    ...process.env,
    EFFEKTSPOR_DATA_DIR: dataDir,
    EFFEKTSPOR_PSEUDONYM_KEY: "",
    DATABASE_URL: "",
  };

  beforeAll(async () => {
    // big enough that the import is still reading when it is killed
    await generateMunicipality({ out: extract, scale: 0.3, seed: 11 });
  }, 120_000);

  it("a killed import leaves no snapshot; the next import succeeds and removes the leftovers", async () => {
    let killed = false;
    const first = await cli(["import", extract], env, (text, child) => {
      if (!killed && text.includes("Læser")) {
        killed = true;
        child.kill("SIGKILL");
      }
    });
    expect(killed, first.stderr).toBe(true);
    expect(first.code).toBeNull(); // ended by the signal
    expect(completeSnapshots(dataDir)).toEqual([]);
    expect(readdirSync(path.join(dataDir, "snapshots")).some((n) => n.startsWith(".tmp-"))).toBe(true);
    expect(await catalogue(dataDir)).toEqual([]);
    // the key file was created on first use, readable by the owner only
    expect(statSync(path.join(dataDir, "pseudonym.key")).mode & 0o777).toBe(0o600);

    const second = await cli(["import", extract], env);
    expect(second.code).toBe(0);
    // the generator's default extraction date
    expect(second.stdout).toMatch(/Snapshot 2025-10-10-[0-9a-f]{8} er oprettet/);
    expect(second.stdout).toContain("Udtræksdato: 2025-10-10");
    expect(readdirSync(path.join(dataDir, "snapshots")).filter((n) => n.startsWith("."))).toEqual([]);
    const rows = await catalogue(dataDir);
    expect(rows.map((r) => r.id)).toEqual(completeSnapshots(dataDir));
  }, 180_000);

  it("refuses a broken folder with the first rejects and the report path; retention prunes old snapshots", async () => {
    const files = validFiles();
    files["tilbud.csv"] = "cpr,tilbudstype,startdato,slutdato,cvr\n0101801234,praktikk,2023-03-01,,\n";
    const broken = writeFolder(files);
    const refused = await cli(["import", broken], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Importen er afvist");
    expect(refused.stderr).toContain(
      "tilbud.csv, linje 2, kolonne «tilbudstype»: ukendt tilbudstype «praktikk»; mente du «virksomhedspraktik»?",
    );
    const reportPath = /Alle fejl står i rapporten: (.+\.csv)/.exec(refused.stderr)?.[1];
    expect(reportPath && existsSync(reportPath)).toBe(true);

    // the rest in-process on the same data directory (each command start opens PGlite anew)
    const store = await openStore({ pgliteDir: path.join(dataDir, "pglite") });
    try {
      process.env.EFFEKTSPOR_PSEUDONYM_KEY = "";
      const accepted = await importSnapshot({
        folder: broken,
        dataDir,
        db: store.db,
        acceptValidRows: true,
        importedBy: "test",
      });
      expect(accepted.outcome).toBe("imported");
      expect(accepted.extractionDate).toBe("2024-06-30"); // the broken folder's manifest date
      // 2024-06-30 is more than 12 months before 2026-12-01; so is 2025-10-10, but the newest is always kept
      const pruned = await pruneSnapshots({ db: store.db, dataDir, keepMonths: 12, today: "2026-12-01" });
      expect(pruned.pruned.map((p) => p.id)).toEqual([accepted.snapshotId]);
      expect(completeSnapshots(dataDir).map((n) => n.slice(0, 10))).toEqual(["2025-10-10"]);
      const rows = await listSnapshots(store.db);
      expect(rows.find((r) => r.id === accepted.snapshotId)?.status).toBe("pruned");
    } finally {
      await store.close();
    }
  }, 180_000);

  it("leaves no raw CPR number in any file of the data directory", () => {
    const cprs = new Set<string>();
    for (const text of [
      readFileSync(path.join(extract, "personer.csv"), "utf8"),
      ...Object.values(validFiles()),
    ]) {
      for (const m of text.matchAll(/\b(\d{6})-?(\d{4})\b/g)) cprs.add(`${m[1]}${m[2]}`);
    }
    expect(cprs.size).toBeGreaterThan(1000);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(dataDir);
    expect(files.some((f) => f.includes(`${path.sep}pglite${path.sep}`))).toBe(true);
    expect(files.some((f) => f.endsWith(".parquet"))).toBe(true);
    for (const f of files) {
      const text = readFileSync(f, "latin1");
      for (const m of text.matchAll(/(\d{6})-?(\d{4})/g)) {
        expect(cprs.has(`${m[1]}${m[2]}`), `${f} indeholder et CPR-nummer`).toBe(false);
      }
    }
  });
});
