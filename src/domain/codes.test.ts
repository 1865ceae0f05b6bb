import { describe, expect, it } from "vitest";
import {
  BENEFITS,
  CATEGORIES,
  closestCode,
  EXIT_REASONS,
  isCodeValidOn,
  levenshtein,
  resolveCode,
} from "./codes.ts";

describe("code lists", () => {
  it("holds the canonical codes of DESIGN 4", () => {
    expect(BENEFITS.map((b) => b.code)).toEqual([
      "a-dagpenge",
      "kontanthjaelp",
      "uddannelseshjaelp",
      "selvforsoergelsesydelse",
      "sygedagpenge",
      "jobafklaring",
      "ressourceforloeb",
      "ledighedsydelse",
      "fleksjob",
      "revalidering",
      "foertidspension",
    ]);
    expect(CATEGORIES.map((c) => c.code)).toContain("aabenlyst-uddannelsesparat");
    for (const list of [BENEFITS, CATEGORIES, EXIT_REASONS]) {
      for (const c of list) expect(c.code).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it("resolves codes, Danish labels and aliases", () => {
    expect(resolveCode("benefit", "Kontanthjælp")).toBe("kontanthjaelp");
    expect(resolveCode("benefit", "KONTANTHJAELP")).toBe("kontanthjaelp");
    expect(resolveCode("benefit", "Ressourceforløb")).toBe("ressourceforloeb");
    expect(resolveCode("category", "Åbenlyst uddannelsesparat")).toBe("aabenlyst-uddannelsesparat");
    expect(resolveCode("exitReason", "Ordinært job")).toBe("job");
    expect(resolveCode("activity", "Vejledning og opkvalificering")).toBe("vejledning-opkvalificering");
    expect(resolveCode("benefit", "kontanthjalp")).toBeNull();
  });

  it("suggests the closest code", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3); // k→s, e→i, +g
    expect(closestCode("benefit", "kontanthjalp")).toBe("kontanthjaelp");
    expect(closestCode("category", "jobparatt")).toBe("jobparat");
  });

  it("carries validity dates", () => {
    expect(isCodeValidOn("benefit", "jobafklaring", "2014-06-30")).toBe(false);
    expect(isCodeValidOn("benefit", "jobafklaring", "2014-07-01")).toBe(true);
  });
});
