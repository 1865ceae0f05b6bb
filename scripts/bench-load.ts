/**
 * Load benchmark of the pages everyone opens (issue 16, item 3): 50 concurrent clients for 30 s on
 * /api/overview, then on a project's status scheme, against the real server on loopback, reporting
 * p50/p95/p99 latency, requests per second and errors. Goal: p95 under 200 ms, no errors.
 *
 *   npm run bench:load -- [--url http://127.0.0.1:4000] [--data-dir DIR] [--clients 50]
 *                         [--duration 30] [--project ID] [--header "Name: value"]… [--json FILE]
 *
 * Without --url the script starts `effektspor serve` itself (a child process, as in production) on a
 * free loopback port, on --data-dir or else a fresh temporary data directory, where the server lays
 * out the demo municipality (projects, the synthetic extract imported, one computation) on first
 * start. The project defaults to the one with the most indicators (the heaviest status scheme).
 *
 * Signed in: EFFEKTSPOR_BENCH_COOKIE="session=…" is sent as the Cookie header of every request
 * (and --header adds any other header), so the benchmark runs once sign-in is required.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { removeTempDirs, tempDir } from "../test/temp.ts";
import { benchHeaders, type LoadResult, runLoad } from "./load.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.on("exit", removeTempDirs);

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    url: { type: "string" },
    "data-dir": { type: "string" },
    clients: { type: "string", default: "50" },
    duration: { type: "string", default: "30" },
    project: { type: "string" },
    header: { type: "string", multiple: true, default: [] },
    json: { type: "string" },
  },
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** `effektspor serve` on a free port; resolves with its address once it says it is running. */
async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "serve", "--port", String(port), "--data-dir", dataDir],
    { cwd: repoRoot, env: { ...process.env, DATABASE_URL: "" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += String(d);
      process.stderr.write(d);
      if (/kører på http/.test(out)) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`Serveren stoppede (kode ${code}):\n${out}`)));
  });
  child.stdout?.removeAllListeners("data");
  child.stderr?.removeAllListeners("data");
  return { url: `http://127.0.0.1:${port}`, child };
}

const ms = (v: number) => v.toFixed(1).replace(".", ",");

function report(r: LoadResult): string {
  return `| ${r.name} | ${r.clients} | ${ms(r.seconds)} | ${r.requests} | ${ms(r.requestsPerSecond)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.errors} |`;
}

async function main(): Promise<number> {
  const headers = benchHeaders(values.header ?? []);
  const clients = Number(values.clients);
  const durationMs = Number(values.duration) * 1000;
  let server: { url: string; child: ChildProcess } | undefined;
  try {
    let base = values.url;
    if (!base) {
      const dataDir = values["data-dir"] ?? path.join(tempDir("effektspor-bench-load-"), "data");
      console.error(`Starter serveren på ${dataDir} (lægger demokommunen ud, hvis mappen er tom) …`);
      server = await startServer(dataDir);
      base = server.url;
    }
    const get = async (p: string) => {
      const res = await fetch(`${base}${p}`, { headers });
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    let projectId = values.project;
    if (!projectId) {
      const { projects } = (await get("/api/projects")) as {
        projects: { id: number; indicatorCount: number }[];
      };
      projectId = String([...projects].sort((a, b) => b.indicatorCount - a.indicatorCount)[0]!.id);
    }
    const targets: [string, string][] = [
      ["/api/overview", `${base}/api/overview`],
      [`/api/projects/${projectId}/status-scheme`, `${base}/api/projects/${projectId}/status-scheme`],
    ];
    const results: LoadResult[] = [];
    for (const [name, url] of targets) {
      await get(url.slice(base.length)); // warm up: the first answer may build what later ones reuse
      console.error(`${name}: ${clients} klienter i ${durationMs / 1000} s …`);
      results.push(await runLoad(name, url, { clients, durationMs, headers }));
    }
    console.log(`\nMaskine: ${os.cpus().length} kerner, belastning ${os.loadavg().map(ms).join(" / ")}`);
    console.log(
      "| adresse | klienter | s | forespørgsler | pr. s | p50 ms | p95 ms | p99 ms | maks ms | fejl |",
    );
    console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const r of results) console.log(report(r));
    for (const r of results) {
      if (r.errorSamples.length > 0) console.log(`Fejl på ${r.name}: ${r.errorSamples.join("; ")}`);
    }
    if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2));
    const ok = results.every((r) => r.errors === 0 && r.p95 < 200);
    console.log(
      ok ? "Målet holder: p95 under 200 ms, ingen fejl." : "Målet holder ikke (p95 < 200 ms, ingen fejl).",
    );
    return ok ? 0 : 1;
  } finally {
    if (server && server.child.exitCode === null) {
      const exited = new Promise((resolve) => server!.child.once("exit", resolve));
      server.child.kill("SIGTERM");
      await exited;
    }
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
