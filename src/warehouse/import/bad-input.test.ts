/**
 * Bad input to the import (issue 16), each case a file made here: duplicate headings, dates after
 * the extraction date or far in the future, a manifest with a future date or a path for «kilde»,
 * workbooks over the size limits (the zip directory claims the size: nothing big is written) or
 * malformed, and an import killed mid-way. Every case ends in a Danish message naming file, line,
 * field and reason, and leaves the previous snapshot as it was.
 */
import { spawn } from "node:child_process";
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { beforeAll, expect, it } from "vitest";
import { openCommandStore } from "../../cli/command-store.ts";
import { formatNumber } from "../../domain/format.ts";
import { listSnapshots } from "../../store/repositories/snapshots.ts";
import { describeEachStore, pgliteTemplate } from "../../store/testing.ts";
import { SourceFileError, XLSX_LIMITS, xlsxReadError } from "../sources.ts";
import { tempDir, validFiles, writeFolder } from "../test-support.ts";
import { rejectMessage } from "../validate.ts";
import { ImportInputError, type ImportOptions, type ImportResult, importSnapshot } from "./index.ts";
import { sheetXml, writeWorkbook } from "./zip-test-support.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** the import day of every import here (the date rules count from it) */
const TODAY = "2026-12-03";
const mb = (bytes: number) => `${formatNumber(Math.ceil(bytes / 1024 ** 2))} MB`;

const tmpFolders = (dataDir: string) =>
  existsSync(path.join(dataDir, "snapshots"))
    ? readdirSync(path.join(dataDir, "snapshots")).filter((n) => n.startsWith(".tmp-"))
    : [];

