/** Pure compilation: no data needed. */
import { describe, expect, it } from "vitest";
import { compileIndicator } from "./compile.ts";
import { indicator } from "./test-support.ts";

describe("compileIndicator", () => {
  const def = indicator({ kind: "duration_over_share", days: 365 }, { benefits: ["jobafklaring"] });

  it("produces one statement generating the months in SQL", () => {
    const c = compileIndicator(def, { from: "2024-01", to: "2026-12" });
    expect(c.indicator).toBe("test");
    expect(c.usesForloeb).toBe(true);
    expect(c.sql).toContain("generate_series(DATE '2024-01-01', DATE '2026-12-01', INTERVAL 1 MONTH)");
    expect(c.sql).toContain("forloeb_records AS (");
    // a single statement: no ; separators
    expect(c.sql).not.toContain(";");
  });

  it("reads a materialized forløb table instead of recomputing it when asked", () => {
    const c = compileIndicator(def, { from: "2024-01", to: "2024-12" }, { materializedForloeb: true });
    expect(c.sql).not.toContain("forloeb_records AS (");
    expect(c.sql).toContain("JOIN forloeb_records f");
  });

  it("rejects malformed months", () => {
    expect(() => compileIndicator(def, { from: "2024-1", to: "2024-12" })).toThrow("Ugyldig måned '2024-1'");
  });

  it("does not need the forløb for marker and fte measures", () => {
    expect(
      compileIndicator(indicator({ kind: "marker_count", project: "p" }), { from: "2024-01", to: "2024-01" })
        .usesForloeb,
    ).toBe(false);
    expect(
      compileIndicator(indicator({ kind: "fte" }, { benefits: ["kontanthjaelp"] }), {
        from: "2024-01",
        to: "2024-01",
      }).usesForloeb,
    ).toBe(false);
  });
});
