import { describe, expect, it } from "vitest";
import type { StatusScheme } from "../services/status-scheme.ts";
import { forecastWords } from "./status-xlsx.ts";

describe("the status XLSX's forecast column", () => {
  it("writes each target's forecast word with its probability, named as the target's column", () => {
    const scheme = {
      columns: [
        { key: "m:2025-06-01", label: "Mindste mål 01-06-2025" },
        { key: "g:2026-01-01", label: "Slutmål 01-01-2026" },
      ],
    } as unknown as StatusScheme;
    const row = {
      forecast: {
        targets: [
          { key: "m:2025-06-01", period: "2025-06", probability: 0.824, status: "Forventes nået" },
          { key: "g:2026-01-01", period: "2026-01", probability: 0.455, status: "Usikkert" },
        ],
      },
    } as unknown as StatusScheme["rows"][number];
    // 0,824 → 82 %, 0,455 → 46 % (rounded as the grid shows them)
    expect(forecastWords(scheme, row)).toBe(
      "Mindste mål 01-06-2025: Forventes nået (82 %); Slutmål 01-01-2026: Usikkert (46 %)",
    );
    expect(forecastWords(scheme, { forecast: null } as unknown as StatusScheme["rows"][number])).toBeNull();
  });
});
