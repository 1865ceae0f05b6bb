/**
 * The chart of one indicator in the committee report: its monthly values against the baseline, the
 * minimum milestones, the goal trajectory and the final goal, and the forecast's 80 % band once a
 * forecast exists. Frame, axes and rendering (SVG for the PDF, PNG for DOCX and XLSX) are shared
 * with the effect curve in `chart-base.ts`.
 *
 * Reads only the report model's chart (values already suppressed for publication).
 */
import type * as echarts from "echarts";
import { formatNumber, formatValue, type Unit } from "../../domain/format.ts";
import type { ReportChart } from "../../services/report/model.ts";
import { categoryAxis, chartFrame, chartRenderer, valueAxis } from "./chart-base.ts";

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
    // room above the plot for the "Seneste" label and a goal label at the top edge
    ...chartFrame({
      gridTop: 46,
      title:
        chart.latestText +
        (chart.suppressedPoints > 0 ? `; ${chart.suppressedPoints} måneder vises ikke (<5)` : ""),
      legend,
    }),
    xAxis: categoryAxis(chart.labels, chart.labels.length > 14 ? 2 : 0),
    yAxis: valueAxis(chart.unitName, (v: number) => axisNumber(v, chart.unit), { scale: true }),
    series,
  };
}

const render = chartRenderer(chartOption);

/** The chart as an SVG document (text as text, so the PDF keeps it as vectors). */
export const chartSvg = render.svg;

/** The chart as PNG (for DOCX and XLSX), rendered from the same SVG at `scale` × its size. */
export const chartPng = render.png;