describeEachStore("import of bad input", (getStore) => {
  let dataDir: string;
  let previous: ImportResult;
  let previousRow: unknown;
  let previousManifest: string;
  /** snapshots a case imported on purpose */
  let added = 0;
  beforeAll(async () => {
    process.env.EFFEKTSPOR_PSEUDONYM_KEY = "test-pseudonym-key-bad-input";
    dataDir = tempDir("effektspor-bad-input-");
    previous = await run(writeFolder(validFiles()));
    expect(previous.outcome).toBe("imported");
    previousRow = (await listSnapshots(getStore().db))[0];
    previousManifest = readFileSync(
      path.join(dataDir, "snapshots", previous.snapshotId as string, "manifest.json"),
      "utf8",
    );
  });
  const run = (folder: string, extra: Partial<ImportOptions> = {}) =>
    importSnapshot({ folder, dataDir, db: getStore().db, importedBy: "test", today: TODAY, ...extra });

  /** the previous snapshot is registered and on disk as before, nothing else came; no temp folder */
  async function previousUnchanged() {
    const rows = await listSnapshots(getStore().db);
    expect(rows).toHaveLength(1 + added);
    expect(rows.find((r) => r.id === previous.snapshotId)).toEqual(previousRow);
    expect(
      readFileSync(path.join(dataDir, "snapshots", previous.snapshotId as string, "manifest.json"), "utf8"),
    ).toBe(previousManifest);
    expect(tmpFolders(dataDir)).toEqual([]);
  }

  async function refusedWith(files: Record<string, string>, extra: Partial<ImportOptions> = {}) {
    const result = await run(writeFolder(files), extra);
    expect(result.outcome).toBe("rejected");
    await previousUnchanged();
    return result.rejects;
  }

  async function inputError(folder: string): Promise<string> {
    const err = await run(folder).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportInputError);
    await previousUnchanged();
    return (err as Error).message;
  }

  it("refuses a heading given twice, also when the profile renames another heading to it", async () => {
    const personer = "cpr,foedselsdato,koen,Cpr\n0101801234,,,0101801234\n150290-4321,1990-02-15,M,\n";
    const rejects = await refusedWith({ ...validFiles(), "personer.csv": personer });
    expect(rejects.map(rejectMessage)).toEqual([
      "personer.csv, linje 1, kolonne «Cpr»: kolonnen «Cpr» står flere gange i overskriften (kolonne 1 og 4); det er uklart, hvilken der gælder. Fjern eller omdøb den ene",
    ]);
    // the profile makes «CPR-nr» the column cpr, and the file also has a heading cpr
    const loentimer = "CPR-nr,maaned,timer,cpr\n0101801234,2023-05,12.5,2006401117\n";
    const renamed = await refusedWith(
      { ...validFiles(), "loentimer.csv": loentimer },
      { profile: { files: { loentimer: { columns: { "CPR-nr": "cpr" } } } } },
    );
    expect(renamed.map(rejectMessage)).toEqual([
      "loentimer.csv, linje 1, kolonne «cpr»: kolonnerne «CPR-nr» (kolonne 1) og «cpr» (kolonne 4) er begge kolonnen «cpr»; det er uklart, hvilken der gælder. Fjern den ene, eller ret mappingprofilen",
    ]);
  });

  it("refuses dates after the manifest's extraction date, naming their line", async () => {
    const files = validFiles(); // udtraeksdato 2024-06-30
    files["tilbud.csv"] += "150290-4321,virksomhedspraktik,2024-07-01,,\n";
    files["loentimer.csv"] += "150290-4321,2024-07,10\n";
    const rejects = await refusedWith(files);
    expect(rejects.map(rejectMessage)).toEqual([
      "tilbud.csv, linje 3, kolonne «startdato»: datoen ligger efter udtræksdatoen 2024-06-30 (manifest.json) (værdi «2024-07-01»)",
      "loentimer.csv, linje 4, kolonne «maaned»: måneden ligger efter udtræksdatoen 2024-06-30 (manifest.json) (værdi «2024-07»)",
    ]);
  });

  it("without a manifest refuses dates more than a year past the import day; the extraction date is never in the future", async () => {
    const files: Record<string, string> = validFiles();
    delete files["manifest.json"];
    // 2027-12-03 is a year after the import day 2026-12-03 and still allowed; 2027-12-04 and 2999 are not
    files["ydelsesforloeb.csv"] +=
      "2006401117,fleksjob,,2019-01-01,2999-12-31,\n2006401117,fleksjob,,2018-01-01,2027-12-04,\n2006401117,ledighedsydelse,,2019-06-01,2027-12-03,\n";
    const rejects = await refusedWith(files);
    expect(rejects.map(rejectMessage)).toEqual([
      "ydelsesforloeb.csv, linje 7, kolonne «slutdato»: datoen ligger mere end et år efter importdagen 2026-12-03 (senest 2027-12-03) (værdi «2999-12-31»)",
      "ydelsesforloeb.csv, linje 8, kolonne «slutdato»: datoen ligger mere end et år efter importdagen 2026-12-03 (senest 2027-12-03) (værdi «2027-12-04»)",
    ]);
    // with the valid rows: the latest date is 2027-12-03, a planned end; the extract cannot be from
    // after the import day, so that is the extraction date
    const accepted = await run(writeFolder(files), { acceptValidRows: true });
    expect(accepted.outcome).toBe("imported");
    expect(accepted.dateRange.to).toBe("2027-12-03");
    expect(accepted.extractionDate).toBe(TODAY);
    added++;
    const rows = await listSnapshots(getStore().db);
    expect(rows.map((r) => r.extractionDate).sort()).toEqual(["2024-06-30", TODAY]);
    await previousUnchanged();
  });

  it("refuses a manifest dated after the import day, or whose «kilde» is not a plain label", async () => {
    const future = await inputError(
      writeFolder({ ...validFiles(), "manifest.json": JSON.stringify({ udtraeksdato: "2999-12-31" }) }),
    );
    expect(future).toBe(
      "manifest.json: «udtraeksdato» 2999-12-31 ligger efter importdagen 2026-12-03; et udtræk kan ikke være dannet i fremtiden",
    );
    const evil = await inputError(
      writeFolder({
        ...validFiles(),
        "manifest.json": JSON.stringify({ udtraeksdato: "2024-06-30", kilde: "../../../../tmp/evil" }),
      }),
    );
    expect(evil).toBe(
      'manifest.json: «kilde» skal være en betegnelse med almindelige ord (bogstaver, tal, mellemrum og tegnsætning, højst 100 tegn), fx "FACIT"; ikke en sti eller kode: "../../../../tmp/evil"',
    );
    for (const kilde of ["<script>", "FACIT\u0000", 42, "x".repeat(101)]) {
      const folder = writeFolder({ ...validFiles(), "manifest.json": JSON.stringify({ kilde }) });
      expect(await inputError(folder)).toMatch(/^manifest.json: «kilde» skal være en betegnelse/);
    }
  });

  it("refuses a workbook over the size limits before unpacking it", async () => {
    // the file itself: sparse, so nothing is written
    const big = tempDir();
    const fd = openSync(path.join(big, "udtraek.xlsx"), "w");
    ftruncateSync(fd, XLSX_LIMITS.fileBytes + 1024 ** 2);
    closeSync(fd);
    expect(await inputError(big)).toBe(
      `Arbejdsbogen udtraek.xlsx er for stor til at blive importeret: filen fylder ${mb(XLSX_LIMITS.fileBytes + 1024 ** 2)} (grænsen er ${mb(XLSX_LIMITS.fileBytes)}). Gem udtrækket som CSV-filer (de har ingen størrelsesgrænse), eller del det i flere arbejdsbøger`,
    );
    // a small, valid sheet whose zip directory says 1,5 GB: unpacking would have read it fine
    const personer = sheetXml([
      ["cpr", "foedselsdato", "koen"],
      ["0101801234", "", ""],
    ]);
    const sheet = tempDir();
    writeWorkbook(path.join(sheet, "udtraek.xlsx"), [
      { name: "personer", xml: personer, claimedSize: 1.5e9 },
    ]);
    // 1,5e9 bytes / 1.048.576 = 1.430,5 → 1.431 MB; the limit 512 MB
    expect(await inputError(sheet)).toBe(
      "Arbejdsbogen udtraek.xlsx er for stor til at blive importeret: fanebladet «personer» fylder 1.431 MB udpakket (grænsen er 512 MB). Gem udtrækket som CSV-filer (de har ingen størrelsesgrænse), eller del det i flere arbejdsbøger",
    );
    // three sheets of 400 MB each: each under the sheet limit, together 1.200 MB over the 1.024 MB
    const many = tempDir();
    writeWorkbook(
      path.join(many, "udtraek.xlsx"),
      ["personer", "tilbud", "noter"].map((name) => ({ name, xml: personer, claimedSize: 400 * 1024 ** 2 })),
    );
    expect(await inputError(many)).toBe(
      "Arbejdsbogen udtraek.xlsx er for stor til at blive importeret: fanebladene og tekstlisten tilsammen fylder 1.200 MB udpakket (grænsen er 1.024 MB). Gem udtrækket som CSV-filer (de har ingen størrelsesgrænse), eller del det i flere arbejdsbøger",
    );
    // a string table said to hold 600 MB (one huge cell)
    const strings = tempDir();
    writeWorkbook(
      path.join(strings, "udtraek.xlsx"),
      [{ name: "personer", xml: personer }],
      [{ name: "xl/sharedStrings.xml", data: "<sst/>", claimedSize: 600 * 1024 ** 2 }],
    );
    expect(await inputError(strings)).toBe(
      "Arbejdsbogen udtraek.xlsx er for stor til at blive importeret: tekstlisten (xl/sharedStrings.xml) fylder 600 MB udpakket (grænsen er 128 MB). Gem udtrækket som CSV-filer (de har ingen størrelsesgrænse), eller del det i flere arbejdsbøger",
    );
  });

  it("translates a workbook that breaks the reader into Danish, naming file and row", async () => {
    // a row after </sheetData>: exceljs fails with "Cannot read properties of null (reading 'number')"
    const xml = sheetXml([
      ["cpr", "foedselsdato", "koen"],
      ["0101801234", "", ""],
      ["150290-4321", "1990-02-15", "M"],
    ]).replace("</sheetData>", '</sheetData><row r="4"><c r="A4" t="inlineStr"><is><t>x</t></is></c></row>');
    const folder = tempDir();
    writeWorkbook(path.join(folder, "udtraek.xlsx"), [{ name: "personer", xml }]);
    const message = await inputError(folder);
    expect(message).toBe(
      "udtraek.xlsx[personer], række 4: arbejdsbogen kan ikke læses; den er beskadiget eller ikke en gyldig XLSX-fil. Åbn og gem den igen i Excel, eller gem udtrækket som CSV-filer",
    );
    expect(message).not.toMatch(/Cannot|undefined|null/);
    // V8's own error for a text longer than a string can hold (thrown before anything is allocated)
    let tooLong: unknown;
    try {
      "x".repeat(2 ** 30);
    } catch (err) {
      tooLong = err;
    }
    expect(String(tooLong)).toBe("RangeError: Invalid string length");
    const translated = xlsxReadError("udtraek.xlsx[personer]", 41, tooLong);
    expect(translated).toBeInstanceOf(SourceFileError);
    expect(translated.message).toBe(
      "udtraek.xlsx[personer], række 42: en celle eller et faneblad er for stort til at blive læst. Gem udtrækket som CSV-filer (de har ingen størrelsesgrænse), eller del det i flere arbejdsbøger",
    );
  });

  it("a killed import leaves no folder: removed when the server or a command starts, and by the next import", async () => {
    // the child process gets a migrated database from the test template, as do the commands below
    const template = Buffer.from(await (await pgliteTemplate()).arrayBuffer());
    const extract = writeFolder({
      ...validFiles(),
      "manifest.json": JSON.stringify({ udtraeksdato: "2024-07-01", kilde: "dræbt" }),
    });
    const killed = await killedMidImport(extract, dataDir, template);
    const [left] = tmpFolders(dataDir);
    expect(left).toMatch(/^\.tmp-[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(readFileSync(path.join(dataDir, "snapshots", left as string, ".owner"), "utf8")).toBe(
      String(killed),
    );
    // the server and every command open the data directory through openCommandStore
    const pglite = new PGlite(path.join(dataDir, "pglite"), { loadDataDir: new Blob([template]) });
    await pglite.waitReady;
    await pglite.close();
    const store = await openCommandStore(dataDir);
    await store.close();
    expect(tmpFolders(dataDir)).toEqual([]);
    // the next import, even one refused as a duplicate before it makes a folder of its own
    mkdirSync(path.join(dataDir, "snapshots", ".tmp-dead-import"));
    writeFileSync(path.join(dataDir, "snapshots", ".tmp-dead-import", ".owner"), String(killed));
    const duplicate = await run(writeFolder(validFiles()));
    expect(duplicate.outcome).toBe("duplicate");
    await previousUnchanged();
  }, 60_000);
});

/**
 * Runs an import of `folder` into `dataDir` in a child process that stops (blocks) once it reads
 * rows, and kills it there with SIGKILL; resolves with the dead child's pid once it is reaped.
 */
async function killedMidImport(folder: string, dataDir: string, template: Buffer): Promise<number> {
  const work = tempDir();
  const script = path.join(work, "child.mts");
  const templateFile = path.join(work, "template.tar");
  writeFileSync(templateFile, template);
  const url = (p: string) => pathToFileURL(path.join(root, p)).href;
  writeFileSync(
    script,
    `import { readFileSync } from "node:fs";
import { openStore } from ${JSON.stringify(url("src/store/db.ts"))};
import { importSnapshot } from ${JSON.stringify(url("src/warehouse/import/index.ts"))};
const [folder, dataDir, template] = process.argv.slice(2);
const store = await openStore({ pgliteTemplate: new Blob([readFileSync(template)]), migrate: false });
await importSnapshot({ folder, dataDir, db: store.db, importedBy: "test",
  onProgress: (p) => {
    if (p.phase !== "reading") return;
    process.stdout.write("LÆSER\\n");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  } });
`,
  );
  const child = spawn(
    process.execPath,
    [
      "--import",
      path.join(root, "node_modules/tsx/dist/esm/index.mjs"),
      script,
      folder,
      dataDir,
      templateFile,
    ],
    { env: { ...process.env, EFFEKTSPOR_PSEUDONYM_KEY: "test-pseudonym-key-bad-input" } },
  );
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      if (d.toString().includes("LÆSER")) {
        child.kill("SIGKILL");
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`the import ended by itself (${code}): ${stderr}`)));
  });
  await exited;
  return child.pid as number;
}
