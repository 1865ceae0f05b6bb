/**
 * The committee report as Word (DOCX, the `docx` library): the same sections as the PDF, from the
 * same model. Charts are PNG images (made from the same ECharts SVG with resvg), which every Word
 * shows; tables repeat their header row on each page; the footer numbers the pages; the document's
 * language is Danish, so Word's spelling check and hyphenation treat it as Danish.
 *
 * Reads only the report model: it formats nothing and computes nothing.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ReportModel, ReportProject } from "../services/report/model.ts";
import { effectChartPng } from "./charts/effect-chart.ts";
import { chartPng } from "./charts/indicator-chart.ts";
import { CHART_SIZE, STATUS_COLORS } from "./report-pdf.ts";

const FONT = "Calibri";

type Block = Paragraph | Table;

const hex = (c: string) => c.replace("#", "").toUpperCase();

function p(
  text: string | ParagraphChild[],
  opts: { bold?: boolean; size?: number; color?: string; italics?: boolean } = {},
) {
  const children =
    typeof text === "string"
      ? [new TextRun({ text, bold: opts.bold, size: opts.size, color: opts.color, italics: opts.italics })]
      : text;
  return new Paragraph({ children, spacing: { after: 80 } });
}

function h(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore = false) {
  return new Paragraph({ text, heading: level, pageBreakBefore, spacing: { before: 200, after: 100 } });
}

function note(text: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, size: 14, color: "4B5563" })],
    spacing: { after: 40 },
  });
}

interface CellSpec {
  text: string | ParagraphChild[];
  bold?: boolean;
  right?: boolean;
  fill?: string | null;
  span?: number;
}

function cell(c: CellSpec | string, size: number, header = false): TableCell {
  const spec: CellSpec = typeof c === "string" ? { text: c } : c;
  const children =
    typeof spec.text === "string"
      ? [new TextRun({ text: spec.text, bold: spec.bold || header, size })]
      : spec.text;
  return new TableCell({
    children: [new Paragraph({ children, alignment: spec.right ? AlignmentType.RIGHT : AlignmentType.LEFT })],
    columnSpan: spec.span,
    shading: header
      ? { type: ShadingType.CLEAR, fill: "F3F4F6", color: "auto" }
      : spec.fill
        ? { type: ShadingType.CLEAR, fill: hex(spec.fill), color: "auto" }
        : undefined,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
  });
}

/** A table with a header row Word repeats on every page; widths in percent of the text width. */
function table(
  widths: number[],
  head: (CellSpec | string)[],
  rows: (CellSpec | string)[][],
  size = 16,
): Table {
  const border = { style: BorderStyle.SINGLE, size: 2, color: "BFC5CD" };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    columnWidths: widths.map((w) => Math.round(w * 90)),
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((c) => cell(c, size, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c, size)) })),
    ],
  });
}

function front(model: ReportModel): Block[] {
  const f = model.front;
  return [
    new Paragraph({ spacing: { before: 2400 } }),
    p(f.municipality, { size: 28, color: "4B5563" }),
    new Paragraph({
      children: [new TextRun({ text: f.title, bold: true, size: 52 })],
      heading: HeadingLevel.TITLE,
    }),
    p(`${f.committee} · ${f.monthText}`, { size: 30 }),
    p(f.extractionText),
    p(
      `Dannet ${f.generatedAt.slice(8, 10)}-${f.generatedAt.slice(5, 7)}-${f.generatedAt.slice(0, 4)} af Effektspor`,
      { color: "4B5563" },
    ),
    p(
      f.publication
        ? "Til offentliggørelse: små tal er skjult"
        : "Intern version: må ikke offentliggøres (små tal er ikke skjult)",
      { bold: true, color: "7C2D12" },
    ),
  ];
}

