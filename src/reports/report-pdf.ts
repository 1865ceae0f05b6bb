/**
 * The committee report as PDF (pdfmake 0.3, A4 portrait, Danish): front page, summary, per project
 * "Opfølgning på mål", status grid, charts (SVG, kept as vectors), comments, economics; måltal;
 * revisions; the appendix. Fonts are embedded (Roboto from pdfmake's own build); tables repeat their
 * header row on every page; every page has its number. The renderer fetches nothing: URL access is
 * refused and local access is limited to the font files.
 *
 * Reads only the report model: it formats nothing and computes nothing.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { Status } from "../domain/status.ts";
import type { ReportModel, ReportProject } from "../services/report/model.ts";
import type { ChartSize } from "./charts/chart-base.ts";
import { effectChartSvg } from "./charts/effect-chart.ts";
import { chartSvg } from "./charts/indicator-chart.ts";

const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: pdfmake 0.3 ships no types for its server API
const pdfmake = require("pdfmake") as any;
const fontDir = path.join(path.dirname(require.resolve("pdfmake/package.json")), "build/fonts/Roboto");
const FONTS = {
  Roboto: {
    normal: path.join(fontDir, "Roboto-Regular.ttf"),
    bold: path.join(fontDir, "Roboto-Medium.ttf"),
    italics: path.join(fontDir, "Roboto-Italic.ttf"),
    bolditalics: path.join(fontDir, "Roboto-MediumItalic.ttf"),
  },
};
const fontFiles = new Set(Object.values(FONTS.Roboto));
pdfmake.setFonts(FONTS);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p: string) => fontFiles.has(path.resolve(p)));

// biome-ignore lint/suspicious/noExplicitAny: pdfmake content nodes
type Node = any;

export const STATUS_COLORS: Record<Status, string> = {
  achieved: "#dff5e3",
  on_track: "#e1efff",
  behind: "#ffe6e3",
  no_baseline: "#eceff3",
  no_goal: "#eceff3",
  no_data: "#eceff3",
};

/** every format draws the charts at this size (the DOCX and XLSX as PNG from the same SVG) */
export const CHART_SIZE: ChartSize = { width: 720, height: 270 };
const CONTENT_WIDTH = 515; // A4 (595 pt) minus 40 pt margins

const th = (text: string, extra: Node = {}) => ({ text, style: "th", ...extra });

function table(widths: (string | number)[], head: Node[], body: Node[][], extra: Node = {}): Node {
  return {
    // the header row repeats on every page and never stands alone at a page's foot
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body: [head, ...body] },
    layout: {
      hLineWidth: (i: number) => (i <= 1 ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => "#9ca3af",
      paddingTop: () => 2,
      paddingBottom: () => 2,
      fillColor: (row: number) => (row === 0 ? "#f3f4f6" : null),
    },
    margin: [0, 4, 0, 8],
    ...extra,
  };
}

function front(model: ReportModel): Node[] {
  const f = model.front;
  return [
    { text: f.municipality, style: "kicker", margin: [0, 120, 0, 4] },
    { text: f.title, style: "title" },
    { text: `${f.committee} · ${f.monthText}`, style: "subtitle", margin: [0, 8, 0, 24] },
    { text: f.extractionText, margin: [0, 0, 0, 4] },
    {
      text: `Dannet ${f.generatedAt.slice(8, 10)}-${f.generatedAt.slice(5, 7)}-${f.generatedAt.slice(0, 4)} af Effektspor`,
      color: "#4b5563",
    },
    f.publication
      ? { text: "Til offentliggørelse: små tal er skjult", style: "badge", margin: [0, 24, 0, 0] }
      : {
          text: "Intern version: må ikke offentliggøres (små tal er ikke skjult)",
          style: "badge",
          margin: [0, 24, 0, 0],
        },
    { text: "", pageBreak: "after" },
  ];
}

function summary(model: ReportModel): Node[] {
  const s = model.summary;
  const head = [
    th("Projekt"),
    ...s.columns.map((c) => th(c.label, { alignment: "right" })),
    th("Slutmål forventes nået", { alignment: "right" }),
  ];
  const body: Node[][] = s.rows.map((r) => [
    r.project,
    ...s.columns.map((c) => ({ text: String(r.counts[c.key as keyof typeof r.counts]), alignment: "right" })),
    { text: r.expected, alignment: "right" },
  ]);
  body.push([
    { text: "I alt", bold: true },
    ...s.columns.map((c) => ({
      text: String(s.total[c.key as keyof typeof s.total]),
      alignment: "right",
      bold: true,
    })),
    {
      text: s.expected ? `${s.expected.reached} af ${s.expected.withForecast}` : "–",
      alignment: "right",
      bold: true,
    },
  ]);
  return [
    { text: "Sammenfatning", style: "h1" },
    { text: s.text, margin: [0, 0, 0, 6] },
    table(["*", 44, 50, 40, 40, 44, 60], head, body),
    ...model.notes.map((n) => ({ text: n, style: "note" })),
  ];
}

