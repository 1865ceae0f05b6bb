/**
 * The chart of one indicator in the committee report: its monthly values against the baseline, the
 * minimum milestones, the goal trajectory and the final goal, and the forecast's 80 % band once a
 * forecast exists. Rendered on the server with ECharts' SSR (SVG string, no DOM, no network); the
 * PDF embeds the SVG as vectors, DOCX and XLSX get a PNG made from it with resvg and the Roboto font
 * shipped with pdfmake (so text renders the same everywhere, without system fonts).
 *
 * Reads only the report model's chart (values already suppressed for publication).
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import { formatNumber, formatValue, type Unit } from "../../domain/format.ts";
import type { ReportChart } from "../../services/report/model.ts";

export const CHART_FONT = "Roboto";
const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve("pdfmake/package.json")), "build/fonts/Roboto");
/** The TrueType files the PNG renderer uses (shipped in node_modules/pdfmake). */
export const CHART_FONT_FILES = [
  path.join(fontDir, "Roboto-Regular.ttf"),
  path.join(fontDir, "Roboto-Medium.ttf"),
];

const COLORS = {
  value: "#1f5fa8",
  baseline: "#6b7280",
  trajectory: "#2f855a",
  milestone: "#2f855a",
  goal: "#b7791f",
  forecast: "#7c3aed",
};

function axisNumber(v: number, unit: Unit): string {
  if (unit === "procent") return formatNumber(v, 0);
  if (unit === "kr.") return formatNumber(v, 0);
  return formatNumber(v, Math.abs(v) < 10 && !Number.isInteger(v) ? 1 : 0, true);
}

/** Values per month on the chart's category axis, with straight lines between the known points. */
function interpolate(months: string[], points: { month: string; value: number }[]): (number | null)[] {
  const known = [...points].sort((a, b) => (a.month < b.month ? -1 : 1));
  return months.map((m) => {
    const exact = known.find((p) => p.month === m);
    if (exact) return exact.value;
    const before = [...known].reverse().find((p) => p.month < m);
    const after = known.find((p) => p.month > m);
    if (!before || !after) return null;
    const i = months.indexOf(before.month);
    const j = months.indexOf(after.month);
    const k = months.indexOf(m);
    if (i < 0 || j < 0) return null;
    return before.value + ((after.value - before.value) * (k - i)) / (j - i);
  });
}

export interface ChartSize {
  width: number;
  height: number;
}

export const DEFAULT_CHART_SIZE: ChartSize = { width: 720, height: 300 };

