import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldenPath } from "../../test/fixtures.ts";
import { describeDefinition, parseDefinitions } from "./definition.ts";

const base = "name: X\n    unit: procent\n    better: higher\n    population: { benefits: [kontanthjaelp] }";

describe("parseDefinitions", () => {
  it("accepts every definition of the golden example", () => {
    const text = readFileSync(goldenPath("engine-example/definitions.yaml"), "utf8");
    const r = parseDefinitions(text);
    expect(r.errors).toEqual([]);
    // definitions.yaml lists 33 indicators
    expect(r.value).toHaveLength(33);
  });

  it("fills in the defaults of DESIGN 6.3", () => {
    const r = parseDefinitions(`indicators:
  - id: a
    ${base}
    measure: { kind: company_oriented_12m }
  - id: b
    ${base}
    measure: { kind: returned_within }
  - id: c
    ${base}
    measure: { kind: fte }
  - id: d
    name: X
    unit: personer
    better: higher
    measure: { kind: marker_count, project: p }
  - id: e
    ${base}
    measure: { kind: company_oriented_first_weeks }
  - id: f
    ${base}
    measure: { kind: avg_duration_ended }
  - id: g
    ${base}
    measure: { kind: ended_outcome_share, outcomes: [job] }
  - id: h
    ${base}
    measure: { kind: wage_hours_share }
`);
    expect(r.errors).toEqual([]);
    expect(r.value.map((d) => d.measure)).toEqual([
      { kind: "company_oriented_12m", kinds: ["virksomhedspraktik", "loentilskud"], min_hours: 100 },
      { kind: "returned_within", days: 365, window_months: 12 },
      { kind: "fte", period: "month" },
      { kind: "marker_count", project: "p", mode: "cumulative" },
      { kind: "company_oriented_first_weeks", weeks: 26, kinds: ["virksomhedspraktik", "loentilskud"] },
      { kind: "avg_duration_ended", window_months: 3 },
      { kind: "ended_outcome_share", outcomes: ["job"], window_months: 12 },
      { kind: "wage_hours_share", above: 0 },
    ]);
  });

  it("reports errors with dotted paths in Danish and keeps the valid siblings", () => {
    const r = parseDefinitions(`indicators:
  - id: ok-1
    ${base}
    measure: { kind: stock }
  - id: bad
    ${base}
    measure: { kind: activity_share, kinds: [] }
  - id: Bad Id
    ${base}
    measure: { kind: stokk }
  - id: ok-1
    ${base}
    measure: { kind: stock }
  - id: no-pop
    name: X
    unit: personer
    better: lower
    measure: { kind: stock }
  - id: ok-2
    ${base}
    measure: { kind: duration_over_share, days: 365, extra: 1 }
`);
    expect(r.value.map((d) => d.id)).toEqual(["ok-1"]);
    expect(r.errors).toEqual([
      { path: "indicators[1].measure.kinds", message: "Listen må ikke være tom" },
      { path: "indicators[2].id", message: "id må kun indeholde a-z, 0-9 og -" },
      {
        path: "indicators[2].measure.kind",
        message: expect.stringContaining("Ukendt eller manglende measure.kind"),
      },
      { path: "indicators[3].id", message: "id 'ok-1' er allerede brugt af indicators[0]" },
      { path: "indicators[4].population", message: "Målingen stock kræver en population (mindst benefits)" },
      { path: "indicators[5].measure", message: 'Ukendt nøgle: "extra"' },
    ]);
  });

  it("reports YAML syntax errors with the line", () => {
    const r = parseDefinitions("indicators:\n  - id: a\n   name: [\n");
    expect(r.value).toEqual([]);
    expect(r.errors[0]?.message).toMatch(/^Ugyldig YAML \(linje \d+/);
  });

  it("requires an indicators list", () => {
    expect(parseDefinitions("foo: 1").errors).toEqual([
      { path: "indicators", message: "Filen skal have en liste 'indicators:'" },
    ]);
  });
});

describe("describeDefinition", () => {
  it("renders a definition in Danish words", () => {
    const r = parseDefinitions(`indicators:
  - id: fij-kh-akt-30-antal
    name: Aktivitetsparate kontanthjælpsmodtagere over 30 år
    unit: personer
    better: lower
    population: { benefits: [kontanthjaelp], categories: [aktivitetsparat], age: { min: 30 } }
    measure: { kind: stock }
`);
    expect(describeDefinition(r.value[0]!)).toBe(
      "Antal personer på kontanthjælp, kategori aktivitetsparat, 30 år eller ældre, den 1. i måneden",
    );
  });
});