function goals(p: ReportProject): Node[] {
  const body = p.goals.map((g) => [
    { text: [{ text: g.indicator, bold: true }, "\n", g.goal] },
    {
      text: [
        g.sentence,
        g.footnotes.length ? { text: ` ${g.footnotes.join(",")}`, sup: true, fontSize: 7 } : "",
      ],
    },
    { text: g.statusLabel, fillColor: STATUS_COLORS[g.status] },
    g.forecast ?? "–",
  ]);
  return [
    { text: "Opfølgning på mål", style: "h2" },
    table(["*", "*", 58, 70], [th("Mål"), th("Aktuel status"), th("Status"), th("Slutmål forventes")], body),
    ...p.footnotes.map((f, i) => ({ text: [{ text: `${i + 1} `, sup: true }, f], style: "note" })),
  ];
}

function grid(p: ReportProject): Node[] {
  const g = p.grid;
  const head = [
    th("Indikator"),
    th(g.baselineHead),
    ...g.monthLabels.map((m) => th(m, { alignment: "right" })),
    ...g.targetHeads.map((t) => th(t, { alignment: "right" })),
    th("Status"),
  ];
  const body: Node[][] = [];
  let lastGroup: string | null = null;
  const cols = head.length;
  for (const r of g.rows) {
    if (r.group && r.group !== lastGroup) {
      body.push([{ text: r.group, bold: true, colSpan: cols }, ...Array(cols - 1).fill("")]);
    }
    lastGroup = r.group;
    body.push([
      r.name,
      { text: r.baseline, alignment: "right" },
      ...r.cells.map((c, i) => ({
        text: c,
        alignment: "right",
        fillColor: r.cellStatus[i] ? STATUS_COLORS[r.cellStatus[i]!] : null,
      })),
      ...r.targets.map((t) => ({ text: t, alignment: "right" })),
      { text: r.statusLabel, fillColor: STATUS_COLORS[r.status] },
    ]);
  }
  const widths = ["*", 46, ...g.monthLabels.map(() => 40), ...g.targetHeads.map(() => 46), 52];
  // the grid gets a landscape page (seed 002's schemes are wide); the charts return to portrait
  return [
    {
      text: `${p.name}: månedsvis statusskema (primo måneden)`,
      style: "h2",
      pageBreak: "before",
      pageOrientation: "landscape",
    },
    table(widths, head, body, { fontSize: 7 }),
    ...g.notes.map((n) => ({ text: n, style: "note" })),
  ];
}

function charts(p: ReportProject): Node[] {
  return [
    {
      text: `${p.name}: udvikling pr. indikator`,
      style: "h2",
      pageBreak: "before",
      pageOrientation: "portrait",
    },
    ...p.charts.map((c) => ({
      stack: [
        { text: c.title, style: "h3" },
        { svg: chartSvg(c, CHART_SIZE), width: CONTENT_WIDTH },
      ],
      unbreakable: true,
      margin: [0, 0, 0, 8],
    })),
  ];
}

/** The stored effect estimates: sentence, matching rate, caveats and the curve (issue 13). */
function effects(p: ReportProject): Node[] {
  if (p.effects.length === 0) return [];
  const out: Node[] = [];
  for (const [i, e] of p.effects.entries()) {
    out.push({
      stack: [
        // the heading inside the first block, so it never stands alone at a page's foot
        ...(i === 0 ? [{ text: "Effekt mod en matchet sammenligningsgruppe", style: "h2" }] : []),
        ...(p.effects.length > 1 ? [{ text: e.name, style: "h3" }] : []),
        { text: e.sentence, bold: true, margin: [0, 0, 0, 2] },
        { text: e.matchingText, margin: [0, 0, 0, 2] },
        ...e.caveats.map((c) => ({ text: c, color: "#9a3412", margin: [0, 0, 0, 2] })),
        ...(e.chart
          ? [
              { text: e.chart.title, style: "h3" },
              { svg: effectChartSvg(e.chart, CHART_SIZE), width: CONTENT_WIDTH },
              { text: e.chart.caption, style: "note" },
            ]
          : []),
        { text: e.provenance, style: "note" },
      ],
      unbreakable: true,
      margin: [0, 0, 0, 8],
    });
  }
  return out;
}

