/**
 * The effect curve in the committee report (issue 12/13): the share on benefit by month from 12
 * months before to 24 after referral, the matched referred against the weighted comparison group,
 * as on the Effekt page. ECharts SSR to SVG (vectors in the PDF), PNG via resvg for DOCX and XLSX
 * with the same Roboto font as the indicator charts. Reads only the report model (suppressed).
 */
import * as echarts from "echarts";
import { formatNumber } from "../../domain/format.ts";
import type { ReportEffectChart } from "../../services/report/model.ts";
import { CHART_FONT, type ChartSize, DEFAULT_CHART_SIZE, svgToPng } from "./indicator-chart.ts";

const COLORS = { treated: "#1f5fa8", control: "#b7791f", referral: "#6b7280" };

/** The ECharts option of an effect curve (exported for tests). */
export function effectChartOption(chart: ReportEffectChart): echarts.EChartsCoreOption {
  const data = (arr: (number | null)[]) => arr.map((v) => (v === null ? "-" : v));
  const zero = chart.labels.indexOf("0");
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 56, right: 24, top: 34, bottom: 62 },
    title: {
      text:
        chart.suppressedPoints > 0
          ? `${chart.suppressedPoints} måneder vises ikke (færre end 5 matchede henviste)`
          : "",
      right: 10,
      top: 4,
      textStyle: { fontSize: 11, fontWeight: "normal", color: "#374151", fontFamily: CHART_FONT },
    },
    legend: {
      data: ["Henviste", "Vægtet sammenligningsgruppe"],
      bottom: 0,
      itemWidth: 18,
      itemHeight: 8,
      textStyle: { fontSize: 10, fontFamily: CHART_FONT },
    },
    xAxis: {
      type: "category",
      data: chart.labels,
      boundaryGap: false,
      name: "måneder fra henvisning",
      nameLocation: "middle",
      nameGap: 24,
      nameTextStyle: { fontSize: 10 },
      axisLabel: { fontSize: 10, interval: 2 },
    },
    yAxis: {
      type: "value",
      min: 0,
      max: 100,
      name: "pct. på ydelse",
      nameTextStyle: { fontSize: 10, align: "left" },
      axisLabel: { fontSize: 10, formatter: (v: number) => formatNumber(v, 0) },
    },
    series: [
      {
        name: "Henviste",
        type: "line",
        data: data(chart.treated),
        symbol: "circle",
        symbolSize: 4,
        lineStyle: { color: COLORS.treated, width: 2 },
        itemStyle: { color: COLORS.treated },
        ...(zero >= 0
          ? {
              markLine: {
                symbol: "none",
                silent: true,
                data: [{ xAxis: zero }],
                lineStyle: { color: COLORS.referral, type: "dotted" },
                label: { formatter: "henvisning", fontSize: 10, color: COLORS.referral },
              },
            }
          : {}),
      },
      {
        name: "Vægtet sammenligningsgruppe",
        type: "line",
        data: data(chart.control),
        symbol: "none",
        lineStyle: { color: COLORS.control, width: 2, type: "dashed" },
        itemStyle: { color: COLORS.control },
      },
    ],
  };
}

const svgCache = new WeakMap<ReportEffectChart, Map<string, string>>();
const pngCache = new WeakMap<ReportEffectChart, Map<string, Buffer>>();

function cached<V>(
  cache: WeakMap<ReportEffectChart, Map<string, V>>,
  c: ReportEffectChart,
  k: string,
  make: () => V,
) {
  let byKey = cache.get(c);
  if (!byKey) {
    byKey = new Map();
    cache.set(c, byKey);
  }
  let v = byKey.get(k);
  if (v === undefined) {
    v = make();
    byKey.set(k, v);
  }
  return v;
}

export function effectChartSvg(chart: ReportEffectChart, size: ChartSize = DEFAULT_CHART_SIZE): string {
  return cached(svgCache, chart, `${size.width}x${size.height}`, () => {
    const instance = echarts.init(null, null, { renderer: "svg", ssr: true, ...size });
    try {
      instance.setOption(effectChartOption(chart));
      return instance.renderToSVGString();
    } finally {
      instance.dispose();
    }
  });
}

export function effectChartPng(
  chart: ReportEffectChart,
  size: ChartSize = DEFAULT_CHART_SIZE,
  scale = 1.5,
): Buffer {
  return cached(pngCache, chart, `${size.width}x${size.height}@${scale}`, () =>
    svgToPng(effectChartSvg(chart, size), Math.round(size.width * scale)),
  );
}
