/**
 * The effect curve in the committee report (issue 12/13): the share on benefit by month from 12
 * months before to 24 after referral, the matched referred against the weighted comparison group,
 * as on the Effekt page. ECharts SSR to SVG (vectors in the PDF), PNG via resvg for DOCX and XLSX
 * with the same Roboto font as the indicator charts. Reads only the report model (suppressed).
 */
import type * as echarts from "echarts";
import { formatNumber } from "../../domain/format.ts";
import type { ReportEffectChart } from "../../services/report/model.ts";
import { categoryAxis, chartFrame, chartRenderer, valueAxis } from "./chart-base.ts";

const COLORS = { treated: "#1f5fa8", control: "#b7791f", referral: "#6b7280" };

/** The ECharts option of an effect curve (exported for tests). */
export function effectChartOption(chart: ReportEffectChart): echarts.EChartsCoreOption {
  const data = (arr: (number | null)[]) => arr.map((v) => (v === null ? "-" : v));
  const zero = chart.labels.indexOf("0");
  return {
    ...chartFrame({
      gridTop: 34,
      title:
        chart.suppressedPoints > 0
          ? `${chart.suppressedPoints} måneder vises ikke (færre end 5 matchede henviste)`
          : "",
      legend: ["Henviste", "Vægtet sammenligningsgruppe"],
    }),
    xAxis: categoryAxis(chart.labels, 2, "måneder fra henvisning"),
    yAxis: valueAxis("pct. på ydelse", (v: number) => formatNumber(v, 0), { min: 0, max: 100 }),
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

const render = chartRenderer(effectChartOption);

/** The curve as an SVG document (for the PDF). */
export const effectChartSvg = render.svg;

/** The curve as PNG (for DOCX and XLSX), rendered from the same SVG at `scale` × its size. */
export const effectChartPng = render.png;