function comments(p: ReportProject): Node[] {
  if (p.comments.length === 0) return [];
  return [
    { text: "Månedens kommentarer", style: "h2" },
    table(
      [50, "*", 80],
      [th("Måned"), th("Kommentar"), th("Skrevet af")],
      p.comments.map((c) => [c.month, c.text, c.author]),
    ),
  ];
}

function economics(p: ReportProject): Node[] {
  const e = p.economics;
  if (!e) return [];
  const out: Node[] = [{ text: "Økonomi", style: "h2" }];
  if (e.potential) {
    out.push({ text: "Økonomisk potentiale", style: "h3" });
    out.push(
      table(
        ["*", 70, 80, 80],
        [
          th("Ydelse"),
          th("Færre fuldtidspersoner", { alignment: "right" }),
          th("Nettopris pr. år", { alignment: "right" }),
          th("Potentiale", { alignment: "right" }),
        ],
        [
          ...e.potential.lines.map((l) => [
            l.label,
            { text: l.fte, alignment: "right" },
            { text: l.net, alignment: "right" },
            { text: l.amount, alignment: "right" },
          ]),
          [
            { text: "I alt", bold: true },
            "",
            "",
            { text: e.potential.total, alignment: "right", bold: true },
          ],
        ],
      ),
    );
  }
  for (const b of e.businessCases) {
    out.push({ text: `Business case: ${b.name}`, style: "h3" });
    if (b.error) out.push({ text: b.error, style: "note" });
    out.push({
      text: `Investering ${b.investment}, besparelse ${b.savings}, nettoresultat ${b.net}; tjent hjem: ${b.payback}; afkast ${b.roi}.`,
      margin: [0, 0, 0, 4],
    });
    if (b.years.length > 0) {
      out.push(
        table(
          ["*", 80, 80, 80, 80],
          [
            th("År"),
            th("Investering", { alignment: "right" }),
            th("Besparelse", { alignment: "right" }),
            th("Netto", { alignment: "right" }),
            th("Akkumuleret", { alignment: "right" }),
          ],
          b.years.map((y) => [
            y.year,
            ...[y.investment, y.savings, y.net, y.cumulative].map((t) => ({ text: t, alignment: "right" })),
          ]),
        ),
      );
    }
  }
  if (e.realized) {
    out.push({
      text: `Realiseret gevinst til og med ${e.realized.through}: ${e.realized.total}`,
      style: "h3",
    });
    out.push(
      table(
        ["*", 90, 110, 80],
        [
          th("Indikator"),
          th("Startmåling", { alignment: "right" }),
          th("Seneste måling", { alignment: "right" }),
          th("Gevinst", { alignment: "right" }),
        ],
        e.realized.lines.map((l) => [
          l.label,
          ...[l.baseline, l.latest, l.gain].map((t) => ({ text: t, alignment: "right" })),
        ]),
      ),
    );
    for (const n of e.realized.notes) out.push({ text: n, style: "note" });
  }
  return out;
}

function project(p: ReportProject): Node[] {
  return [
    { text: p.name, style: "h1", pageBreak: "before" },
    { text: `Periode ${p.period}`, color: "#4b5563", margin: [0, 0, 0, 6] },
    ...(p.brief ? [{ text: p.brief, margin: [0, 0, 0, 6] }] : []),
    ...(p.targetGroups.length
      ? [{ text: [{ text: "Målgrupper: ", bold: true }, p.targetGroups.join("; ")], margin: [0, 0, 0, 6] }]
      : []),
    ...goals(p),
    ...effects(p),
    ...comments(p),
    ...economics(p),
    ...grid(p),
    ...charts(p),
  ];
}

