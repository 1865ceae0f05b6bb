import { useMemo } from "react";
import { formatDate, formatNumber, formatValue, monthLabel } from "../../../src/domain/format.ts";
import { STATUS_LABELS } from "../../../src/domain/status.ts";
import type { SchemeRow } from "../types.ts";
import { Chart, type ChartOption } from "./Chart.tsx";

function isoOfTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Local-time timestamp of a calendar date (ECharts' time axis works in local time). */
function timeOf(iso: string): number {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))).getTime();
}

const DAY = 24 * 3600 * 1000;

/**
 * The chart in words, for screen readers (Danish, dates as 01-08-2024, numbers as 101,4): period,
 * unit, the values' latest, lowest and highest, the baseline, milestones, final goal and status.
 */
export function chartDescription(row: SchemeRow): string {
  const ind = row.indicator;
  const fmt = (v: number) => formatValue(v, ind.unit);
  const values = row.cells.filter((c) => c.value !== null) as (SchemeRow["cells"][number] & {
    value: number;
  })[];
  const parts = [`Linjediagram for ${ind.name}, i ${ind.unitName}.`];
  if (values.length === 0) parts.push("Der er endnu ingen målte værdier.");
  else {
    const first = values[0]!;
    const last = values[values.length - 1]!;
    const min = values.reduce((a, b) => (b.value < a.value ? b : a));
    const max = values.reduce((a, b) => (b.value > a.value ? b : a));
    parts.push(
      `${values.length === 1 ? "1 målt værdi" : `${values.length} målte værdier`} fra ${monthLabel(first.period)} til ${monthLabel(last.period)}; seneste ${fmt(last.value)} (${monthLabel(last.period)}), laveste ${fmt(min.value)} (${monthLabel(min.period)}), højeste ${fmt(max.value)} (${monthLabel(max.period)}).`,
    );
  }
  const base = row.trajectory.find((p) => p.kind === "baseline");
  if (base) parts.push(`Startmåling ${fmt(base.value)} den ${formatDate(base.date)}.`);
  const milestones = row.trajectory.filter((p) => p.kind === "milestone");
  if (milestones.length > 0) {
    parts.push(
      `Mindste mål: ${milestones.map((m) => `${fmt(m.value)} pr. ${formatDate(m.date)}`).join(", ")}.`,
    );
  }
  const final = row.trajectory.find((p) => p.kind === "final");
  if (final) {
    parts.push(
      `Slutmål ${fmt(final.value)} pr. ${formatDate(final.date)}${ind.goal.changeText ? ` (${ind.goal.changeText} i forhold til startmålingen)` : ""}; ${ind.better === "lower" ? "lavere" : "højere"} er bedre.`,
    );
    parts.push("Målkurven er en stiplet linje gennem startmåling, mindste mål og slutmål.");
  }
  const f = row.forecast;
  if (f && f.line.length > 0) {
    const end = f.line[f.line.length - 1]!;
    parts.push(
      `Prognose (lineær trend af ${f.n} måneders værdier fra ${monthLabel(f.line[0]!.period)}): ${fmt(end.forecast)} i ${monthLabel(end.period)}, 80 %-bånd ${fmt(end.pi80[0])} – ${fmt(end.pi80[1])}, 95 %-bånd ${fmt(end.pi95[0])} – ${fmt(end.pi95[1])}; prognosen er en stiplet linje med to skraverede usikkerhedsbånd.`,
    );
  }
  parts.push(`Status: ${STATUS_LABELS[row.status]}${row.statusNote ? ` (${row.statusNote})` : ""}.`);
  return parts.join(" ");
}

/**
 * One indicator's values against its baseline, milestones and final goal, with the goal trajectory
 * as a dashed line from the baseline through the milestones (the line the status is measured on).
 */