function summary(model: ReportModel): Block[] {
  const s = model.summary;
  return [
    h("Sammenfatning", HeadingLevel.HEADING_1, true),
    p(s.text),
    table(
      [34, 9, 11, 9, 9, 10, 18],
      [
        "Projekt",
        ...s.columns.map((c) => ({ text: c.label, right: true })),
        { text: "Slutmål forventes nået", right: true },
      ],
      [
        ...s.rows.map((r) => [
          r.project,
          ...s.columns.map((c) => ({ text: String(r.counts[c.key as keyof typeof r.counts]), right: true })),
          { text: r.expected, right: true },
        ]),
        [
          { text: "I alt", bold: true },
          ...s.columns.map((c) => ({
            text: String(s.total[c.key as keyof typeof s.total]),
            right: true,
            bold: true,
          })),
          {
            text: s.expected ? `${s.expected.reached} af ${s.expected.withForecast}` : "–",
            right: true,
            bold: true,
          },
        ],
      ],
    ),
    ...model.notes.map(note),
  ];
}

function goals(pr: ReportProject): Block[] {
  return [
    h("Opfølgning på mål", HeadingLevel.HEADING_2),
    table(
      [36, 36, 12, 16],
      ["Mål", "Aktuel status", "Status", "Slutmål forventes"],
      pr.goals.map((g) => [
        {
          text: [
            new TextRun({ text: g.indicator, bold: true, size: 16 }),
            new TextRun({ text: g.goal, size: 16, break: 1 }),
          ],
        },
        {
          text: [
            new TextRun({ text: g.sentence, size: 16 }),
            ...(g.footnotes.length
              ? [new TextRun({ text: ` ${g.footnotes.join(",")}`, superScript: true, size: 16 })]
              : []),
          ],
        },
        { text: g.statusLabel, fill: STATUS_COLORS[g.status] },
        g.forecast ?? "–",
      ]),
    ),
    ...pr.footnotes.map((f, i) => note(`${i + 1} ${f}`)),
  ];
}

function grid(pr: ReportProject): Block[] {
  const g = pr.grid;
  const n = g.monthLabels.length + g.targetHeads.length;
  const rest = 100 - 24 - 10 - 8;
  const each = rest / Math.max(1, n);
  const rows: (CellSpec | string)[][] = [];
  let lastGroup: string | null = null;
  const cols = 3 + n;
  for (const r of g.rows) {
    if (r.group && r.group !== lastGroup) rows.push([{ text: r.group, bold: true, span: cols }]);
    lastGroup = r.group;
    rows.push([
      r.name,
      { text: r.baseline, right: true },
      ...r.cells.map((c, i) => ({
        text: c,
        right: true,
        fill: r.cellStatus[i] ? STATUS_COLORS[r.cellStatus[i]!] : null,
      })),
      ...r.targets.map((t) => ({ text: t, right: true })),
      { text: r.statusLabel, fill: STATUS_COLORS[r.status] },
    ]);
  }
  return [
    h(`${pr.name}: månedsvis statusskema (primo måneden)`, HeadingLevel.HEADING_2),
    table(
      [24, 10, ...Array(n).fill(each), 8],
      [
        "Indikator",
        g.baselineHead,
        ...g.monthLabels.map((m) => ({ text: m, right: true })),
        ...g.targetHeads.map((t) => ({ text: t, right: true })),
        "Status",
      ],
      rows,
      14,
    ),
    ...g.notes.map(note),
  ];
}

function charts(pr: ReportProject): Block[] {
  const out: Block[] = [h(`${pr.name}: udvikling pr. indikator`, HeadingLevel.HEADING_2)];
  for (const c of pr.charts) {
    out.push(
      new Paragraph({ children: [new TextRun({ text: c.title, bold: true, size: 18 })], keepNext: true }),
    );
    out.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: "png",
            data: chartPng(c, CHART_SIZE),
            transformation: { width: 600, height: 225 },
            altText: { name: c.title, title: c.title, description: `Diagram: ${c.title}. ${c.latestText}` },
          }),
        ],
        spacing: { after: 160 },
      }),
    );
  }
  return out;
}