function maaltal(model: ReportModel): Node[] {
  const m = model.maaltal;
  if (!m) return [];
  const body: Node[][] = [];
  for (const g of m.groups) {
    body.push([
      { text: g.group, bold: true },
      "",
      { text: g.total, alignment: "right", bold: true },
      { text: g.measured, alignment: "right" },
      { text: g.difference, alignment: "right" },
    ]);
    for (const l of g.lines)
      body.push([
        { text: l.label, margin: [8, 0, 0, 0] },
        l.project ?? "",
        { text: l.fte, alignment: "right" },
        "",
        "",
      ]);
  }
  body.push([{ text: "I alt", bold: true }, "", { text: m.total, alignment: "right", bold: true }, "", ""]);
  return [
    { text: `Måltal ${m.budgetPeriod} (fuldtidspersoner)`, style: "h1", pageBreak: "before" },
    {
      text: `Budgetterede fuldtidspersoner pr. ydelsesgruppe med projekternes justeringer, fulgt op med målingen til og med ${m.month}. En negativ afvigelse er under måltallet (godt).`,
      margin: [0, 0, 0, 6],
    },
    table(
      ["*", 110, 50, 70, 50],
      [
        th("Ydelsesgruppe / linje"),
        th("Projekt"),
        th("Måltal", { alignment: "right" }),
        th("Målt", { alignment: "right" }),
        th("Afvigelse", { alignment: "right" }),
      ],
      body,
    ),
  ];
}

function revisions(model: ReportModel): Node[] {
  const out: Node[] = [{ text: "Revisioner af indberettede tal", style: "h1", pageBreak: "before" }];
  if (model.revisions.length === 0) {
    out.push({ text: "Ingen tal, der er indberettet til udvalget, er ændret siden." });
    return out;
  }
  out.push({
    text: "Tal, der er indefrosset ved en tidligere godkendt rapport, og som en senere beregning har ændret. Det indberettede tal står uændret i den tidligere rapport.",
    margin: [0, 0, 0, 6],
  });
  out.push(
    table(
      [80, "*", 36, 44, 44, "*"],
      [
        th("Projekt"),
        th("Indikator"),
        th("Måned"),
        th("Indberettet", { alignment: "right" }),
        th("Nu", { alignment: "right" }),
        th("Hvorfor"),
      ],
      model.revisions.map((r) => [
        r.project,
        r.indicator,
        r.month,
        { text: r.old, alignment: "right" },
        { text: r.new, alignment: "right" },
        r.why,
      ]),
      { fontSize: 7 },
    ),
  );
  return out;
}

function appendix(model: ReportModel): Node[] {
  const out: Node[] = [{ text: "Bilag: sådan måles indikatorerne", style: "h1", pageBreak: "before" }];
  for (const a of model.appendix) {
    // the project's heading stays with its table (no heading alone at a page's foot)
    out.push({
      stack: [
        { text: a.project, style: "h3" },
        table(
          ["*", 50, "*"],
          [th("Indikator"), th("Type"), th("Sådan måles den")],
          a.indicators.map((i) => [i.name, i.kind, i.description]),
          { fontSize: 7.5 },
        ),
      ],
      unbreakable: a.indicators.length <= 16,
    });
  }
  return out;
}

/** The document definition (exported for tests and the benchmark). */
export function reportPdfDefinition(model: ReportModel): Node {
  const f = model.front;
  return {
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: [40, 48, 40, 48],
    language: "da-DK",
    info: {
      title: `${f.title} – ${f.monthText}`,
      author: f.municipality,
      subject: f.committee,
      creator: "Effektspor",
      producer: "Effektspor",
    },
    defaultStyle: { font: "Roboto", fontSize: 9, lineHeight: 1.15 },
    header: (page: number) =>
      page === 1
        ? null
        : {
            text: `${f.municipality} · ${f.title} · ${f.monthText}`,
            fontSize: 7,
            color: "#6b7280",
            margin: [40, 24, 40, 0],
          },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: f.publication ? "Til offentliggørelse" : "Intern", fontSize: 7, color: "#6b7280" },
        { text: `Side ${page} af ${pages}`, alignment: "right", fontSize: 8 },
      ],
      margin: [40, 16, 40, 0],
    }),
    styles: {
      kicker: { fontSize: 12, color: "#4b5563" },
      title: { fontSize: 26, bold: true },
      subtitle: { fontSize: 14 },
      badge: { fontSize: 10, bold: true, color: "#7c2d12" },
      h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 10, bold: true, margin: [0, 6, 0, 2] },
      th: { bold: true, fontSize: 7.5 },
      note: { fontSize: 7, color: "#4b5563", margin: [0, 1, 0, 1] },
    },
    content: [
      ...front(model),
      ...summary(model),
      ...model.projects.flatMap(project),
      ...maaltal(model),
      ...revisions(model),
      ...appendix(model),
    ],
  };
}

/** The report as PDF bytes. */
export async function reportPdf(model: ReportModel): Promise<Buffer> {
  const doc = pdfmake.createPdf(reportPdfDefinition(model));
  return Buffer.from(await doc.getBuffer());
}
