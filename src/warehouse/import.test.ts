import { createHmac } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { goldenPath } from "../../test/fixtures.ts";
import { listSnapshots, reportForSnapshot } from "../store/repositories/snapshots.ts";
import { describeEachStore } from "../store/testing.ts";
import { type ImportOptions, importSnapshot } from "./import/index.ts";
import { loadProfile } from "./profile.ts";
import { readParquet, tempDir, validFiles, writeFolder } from "./test-support.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const goldenData = goldenPath("engine-example/data");
const exampleProfile = path.resolve(here, "../../docs/mapping-profile.example.yaml");
const KEY = "test-pseudonym-key-0123456789";

function lines(file: string): number {
  return (
    readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "").length - 1
  );
}

describeEachStore("importSnapshot", (getStore) => {
  let dataDir: string;
  beforeAll(() => {
    process.env.EFFEKTSPOR_PSEUDONYM_KEY = KEY;
    dataDir = tempDir("effektspor-data-");
  });
  const run = (folder: string, extra: Partial<ImportOptions> = {}) =>
    importSnapshot({ folder, dataDir, db: getStore().db, importedBy: "test", ...extra });

  /** the rejects of a deliberately broken copy of the valid extract */
  async function rejectsOf(changes: Record<string, string>) {
    const before = (await listSnapshots(getStore().db)).length;
    const result = await run(writeFolder({ ...validFiles(), ...changes }));
    expect(result.outcome).toBe("rejected");
    expect(result.snapshotId).toBeNull();
    expect((await listSnapshots(getStore().db)).length).toBe(before);
    expect(result.reportFile && existsSync(result.reportFile)).toBe(true);
    return result.rejects;
  }

  it("imports the golden engine example cleanly, pseudonymized", async () => {
    const result = await run(goldenData);
    expect(result.outcome).toBe("imported");
    expect(result.rejectsTotal).toBe(0);
    // every data line of every file becomes a row (counted from the files themselves)
    expect(result.counts.benefit_records).toBe(lines(path.join(goldenData, "ydelsesforloeb.csv")));
    expect(result.counts.activities).toBe(lines(path.join(goldenData, "tilbud.csv")));
    expect(result.counts.wage_hours).toBe(lines(path.join(goldenData, "loentimer.csv")));
    expect(result.counts.markers).toBe(lines(path.join(goldenData, "markeringer.csv")));
    expect(result.counts.persons).toBe(lines(path.join(goldenData, "personer.csv")));
    expect(result.extractionDate).toBe("2025-12-15"); // from the golden manifest.json
    const folder = path.join(dataDir, "snapshots", result.snapshotId as string);
    const manifest = JSON.parse(readFileSync(path.join(folder, "manifest.json"), "utf8"));
    expect(manifest.counts).toEqual(result.counts);
    // person 1010016520 (first line of personer.csv): key = HMAC-SHA-256(key, cpr) hex, birth date from the CPR
    const expectedKey = createHmac("sha256", KEY).update("1010016520").digest("hex");
    const persons = await readParquet(
      path.join(folder, "persons.parquet"),
      `SELECT birth_date::VARCHAR AS b, sex FROM t WHERE person_key = '${expectedKey}'`,
    );
    expect(persons).toEqual([{ b: "2001-10-10", sex: "K" }]); // 7th digit 6, YY 01 ≤ 57 → 2001; last digit 0 → K
    const [row] = await readParquet(
      path.join(folder, "benefit_records.parquet"),
      "SELECT count(*)::INTEGER AS n FROM t WHERE end_date IS NULL",
    );
    expect(row?.n).toBeGreaterThan(0);
    const catalogue = await listSnapshots(getStore().db);
    expect(catalogue.map((s) => s.id)).toContain(result.snapshotId);
  });

  it("refuses importing the same files twice (content hash)", async () => {
    const result = await run(goldenData);
    expect(result.outcome).toBe("duplicate");
    expect(result.message).toMatch(/allerede importeret som snapshot/);
  });

  it("imports a valid extract and derives persons missing from personer from their CPR", async () => {
    const result = await run(writeFolder(validFiles()));
    expect(result.outcome).toBe("imported");
    // 3 persons in personer.csv + 2006401117 only in ydelsesforloeb.csv
    expect(result.persons).toBe(4);
    const folder = path.join(dataDir, "snapshots", result.snapshotId as string);
    const key = createHmac("sha256", KEY).update("2006401117").digest("hex");
    expect(
      await readParquet(
        path.join(folder, "persons.parquet"),
        `SELECT birth_date::VARCHAR AS b, sex FROM t WHERE person_key = '${key}'`,
      ),
    ).toEqual([{ b: "1940-06-20", sex: "M" }]);
    const hours = await readParquet(
      path.join(folder, "wage_hours.parquet"),
      "SELECT month::VARCHAR AS m, hours FROM t ORDER BY m",
    );
    expect(hours).toEqual([
      { m: "2023-05-01", hours: 12.5 },
      { m: "2024-01-01", hours: 40 },
    ]);
    expect(existsSync(path.join(folder, "rejects.csv"))).toBe(false);
  });

  it("rejects a missing required field", async () => {
    const rejects = await rejectsOf({
      "ydelsesforloeb.csv":
        "cpr,ydelse,kategori,startdato,slutdato,afslutningsaarsag\n0101801234,,,2023-01-01,,\n",
    });
    expect(rejects).toEqual([
      {
        file: "ydelsesforloeb.csv",
        line: 2,
        column: "ydelse",
        value: "",
        reason: "feltet «ydelse» skal udfyldes",
      },
    ]);
  });

  it("rejects a bad date", async () => {
    const rejects = await rejectsOf({
      "tilbud.csv": "cpr,tilbudstype,startdato,slutdato,cvr\n0101801234,mentor,31-02-2024,,\n",
    });
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({
      file: "tilbud.csv",
      line: 2,
      column: "startdato",
      value: "31-02-2024",
    });
    expect(rejects[0]?.reason).toMatch(/ugyldig dato/);
  });

  it("rejects a bad CPR form and never shows the whole number", async () => {
    const rejects = await rejectsOf({
      "loentimer.csv": "cpr,maaned,timer\n01018012345,2023-05,10\n",
    });
    expect(rejects).toEqual([
      {
        file: "loentimer.csv",
        line: 2,
        column: "cpr",
        value: "010180-****",
        reason: "ugyldigt CPR-nummer: forventet DDMMÅÅ-SSSS eller DDMMÅÅSSSS",
      },
    ]);
  });

  it("rejects an unknown code and suggests the closest", async () => {
    const rejects = await rejectsOf({
      "ydelsesforloeb.csv":
        "cpr,ydelse,kategori,startdato,slutdato,afslutningsaarsag\n0101801234,kontanthjalp,aktivitetsprat,2023-01-01,,\n",
    });
    expect(rejects.map((r) => [r.column, r.value])).toEqual([
      ["ydelse", "kontanthjalp"],
      ["kategori", "aktivitetsprat"],
    ]);
    expect(rejects[0]?.reason).toMatch(/ukendt ydelse «kontanthjalp»; mente du «kontanthjaelp»\?/);
    expect(rejects[1]?.reason).toMatch(/mente du «aktivitetsparat»\?/);
  });

  it("rejects an end date before the start date", async () => {
    const rejects = await rejectsOf({
      "markeringer.csv":
        "cpr,projekt,startdato,slutdato,resultat\n0101801234,flere-i-job,2024-03-01,2024-02-28,\n",
    });
    expect(rejects).toEqual([
      {
        file: "markeringer.csv",
        line: 2,
        column: "slutdato",
        value: "2024-02-28",
        reason: "slutdatoen ligger før startdatoen (2024-03-01)",
      },
    ]);
  });

  it("rejects negative hours", async () => {
    const rejects = await rejectsOf({ "loentimer.csv": "cpr,maaned,timer\n0101801234,2023-05,-3\n" });
    expect(rejects).toEqual([
      { file: "loentimer.csv", line: 2, column: "timer", value: "-3", reason: "timetallet er negativt" },
    ]);
  });

  it("rejects duplicate rows and duplicate persons", async () => {
    const rejects = await rejectsOf({
      "personer.csv": "cpr,foedselsdato,koen\n0101801234,,\n150290-4321,,\n010180-1234,,\n",
      "tilbud.csv":
        "cpr,tilbudstype,startdato,slutdato,cvr\n0101801234,mentor,2023-03-01,,\n0101801234,mentor,2023-04-01,,\n010180-1234,Mentor,01-03-2023,,\n",
    });
    expect(rejects.map((r) => [r.file, r.line, r.reason])).toEqual([
      ["personer.csv", 4, "personen står allerede i linje 2 (dublet)"],
      // line 4 is line 2 after normalization (dash, label, Danish date)
      ["tilbud.csv", 4, "rækken er en dublet af linje 2"],
    ]);
  });

  it("rejects a person missing from personer whose CPR gives no birth date", async () => {
    const rejects = await rejectsOf({
      "tilbud.csv": "cpr,tilbudstype,startdato,slutdato,cvr\n6101801234,mentor,2023-03-01,,\n",
    });
    expect(rejects).toEqual([
      {
        file: "tilbud.csv",
        line: 2,
        column: "cpr",
        value: "610180-****",
        reason: "personen findes ikke i personer.csv, og CPR-nummeret giver ingen gyldig fødselsdato",
      },
    ]);
  });

  it("rejects a file without a required column", async () => {
    const rejects = await rejectsOf({ "loentimer.csv": "cpr,maaned\n0101801234,2023-05\n" });
    expect(rejects).toEqual([
      {
        file: "loentimer.csv",
        line: 1,
        column: "timer",
        value: "",
        reason: "den påkrævede kolonne «timer» mangler i overskriften",
      },
    ]);
  });

  it("imports the valid rows with acceptValidRows and keeps the rejects with the snapshot", async () => {
    const files = validFiles();
    files["ydelsesforloeb.csv"] +=
      "0101801234,kontanthjalp,,2022-01-01,,\n0101801234,kontanthjaelp,,2022-05-01,2022-04-01,\n";
    const folder = writeFolder(files);
    const refused = await run(folder);
    expect(refused.outcome).toBe("rejected");
    expect(refused.rejectedRows).toBe(2);
    const result = await run(folder, { acceptValidRows: true });
    expect(result.outcome).toBe("imported");
    expect(result.rejectedRows).toBe(2);
    expect(result.counts.benefit_records).toBe(5); // 7 rows, 2 rejected
    const snapshotDir = path.join(dataDir, "snapshots", result.snapshotId as string);
    const report = readFileSync(path.join(snapshotDir, "rejects.csv"), "utf8");
    expect(report.split("\n")[0]).toBe("\ufefffil;linje;kolonne;værdi;årsag");
    expect(report).toContain("ydelsesforloeb.csv;7;ydelse;kontanthjalp;");
    expect(report).toContain("ydelsesforloeb.csv;8;slutdato;2022-04-01;");
    const stored = await reportForSnapshot(getStore().db, result.snapshotId as string);
    expect(stored?.rejects).toHaveLength(2);
    expect((await listSnapshots(getStore().db)).find((s) => s.id === result.snapshotId)?.rejectedRows).toBe(
      2,
    );
  });

  it("reads semicolons, a BOM, Danish dates and decimal commas", async () => {
    const result = await run(
      writeFolder({
        "personer.csv": "\ufeffCPR;Foedselsdato;Koen\n0101801234;01-01-1980;K\n",
        "ydelsesforloeb.csv":
          'CPR;Ydelse;Kategori;Startdato;Slutdato;Afslutningsaarsag\n0101801234;Kontanthjælp;"Jobparat";15-03-2024;;\n',
        "loentimer.csv": "cpr;maaned;timer\n0101801234;2024-03;7,5\n",
      }),
    );
    expect(result.outcome).toBe("imported");
    const folder = path.join(dataDir, "snapshots", result.snapshotId as string);
    expect(
      await readParquet(
        path.join(folder, "benefit_records.parquet"),
        "SELECT benefit, category, start_date::VARCHAR AS s FROM t",
      ),
    ).toEqual([{ benefit: "kontanthjaelp", category: "jobparat", s: "2024-03-15" }]);
    expect(await readParquet(path.join(folder, "wage_hours.parquet"), "SELECT hours FROM t")).toEqual([
      { hours: 7.5 },
    ]);
    // without manifest.json the extraction date is the latest date in the data
    expect(result.extractionDate).toBe("2024-03-15");
  });

  it("loads an extract with FACIT headings through the example mapping profile", async () => {
    const profile = loadProfile(exampleProfile);
    const folder = writeFolder({
      "Borgere.csv": "CPR-nummer;Fødselsdato;Køn\n0101801234;;\n",
      "Ydelsesforløb.csv":
        "CPR-nummer;Ydelsestype;Visitationskategori;Forløb start;Forløb slut;Afgangsårsag\n0101801234;Kontanthjælp (aktivitetsparat);Match 2;01-02-2024;30-04-2024;Selvforsørgelse - arbejde\n",
      "Tilbud.csv":
        "CPR-nummer;Tilbudstype;Tilbud start;Tilbud slut;CVR-nummer\n0101801234;Virksomhedspraktik (§ 42);01-03-2024;;\n",
      "Markeringer.csv":
        "CPR-nummer;Markering;Markering start;Markering slut;Resultat\n0101801234;INV24 Flere i job;01-02-2024;30-04-2024;Job\n",
    });
    const result = await run(folder, { profile });
    expect(result.outcome).toBe("imported");
    const dir = path.join(dataDir, "snapshots", result.snapshotId as string);
    expect(
      await readParquet(
        path.join(dir, "benefit_records.parquet"),
        "SELECT benefit, category, exit_reason FROM t",
      ),
    ).toEqual([{ benefit: "kontanthjaelp", category: "aktivitetsparat", exit_reason: "job" }]);
    expect(await readParquet(path.join(dir, "activities.parquet"), "SELECT kind FROM t")).toEqual([
      { kind: "virksomhedspraktik" },
    ]);
    expect(await readParquet(path.join(dir, "markers.parquet"), "SELECT project, result FROM t")).toEqual([
      { project: "flere-i-job", result: "job" },
    ]);
    // without the profile Tilbud.csv and Markeringer.csv are found by name but lack the canonical columns
    const without = await run(folder);
    expect(without.outcome).toBe("rejected");
    expect(without.rejects[0]?.reason).toBe("den påkrævede kolonne «cpr» mangler i overskriften");
  });

  it("reads an XLSX workbook with one sheet per file", async () => {
    const folder = tempDir();
    const wb = new ExcelJS.Workbook();
    const p = wb.addWorksheet("personer");
    p.addRow(["cpr", "foedselsdato", "koen"]);
    p.addRow(["0101801234", new Date(Date.UTC(1980, 0, 1)), "K"]);
    const y = wb.addWorksheet("Ydelsesforloeb");
    y.addRow(["cpr", "ydelse", "kategori", "startdato", "slutdato", "afslutningsaarsag"]);
    y.addRow(["0101801234", "Sygedagpenge", "", new Date(Date.UTC(2024, 1, 1)), "2024-03-31", "Raskmelding"]);
    y.addRow(["0101801234", "sygedagpenge", "", "2024-02-01", "2024-01-31", ""]);
    const l = wb.addWorksheet("loentimer");
    l.addRow(["cpr", "maaned", "timer"]);
    l.addRow(["0101801234", "2024-02", 37.5]);
    wb.addWorksheet("noter").addRow(["ignoreres"]);
    await wb.xlsx.writeFile(path.join(folder, "udtraek.xlsx"));
    const refused = await run(folder);
    expect(refused.outcome).toBe("rejected");
    // the sheet's row 3 has its end before its start
    expect(refused.rejects).toEqual([
      {
        file: "udtraek.xlsx[Ydelsesforloeb]",
        line: 3,
        column: "slutdato",
        value: "2024-01-31",
        reason: "slutdatoen ligger før startdatoen (2024-02-01)",
      },
    ]);
    const result = await run(folder, { acceptValidRows: true });
    expect(result.outcome).toBe("imported");
    expect(result.counts).toMatchObject({ persons: 1, benefit_records: 1, wage_hours: 1 });
    const dir = path.join(dataDir, "snapshots", result.snapshotId as string);
    expect(
      await readParquet(
        path.join(dir, "benefit_records.parquet"),
        "SELECT benefit, start_date::VARCHAR AS s, exit_reason FROM t",
      ),
    ).toEqual([{ benefit: "sygedagpenge", s: "2024-02-01", exit_reason: "raskmelding" }]);
  });

  it("gives a person one key whichever path read them first (XLSX sheets beside a plain CSV file)", async () => {
    // personer and loentimer go row by row (XLSX), ydelsesforloeb.csv through DuckDB: A comes
    // first from the workbook, C first from the CSV file (derived from the CPR, not in personer)
    const folder = tempDir();
    const [a, b, c] = ["0101801234", "0202825678", "0303901113"];
    const wb = new ExcelJS.Workbook();
    const p = wb.addWorksheet("personer");
    p.addRow(["cpr", "foedselsdato", "koen"]);
    p.addRow([a, "1980-01-01", "K"]);
    p.addRow([b, "1982-02-02", "K"]);
    const l = wb.addWorksheet("loentimer");
    l.addRow(["cpr", "maaned", "timer"]);
    l.addRow([c, "2024-02", 37.5]);
    l.addRow([a, "2024-02", 10]);
    await wb.xlsx.writeFile(path.join(folder, "udtraek.xlsx"));
    writeFolder(
      {
        "ydelsesforloeb.csv":
          "cpr;ydelse;kategori;startdato;slutdato;afslutningsaarsag\n" +
          `${a};sygedagpenge;;2024-02-01;2024-03-31;raskmelding\n${c};kontanthjaelp;;2024-01-01;;\n`,
      },
      folder,
    );
    const result = await run(folder);
    expect(result.rejects).toEqual([]);
    expect(result.outcome).toBe("imported");
    expect(result.counts).toMatchObject({ persons: 3, benefit_records: 2, wage_hours: 2 });
    const dir = path.join(dataDir, "snapshots", result.snapshotId as string);
    const key = (cpr: string) => createHmac("sha256", KEY).update(cpr).digest("hex");
    const keys = async (table: string) =>
      (await readParquet(path.join(dir, `${table}.parquet`), "SELECT person_key FROM t ORDER BY ALL")).map(
        (r) => (r as { person_key: string }).person_key,
      );
    expect(await keys("persons")).toEqual([key(a), key(b), key(c)].sort());
    expect(await keys("benefit_records")).toEqual([key(a), key(c)].sort());
    expect(await keys("wage_hours")).toEqual([key(a), key(c)].sort());
  });

  it("imports the benefit-refusion file into the same snapshot, padding 9-digit CPR numbers", async () => {
    const files = validFiles();
    files["yr-ydelsesrefusion-beregning-2024.csv"] = [
      "Uge;CPR nummer;Ydelse;Finansiering Kommunenavn;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb",
      "2024-01-01;101801234;Kontanthjælp;Hedensted;3.456,78;80;2.765,42;0;0",
      "2024-01-08;150290-4321;A-dagpenge;Hedensted;4.000,00;0;0;20;800,00",
      "",
    ].join("\n");
    const result = await run(writeFolder(files));
    expect(result.outcome).toBe("imported");
    expect(result.counts.refusion_weeks).toBe(2);
    const dir = path.join(dataDir, "snapshots", result.snapshotId as string);
    const key = createHmac("sha256", KEY).update("0101801234").digest("hex"); // 9 digits padded with a leading 0
    expect(
      await readParquet(
        path.join(dir, "refusion_weeks.parquet"),
        `SELECT week::VARCHAR AS w, benefit, municipality, gross, refusion_rate, refusion_amount FROM t WHERE person_key = '${key}'`,
      ),
    ).toEqual([
      {
        w: "2024-01-01",
        benefit: "kontanthjaelp",
        municipality: "Hedensted",
        gross: 3456.78,
        refusion_rate: 80,
        refusion_amount: 2765.42,
      },
    ]);
  });

  it("writes every file in person-key order, the same bytes whatever the order of the extract's lines", async () => {
    // 60 persons listed in CPR order (as a case system tends to), two benefits starting on the
    // same day each (a tie the order must settle), three months of wage hours and an activity
    const cprs = Array.from(
      { length: 60 },
      (_, i) => `${String((i % 28) + 1).padStart(2, "0")}0380${4000 + i}`,
    );
    const rowsOf = (each: (cpr: string, i: number) => string[]) => cprs.flatMap(each);
    const extract = {
      "personer.csv": ["cpr,foedselsdato,koen", ...rowsOf((c) => [`${c},,`])],
      "ydelsesforloeb.csv": [
        "cpr,ydelse,kategori,startdato,slutdato,afslutningsaarsag",
        ...rowsOf((c, i) => [
          `${c},kontanthjaelp,,2024-01-0${(i % 5) + 1},2024-03-31,job`,
          `${c},sygedagpenge,,2024-01-0${(i % 5) + 1},,`,
        ]),
      ],
      "loentimer.csv": [
        "cpr,maaned,timer",
        ...rowsOf((c, i) => ["2024-03", "2024-04", "2024-05"].map((m) => `${c},${m},${10 + i}`)),
      ],
      "tilbud.csv": [
        "cpr,tilbudstype,startdato,slutdato,cvr",
        ...rowsOf((c) => [`${c},mentor,2024-02-01,,`]),
      ],
      "manifest.json": [JSON.stringify({ udtraeksdato: "2024-06-30", kilde: "test" })],
    };
    const folderOf = (lineOrder: (data: string[]) => string[]) =>
      writeFolder(
        Object.fromEntries(
          Object.entries(extract).map(([name, [head, ...data]]) => [
            name,
            name.endsWith(".json") ? `${head}` : `${[head, ...lineOrder(data)].join("\n")}\n`,
          ]),
        ),
      );
    const inOrder = await run(folderOf((data) => data));
    const reversed = await run(folderOf((data) => [...data].reverse()));
    expect([inOrder.outcome, reversed.outcome]).toEqual(["imported", "imported"]);
    expect(inOrder.counts).toMatchObject({
      persons: 60,
      benefit_records: 120,
      wage_hours: 180,
      activities: 60,
    });
    const files = (id: string | null) => path.join(dataDir, "snapshots", id as string);
    for (const file of ["persons", "benefit_records", "wage_hours", "activities", "forloeb"].map(
      (t) => `${t}.parquet`,
    )) {
      const a = await readParquet(path.join(files(inOrder.snapshotId), file), "SELECT * FROM t");
      const b = await readParquet(path.join(files(reversed.snapshotId), file), "SELECT * FROM t");
      expect(a.length, file).toBeGreaterThanOrEqual(60);
      expect(b, file).toEqual(a);
      const keys = a.map((r) => String(r.person_key));
      expect(keys, file).toEqual([...keys].sort());
      // and byte for byte: a snapshot is reproducible from its rows
      const bytes = (id: string | null) => readFileSync(path.join(files(id), file));
      expect(bytes(reversed.snapshotId).equals(bytes(inOrder.snapshotId)), file).toBe(true);
    }
  });

  it("never writes a raw CPR number into the data directory", async () => {
    // every CPR used in this suite, in both forms; scanned for in every file under dataDir
    const cprs = new Set<string>();
    for (const text of [
      ...Object.values(validFiles()),
      readFileSync(path.join(goldenData, "personer.csv"), "utf8"),
      readFileSync(path.join(goldenData, "ydelsesforloeb.csv"), "utf8"),
    ]) {
      for (const m of text.matchAll(/\b(\d{6})-?(\d{4})\b/g)) cprs.add(`${m[1]}${m[2]}`);
    }
    expect(cprs.size).toBeGreaterThan(100);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(dataDir);
    expect(files.some((f) => f.endsWith(".parquet"))).toBe(true);
    expect(files.some((f) => f.endsWith(".csv"))).toBe(true); // the rejects reports
    for (const f of files) {
      const text = readFileSync(f, "latin1");
      for (const m of text.matchAll(/(\d{6})-?(\d{4})/g)) {
        expect(cprs.has(`${m[1]}${m[2]}`), `${f} contains a raw CPR number`).toBe(false);
      }
    }
  });
});
