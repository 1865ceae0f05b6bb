/**
 * The measure catalogue is the one list of kinds: the definition schema accepts exactly its kinds
 * with its defaults, each kind's compiler gives the result shape the catalogue states, and the
 * editor's view (GET /api/measures) carries every kind and parameter.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldenPath } from "../../test/fixtures.ts";
import { compileIndicator } from "./compile.ts";
import { type IndicatorDefinition, parseDefinitions } from "./definition.ts";
import { measureCatalogue } from "./measure-view.ts";
import { MEASURES, measureKinds, measureSpec } from "./measures.ts";

// the golden example's definitions cover every measure kind of DESIGN 6.3 (its README says so)
const golden = parseDefinitions(readFileSync(goldenPath("engine-example/definitions.yaml"), "utf8"));
const range = { from: "2024-01", to: "2024-03" };

/** the first golden definition of each kind */
const exampleOf = (kind: string): IndicatorDefinition => {
  const def = golden.value.find((d) => d.measure.kind === kind);
  if (!def) throw new Error(`intet eksempel på ${kind} i det gyldne eksempel`);
  return def;
};

const parseOne = (def: unknown) =>
  parseDefinitions(
    JSON.stringify({
      indicators: [{ id: "x", name: "x", unit: "antal", better: "higher", ...(def as object) }],
    }),
  );

describe("the measure catalogue", () => {
  it("has the 14 kinds of DESIGN 6.3, each once, and the golden example uses every one", () => {
    expect(golden.errors).toEqual([]);
    expect(measureKinds).toHaveLength(14);
    expect(new Set(measureKinds).size).toBe(14);
    expect([...new Set(golden.value.map((d) => d.measure.kind))].sort()).toEqual([...measureKinds].sort());
  });

  it("is what the definition schema accepts: an unknown kind is refused with the catalogue's kinds", () => {
    const r = parseOne({ population: { benefits: ["kontanthjaelp"] }, measure: { kind: "ukendt" } });
    expect(r.errors).toEqual([
      {
        path: "indicators[0].measure.kind",
        message: `Ukendt eller manglende measure.kind; gyldige: ${measureKinds.join(", ")}`,
      },
    ]);
  });

  it("applies each parameter's default when it is left out, and requires the required ones", () => {
    for (const spec of MEASURES) {
      const example = exampleOf(spec.kind);
      for (const [key, param] of Object.entries(spec.params)) {
        const { [key]: _left, ...measure } = example.measure as Record<string, unknown>;
        const r = parseOne({ population: example.population, measure });
        if (param.required) {
          expect(
            r.errors.map((e) => e.path),
            `${spec.kind}.${key}`,
          ).toEqual([`indicators[0].measure.${key}`]);
        } else {
          expect(r.errors, `${spec.kind}.${key}`).toEqual([]);
          expect((r.value[0]!.measure as Record<string, unknown>)[key], `${spec.kind}.${key}`).toEqual(
            param.default,
          );
        }
      }
    }
  });

  it("requires a population exactly for the kinds that take one", () => {
    for (const spec of MEASURES) {
      const r = parseOne({ measure: exampleOf(spec.kind).measure });
      expect(
        r.errors.some((e) => e.path === "indicators[0].population"),
        spec.kind,
      ).toBe(spec.population);
    }
  });

  it("compiles each kind to the result shape the catalogue states, reading the forløb when it says so", () => {
    for (const spec of MEASURES) {
      const def = exampleOf(spec.kind);
      const sql = compileIndicator(def, range);
      expect(sql.sql, spec.kind).toContain(`(${spec.kind})`);
      expect(sql.usesForloeb, spec.kind).toBe(spec.tables.includes("forloeb"));
      const shape = measureSpec(spec.kind).compile(def, def.measure, {
        rel: {
          persons: "persons",
          benefitRecords: "benefit_records",
          activities: "activities",
          wageHours: "wage_hours",
          markers: "markers",
          forloeb: "forloeb_records",
        },
      }).shape.kind;
      expect(shape, spec.kind).toBe(spec.result);
    }
  });

  it("describes each kind in Danish", () => {
    for (const spec of MEASURES) {
      const def = exampleOf(spec.kind);
      const text = measureSpec(spec.kind).describe(def.measure, {
        pop: "på kontanthjælp",
        ofPop: "af personer",
      });
      expect(text.length, spec.kind).toBeGreaterThan(20);
    }
  });
});

describe("the catalogue as the editor reads it (GET /api/measures)", () => {
  const view = measureCatalogue().measures;

  it("lists every kind in catalogue order with every parameter", () => {
    expect(view.map((m) => m.kind)).toEqual(measureKinds);
    for (const m of view) {
      expect(
        m.params.map((p) => p.key),
        m.kind,
      ).toEqual(Object.keys(measureSpec(m.kind).params));
    }
  });

  it("shows defaults and what leaving a parameter out means as hints", () => {
    const hint = (kind: string, key: string) =>
      view.find((m) => m.kind === kind)?.params.find((p) => p.key === key)?.hint;
    expect(hint("wage_hours_share", "above")).toBe("standard 0");
    expect(hint("company_oriented_12m", "kinds")).toBe("standard virksomhedspraktik og løntilskud");
    expect(hint("company_oriented_12m", "min_hours")).toBe("standard 100");
    expect(hint("avg_duration_ended", "window_months")).toBe("standard 3");
    expect(hint("no_activity_share", "kinds")).toBe("ingen valgt = alle tilbud");
    expect(hint("weekly_hours_share", "max")).toBe("tom = ingen øvre grænse");
    expect(hint("duration_over_share", "days")).toBe("fx 365 eller 730");
    expect(hint("fte", "period")).toBe("standard måneden før");
    expect(hint("activity_share", "kinds")).toBeUndefined();
  });

  it("gives share measures result views and marker measures no population", () => {
    expect(view.filter((m) => !m.share).map((m) => m.kind)).toEqual([
      "stock",
      "avg_duration_ended",
      "fte",
      "marker_count",
    ]);
    expect(view.filter((m) => !m.population).map((m) => m.kind)).toEqual([
      "marker_count",
      "marker_outcome_share",
    ]);
  });
});
