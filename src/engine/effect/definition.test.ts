import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldenPath } from "../../../test/fixtures.ts";
import { parseEffectDefinitions } from "./definition.ts";

const valid = `effects:
  - id: fij-effekt-kh
    name: Flere i job – aktivitetsparate kontanthjælpsmodtagere
    project: flere-i-job
    population: { benefits: [kontanthjaelp], categories: [aktivitetsparat], age: { min: 30 } }
    intake: { from: 2024-01, to: 2024-12 }
    horizons: [-6, 3, 6, 12]
    outcome_benefits: [kontanthjaelp, uddannelseshjaelp]
`;

describe("effect definitions (DESIGN 9.1)", () => {
  it("parses DESIGN's example and the golden effects.yaml", () => {
    const r = parseEffectDefinitions(valid);
    expect(r.errors).toEqual([]);
    expect(r.value[0]).toEqual({
      id: "fij-effekt-kh",
      name: "Flere i job – aktivitetsparate kontanthjælpsmodtagere",
      project: "flere-i-job",
      population: { benefits: ["kontanthjaelp"], categories: ["aktivitetsparat"], age: { min: 30 } },
      intake: { from: "2024-01", to: "2024-12" },
      horizons: [-6, 3, 6, 12],
      outcome_benefits: ["kontanthjaelp", "uddannelseshjaelp"],
    });
    const golden = parseEffectDefinitions(readFileSync(goldenPath("effect-example", "effects.yaml"), "utf8"));
    expect(golden.errors).toEqual([]);
    expect(golden.value.map((d) => d.id)).toEqual(["fij-kh-akt", "fij-alle-25-59", "fij-unge-udd"]);
  });

  it("reports each error with a dotted path and a Danish message, keeping valid siblings", () => {
    const r = parseEffectDefinitions(`effects:
  - id: ok
    name: OK
    project: p
    population: { benefits: [kontanthjaelp] }
    intake: { from: 2024-01, to: 2024-02 }
    horizons: [3]
  - id: Forkert Id
    name: X
    project: p
    population: { benefits: [kontanthjælp], project: p }
    intake: { from: 2024-05, to: 2024-02 }
    horizons: [3, 0, 3, 1.5]
    outcome_benefits: []
  - id: ok
    name: Igen
    project: p
    population: { benefits: [kontanthjaelp] }
    intake: { from: 2024-13, to: 2025-01 }
    horizons: []
`);
    expect(r.value.map((d) => d.id)).toEqual(["ok"]);
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
    expect(byPath["effects[1].id"]).toBe("id må kun indeholde a-z, 0-9 og -");
    expect(byPath["effects[1].population.benefits[0]"]).toMatch(/^Ukendt ydelse; gyldige: /);
    expect(byPath["effects[1].population"]).toContain("project");
    expect(byPath["effects[1].intake"]).toBe("intake.from ligger efter intake.to");
    expect(byPath["effects[1].horizons[1]"]).toBe("Horisonten 0 har intet udfaldsvindue; brug fx -6 eller 6");
    expect(byPath["effects[1].horizons[3]"]).toBe("Skal være et helt antal måneder");
    expect(byPath["effects[1].outcome_benefits"]).toBe("Listen må ikke være tom");
    expect(byPath["effects[2].intake.from"]).toBe("Skal være en måned ÅÅÅÅ-MM, fx 2024-01");
    expect(byPath["effects[2].horizons"]).toBe("Listen må ikke være tom");
  });

  it("a duplicate id and a file without effects are errors", () => {
    const one = `  - id: a
    name: A
    project: p
    population: { benefits: [kontanthjaelp] }
    intake: { from: 2024-01, to: 2024-02 }
    horizons: [3]
`;
    expect(parseEffectDefinitions(`effects:\n${one}${one}`).errors).toEqual([
      { path: "effects[1].id", message: "id 'a' er allerede brugt af effects[0]" },
    ]);
    // a horizon twice (checked once every horizon is a valid month count)
    expect(parseEffectDefinitions(`effects:\n${one.replace("[3]", "[3, -6, 3]")}`).errors).toEqual([
      { path: "effects[0].horizons[2]", message: "Horisonten 3 står allerede på plads 0" },
    ]);
    expect(parseEffectDefinitions("indicators: []").errors).toEqual([
      { path: "effects", message: "Filen skal have en liste 'effects:'" },
    ]);
  });
});
