import type { Hono } from "hono";
import { beforeAll, expect, it } from "vitest";
import { tempDir } from "../../../test/temp.ts";
import { demoJobindsatsValues } from "../../demo/jobindsats.ts";
import { upsertJobindsatsValues } from "../../store/repositories/jobindsats.ts";
import { createIndicator, createProject } from "../../store/repositories/projects.ts";
import { describeEachStore } from "../../store/testing.ts";
import { createApp } from "../app.ts";
import type { Actor } from "../auth.ts";
import { defaultActorResolver } from "../default-actor.ts";

type Json = Record<string, any>;

describeEachStore("jobindsats API", (getStore) => {
  let app: Hono;
  let readOnly: Hono;
  let admin: Hono;
  let indicatorId = 0;
  let computedId = 0;

  beforeAll(async () => {
    const store = getStore();
    await upsertJobindsatsValues(store.db, demoJobindsatsValues());
    const project = await createProject(store.db, { code: "api-bench", name: "Benchmark" });
    indicatorId = (
      await createIndicator(store.db, project.id, {
        code: "api-bench-job",
        name: "Andel i job",
        unit: "procent",
        kind: "manual",
      })
    ).id;
    computedId = (
      await createIndicator(store.db, project.id, {
        code: "api-bench-fte",
        name: "Fuldtidspersoner (beregnet)",
        unit: "fuldtidspersoner",
        kind: "computed",
      })
    ).id;
    const deps = { store, dataDir: tempDir("jobindsats-api-"), config: { personListsEnabled: false } };
    app = createApp({ ...deps, resolveActor: defaultActorResolver(false) });
    const leder: Actor = { id: "leder", name: "Leder", role: "laeser", personLevel: false };
    readOnly = createApp({ ...deps, resolveActor: async () => leder });
    const administrator: Actor = { id: "admin", name: "Admin", role: "administrator", personLevel: false };
    admin = createApp({ ...deps, resolveActor: async () => administrator });
  });

  const send = (method: string, url: string, body?: unknown, on: Hono = app) =>
    on.request(url, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("the demo set: Hedensted has the lowest a-dagpenge share in RAR Østjylland, labelled demodata", async () => {
    const res = await app.request("/api/jobindsats/benchmark");
    expect(res.status).toBe(200);
    const { benchmark } = (await res.json()) as Json;
    expect(benchmark.setName).toBe("RAR Østjylland");
    expect(benchmark.series.tableId).toBe("y01a02");
    expect(benchmark.latest.ownRank).toBe(1);
    expect(benchmark.latest.sentence).toMatch(
      /^Hedensted har den laveste andel på a-dagpenge .* i RAR Østjylland i december 2024/,
    );
    expect(benchmark.demo).toBe(true);
    expect(benchmark.sources).toEqual(["demodata (syntetiske tal)"]);
    // 11 municipalities, then RAR Østjylland and Hele landet as references
    expect(benchmark.areas).toHaveLength(13);
  });

  it("settings: read for everyone, changed by an administrator only", async () => {
    const put = { municipality: "Hedensted", comparison: "chosen", chosen: ["Horsens", "Vejle"] };
    expect((await send("PUT", "/api/jobindsats/settings", put, readOnly)).status).toBe(403);
    // the analyst (today's default actor) may fetch and import, not change the settings
    expect((await send("PUT", "/api/jobindsats/settings", put)).status).toBe(403);
    const res = await send("PUT", "/api/jobindsats/settings", put, admin);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).settings).toEqual(put);
    const bad = await send("PUT", "/api/jobindsats/settings", { ...put, chosen: [] }, admin);
    expect(((await bad.json()) as Json).error).toEqual({
      code: "bad_request",
      message: "Vælg mindst én sammenlignelig kommune",
      field: "chosen",
    });
    await send("PUT", "/api/jobindsats/settings", {
      municipality: "Hedensted",
      comparison: "rar",
      chosen: [],
    });
  });

  it("fetching without a token is refused in Danish", async () => {
    const saved = process.env.EFFEKTSPOR_JOBINDSATS_TOKEN;
    delete process.env.EFFEKTSPOR_JOBINDSATS_TOKEN;
    try {
      const res = await send("POST", "/api/jobindsats/fetch", {});
      expect(res.status).toBe(400);
      expect(((await res.json()) as Json).error.message).toMatch(
        /^EFFEKTSPOR_JOBINDSATS_TOKEN er ikke sat på serveren/,
      );
    } finally {
      if (saved !== undefined) process.env.EFFEKTSPOR_JOBINDSATS_TOKEN = saved;
    }
  });

  it("an uploaded export is imported; a bad one names line and column", async () => {
    const form = new FormData();
    form.set(
      "file",
      new File(
        ["Y14D03 Fra ydelse til job\nOmråde;Periode;Andel i job (pct.)\nVejle;2024QMAT04;47,5\n"],
        "eksport.csv",
      ),
    );
    const res = await app.request("/api/jobindsats/import", { method: "POST", body: form });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Json).result).toEqual({
      tableId: "y14d03",
      tableName: "Fra ydelse til job",
      values: 1,
      source: "fil:eksport.csv",
    });
    const bad = new FormData();
    bad.set(
      "file",
      new File(["Y14D03\nOmråde;Periode;Andel i job (pct.)\nVejle;2024QMAT04;mange\n"], "eksport.csv"),
    );
    const refused = await app.request("/api/jobindsats/import", { method: "POST", body: bad });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Json).error.message).toBe(
      "eksport.csv, linje 3, kolonne «Andel i job (pct.)»: «mange» er ikke et tal. Intet er gemt.",
    );
  });

  it("a baseline from a stored value: the route writes value, date, source and note", async () => {
    const { values } = (await (await app.request("/api/jobindsats/values?tableId=y14d03")).json()) as Json;
    const newest = values[0];
    expect(newest.period).toBe("2024QMAT04");
    const res = await send("POST", `/api/indicators/${indicatorId}/baseline-from-jobindsats`, {
      valueId: newest.id,
    });
    expect(res.status).toBe(200);
    const { indicator } = (await res.json()) as Json;
    expect(indicator.baselineValue).toBe(newest.value);
    expect(indicator.baselineDate).toBe("2024-12-31");
    expect(indicator.baselineSource).toBe("jobindsats.dk, Y14D03 Fra ydelse til job");
    expect(indicator.baselineNote).toMatch(
      /^Andel i job \(pct\.\), Hedensted, 1\. kvt\. 2024–4\. kvt\. 2024; hentet 15-01-2025 fra demodata/,
    );
    const series = (await (await app.request(`/api/indicators/${indicatorId}/jobindsats`)).json()) as Json;
    expect(series.series.tableId).toBe("y14d03");
  });

  it("a manual monthly value from a stored value: the month after the period, source and period in the note", async () => {
    const { values } = (await (await app.request("/api/jobindsats/values?tableId=y01a02")).json()) as Json;
    const june = values.find(
      (v: Json) => v.period === "2024M06" && v.measure === "Fuldtidspersoner i pct. af befolkningen 16-66 år",
    );
    // June's numbers are Effektspor's value primo July (DESIGN 6.1); the picker offers that month
    expect(june.month).toBe("2024-07");
    const url = `/api/indicators/${indicatorId}/manual-values/from-jobindsats`;
    // a læser may not enter values
    expect((await send("POST", url, { valueId: june.id }, readOnly)).status).toBe(403);
    const res = await send("POST", url, { valueId: june.id });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.value).toMatchObject({ period: "2024-07", value: june.value, enteredBy: "analytiker" });
    expect(body.value.note).toBe(
      "jobindsats.dk, Y01A02 A-dagpenge: Fuldtidspersoner i pct. af befolkningen 16-66 år, Hedensted, juni 2024; hentet 15-01-2025 fra demodata (syntetiske tal)",
    );
    expect(body.row.indicator.id).toBe(indicatorId);
    // another month when asked; the scheme row carries the note of its cell
    const other = (await (await send("POST", url, { valueId: june.id, month: "2024-06" })).json()) as Json;
    expect(other.value.period).toBe("2024-06");
    const { values: entered } = (await (
      await app.request(`/api/indicators/${indicatorId}/values`)
    ).json()) as Json;
    expect(entered.filter((v: Json) => v.source === "manual").map((v: Json) => v.period)).toEqual([
      "2024-06",
      "2024-07",
    ]);
    // a computed indicator's values come from the extract
    const refused = await send("POST", `/api/indicators/${computedId}/manual-values/from-jobindsats`, {
      valueId: june.id,
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Json).error.message).toBe(
      "Kun en manuel indikator kan få sine månedsværdier fra jobindsats.dk",
    );
    const missing = await send("POST", url, { valueId: 2_000_000_000 });
    expect(missing.status).toBe(404);
  });
});
