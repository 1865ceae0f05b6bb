import { describe, expect, it } from "vitest";
import {
  describeGoalKind,
  goalChangeText,
  goalKindsFor,
  goalOf,
  manualValueInputSchema,
  NUMBER_HINT,
  toTarget,
} from "./projects.ts";
import { resolveGoalValue } from "./status.ts";

describe("goals in the indicator's unit", () => {
  it("writes a relative goal as the change it asks for, never procentpoint for full-time persons", () => {
    expect(goalChangeText("relative_change", -2, "fuldtidspersoner")).toBe("−2 fuldtidspersoner");
    expect(goalChangeText("relative_change", -1, "fuldtidspersoner")).toBe("−1 fuldtidsperson");
    // an fte goal stored before relative_change existed reads the same, not "procentpoint"
    expect(goalChangeText("relative_points", -3, "fuldtidspersoner")).toBe("−3 fuldtidspersoner");
    expect(goalChangeText("relative_points", 10, "procent")).toBe("+10 procentpoint");
    expect(goalChangeText("relative_change", 10, "procent")).toBe("+10 procentpoint");
    expect(goalChangeText("relative_percent", -40, "personer")).toBe("−40 pct.");
    expect(goalChangeText("relative_percent", -12.5, "personer")).toBe("−12,5 pct.");
    expect(goalChangeText("absolute", 92, "personer")).toBeNull();
    expect(describeGoalKind("relative_change", -2, "fuldtidspersoner")).toBe(
      "−2 fuldtidspersoner i forhold til startmålingen",
    );
  });

  it("offers procentpoint only for shares", () => {
    expect(goalKindsFor("procent")).toContain("relative_points");
    expect(goalKindsFor("fuldtidspersoner")).toEqual(["absolute", "relative_percent", "relative_change"]);
  });

  it("resolves a stored change against the baseline: 221,6 − 2 = 219,6 (Flere i job, kontanthjælp)", () => {
    expect(goalOf("relative_change", -2)).toEqual({ kind: "relative_change", change: -2 });
    const target = toTarget({
      baselineValue: 221.6,
      baselineDate: "2024-01-01",
      baselineSource: null,
      goalKind: "relative_change",
      goalValue: -2,
      goalDate: "2026-01-01",
      milestones: [],
    });
    expect(resolveGoalValue(target)).toBeCloseTo(219.6, 10);
  });
});

describe("number fields", () => {
  it("say what to type instead of zod's union text", () => {
    const message = (value: unknown) => {
      const r = manualValueInputSchema.safeParse({ value });
      return r.success ? null : r.error.issues[0]?.message;
    };
    expect(message("tolv")).toBe(`«tolv» er ikke et tal. ${NUMBER_HINT}`);
    expect(message("12 personer")).toBe("«12 personer» er ikke et tal. Skriv et tal, fx 12 eller 15,5");
    expect(message(true)).toBe(NUMBER_HINT);
    expect(message("15,5")).toBeNull();
    expect(manualValueInputSchema.parse({ value: "15,5" }).value).toBe(15.5);
  });

  it("refuses a written number too large for a number (400 nines would be Infinity)", () => {
    const r = manualValueInputSchema.safeParse({ value: "9".repeat(400) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/er ikke et tal/);
  });
});
