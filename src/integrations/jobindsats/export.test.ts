import { writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../../test/temp.ts";
import { readJobindsatsExport } from "./export.ts";

/** A CSV as the portal downloads it: title lines, a header, the data, a source note; `;` and Danish numbers. */
const LONG_CSV = [
  "Y01A02: A-dagpenge - Antal personer og fuldtidspersoner",
  "Hentet fra jobindsats.dk 03-12-2026",
  "",
  "Område;Periode;Køn;Antal personer;Antal fuldtidspersoner",
  "Hedensted;2024M01;Køn i alt;412;301,4",
  "Hedensted;februar 2024;Køn i alt;1.204;..",
  "Horsens;2024M01;Køn i alt;1.980;1.512,8",
  "",
  "Kilde: STAR, jobindsats.dk",
].join("\r\n");

describe("a downloaded jobindsats export", () => {
  it("reads the long CSV layout: table from the title, Danish numbers, '..' as not published", async () => {
    const dir = tempDir("jobindsats-export-");
    const file = path.join(dir, "download.csv");
    writeFileSync(file, `\ufeff${LONG_CSV}`);
    const parsed = await readJobindsatsExport(file);
    expect(parsed.tableId).toBe("y01a02");
    expect(parsed.tableName).toBe("A-dagpenge - Antal personer og fuldtidspersoner");
    // 3 data lines × 2 measures
    expect(parsed.rows).toHaveLength(6);
    expect(parsed.rows[2]).toEqual({
      area: "Hedensted",
      period: "2024M02",
      dimensions: { Køn: "Køn i alt" },
      measure: "Antal personer",
      measureLabel: "Antal personer",
      value: 1204,
    });
    expect(parsed.rows[3]!.value).toBeNull();
    expect(parsed.rows[5]!.value).toBe(1512.8);
  });

  it("reads the wide XLSX layout: periods across in Danish labels, table from the file name", async () => {
    const dir = tempDir("jobindsats-export-");
    const file = path.join(dir, "y14d03.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Fra ydelse til job");
    ws.addRow(["Fra ydelse til job"]);
    ws.addRow(["Udfaldsmål: Andel i job (pct.)"]);
    ws.addRow([]);
    ws.addRow(["Område", "3. kvt. 2022–2. kvt. 2023", "4. kvt. 2022–3. kvt. 2023"]);
    ws.addRow(["Hedensted", 41.3, 42]);
    ws.addRow(["Hele landet", 38.9, "x"]);
    await wb.xlsx.writeFile(file);
    const parsed = await readJobindsatsExport(file);
    expect(parsed.tableId).toBe("y14d03");
    expect(parsed.rows.map((r) => [r.area, r.period, r.measure, r.value])).toEqual([
      ["Hedensted", "2023QMAT02", "Andel i job (pct.)", 41.3],
      ["Hedensted", "2023QMAT03", "Andel i job (pct.)", 42],
      ["Hele landet", "2023QMAT02", "Andel i job (pct.)", 38.9],
      ["Hele landet", "2023QMAT03", "Andel i job (pct.)", null],
    ]);
  });

  it("a bad cell names file, line and column", async () => {
    const dir = tempDir("jobindsats-export-");
    const bad = path.join(dir, "y01a02.csv");
    writeFileSync(
      bad,
      LONG_CSV.replace("Horsens;2024M01;Køn i alt;1.980", "Horsens;2024M01;Køn i alt;1.98o"),
    );
    await expect(readJobindsatsExport(bad)).rejects.toThrow(
      "y01a02.csv, linje 7, kolonne «Antal personer»: «1.98o» er ikke et tal. Intet er gemt.",
    );
    writeFileSync(bad, LONG_CSV.replace("februar 2024", "feb24"));
    await expect(readJobindsatsExport(bad)).rejects.toThrow(
      "y01a02.csv, linje 6, kolonne «Periode»: «feb24» er ikke en periode (fx 2024M03, marts 2024 eller 3. kvt. 2023). Intet er gemt.",
    );
    const anon = path.join(dir, "download.csv");
    writeFileSync(anon, LONG_CSV.split("\r\n").slice(2).join("\n"));
    await expect(readJobindsatsExport(anon)).rejects.toThrow(
      /^download\.csv: kan ikke se, hvilken jobindsats-tabel/,
    );
    const pdf = path.join(dir, "y01a02.pdf");
    writeFileSync(pdf, "x");
    await expect(readJobindsatsExport(pdf)).rejects.toThrow("y01a02.pdf: filen skal være .csv eller .xlsx");
  });
});
