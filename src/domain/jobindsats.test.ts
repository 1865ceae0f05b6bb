import { describe, expect, it } from "vitest";
import {
  comparisonAreas,
  DEFAULT_BENCHMARK_SETTINGS,
  followUpMonth,
  formatPeriodCode,
  monthToPeriodCode,
  normalizePeriodCode,
  parsePeriodCode,
  parsePeriodText,
  periodEndDate,
  periodEndMonth,
  periodLabel,
  RAR_OESTJYLLAND,
  rankAreas,
  rankSentence,
  unitMismatch,
} from "./jobindsats.ts";

describe("jobindsats period codes", () => {
  it("reads and writes the three kinds DESIGN 9.3 names, and years", () => {
    expect(parsePeriodCode("2024M03")).toEqual({ kind: "M", year: 2024, month: 3 });
    expect(parsePeriodCode("2023Q3")).toEqual({ kind: "Q", year: 2023, quarter: 3 });
    expect(parsePeriodCode("2023QMAT3")).toEqual({ kind: "QMAT", year: 2023, quarter: 3 });
    expect(parsePeriodCode("2023QMAT03")).toEqual({ kind: "QMAT", year: 2023, quarter: 3 });
    expect(parsePeriodCode("2023")).toEqual({ kind: "Y", year: 2023 });
    for (const bad of ["2024M13", "2024M00", "2023Q5", "2023QMAT05", "24M01", "marts"]) {
      expect(parsePeriodCode(bad)).toBeNull();
    }
    expect(formatPeriodCode({ kind: "M", year: 2024, month: 1 })).toBe("2024M01");
    expect(normalizePeriodCode("2023qmat2")).toBe("2023QMAT02");
    expect(monthToPeriodCode("2024-11")).toBe("2024M11");
  });

  it("labels periods in Danish", () => {
    expect(periodLabel("2024M03")).toBe("marts 2024");
    expect(periodLabel("2023Q3")).toBe("3. kvt. 2023");
    // the moving year ending in 2. kvt. 2023 starts in 3. kvt. 2022 (the seed's baseline period)
    expect(periodLabel("2023QMAT02")).toBe("3. kvt. 2022–2. kvt. 2023");
    expect(periodLabel("2023QMAT04")).toBe("1. kvt. 2023–4. kvt. 2023");
    expect(periodLabel("ukendt")).toBe("ukendt");
  });

  it("reads the Danish labels an export writes, back to codes", () => {
    const code = (t: string) => {
      const p = parsePeriodText(t);
      return p ? formatPeriodCode(p) : null;
    };
    expect(code("marts 2024")).toBe("2024M03");
    expect(code("Marts 2024")).toBe("2024M03");
    expect(code("3. kvt. 2023")).toBe("2023Q3");
    expect(code("3.kvt.2023")).toBe("2023Q3");
    expect(code("2023K3")).toBe("2023Q3");
    expect(code("3.kvt.2022 til 2.kvt.2023")).toBe("2023QMAT02");
    expect(code("3. kvt. 2022–2. kvt. 2023")).toBe("2023QMAT02");
    // not four quarters
    expect(code("1. kvt. 2022–2. kvt. 2023")).toBeNull();
    expect(code("marts")).toBeNull();
  });

  it("places periods on the monthly axis at their last month", () => {
    expect(periodEndMonth("2023Q3")).toBe("2023-09");
    expect(periodEndMonth("2024M02")).toBe("2024-02");
    expect(periodEndDate("2024M02")).toBe("2024-02-29");
    expect(periodEndDate("2023QMAT02")).toBe("2023-06-30");
  });

  it("meets Effektspor's primo-month values in the month after the period", () => {
    // June's numbers are Effektspor's value primo July; a moving year to Q4 2024 is primo January 2025
    expect(followUpMonth("2024M06")).toBe("2024-07");
    expect(followUpMonth("2024M12")).toBe("2025-01");
    expect(followUpMonth("2024QMAT04")).toBe("2025-01");
    expect(followUpMonth("2023Q3")).toBe("2023-10");
    expect(followUpMonth("ukendt")).toBeNull();
  });
});

