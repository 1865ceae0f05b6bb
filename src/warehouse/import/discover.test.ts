/** Phase 1 on its own: which files of a folder are imported, manifest.json, the content hash. */
import { readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseProfile } from "../profile.ts";
import { tempDir, validFiles, writeFolder } from "../test-support.ts";
import { contentHash, discover, readManifest } from "./discover.ts";
import { ImportInputError } from "./types.ts";

describe("discover", () => {
  it("finds the canonical files, personer first, and ignores the rest", async () => {
    const folder = writeFolder({
      ...validFiles(),
      "yr-ydelsesrefusion-beregning-2024.csv": "Uge;CPR nummer\n",
      "noter.txt": "ignoreres",
      "andet.csv": "a,b\n",
      ".skjult.csv": "skjulte filer ses ikke",
    });
    const found = await discover(folder, undefined);
    // the canonical order (CANONICAL_FILES), not the folder's alphabetical one
    expect(found.sources.map((s) => [s.canonical, s.label, s.csv])).toEqual([
      ["personer", "personer.csv", true],
      ["ydelsesforloeb", "ydelsesforloeb.csv", true],
      ["tilbud", "tilbud.csv", true],
      ["loentimer", "loentimer.csv", true],
      ["markeringer", "markeringer.csv", true],
      ["refusion", "yr-ydelsesrefusion-beregning-2024.csv", true],
    ]);
    expect(found.ignored).toEqual(["andet.csv", "noter.txt"]);
    expect(found.manifest).toBe(path.join(folder, "manifest.json"));
    // bytes are the file sizes: "cpr,maaned,timer\n0101801234,2023-05,12.5\n2006401117,2024-01,40\n" is 17 + 24 + 22
    expect(found.sources.find((s) => s.canonical === "loentimer")?.bytes).toBe(63);
  });

  it("takes the profile's file names and a workbook's sheets", async () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, "Borgere.csv"), "CPR-nummer\n");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("tilbud").addRow(["cpr"]);
    wb.addWorksheet("loentimer").addRow(["cpr"]);
    wb.addWorksheet("noter").addRow(["ignoreres"]);
    await wb.xlsx.writeFile(path.join(folder, "udtraek.xlsx"));
    const profile = parseProfile("files:\n  personer:\n    file: Borgere.csv\n");
    const found = await discover(folder, profile);
    expect(found.sources.map((s) => [s.canonical, s.label, s.csv])).toEqual([
      ["personer", "Borgere.csv", true],
      ["tilbud", "udtraek.xlsx[tilbud]", false],
      ["loentimer", "udtraek.xlsx[loentimer]", false],
    ]);
    expect(found.ignored).toEqual([]);
    expect(found.manifest).toBeNull();
  });

  it("reads a workbook's header without leaving files in the OS temp directory", async () => {
    const folder = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("personer").addRow(["cpr", "foedselsdato"]).commit();
    wb.addWorksheet("loentimer").addRows([
      ["cpr", "maaned", "timer"],
      ["0101801234", "2024-02", 37.5],
    ]);
    await wb.xlsx.writeFile(path.join(folder, "udtraek.xlsx"));
    // other test files running meanwhile make effektspor-* folders there; exceljs's are tmp-<pid>-*
    const notOurs = () =>
      readdirSync(tmpdir())
        .filter((n) => !n.startsWith("effektspor-"))
        .sort();
    const before = notOurs();
    const found = await discover(folder, undefined);
    // exceljs writes the sheets before the string table: it used to copy them to the temp directory
    expect(await found.sources[1]?.reader.headers()).toEqual(["cpr", "maaned", "timer"]);
    expect(await found.sources[0]?.reader.headers()).toEqual(["cpr", "foedselsdato"]);
    expect(notOurs()).toEqual(before);
  });

  it("refuses a missing folder, one without known files, and a file given twice", async () => {
    await expect(discover(path.join(tempDir(), "findes-ikke"), undefined)).rejects.toThrow(
      /^Mappen .*findes-ikke findes ikke$/,
    );
    await expect(discover(writeFolder({ "noter.txt": "x" }), undefined)).rejects.toThrow(
      /indeholder ingen kendte filer/,
    );
    const twice = writeFolder({ "personer.csv": "cpr\n", "Personer.xlsx": "" });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("personer").addRow(["cpr"]);
    await wb.xlsx.writeFile(path.join(twice, "Personer.xlsx"));
    const err = await discover(twice, undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportInputError);
    expect((err as Error).message).toBe(
      "Filen personer findes flere gange i mappen (Personer.xlsx, personer.csv); behold én af dem",
    );
  });
});

describe("readManifest", () => {
  it("reads the extraction date and source, and refuses a bad date or bad JSON", () => {
    const folder = writeFolder({
      "ok.json": JSON.stringify({ udtraeksdato: "30-06-2024", kilde: " FACIT " }),
      "dato.json": JSON.stringify({ udtraeksdato: "2024-02-30" }),
      "json.json": "{",
    });
    expect(readManifest(path.join(folder, "ok.json"))).toEqual({
      extractionDate: "2024-06-30",
      source: "FACIT",
    });
    expect(readManifest(null)).toEqual({ extractionDate: null, source: null });
    expect(() => readManifest(path.join(folder, "dato.json"))).toThrow(
      "manifest.json: «udtraeksdato» er ikke en gyldig dato (forventet ÅÅÅÅ-MM-DD): 2024-02-30",
    );
    expect(() => readManifest(path.join(folder, "json.json"))).toThrow(/^manifest.json er ikke gyldig JSON/);
  });
});

describe("contentHash", () => {
  const hashOf = async (files: Record<string, string>, profileText?: string) => {
    const folder = writeFolder(files);
    const profile = profileText ? parseProfile(profileText) : undefined;
    return contentHash(folder, await discover(folder, profile), profile);
  };

  it("is the same for the same files anywhere, and changes with content, manifest or profile", async () => {
    const files = validFiles();
    const hash = await hashOf(files);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashOf(files)).toBe(hash); // another folder, same files
    expect(await hashOf({ ...files, "noter.txt": "ignored files do not count" })).toBe(hash);
    expect(
      await hashOf({ ...files, "loentimer.csv": `${files["loentimer.csv"]}0101801234,2023-06,1\n` }),
    ).not.toBe(hash);
    expect(
      await hashOf({ ...files, "manifest.json": JSON.stringify({ udtraeksdato: "2024-07-01" }) }),
    ).not.toBe(hash);
    expect(await hashOf(files, "name: anden profil\n")).not.toBe(hash);
  });
});

describe("parseProfile", () => {
  it("refuses a profile nested deeper than the YAML limit before parsing it, naming the file", () => {
    // 10.000 opening brackets: the parser would build 10.000 nested lists; the limit is 64 levels
    expect(() => parseProfile(`files: ${"[".repeat(10_000)}`, "profil.yaml")).toThrow(
      "profil.yaml: Ugyldig YAML: indholdet er indlejret mere end 64 niveauer",
    );
    // 3 levels are fine as far as depth goes (the schema then names what is wrong)
    expect(() => parseProfile("files: [[[1]]]", "profil.yaml")).toThrow(/^profil\.yaml: files/);
  });
});
