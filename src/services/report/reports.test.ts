/**
 * The committee report of the demo municipality, generated in all three formats and read back:
 * PDF with poppler's pdftotext, DOCX by unzipping it (document XML, media), XLSX with exceljs. Real
 * PGlite, real DuckDB (the demo's synthetic extract imported and computed, as on first start).
 * Expected values come from test/golden/statusskemaer.json (baselines and milestones) and from a
 * count of 3 typed in by the test (the publication-suppression case).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goldenPath } from "../../../test/fixtures.ts";
import { tempDir } from "../../../test/temp.ts";
import { DEMO_EFFECTS } from "../../demo/effects.ts";
import { installDemo } from "../../demo/install.ts";
import { formatValue, type Unit } from "../../domain/format.ts";
import { SMALL_COUNT_TEXT } from "../../domain/suppression.ts";
import { schema } from "../../store/db.ts";
import { listIndicators, listProjects, setManualValue } from "../../store/repositories/projects.ts";
import { createTestStore, type TestStore } from "../../store/testing.ts";
import { latestEffectEstimates, projectEffects } from "../effects.ts";
import { buildReportModel, defaultReportMonth, type ReportModel } from "./model.ts";
import {
  approvedReportFile,
  approvedReports,
  approveReport,
  renderReport,
  reportJob,
  startReportJob,
  waitForReportJobs,
} from "./reports.ts";

interface GoldenIndicator {
  name: string;
  unit: Unit;
  baseline?: number | string | null;
  milestones?: (number | string | null)[];
}
const golden = JSON.parse(readFileSync(goldenPath("statusskemaer.json"), "utf8")) as {
  projects: { name: string; indicators?: GoldenIndicator[] }[];
};

/** whitespace removed: table cells wrap names over lines, and the comparison must not care */
const squash = (s: string) => s.replace(/\s+/g, "");

