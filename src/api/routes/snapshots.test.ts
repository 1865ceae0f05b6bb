import type { Hono } from "hono";
import { beforeAll, expect, it } from "vitest";
import { waitForBackgroundImports } from "../../services/imports.ts";
import { describeEachStore } from "../../store/testing.ts";
import { tempDir, validFiles } from "../../warehouse/test-support.ts";
import { createApp } from "../app.ts";
import type { Actor } from "../auth.ts";
import { defaultActorResolver } from "../default-actor.ts";

type Json = Record<string, any>;

function formOf(files: Record<string, string>, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [name, content] of Object.entries(files))
    form.append("files", new File([content], name, { type: "text/csv" }));
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  return form;
}

describeEachStore("snapshots API", (getStore) => {
  let app: Hono;
  let readOnly: Hono;
  beforeAll(() => {
    process.env.EFFEKTSPOR_PSEUDONYM_KEY = "api-test-key-0123456789";
    const deps = {
      store: getStore(),
      dataDir: tempDir("effektspor-api-"),
      config: { personListsEnabled: false },
    };
    app = createApp({ ...deps, resolveActor: defaultActorResolver(false) });
    const leder: Actor = { id: "leder", name: "Leder", role: "laeser", personLevel: false };
    readOnly = createApp({ ...deps, resolveActor: async () => leder });
  });

  async function importVia(form: FormData): Promise<Json> {
    const res = await app.request("/api/imports", { method: "POST", body: form });
    expect(res.status).toBe(201);
    const { job } = (await res.json()) as Json;
    expect(job.state).toBe("running");
    await waitForBackgroundImports();
    const polled = (await (await app.request(`/api/import-jobs/${job.id}`)).json()) as Json;
    expect(polled.job.state).toBe("done");
    return polled.job;
  }

  it("uploads an extract, imports it and lists the snapshot with its report", async () => {
    const job = await importVia(formOf(validFiles()));
    expect(job.result.outcome).toBe("imported");
    const list = (await (await app.request("/api/snapshots")).json()) as Json;
    expect(list.snapshots).toHaveLength(1);
    expect(list.snapshots[0]).toMatchObject({
      extractionDate: "2024-06-30",
      source: "test",
      importedBy: "Analytiker",
      personCount: 4,
    });
    const one = (await (await app.request(`/api/snapshots/${list.snapshots[0].id}`)).json()) as Json;
    expect(one.report.outcome).toBe("imported");
    expect(one.report.summary.files.map((f: Json) => f.file)).toContain("personer.csv");
  });

  it("keeps the report of a rejected upload, without raw CPR", async () => {
    const files = validFiles();
    files["loentimer.csv"] = "cpr,maaned,timer\n0101801234,2023-13,5\n";
    const job = await importVia(formOf(files));
    expect(job.result.outcome).toBe("rejected");
    const { report } = (await (await app.request(`/api/imports/${job.result.reportId}`)).json()) as Json;
    expect(report.rejects).toEqual([
      {
        file: "loentimer.csv",
        line: 2,
        column: "maaned",
        value: "2023-13",
        reason: "ugyldig måned: forventet ÅÅÅÅ-MM",
      },
    ]);
    expect(JSON.stringify(report)).not.toContain("0101801234");
    const attempts = (await (await app.request("/api/imports")).json()) as Json;
    expect(attempts.reports.map((r: Json) => r.outcome)).toEqual(["rejected", "imported"]);
  });

  it("refuses an upload without files, and uploads by a reader", async () => {
    const empty = await app.request("/api/imports", { method: "POST", body: new FormData() });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as Json).error.message).toBe("Vælg mindst én fil at importere");
    const forbidden = await readOnly.request("/api/imports", { method: "POST", body: formOf(validFiles()) });
    expect(forbidden.status).toBe(403);
    expect((await readOnly.request("/api/snapshots")).status).toBe(200);
  });
});
