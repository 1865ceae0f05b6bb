/**
 * The CLI's guards, through bin/effektspor as a user runs it: a CLI command on a data directory a
 * running server uses is refused in Danish; `demo reset` refuses to delete non-demo data without
 * --yes when not interactive; `compute` never steps back to a smaller snapshot silently.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../engine/test-support.ts";
import { ongoingKontanthjaelpRows, writeDataDirSnapshot } from "../services/test-fixtures.ts";
import { openInstallationStore, schema } from "../store/db.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = path.join(root, "bin/effektspor");
// the demo's projects without generating its case data: fast, and this test's snapshots are its own
const env = { ...process.env, DATABASE_URL: "", EFFEKTSPOR_DEMO_CASE_DATA: "0" };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    // stdin is not a terminal: the CLI cannot ask
    const child = spawn(bin, args, { env, cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

describe("CLI guards on a data directory", () => {
  const dataDir = tempDir("effektspor-guards-");
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("refuses a CLI command while a server runs on the same PGlite directory, and allows it after", async () => {
    const port = await freePort();
    const server: ChildProcess = spawn(bin, ["serve", "--port", String(port), "--data-dir", dataDir], {
      env,
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    await new Promise<void>((resolve, reject) => {
      const onData = (d: Buffer) => {
        out += String(d);
        if (/kører på http/.test(out)) resolve();
      };
      server.stdout?.on("data", onData);
      server.stderr?.on("data", onData);
      server.once("exit", (code) => reject(new Error(`serveren stoppede (${code}): ${out}`)));
    });
    try {
      const refused = await cli(["snapshots", "list", "--data-dir", dataDir]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(
        `Datamappen ${dataDir} er i brug af et andet Effektspor-program (proces ${server.pid}: «effektspor serve --port ${port} --data-dir ${dataDir}»`,
      );
      expect(refused.stderr).toContain("Stop det andet program (fx serveren med Ctrl+C)");
    } finally {
      await new Promise<void>((resolve) => {
        server.once("exit", () => resolve());
        server.kill("SIGTERM");
      });
    }
    const after = await cli(["snapshots", "list", "--data-dir", dataDir]);
    expect(after.stderr).toBe("");
    expect(after.code).toBe(0);
  }, 240_000);

  it("resets a pure demo without asking, but refuses to delete an edited project without --yes", async () => {
    const plain = await cli(["demo", "reset", "--data-dir", dataDir]);
    expect(plain.stderr).toBe("");
    expect(plain.code).toBe(0);

    const store = await openInstallationStore(dataDir);
    await store.db
      .update(schema.projects)
      .set({ name: "Mit eget projekt" })
      .where(eq(schema.projects.code, "flere-i-job"));
    await store.close();

    const refused = await cli(["demo", "reset", "--data-dir", dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Datamappen indeholder data, som ikke er demoens");
    expect(refused.stderr).toContain("– projekter (ændret siden demoen blev lagt ud)");
    expect(refused.stderr).toContain("Kør igen med --yes");
    const kept = await openInstallationStore(dataDir);
    const [p] = await kept.db.select().from(schema.projects).where(eq(schema.projects.code, "flere-i-job"));
    await kept.close();
    expect(p?.name).toBe("Mit eget projekt");

    const forced = await cli(["demo", "reset", "--data-dir", dataDir, "--yes"]);
    expect(forced.code).toBe(0);
    const reset = await openInstallationStore(dataDir);
    const [q] = await reset.db.select().from(schema.projects).where(eq(schema.projects.code, "flere-i-job"));
    await reset.close();
    expect(q?.name).not.toBe("Mit eget projekt");
  }, 240_000);

  it("computes on the newest extraction date and refuses a much smaller one without --snapshot or --accept-change", async () => {
    await writeDataDirSnapshot(dataDir, "full", ongoingKontanthjaelpRows(10), "2024-03-15");
    const first = await cli(["compute", "--data-dir", dataDir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/værdier på snapshot full \(udtræksdato 2024-03-15\)/);

    // newer, but 2 persons instead of 10: (10 − 2) / 10 = 80 % fewer
    await writeDataDirSnapshot(dataDir, "small", ongoingKontanthjaelpRows(2), "2024-04-15");
    const refused = await cli(["compute", "--data-dir", dataDir]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      "Snapshot small (udtræksdato 15-04-2024, 2 personer) har 8 færre personer (80 % færre) end snapshot full (udtræksdato 15-03-2024, 10 personer), som værdierne kommer fra nu.",
    );
    expect(refused.stderr).toContain(
      "Værdierne er ikke ændret. Vælg snapshottet udtrykkeligt med --snapshot small",
    );

    const named = await cli(["compute", "--data-dir", dataDir, "--snapshot", "full"]);
    expect(named.code).toBe(0);
    const accepted = await cli(["compute", "--data-dir", dataDir, "--accept-change"]);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toMatch(/værdier på snapshot small \(udtræksdato 2024-04-15\)/);
  }, 240_000);
});
