import { describe, expect, it } from "vitest";
import { DEFAULT_FIRST_MONTH, projectComputeRange } from "./project-period.ts";

describe("projectComputeRange", () => {
  const flereIJob = {
    periodStart: "2024-01-01",
    periodEnd: "2025-12-31",
    // seed 002: milestones aug-24 and jan-25, slutmål jan-26 (primo januar 2026)
    followUpDates: ["2024-08-01", "2025-01-01", "2026-01-01"],
  };

  it("runs from the project's start to its last follow-up month (the goal date after the period)", () => {
    expect(projectComputeRange(flereIJob, { extractionDate: "2026-11-15" })).toEqual({
      range: { from: "2024-01", to: "2026-01" },
    });
  });

  it("stops at the extraction month", () => {
    expect(projectComputeRange(flereIJob, { extractionDate: "2025-10-10" })).toEqual({
      range: { from: "2024-01", to: "2025-10" },
    });
  });

  it("computes the 2019 jobafklaring project over its own period when the snapshot reaches back", () => {
    const jobafklaring = { periodStart: "2019-05-01", periodEnd: "2021-04-30", followUpDates: [null] };
    expect(
      projectComputeRange(jobafklaring, { extractionDate: "2025-10-10", dataFrom: "2018-01-01" }),
    ).toEqual({ range: { from: "2019-05", to: "2021-04" } });
  });

  it("cuts the months before the snapshot's first data and says so", () => {
    const jobafklaring = { periodStart: "2019-05-01", periodEnd: "2021-04-30" };
    // data from 2020-03-14: the first 1st inside the data is 2020-04-01
    expect(
      projectComputeRange(jobafklaring, { extractionDate: "2025-10-10", dataFrom: "2020-03-14" }),
    ).toEqual({
      range: { from: "2020-04", to: "2021-04" },
      note: "Snapshottets data rækker kun tilbage til apr-20; projektets måneder fra maj-19 beregnes ikke",
    });
  });

  it("has nothing to compute when the project lies wholly outside the snapshot", () => {
    const jobafklaring = { periodStart: "2019-05-01", periodEnd: "2021-04-30" };
    expect(
      projectComputeRange(jobafklaring, { extractionDate: "2025-10-10", dataFrom: "2022-01-01" }).range,
    ).toBe(undefined);
    expect(projectComputeRange(flereIJob, { extractionDate: "2023-06-30" })).toEqual({
      note: "Projektet starter jan-24, efter snapshottets udtræksmåned jun-23",
    });
  });

  it("takes a project without dates from the default first month to the extraction month", () => {
    expect(
      projectComputeRange({ periodStart: null, periodEnd: null }, { extractionDate: "2024-03-15" }),
    ).toEqual({
      range: { from: DEFAULT_FIRST_MONTH, to: "2024-03" },
    });
  });
});
