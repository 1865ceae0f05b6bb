import { expect, it } from "vitest";
import { measureCatalogue } from "../../engine/measure-view.ts";
import { measureKinds } from "../../engine/measures.ts";
import { tempDir } from "../../engine/test-support.ts";
import { describeEachStore } from "../../store/testing.ts";
import { createApp } from "../app.ts";
import { measureCatalogueResponse } from "../contract/measures.ts";
import { defaultActorResolver } from "../default-actor.ts";

describeEachStore("GET /api/measures", (getStore) => {
  const dataDir = tempDir("effektspor-api-");

  it("serves the engine's measure catalogue in the contract's shape, every kind in catalogue order", async () => {
    const app = createApp({
      store: getStore(),
      dataDir,
      resolveActor: defaultActorResolver(false),
      config: { personListsEnabled: false },
    });
    const res = await app.request("/api/measures");
    expect(res.status).toBe(200);
    const body = measureCatalogueResponse.parse(await res.json());
    expect(body.measures.map((m) => m.kind)).toEqual(measureKinds);
    expect(body).toEqual(measureCatalogue());
    // a parameter with a default carries it as a hint: avg_duration_ended's window is 3 months (DESIGN 6.3)
    const window = body.measures.find((m) => m.kind === "avg_duration_ended")?.params[0];
    expect(window).toEqual({
      key: "window_months",
      label: "Seneste måneder",
      type: "number",
      required: false,
      hint: "standard 3",
    });
  });
});