/** The stored effect estimates: sentence, matching rate, caveats and the curve (issue 13). */
function effects(pr: ReportProject): Block[] {
  if (pr.effects.length === 0) return [];
  const out: Block[] = [h("Effekt mod en matchet sammenligningsgruppe", HeadingLevel.HEADING_2)];
  for (const e of pr.effects) {
    if (pr.effects.length > 1) out.push(h(e.name, HeadingLevel.HEADING_3));
    // the words stay on the page of their curve (Word's "keep with next")
    const kept = (run: TextRun) => new Paragraph({ children: [run], spacing: { after: 80 }, keepNext: true });
    out.push(kept(new TextRun({ text: e.sentence, bold: true })));
    out.push(kept(new TextRun(e.matchingText)));
    for (const c of e.caveats) out.push(kept(new TextRun({ text: c, color: "9A3412" })));
    if (e.chart) {
      out.push(
        new Paragraph({
          children: [new TextRun({ text: e.chart.title, bold: true, size: 18 })],
          keepNext: true,
        }),
      );
      out.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: "png",
              data: effectChartPng(e.chart, CHART_SIZE),
              transformation: { width: 600, height: 225 },
              altText: {
                name: e.chart.title,
                title: e.chart.title,
                description: `Diagram: ${e.chart.title}. ${e.sentence}`,
              },
            }),
          ],
          spacing: { after: 80 },
        }),
      );
      out.push(note(e.chart.caption));
    }
    out.push(note(e.provenance));
  }
  return out;
}

function comments(pr: ReportProject): Block[] {
  if (pr.comments.length === 0) return [];
  return [
    h("Månedens kommentarer", HeadingLevel.HEADING_2),
    table(
      [12, 68, 20],
      ["Måned", "Kommentar", "Skrevet af"],
      pr.comments.map((c) => [c.month, c.text, c.author]),
    ),
  ];
}

function economics(pr: ReportProject): Block[] {
  const e = pr.economics;
  if (!e) return [];
  const out: Block[] = [h("Økonomi", HeadingLevel.HEADING_2)];
  if (e.potential) {
    out.push(h("Økonomisk potentiale", HeadingLevel.HEADING_3));
    out.push(
      table(
        [46, 16, 19, 19],
        [
          "Ydelse",
          { text: "Færre fuldtidspersoner", right: true },
          { text: "Nettopris pr. år", right: true },
          { text: "Potentiale", right: true },
        ],
        [
          ...e.potential.lines.map((l) => [
            l.label,
            { text: l.fte, right: true },
            { text: l.net, right: true },
            { text: l.amount, right: true },
          ]),
          [{ text: "I alt", bold: true }, "", "", { text: e.potential.total, right: true, bold: true }],
        ],
      ),
    );
  }
  for (const b of e.businessCases) {
    out.push(h(`Business case: ${b.name}`, HeadingLevel.HEADING_3));
    if (b.error) out.push(note(b.error));
    out.push(
      p(
        `Investering ${b.investment}, besparelse ${b.savings}, nettoresultat ${b.net}; tjent hjem: ${b.payback}; afkast ${b.roi}.`,
      ),
    );
    if (b.years.length > 0) {
      out.push(
        table(
          [28, 18, 18, 18, 18],
          [
            "År",
            ...["Investering", "Besparelse", "Netto", "Akkumuleret"].map((t) => ({ text: t, right: true })),
          ],
          b.years.map((y) => [
            y.year,
            ...[y.investment, y.savings, y.net, y.cumulative].map((t) => ({ text: t, right: true })),
          ]),
        ),
      );
    }
  }
  if (e.realized) {
    out.push(
      h(`Realiseret gevinst til og med ${e.realized.through}: ${e.realized.total}`, HeadingLevel.HEADING_3),
    );
    out.push(
      table(
        [40, 18, 24, 18],
        ["Indikator", ...["Startmåling", "Seneste måling", "Gevinst"].map((t) => ({ text: t, right: true }))],
        e.realized.lines.map((l) => [
          l.label,
          ...[l.baseline, l.latest, l.gain].map((t) => ({ text: t, right: true })),
        ]),
      ),
    );
    out.push(...e.realized.notes.map(note));
  }
  return out;
}

function projectBlocks(pr: ReportProject): Block[] {
  return [
    h(pr.name, HeadingLevel.HEADING_1, true),
    p(`Periode ${pr.period}`, { color: "4B5563" }),
    ...(pr.brief ? [p(pr.brief)] : []),
    ...(pr.targetGroups.length
      ? [p([new TextRun({ text: "Målgrupper: ", bold: true }), new TextRun(pr.targetGroups.join("; "))])]
      : []),
    ...goals(pr),
    ...effects(pr),
    ...comments(pr),
    ...economics(pr),
    ...charts(pr),
  ];
}