export function IndicatorChart({ row }: { row: SchemeRow }) {
  const ind = row.indicator;
  const option = useMemo<ChartOption>(() => {
    const values = row.cells
      .filter((c) => c.value !== null)
      .map((c) => [timeOf(`${c.period}-01`), c.value as number]);
    const traj = row.trajectory.map((p) => [timeOf(p.date), p.value]);
    const baseline = row.trajectory
      .filter((p) => p.kind === "baseline")
      .map((p) => [timeOf(p.date), p.value]);
    const milestones = row.trajectory
      .filter((p) => p.kind === "milestone")
      .map((p) => [timeOf(p.date), p.value]);
    const final = row.trajectory.filter((p) => p.kind === "final").map((p) => [timeOf(p.date), p.value]);
    const line = row.forecast?.line ?? [];
    const at = (p: { period: string }) => timeOf(`${p.period}-01`);
    const band = (name: string, stack: string, lo: number[], hi: number[], color: string) => [
      {
        name: `${name} (bund)`,
        type: "line" as const,
        stack,
        data: line.map((p, i) => [at(p), lo[i]!]),
        lineStyle: { opacity: 0 },
        symbol: "none",
        silent: true,
        tooltip: { show: false },
      },
      {
        name,
        type: "line" as const,
        stack,
        data: line.map((p, i) => [at(p), hi[i]! - lo[i]!]),
        lineStyle: { opacity: 0 },
        areaStyle: { color },
        itemStyle: { color },
        symbol: "none",
        silent: true,
        tooltip: { show: false },
      },
    ];
    const forecastSeries =
      line.length === 0
        ? []
        : [
            ...band(
              "95 %-bånd",
              "pi95",
              line.map((p) => p.pi95[0]),
              line.map((p) => p.pi95[1]),
              "rgba(11, 79, 138, 0.12)",
            ),
            ...band(
              "80 %-bånd",
              "pi80",
              line.map((p) => p.pi80[0]),
              line.map((p) => p.pi80[1]),
              "rgba(11, 79, 138, 0.22)",
            ),
            {
              name: "Prognose",
              type: "line" as const,
              data: line.map((p) => [at(p), p.forecast]),
              lineStyle: { type: "dashed" as const, width: 2, color: "#0b4f8a" },
              itemStyle: { color: "#0b4f8a" },
              symbol: "none",
            },
          ];
    const first = row.cells[0]?.period;
    const last = row.cells[row.cells.length - 1]?.period;
    const dates = [
      ...row.trajectory.map((p) => p.date),
      ...(first ? [`${first}-01`] : []),
      ...(last ? [`${last}-01`] : []),
      ...line.map((p) => `${p.period}-01`),
    ].sort();
    const fmt = (v: number) => formatValue(v, ind.unit);
    const min = dates.length ? timeOf(dates[0]!) : undefined;
    const max = dates.length ? timeOf(dates[dates.length - 1]!) : undefined;
    // about one label per 80 px of a 400 px plot: 4–6 labels, whole quarters or half years apart
    const spanMonths = min !== undefined && max !== undefined ? (max - min) / (30.44 * DAY) : 12;
    const stepMonths = spanMonths <= 8 ? 1 : spanMonths <= 15 ? 3 : spanMonths <= 30 ? 6 : 12;
    return {
      grid: { left: 64, right: 20, top: 84, bottom: 36 },
      legend: {
        top: 0,
        textStyle: { color: "#1b1f24" },
        data: [
          "Værdi",
          "Målkurve",
          "Startmåling",
          "Mindste mål",
          "Slutmål",
          ...(line.length > 0 ? ["Prognose", "80 %-bånd", "95 %-bånd"] : []),
        ],
      },
      tooltip: {
        trigger: "item",
        formatter: (p: unknown) => {
          const item = p as { seriesName: string; value: [number, number] };
          return `${item.seriesName}<br/>${formatDate(isoOfTime(item.value[0]))}: ${fmt(item.value[1])}`;
        },
      },
      xAxis: {
        type: "time",
        min,
        max,
        minInterval: stepMonths * 28 * DAY,
        splitNumber: Math.max(2, Math.round(spanMonths / stepMonths)),
        axisLabel: {
          color: "#1b1f24",
          hideOverlap: true,
          formatter: (v: number) => monthLabel(isoOfTime(v).slice(0, 7)),
        },
      },
      yAxis: {
        type: "value",
        scale: true,
        name: ind.unitName,
        nameLocation: "end",
        nameGap: 12,
        nameTextStyle: { color: "#1b1f24", align: "left", padding: [0, 0, 0, -56] },
        axisLabel: { color: "#1b1f24", formatter: (v: number) => formatNumber(v, 1, true) },
      },
      series: [
        {
          name: "Målkurve",
          type: "line",
          data: traj,
          lineStyle: { type: "dashed", color: "#b35900" },
          itemStyle: { color: "#b35900" },
          symbol: "none",
        },
        {
          name: "Startmåling",
          type: "scatter",
          data: baseline,
          symbol: "rect",
          symbolSize: 11,
          itemStyle: { color: "#4f5964" },
        },
        {
          name: "Mindste mål",
          type: "scatter",
          data: milestones,
          symbol: "triangle",
          symbolSize: 12,
          itemStyle: { color: "#b35900" },
        },
        {
          name: "Slutmål",
          type: "scatter",
          data: final,
          symbol: "diamond",
          symbolSize: 14,
          itemStyle: { color: "#8f1a1a" },
        },
        {
          name: "Værdi",
          type: "line",
          data: values,
          lineStyle: { width: 2.5, color: "#0b4f8a" },
          itemStyle: { color: "#0b4f8a" },
          symbol: "circle",
          symbolSize: 5,
        },
        ...forecastSeries,
      ],
    };
  }, [row, ind.unit, ind.unitName]);

  const latest = row.latest
    ? `seneste værdi ${formatValue(row.latest.value, ind.unit)} (${monthLabel(row.latest.period)})`
    : "ingen værdier endnu";
  const goal = ind.goal.resolved !== null ? `, slutmål ${formatValue(ind.goal.resolved, ind.unit)}` : "";
  return (
    <figure
      className="card chart-card"
      data-forecast-points={row.forecast?.line.length ?? 0}
      data-forecast-bands={row.forecast && row.forecast.line.length > 0 ? "80,95" : undefined}
    >
      <figcaption>
        <strong>{ind.name}</strong>
        <span className="muted small">
          {" "}
          – {latest}
          {goal}
        </span>
      </figcaption>
      <Chart option={option} label={chartDescription(row)} height={260} />
    </figure>
  );
}