/** The ECharts option of an indicator chart (exported for tests). */
export function chartOption(chart: ReportChart): echarts.EChartsCoreOption {
  const at = (m: string) => chart.months.indexOf(m);
  const series: Record<string, unknown>[] = [];
  const legend: string[] = [];
  const sized = (arr: (number | null)[]) => arr.map((v) => (v === null ? "-" : v));

  if (chart.forecast) {
    const low = chart.months.map((m) => {
      const i = chart.forecast!.months.indexOf(m);
      return i < 0 ? null : chart.forecast!.low80[i]!;
    });
    const width = chart.months.map((m) => {
      const i = chart.forecast!.months.indexOf(m);
      return i < 0 ? null : chart.forecast!.high80[i]! - chart.forecast!.low80[i]!;
    });
    const mid = chart.months.map((m) => {
      const i = chart.forecast!.months.indexOf(m);
      return i < 0 ? null : chart.forecast!.mid[i]!;
    });
    series.push(
      {
        name: "band-low",
        type: "line",
        data: sized(low),
        stack: "band",
        symbol: "none",
        lineStyle: { opacity: 0 },
        silent: true,
      },
      {
        name: "Fremskrivning (80 pct. interval)",
        type: "line",
        data: sized(width),
        stack: "band",
        symbol: "none",
        lineStyle: { opacity: 0 },
        areaStyle: { color: COLORS.forecast, opacity: 0.15 },
        itemStyle: { color: COLORS.forecast },
      },
      {
        name: "Fremskrivning",
        type: "line",
        data: sized(mid),
        symbol: "none",
        lineStyle: { color: COLORS.forecast, type: "dashed", width: 1.5 },
        itemStyle: { color: COLORS.forecast },
      },
    );
    legend.push("Fremskrivning", "Fremskrivning (80 pct. interval)");
  }
  if (chart.trajectory.length > 1) {
    series.push({
      name: "Målforløb",
      type: "line",
      data: sized(
        interpolate(
          chart.months,
          chart.trajectory.filter((t): t is { month: string; value: number } => t.value !== null),
        ),
      ),
      symbol: "none",
      lineStyle: { color: COLORS.trajectory, type: "dotted", width: 1.5 },
      itemStyle: { color: COLORS.trajectory },
    });
    legend.push("Målforløb");
  }
  if (chart.baseline) {
    series.push({
      name: "Startmåling",
      type: "line",
      data: chart.months.map((m) => (m >= chart.baseline!.month ? chart.baseline!.value : "-")),
      symbol: "none",
      lineStyle: { color: COLORS.baseline, type: "dashed", width: 1 },
      itemStyle: { color: COLORS.baseline },
    });
    legend.push("Startmåling");
  }
  series.push({
    name: "Målt værdi",
    type: "line",
    data: sized(chart.values),
    symbol: "circle",
    symbolSize: 4,
    connectNulls: false,
    lineStyle: { color: COLORS.value, width: 2 },
    itemStyle: { color: COLORS.value },
  });
  legend.push("Målt værdi");
  if (chart.milestones.length > 0) {
    series.push({
      name: "Mindste mål",
      type: "scatter",
      symbol: "diamond",
      symbolSize: 10,
      data: chart.milestones.filter((m) => at(m.month) >= 0).map((m) => [at(m.month), m.value]),
      itemStyle: { color: COLORS.milestone },
    });
    legend.push("Mindste mål");
  }
  if (chart.goal && at(chart.goal.month) >= 0) {
    series.push({
      name: "Slutmål",
      type: "scatter",
      symbol: "triangle",
      symbolSize: 12,
      data: [[at(chart.goal.month), chart.goal.value]],
      itemStyle: { color: COLORS.goal },
      label: {
        show: true,
        position: "top",
        formatter: () => formatValue(chart.goal!.value, chart.unit),
        fontSize: 10,
        color: COLORS.goal,
      },
    });
    legend.push("Slutmål");
  }
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT },
    // room above the plot for the "Seneste" label and a goal label at the top edge
    grid: { left: 56, right: 24, top: 46, bottom: 62 },
    title: {
      text:
        chart.latestText +
        (chart.suppressedPoints > 0 ? `; ${chart.suppressedPoints} måneder vises ikke (<5)` : ""),
      right: 10,
      top: 4,
      textStyle: { fontSize: 11, fontWeight: "normal", color: "#374151", fontFamily: CHART_FONT },
    },
    legend: {
      data: legend,
      bottom: 0,
      itemWidth: 18,
      itemHeight: 8,
      textStyle: { fontSize: 10, fontFamily: CHART_FONT },
    },
    xAxis: {
      type: "category",
      data: chart.labels,
      boundaryGap: false,
      axisLabel: { fontSize: 10, interval: chart.labels.length > 14 ? 2 : 0 },
    },
    yAxis: {
      type: "value",
      scale: true,
      name: chart.unitName,
      nameTextStyle: { fontSize: 10, align: "left" },
      axisLabel: { fontSize: 10, formatter: (v: number) => axisNumber(v, chart.unit) },
    },
    series,
  };
}

// one model rendered to several formats draws each chart once (keyed by the model's chart object)
const svgCache = new WeakMap<ReportChart, Map<string, string>>();
const pngCache = new WeakMap<ReportChart, Map<string, Buffer>>();

function cached<V>(
  cache: WeakMap<ReportChart, Map<string, V>>,
  chart: ReportChart,
  key: string,
  make: () => V,
): V {
  let byKey = cache.get(chart);
  if (!byKey) {
    byKey = new Map();
    cache.set(chart, byKey);
  }
  let v = byKey.get(key);
  if (v === undefined) {
    v = make();
    byKey.set(key, v);
  }
  return v;
}

/** The chart as an SVG document (text as text, so the PDF keeps it as vectors). */
export function chartSvg(chart: ReportChart, size: ChartSize = DEFAULT_CHART_SIZE): string {
  return cached(svgCache, chart, `${size.width}x${size.height}`, () => renderSvg(chart, size));
}

function renderSvg(chart: ReportChart, size: ChartSize): string {
  const instance = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    instance.setOption(chartOption(chart));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** The chart as PNG (for DOCX and XLSX), rendered from the same SVG at `scale` × its size. */
export function chartPng(chart: ReportChart, size: ChartSize = DEFAULT_CHART_SIZE, scale = 1.5): Buffer {
  return cached(pngCache, chart, `${size.width}x${size.height}@${scale}`, () =>
    svgToPng(chartSvg(chart, size), Math.round(size.width * scale)),
  );
}

export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: width },
    background: "#ffffff",
    font: { fontFiles: CHART_FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT },
  });
  return Buffer.from(resvg.render().asPng());
}
