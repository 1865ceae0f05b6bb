import { describe, expect, it } from "vitest";
import { compareSnapshots, newestByExtraction, PERSON_DROP_LIMIT } from "./snapshot-change.ts";

const demo = {
  id: "demo",
  extractionDate: "2025-10-10",
  persons: 30_000,
  importedAt: "2026-12-01T10:00:00Z",
};

describe("compareSnapshots", () => {
  it("needs no confirmation without a snapshot in use or for the same snapshot", () => {
    expect(compareSnapshots(null, demo).needsConfirmation).toBe(false);
    expect(compareSnapshots(demo, demo).needsConfirmation).toBe(false);
  });

  it("names both snapshots and the drop for a 150-person test extract", () => {
    const test = { id: "test150", extractionDate: "2025-11-01", persons: 150 };
    const change = compareSnapshots(demo, test);
    // (30000 − 150) / 30000 = 0,995 → 99,5 % fewer (one decimal: whole percent would say 100 %)
    expect(change.personDrop).toBeCloseTo(0.995, 10);
    expect(change.olderExtraction).toBe(false);
    expect(change.needsConfirmation).toBe(true);
    expect(change.reasons).toEqual([
      "Snapshot test150 (udtræksdato 01-11-2025, 150 personer) har 29.850 færre personer (99,5 % færre) end snapshot demo (udtræksdato 10-10-2025, 30.000 personer), som værdierne kommer fra nu.",
    ]);
  });

  it("asks for an earlier extraction date even with as many persons", () => {
    const older = { id: "sep", extractionDate: "2025-09-10", persons: 31_000 };
    const change = compareSnapshots(demo, older);
    expect(change.olderExtraction).toBe(true);
    expect(change.personDrop).toBe(0);
    expect(change.reasons).toEqual([
      "Snapshot sep (udtræksdato 10-09-2025, 31.000 personer) har en tidligere udtræksdato end snapshot demo (udtræksdato 10-10-2025, 30.000 personer), som værdierne kommer fra nu.",
    ]);
  });

  it("lets a drop of exactly 20 % pass and asks above it", () => {
    // 30000 × 0,8 = 24000 persons is a drop of exactly 20 %: not more than the limit
    expect(PERSON_DROP_LIMIT).toBe(0.2);
    expect(
      compareSnapshots(demo, { id: "a", extractionDate: "2025-11-10", persons: 24_000 }).needsConfirmation,
    ).toBe(false);
    // 23999 persons: (30000 − 23999) / 30000 = 0,200033 > 0,2
    expect(
      compareSnapshots(demo, { id: "b", extractionDate: "2025-11-10", persons: 23_999 }).needsConfirmation,
    ).toBe(true);
  });
});

describe("newestByExtraction", () => {
  it("takes the newest extraction date, not the newest import", () => {
    const older = {
      id: "older",
      extractionDate: "2024-03-15",
      persons: 150,
      importedAt: "2026-12-02T09:00:00Z",
    };
    expect(newestByExtraction([demo, older])?.id).toBe("demo");
    expect(newestByExtraction([])).toBeUndefined();
  });

  it("breaks ties on the extraction date by the latest import", () => {
    const again = { ...demo, id: "demo2", importedAt: "2026-12-02T09:00:00Z" };
    expect(newestByExtraction([demo, again])?.id).toBe("demo2");
  });
});