function tail(model: ReportModel): Block[] {
  const out: Block[] = [];
  const m = model.maaltal;
  if (m) {
    const rows: (CellSpec | string)[][] = [];
    for (const g of m.groups) {
      rows.push([
        { text: g.group, bold: true },
        "",
        { text: g.total, right: true, bold: true },
        { text: g.measured, right: true },
        { text: g.difference, right: true },
      ]);
      for (const l of g.lines)
        rows.push([`   ${l.label}`, l.project ?? "", { text: l.fte, right: true }, "", ""]);
    }
    rows.push([{ text: "I alt", bold: true }, "", { text: m.total, right: true, bold: true }, "", ""]);
    out.push(
      h(`Måltal ${m.budgetPeriod} (fuldtidspersoner)`, HeadingLevel.HEADING_1, true),
      p(
        `Budgetterede fuldtidspersoner pr. ydelsesgruppe med projekternes justeringer, fulgt op med målingen til og med ${m.month}. En negativ afvigelse er under måltallet (godt).`,
      ),
      table(
        [40, 22, 11, 16, 11],
        [
          "Ydelsesgruppe / linje",
          "Projekt",
          { text: "Måltal", right: true },
          { text: "Målt", right: true },
          { text: "Afvigelse", right: true },
        ],
        rows,
      ),
    );
  }
  out.push(h("Revisioner af indberettede tal", HeadingLevel.HEADING_1, true));
  if (model.revisions.length === 0)
    out.push(p("Ingen tal, der er indberettet til udvalget, er ændret siden."));
  else {
    out.push(
      p(
        "Tal, der er indefrosset ved en tidligere godkendt rapport, og som en senere beregning har ændret. Det indberettede tal står uændret i den tidligere rapport.",
      ),
    );
    out.push(
      table(
        [16, 26, 8, 10, 10, 30],
        [
          "Projekt",
          "Indikator",
          "Måned",
          { text: "Indberettet", right: true },
          { text: "Nu", right: true },
          "Hvorfor",
        ],
        model.revisions.map((r) => [
          r.project,
          r.indicator,
          r.month,
          { text: r.old, right: true },
          { text: r.new, right: true },
          r.why,
        ]),
        14,
      ),
    );
  }
  out.push(h("Bilag: sådan måles indikatorerne", HeadingLevel.HEADING_1, true));
  for (const a of model.appendix) {
    out.push(h(a.project, HeadingLevel.HEADING_3));
    out.push(
      table(
        [32, 12, 56],
        ["Indikator", "Type", "Sådan måles den"],
        a.indicators.map((i) => [i.name, i.kind, i.description]),
        15,
      ),
    );
  }
  return out;
}

const PORTRAIT = {
  size: { width: 11906, height: 16838 },
  margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 },
};
const LANDSCAPE = {
  size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
  margin: { top: 900, bottom: 900, left: 900, right: 900 },
};

/** The report as DOCX bytes. */
export async function reportDocx(model: ReportModel): Promise<Buffer> {
  const f = model.front;
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            text: `${f.publication ? "Til offentliggørelse" : "Intern"} · `,
            size: 14,
            color: "6B7280",
          }),
          new TextRun({ children: ["Side ", PageNumber.CURRENT, " af ", PageNumber.TOTAL_PAGES], size: 16 }),
        ],
      }),
    ],
  });
  const header = new Header({
    children: [p(`${f.municipality} · ${f.title} · ${f.monthText}`, { size: 14, color: "6B7280" })],
  });
  const section = (children: Block[], page = PORTRAIT) => ({
    properties: { page },
    headers: { default: header },
    footers: { default: footer },
    children,
  });
  const sections = [
    section([...front(model), ...summary(model)]),
    ...model.projects.flatMap((pr) => [section(projectBlocks(pr)), section(grid(pr), LANDSCAPE)]),
    section(tail(model)),
  ];
  const doc = new Document({
    creator: "Effektspor",
    title: `${f.title} – ${f.monthText}`,
    subject: f.committee,
    description: f.extractionText,
    styles: {
      default: {
        document: { run: { font: FONT, size: 19, language: { value: "da-DK" } } },
      },
    },
    sections,
  });
  return Packer.toBuffer(doc);
}
