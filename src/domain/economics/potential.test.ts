import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldenPath } from "../../../test/fixtures.ts";
import { computePotential, parsePotentialInput } from "./potential.ts";

const golden = JSON.parse(readFileSync(goldenPath("seed-tables.json"), "utf8")) as {
  potentialeberegning_flere_i_job: { input: unknown; expect: unknown };
};

describe("potentialeberegning (seed 004 tabel 2)", () => {
  it("gengiver den gyldne tabel præcist", () => {
    const parsed = parsePotentialInput(golden.potentialeberegning_flere_i_job.input);
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    expect(computePotential(parsed.input)).toEqual(golden.potentialeberegning_flere_i_job.expect);
  });

  it("regner brøkdele af fuldtidspersoner fra den eksakte nettopris", () => {
    // 100.000 × (1 − 0,25) = 75.000; 1,5 × 75.000 = 112.500; weekly 75.000 ÷ 52 = 1.442,3 → 1.442
    const r = computePotential({
      prices: [{ benefit: "sygedagpenge", gross_per_fte_year: 100_000, refusion_pct: 25 }],
      reduced_fte: { sygedagpenge: 1.5 },
    });
    expect(r).toEqual({
      net_per_fte_year: { sygedagpenge: 75_000 },
      weekly_price: { sygedagpenge: 1442 },
      reduced_amount: { sygedagpenge: 112_500 },
      total_reduced_fte: 1.5,
      total_reduced_amount: 112_500,
    });
  });

  it("afviser en reduktion uden pris med feltets sti", () => {
    const parsed = parsePotentialInput({
      prices: [{ benefit: "kontanthjaelp", gross_per_fte_year: 1, refusion_pct: 0 }],
      reduced_fte: { fleksjob: 1 },
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/reduced_fte\.fleksjob.*ingen pris/);
  });
});
