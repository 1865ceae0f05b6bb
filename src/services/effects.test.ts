/**
 * Effect definitions in the app store, their computation next to the indicators, and the stored
 * estimates with provenance (DESIGN 9.1), on a tiny extract calculated by hand:
 *
 * Project flere-i-job; extraction date 2024-07-15; effect: kontanthjælp, intake 2024-02, horizons −1, 3.
 * - T: kontanthjælp 2024-01-01 – 2024-03-31, born 1990-06-15, M, marker flere-i-job 2024-02-10.
 * - C: kontanthjælp 2024-01-01 – open, born 1990-06-15, M, no marker.
 * D = 2024-02-01: T treated, C control; both duration 31 d (band 0), age 33 (band 2), prior days
 * of [2023-02-01, 2024-01-31] = 31 (band 1) → T matched at level 0, C weight 1.
 * h = 3, H = 2024-05-01: share T 0 (ended 03-31), C 100 → −100; days of [02-01, 04-30]: T 29 + 31
 * = 60, C 29 + 31 + 30 = 90 → −30; one treated (variance 0) and one control (deviation 0) → se 0,
 * interval −30 … −30.
 * h = −1, H = 2024-01-01: both on benefit on H, 31 days each in January → differences 0.
 */
import type { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../api/app.ts";
import type { EffectsResponse } from "../api/contract/effects.ts";
import { defaultActorResolver } from "../api/default-actor.ts";
import { tempDir } from "../engine/test-support.ts";
import { latestComputation } from "../store/repositories/computed.ts";
import { describeEachStore } from "../store/testing.ts";
import { runComputation } from "./compute.ts";
import { latestEffectEstimates, saveEffectDefinition, validateEffectInput } from "./effects.ts";
import { catalogueSnapshot, seedTinyProject, writeDataDirSnapshot } from "./test-fixtures.ts";

const T = "t".repeat(64);
const C = "c".repeat(64);
const kh = (person_key: string, start_date: string, end_date: string | null) => ({
  person_key,
  benefit: "kontanthjaelp",
  category: "aktivitetsparat",
  start_date,
  end_date,
  exit_reason: null,
});
const rows = {
  persons: [
    { person_key: T, birth_date: "1990-06-15", sex: "M" },
    { person_key: C, birth_date: "1990-06-15", sex: "M" },
  ],
  benefit_records: [kh(T, "2024-01-01", "2024-03-31"), kh(C, "2024-01-01", null)],
  markers: [
    { person_key: T, project: "flere-i-job", start_date: "2024-02-10", end_date: null, result: null },
  ],
};

const definition = {
  id: "fij-test",
  name: "Flere i job – test",
  population: { benefits: ["kontanthjaelp"] },
  intake: { from: "2024-02", to: "2024-02" },
  horizons: [-1, 3],
};

describe("validateEffectInput", () => {
  it("fills the project's marker code and names errors with dotted paths in Danish", () => {
    expect(validateEffectInput({ definition }, "flere-i-job").value[0]?.project).toBe("flere-i-job");
    const bad = validateEffectInput({
      yaml: "id: x\nname: X\nproject: p\npopulation: { benefits: [kontanthjaelp] }\nintake: { from: 2024-13, to: 2025-02 }\nhorizons: [3, 0]\n",
    });
    expect(bad.errors.map((e) => e.path)).toEqual(["intake.from", "horizons[1]"]);
    expect(bad.errors[1]?.message).toContain("Horisonten 0");
    const list = validateEffectInput({ yaml: "effects:\n  - id: Ugyldig\n" });
    expect(list.errors[0]?.path).toMatch(/^effects\[0\]/);
  });
});

describeEachStore("effect definitions and stored estimates", (getStore) => {
  const dataDir = tempDir("effektspor-effects-");
  let projectId: number;
  let app: Hono;

  beforeAll(async () => {
    const { db } = getStore();
    projectId = (await seedTinyProject(db)).project.id;
    await writeDataDirSnapshot(dataDir, "s1", rows, "2024-07-15");
    await catalogueSnapshot(db, "s1", "2024-07-15");
    app = createApp({
      store: getStore(),
      dataDir,
      config: { personListsEnabled: false },
      resolveActor: defaultActorResolver(false),
    });
  });

  const send = (method: string, url: string, body?: unknown) =>
    app.request(url, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("stores a definition, versions a change, refuses a taken id and an invalid one", async () => {
    const { db } = getStore();
    const created = await saveEffectDefinition(
      db,
      projectId,
      { definition: { ...definition, horizons: [3] } },
      "test",
    );
    expect(created.version).toBe(1);
    const same = await saveEffectDefinition(
      db,
      projectId,
      { definition: { ...definition, horizons: [3] } },
      "test",
      created.id,
    );
    expect(same.version).toBe(1);
    const changed = await saveEffectDefinition(db, projectId, { definition }, "test", created.id);
    expect(changed.version).toBe(2);
    await expect(saveEffectDefinition(db, projectId, { definition }, "test")).rejects.toThrow(
      /allerede i brug/,
    );
    const res = await send("POST", `/api/projects/${projectId}/effects`, {
      definition: { ...definition, id: "andet", horizons: [0] },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { field: string; message: string } };
    expect(body.error.field).toBe("horizons[0]");
  });

  it("computes the effect next to the indicators and stores the estimates with provenance", async () => {
    const { db } = getStore();
    const summary = await runComputation(db, dataDir, { startedBy: "test" });
    expect(summary.status).toBe("ok");
    const [stored] = await latestEffectEstimates(db, projectId);
    const computation = await latestComputation(db);
    expect(stored?.result).toMatchObject({
      snapshotId: "s1",
      computationId: computation!.id,
      definitionVersion: 2,
      outdated: false,
    });
    const [before, after] = stored!.result!.estimates;
    // hand calculation in the header
    expect(before).toMatchObject({ horizon: -1, matched: 1, share_difference: 0, days_difference: 0 });
    expect(after).toMatchObject({
      horizon: 3,
      treated: 1,
      matched: 1,
      unmatched: 0,
      controls: 1,
      share_difference: -100,
      days_treated: 60,
      days_control: 90,
      days_difference: -30,
      days_ci_low: -30,
      days_ci_high: -30,
    });
    expect(stored!.result!.details.matching).toMatchObject({ treated: 1, matched: 1, level0: 1 });
  });

  it("the effect page: the sentence, the check, the caveats; compute and delete through the API", async () => {
    const page = (await (await send("GET", `/api/projects/${projectId}/effects`)).json()) as EffectsResponse;
    const e = page.effects[0]!;
    expect(e.sentence).toBe(
      "De henviste havde 30,0 færre dage på ydelse de første 3 måneder end sammenlignelige borgere, der ikke var henvist (95 %-interval 30,0–30,0 dage).",
    );
    expect(e.check.passed).toBe(true);
    // 1 matched < 30: too uncertain
    expect(e.caveats.join(" ")).toContain("Under 30 matchede");
    const computed = await send("POST", `/api/projects/${projectId}/effects/compute`);
    expect(await computed.json()).toMatchObject({ snapshotId: "s1", effects: 1 });
    const deleted = await send("DELETE", `/api/projects/${projectId}/effects/${e.definition.id}`);
    expect(deleted.status).toBe(200);
    expect(await latestEffectEstimates(getStore().db, projectId)).toEqual([]);
  });
});
