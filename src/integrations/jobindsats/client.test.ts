import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JobindsatsClient, JobindsatsError } from "./client.ts";
import { type FakeJobindsats, type FakeTable, startFakeJobindsats } from "./test-server.ts";

/** y01a02 with two areas, three months, one dimension; value = 100·area# + month + 0,5 for women. */
const y01a02: FakeTable = {
  id: "y01a02",
  name: "A-dagpenge",
  measures: [
    { id: "yalt", label: "Antal personer" },
    { id: "yfuld", label: "Antal fuldtidspersoner" },
  ],
  dimensions: [{ id: "_kon", label: "Køn", values: ["Kvinder", "Mænd"] }],
  areas: ["Hedensted", "Horsens"],
  periods: ["2024M01", "2024M02", "2024M03", "2023QMAT3"],
  value: ({ area, period, measure, dims }) =>
    area === "Horsens" && period === "2024M03"
      ? null
      : (area === "Hedensted" ? 100 : 200) +
        Number(period.slice(5)) +
        (dims._kon === "Kvinder" ? 0.5 : 0) +
        (measure === "yfuld" ? 1000 : 0),
};
const y14d03: FakeTable = {
  id: "y14d03",
  name: "Fra ydelse til job",
  measures: [{ id: "andel_job", label: "Andel i job (pct.)" }],
  dimensions: [],
  areas: ["Hedensted"],
  periods: ["2023QMAT02"],
  value: () => 41.3,
};

let api: FakeJobindsats;
beforeAll(async () => {
  api = await startFakeJobindsats([y01a02, y14d03]);
});
afterAll(async () => {
  await api.close();
});

describe.each([2, 3] as const)("the jobindsats client, API v%i, over HTTP", (version) => {
  const client = () => new JobindsatsClient({ token: api.token, baseUrl: api.url, version });

  it("sends the version's authorization header and lists the tables", async () => {
    const before = api.requests.length;
    const tables = await client().listTables();
    expect(tables.map((t) => t.id)).toEqual(["y01a02", "y14d03"]);
    expect(tables[0]!.name).toBe("A-dagpenge");
    const req = api.requests[before]!;
    expect(req.authorization).toBe(version === 2 ? api.token : `Bearer ${api.token}`);
    expect(req.url).toBe(version === 2 ? "/v2/tables/json" : "/v3/tables?format=json");
  });

  it("reads a table's measures, dimensions, areas and periods (QMAT normalized to two digits)", async () => {
    const meta = await client().tableMetadata("Y01A02");
    expect(meta.measures).toEqual(y01a02.measures);
    expect(meta.dimensions).toEqual([{ id: "_kon", label: "Køn", values: ["Kvinder", "Mænd"] }]);
    expect(meta.areas).toEqual(["Hedensted", "Horsens"]);
    expect(meta.periods).toEqual(["2024M01", "2024M02", "2024M03", "2023QMAT03"]);
  });

  it("fetches data: one row per area, period, dimension value and measure, Danish numbers read", async () => {
    const before = api.requests.length;
    const rows = await client().fetchData("y01a02", {
      areas: ["Hedensted", "Horsens"],
      periods: ["2024M02", "2024M03"],
      dimensions: { _kon: ["Kvinder"] },
    });
    // 2 areas × 2 months × 1 dimension value × 2 measures
    expect(rows).toHaveLength(8);
    const cell = rows.find((r) => r.area === "Hedensted" && r.period === "2024M02" && r.measure === "yfuld");
    // 100 (Hedensted) + 2 (February) + 0,5 (Kvinder) + 1000 (fuldtid)
    expect(cell).toMatchObject({
      value: 1102.5,
      measureLabel: "Antal fuldtidspersoner",
      dimensions: { Køn: "Kvinder" },
    });
    // not published ("..") is null, not 0
    expect(rows.find((r) => r.area === "Horsens" && r.period === "2024M03")?.value).toBeNull();
    const req = api.requests[before]!;
    if (version === 2) {
      expect(req).toMatchObject({ method: "POST", url: "/v2/data/y01a02/json" });
      expect(req.body).toEqual({
        area: ["Hedensted", "Horsens"],
        period: ["2024M02", "2024M03"],
        _kon: ["Kvinder"],
      });
    } else {
      expect(req.method).toBe("GET");
      const url = new URL(req.url, "http://x");
      expect(url.pathname).toBe("/v3/data/y01a02");
      expect(url.searchParams.get("period.M")).toBe("2024M02,2024M03");
      expect(url.searchParams.get("area")).toBe("Hedensted,Horsens");
      expect(url.searchParams.get("format")).toBe("json");
    }
  });

  it("asks for every area with '*' and reads a moving-year period", async () => {
    const rows = await client().fetchData("y14d03", { periods: ["2023QMAT02"] });
    expect(rows).toEqual([
      {
        area: "Hedensted",
        period: "2023QMAT02",
        dimensions: {},
        measure: "andel_job",
        measureLabel: "Andel i job (pct.)",
        value: 41.3,
      },
    ]);
  });

  it("a bad token is refused in Danish with jobindsats' own words", async () => {
    const bad = new JobindsatsClient({ token: "forkert", baseUrl: api.url, version });
    const err = await bad.listTables().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobindsatsError);
    expect(err).toMatchObject({ kind: "token", status: 401 });
    expect((err as Error).message).toBe(
      "jobindsats.dk afviste adgangsnøglen (HTTP 401: Forkert nøgle eller nøglen er udløbet.). Tjek EFFEKTSPOR_JOBINDSATS_TOKEN; de tidligere hentede tal er bevaret.",
    );
  });

  it("waits out a short 429 once, and reports a long one with its Retry-After", async () => {
    api.rateLimitNext("0");
    expect((await client().listTables()).length).toBe(2);
    api.rateLimitNext("120");
    const err = await client()
      .listTables()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "rate-limit", status: 429, retryAfterSeconds: 120 });
    expect((err as Error).message).toContain("prøv igen om 120 sekunder");
  });

  it("an unknown table is a 404 in Danish", async () => {
    const err = await client()
      .tableMetadata("y99z99")
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      kind: "not-found",
      message: "jobindsats.dk kender ikke tabellen y99z99 (HTTP 404).",
    });
  });
});

describe("errors that are not the server's answer", () => {
  it("a table whose shape changed (no period column) is refused, naming the table", async () => {
    const other = await startFakeJobindsats([{ ...y14d03 }]);
    try {
      other.breakShape("y14d03");
      const client = new JobindsatsClient({ token: other.token, baseUrl: other.url });
      const err = await client.fetchData("y14d03", { periods: ["2023QMAT02"] }).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: "shape" });
      expect((err as Error).message).toBe(
        "Tabellen y14d03 fra jobindsats.dk har ikke den form, Effektspor kender: kolonnen for periode mangler. Intet er gemt; de tidligere hentede tal er bevaret.",
      );
    } finally {
      await other.close();
    }
  });

  it("no network: a closed port is a Danish network error", async () => {
    const gone = await startFakeJobindsats([]);
    const url = gone.url;
    await gone.close();
    const client = new JobindsatsClient({ token: "x", baseUrl: url, timeoutMs: 5000 });
    const err = await client.listTables().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "network" });
    expect((err as Error).message).toMatch(
      /^Kunne ikke nå jobindsats\.dk \(http:\/\/127\.0\.0\.1:\d+\): ECONNREFUSED/,
    );
  });
});