function pdfText(bytes: Buffer, dir: string, name: string): string {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

function docxParts(
  bytes: Buffer,
  dir: string,
  name: string,
): { text: string; media: string[]; pictures: number } {
  const file = path.join(dir, `${name}.docx`);
  writeFileSync(file, bytes);
  const xml = execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8", maxBuffer: 64e6 });
  const listing = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" });
  const text = xml
    .replace(/<w:tab\/>|<w:br\/>|<\/w:p>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');
  // Word stores identical pictures once, so the charts are counted as picture references
  return {
    text,
    media: listing.split("\n").filter((l) => /^word\/media\/.+\.png$/.test(l)),
    pictures: xml.match(/<pic:pic\b/g)?.length ?? 0,
  };
}

describe("the committee report of the demo, in PDF, DOCX and XLSX", () => {
  let store: TestStore;
  const dataDir = tempDir("report-demo");
  const outDir = tempDir("report-out");
  let internal: ReportModel;
  let publication: ReportModel;
  let month = "";
  const smallCount = { indicator: "", project: "" };

  beforeAll(async () => {
    process.env.EFFEKTSPOR_PSEUDONYM_KEY ??= "test-key-for-the-report-test";
    store = await createTestStore();
    await installDemo(store.db, dataDir, () => {});
    month = await defaultReportMonth(store.db);
    // a manual count of 3 in the report month: publication must print it as <5
    const ind = (await listIndicators(store.db)).find((i) => i.kind === "manual" && i.unit === "personer")!;
    await setManualValue(store.db, { indicatorId: ind.id, period: month, value: 3, enteredBy: "test" });
    smallCount.indicator = ind.name;
    smallCount.project = (await listProjects(store.db)).find((p) => p.id === ind.projectId)!.name;
    internal = await buildReportModel(store.db, { month });
    // publication: the project with the small count is enough (and keeps the test short)
    publication = await buildReportModel(store.db, { month, publication: true, projectIds: [ind.projectId] });
  }, 600_000);

  afterAll(async () => {
    await store?.close();
  });

  it("holds every project and indicator, with the golden baselines and milestones in the grid", async () => {
    const projects = await listProjects(store.db);
    const indicators = await listIndicators(store.db);
    expect(internal.projects.map((p) => p.name)).toEqual(projects.map((p) => p.name));
    expect(internal.projects.flatMap((p) => p.grid.rows.map((r) => r.name)).sort()).toEqual(
      indicators.map((i) => i.name).sort(),
    );
    let checked = 0;
    for (const gp of golden.projects) {
      const p = internal.projects.find((x) => x.name === gp.name);
      if (!p) continue;
      for (const gi of gp.indicators ?? []) {
        const row = p.grid.rows.find((r) => r.name === gi.name);
        if (!row) continue;
        const fte = { withUnit: row.unit !== "fuldtidspersoner" };
        if (typeof gi.baseline === "number") {
          // a baseline with a source carries its note mark (*, **) as in seed 002
          expect(row.baseline.replace(/\*+$/, ""), `${gi.name} startmåling`).toBe(
            formatValue(gi.baseline, row.unit, fte),
          );
          checked++;
        }
        const milestones = (gi.milestones ?? []).filter((m): m is number => typeof m === "number");
        for (const m of milestones) {
          expect(row.targets, `${gi.name} mindste mål/slutmål`).toContain(formatValue(m, row.unit, fte));
          checked++;
        }
      }
    }
    // seed 002's five schemes give dozens of numeric baselines and milestones
    expect(checked).toBeGreaterThan(40);
    // one chart per indicator
    for (const p of internal.projects) expect(p.charts.length).toBe(p.grid.rows.length);
  });

  it("shows the stored effect estimate of each project with effect definitions: the Effekt page's sentence, matching rate and curve", async () => {
    // the demo defines and computes one effect for each of these seed projects (src/demo/effects.ts)
    const withEffects = internal.projects.filter((p) => p.effects.length > 0);
    expect(withEffects.map((p) => p.code).sort()).toEqual(
      [...new Set(DEMO_EFFECTS.map((d) => d.project))].sort(),
    );
    for (const p of withEffects) {
      const page = await projectEffects(store.db, p.id);
      expect(p.effects.map((e) => e.sentence)).toEqual(page.effects.map((e) => e.sentence));
      expect(p.effects.map((e) => e.matchingText)).toEqual(page.effects.map((e) => e.matchingText));
      for (const e of p.effects) {
        expect(e.sentence).toMatch(/^De henviste havde .* \(95 %-interval .* dage\)\.$/);
        // the curve: −12 … +24 months around referral = 37 points
        expect(e.chart?.months).toEqual(Array.from({ length: 37 }, (_, i) => i - 12));
      }
    }
  });

  it("PDF: project names, every indicator, a chart per indicator, golden numbers; <5 only in publication", async () => {
    const text = pdfText(await renderReport(internal, "pdf"), outDir, "intern");
    const flat = squash(text);
    for (const p of internal.projects) {
      expect(flat).toContain(squash(p.name));
      for (const r of p.grid.rows) expect(flat, r.name).toContain(squash(r.name));
      for (const r of p.grid.rows)
        for (const t of r.targets) if (t !== "–") expect(flat).toContain(squash(t));
    }
    const charts = internal.projects.reduce((n, p) => n + p.charts.length, 0);
    // each chart carries its own "Seneste: …" label as text inside the vector drawing
    expect(text.match(/Seneste:/g)?.length).toBe(charts);
    expect(flat).toContain(squash("Opfølgning på mål"));
    expect(flat).toContain(squash("Udvalget for Beskæftigelse"));
    expect(text).toMatch(/Side 1 af \d+/);
    expect(flat).toContain(squash(`Aktuelt 3 (primo`));
    expect(text).not.toContain(SMALL_COUNT_TEXT);
    for (const e of internal.projects.flatMap((p) => p.effects)) {
      expect(flat).toContain(squash(e.sentence));
      expect(flat).toContain(squash(e.matchingText));
      // the curve is a vector drawing: its legend and axis name are text in the PDF
      expect(flat).toContain(squash(e.chart!.title));
    }
    const effectCharts = internal.projects.reduce((n, p) => n + p.effects.filter((e) => e.chart).length, 0);
    expect(effectCharts).toBeGreaterThan(0);
    expect(text.match(/måneder fra henvisning/g)?.length).toBe(effectCharts);

    const pub = squash(pdfText(await renderReport(publication, "pdf"), outDir, "offentlig"));
    expect(pub).toContain(squash(`Aktuelt ${SMALL_COUNT_TEXT} (primo`));
    expect(pub).not.toContain(squash("Aktuelt 3 (primo"));
    const fonts = execFileSync("pdffonts", [path.join(outDir, "intern.pdf")], { encoding: "utf8" });
    expect(fonts).toMatch(/Roboto-Regular\s+CID TrueType\s+Identity-H\s+yes/);
  });

  it("DOCX: the same names, a PNG chart per indicator, <5 only in publication", async () => {
    const { text, media, pictures } = docxParts(await renderReport(internal, "docx"), outDir, "intern");
    const flat = squash(text);
    for (const p of internal.projects) {
      expect(flat).toContain(squash(p.name));
      for (const r of p.grid.rows) expect(flat, r.name).toContain(squash(r.name));
    }
    // a picture per indicator chart and per effect curve
    expect(pictures).toBe(
      internal.projects.reduce((n, p) => n + p.charts.length + p.effects.filter((e) => e.chart).length, 0),
    );
    for (const e of internal.projects.flatMap((p) => p.effects)) {
      expect(flat).toContain(squash(e.sentence));
      expect(flat).toContain(squash(e.matchingText));
      expect(flat).toContain(squash(e.chart!.title));
    }
    expect(media.length).toBeGreaterThan(0);
    const grid = internal.projects.find((p) => p.name === smallCount.project)!.grid;
    const row = grid.rows.find((r) => r.name === smallCount.indicator)!;
    expect(row.cells.at(-1)).toBe("3");
    expect(text).not.toContain(SMALL_COUNT_TEXT);
    const pub = docxParts(await renderReport(publication, "docx"), outDir, "offentlig").text;
    expect(squash(pub)).toContain(squash(`Aktuelt ${SMALL_COUNT_TEXT} (primo`));
    const pubRow = publication.projects
      .find((p) => p.name === smallCount.project)!
      .grid.rows.find((r) => r.name === smallCount.indicator)!;
    expect(pubRow.cells.at(-1)).toBe(SMALL_COUNT_TEXT);
  });

  it("XLSX: a summary sheet and one sheet per project with its charts as images; <5 only in publication", async () => {
    const read = async (m: ReportModel) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await renderReport(m, "xlsx")) as unknown as ExcelJS.Buffer);
      return wb;
    };
    const wb = await read(internal);
    expect(wb.worksheets[0]!.name).toBe("Sammenfatning");
    const values = (ws: ExcelJS.Worksheet) => {
      const out: string[] = [];
      ws.eachRow((r) => r.eachCell((c) => out.push(String(c.value))));
      return out;
    };
    for (const [i, p] of internal.projects.entries()) {
      const ws = wb.worksheets[i + 1]!;
      const cells = values(ws);
      expect(cells[0]).toBe(p.name);
      for (const r of p.grid.rows) expect(cells, r.name).toContain(r.name);
      expect(ws.getImages().length).toBe(p.charts.length + p.effects.filter((e) => e.chart).length);
      for (const e of p.effects) {
        expect(cells).toContain(e.sentence);
        expect(cells).toContain(e.matchingText);
      }
    }
    const pIndex = internal.projects.findIndex((p) => p.name === smallCount.project);
    expect(values(wb.worksheets[pIndex + 1]!)).not.toContain(SMALL_COUNT_TEXT);
    const pub = await read(publication);
    expect(values(pub.worksheets[1]!)).toContain(SMALL_COUNT_TEXT);
  });

  it("publication: an effect with 1–4 matched referred shows <5, no sentence and no curve months of fewer than 5", async () => {
    const p = internal.projects.find((x) => x.effects.length > 0)!;
    const [stored] = (await latestEffectEstimates(store.db, p.id)).filter((e) => e.result);
    const r = stored!.result!;
    // a small intake: 3 referred, 3 matched at every horizon and every month of the curve
    const small = {
      estimates: r.estimates.map((e) => ({ ...e, treated: 3, matched: 3, unmatched: 0 })),
      details: {
        ...r.details,
        matching: { ...r.details.matching, treated: 3, matched: 3, unmatched: 0 },
        curve: r.details.curve.map((c) => ({ ...c, treated: 3, matched: 3 })),
      },
    };
    await store.db
      .update(schema.effectResults)
      .set(small)
      .where(eq(schema.effectResults.effectDefinitionId, stored!.definition.id));
    const plain = (await buildReportModel(store.db, { month, projectIds: [p.id] })).projects[0]!.effects[0]!;
    const pub = (await buildReportModel(store.db, { month, projectIds: [p.id], publication: true }))
      .projects[0]!.effects[0]!;
    // internal: the same words as the Effekt page, 3 of 3 (100,0 pct.), and the under-30 caveat
    expect(plain.matchingText).toBe("3 af 3 henviste (100,0 pct.) fik en sammenlignelig kontrolgruppe.");
    expect(plain.sentence).toMatch(/^De henviste havde/);
    expect(plain.caveats.join(" ")).toMatch(/Under 30 matchede henviste \(3\)/);
    expect(plain.chart!.treated.some((v) => v !== null)).toBe(true);
    // publication: no 3 anywhere, no estimate over 3 persons, no curve point drawn
    expect(pub.matchingText).toBe(
      `${SMALL_COUNT_TEXT} af ${SMALL_COUNT_TEXT} henviste fik en sammenlignelig kontrolgruppe.`,
    );
    expect(pub.sentence).not.toMatch(/De henviste havde/);
    expect(pub.caveats.join(" ")).toContain(`(${SMALL_COUNT_TEXT})`);
    expect(pub.chart!.treated.every((v) => v === null)).toBe(true);
    expect(pub.chart!.control.every((v) => v === null)).toBe(true);
    const text = squash(
      pdfText(
        await renderReport({ ...publication, projects: [{ ...p, effects: [pub] }] }, "pdf"),
        outDir,
        "effekt-offentlig",
      ),
    );
    expect(text).toContain(squash(pub.matchingText));
    // the stored result is put back for the tests after this one
    await store.db
      .update(schema.effectResults)
      .set({ estimates: r.estimates, details: r.details as unknown as Record<string, unknown> })
      .where(eq(schema.effectResults.effectDefinitionId, stored!.definition.id));
  });

  it("approving freezes the values and stores the file, which reopens unchanged; a later change is a revision", async () => {
    const projectId = publication.projects[0]!.id;
    const job = startReportJob(store.db, "analytiker", { month, format: "pdf", projectIds: [projectId] });
    await waitForReportJobs();
    const done = reportJob(job.id);
    expect(done.state, done.error ?? "").toBe("done");
    const approved = await approveReport(store.db, dataDir, job.id, "analytiker");
    expect(approved.frozenCount).toBeGreaterThan(0);
    expect(approved.month).toBe(month);
    await expect(approveReport(store.db, dataDir, job.id, "analytiker")).rejects.toThrow(/allerede godkendt/);
    expect((await approvedReports(store.db)).map((r) => r.id)).toEqual([approved.id]);
    const opened = await approvedReportFile(store.db, dataDir, approved.id);
    expect(opened.bytes.length).toBe(approved.sizeBytes);
    expect(opened.contentType).toBe("application/pdf");

    // a later computation changes one frozen value of the month (a late registration in the case system)
    const frozen = await store.db
      .select()
      .from(schema.frozenValues)
      .where(eq(schema.frozenValues.snapshotId, internal.front.snapshotId!))
      .limit(1);
    const f = frozen[0]!;
    const changed = (f.value ?? 0) + 7;
    await store.db
      .update(schema.computedValues)
      .set({ value: changed })
      .where(eq(schema.computedValues.indicatorId, f.indicatorId));
    const next = await buildReportModel(store.db, { month, projectIds: [projectId] });
    const revision = next.revisions.find((r) => r.old !== r.new);
    expect(revision).toBeDefined();
    const unit = (await listIndicators(store.db)).find((i) => i.id === f.indicatorId)!.unit as Unit;
    expect(revision!.old).toBe(formatValue(f.value, unit));
    expect(revision!.new).toBe(formatValue(changed, unit));
    expect(revision!.why).toMatch(/Genberegnet/);
    const text = squash(pdfText(await renderReport(next, "pdf"), outDir, "revision"));
    expect(text).toContain(squash("Revisioner af indberettede tal"));
    expect(text).toContain(squash(revision!.indicator));
  });
});