describe("comparison sets", () => {
  it("RAR Østjylland has 11 municipalities, Hedensted among them", () => {
    expect(RAR_OESTJYLLAND).toHaveLength(11);
    expect(comparisonAreas(DEFAULT_BENCHMARK_SETTINGS)).toEqual([...RAR_OESTJYLLAND]);
  });
  it("a chosen set always includes the municipality itself", () => {
    expect(
      comparisonAreas({ municipality: "Hedensted", comparison: "chosen", chosen: ["Vejle", "Horsens"] }),
    ).toEqual(["Hedensted", "Horsens", "Vejle"]);
  });
  it("the whole country is every known municipality, not the totals", () => {
    expect(
      comparisonAreas({ municipality: "Hedensted", comparison: "country", chosen: [] }, [
        "Hele landet",
        "RAR Østjylland",
        "Region Midtjylland",
        "Aarhus",
        "Hedensted",
        "Ærø",
      ]),
    ).toEqual(["Aarhus", "Hedensted", "Ærø"]);
  });
});

describe("ranks and the sentence", () => {
  const values = [
    { area: "Hedensted", value: 2.1 },
    { area: "Horsens", value: 3.4 },
    { area: "Odder", value: 2.1 },
    { area: "Aarhus", value: 4.0 },
    { area: "Samsø", value: null },
  ];
  const fmt = (v: number) => v.toFixed(1).replace(".", ",");

  it("ranks lowest first with ties sharing a rank, leaving out areas without a value", () => {
    // by hand: 2,1 (Hedensted, Odder) share 1; 3,4 is third; 4,0 fourth
    expect(rankAreas(values, "lower").map((r) => [r.area, r.rank])).toEqual([
      ["Hedensted", 1],
      ["Odder", 1],
      ["Horsens", 3],
      ["Aarhus", 4],
    ]);
    expect(rankAreas(values, "higher").map((r) => [r.area, r.rank])).toEqual([
      ["Aarhus", 1],
      ["Horsens", 2],
      ["Hedensted", 3],
      ["Odder", 3],
    ]);
  });

  it("says whether the municipality has the lowest value in the set", () => {
    const base = {
      measureLabel: "Ledighedsprocent",
      setName: "RAR Østjylland",
      periodCode: "2024M03",
      format: fmt,
    };
    expect(
      rankSentence({
        ...base,
        municipality: "Hedensted",
        better: "lower",
        ranked: rankAreas(values, "lower"),
      }),
    ).toBe("Hedensted har delt den laveste ledighedsprocent i RAR Østjylland i marts 2024 (2,1).");
    expect(
      rankSentence({ ...base, municipality: "Horsens", better: "lower", ranked: rankAreas(values, "lower") }),
    ).toBe(
      "Horsens har ikke den laveste ledighedsprocent i RAR Østjylland i marts 2024: nr. 3 af 4 (3,4); lavest er Hedensted og Odder (2,1).",
    );
    const single = rankAreas(values.slice(0, 2), "lower");
    expect(rankSentence({ ...base, municipality: "Hedensted", better: "lower", ranked: single })).toBe(
      "Hedensted har den laveste ledighedsprocent i RAR Østjylland i marts 2024 (2,1).",
    );
    expect(rankSentence({ ...base, municipality: "Samsø", better: "lower", ranked: single })).toBe(
      "Samsø har ingen værdi for ledighedsprocent i marts 2024.",
    );
  });
});

describe("a measure's kind against an indicator's unit", () => {
  it("warns when a count goes into a share or a share into a count, not otherwise", () => {
    // measures as the demo's tables name them (src/demo/jobindsats.ts)
    expect(unitMismatch("Andel i job (pct.)", "procent")).toBeNull();
    expect(unitMismatch("Fuldtidspersoner i pct. af befolkningen 16-66 år", "procent")).toBeNull();
    expect(unitMismatch("Antal fuldtidspersoner", "fuldtidspersoner")).toBeNull();
    expect(unitMismatch("Antal fuldtidspersoner", "procent")).toBe(
      "Bemærk: «Antal fuldtidspersoner» er et antal, men indikatoren måles i procent.",
    );
    expect(unitMismatch("Andel i job (pct.)", "personer")).toBe(
      "Bemærk: «Andel i job (pct.)» er en andel, men indikatoren måles i personer.",
    );
  });
});
