import { useMemo } from "react";
import { formatDate, formatNumber, formatValue, monthLabel } from "../../../src/domain/format.ts";
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
    const first = row.cells[0]?.period;
    const last = row.cells[row.cells.length - 1]?.period;
    const dates = [
      ...row.trajectory.map((p) => p.date),
      ...(first ? [`${first}-01`] : []),
      ...(last ? [`${last}-01`] : []),
    ].sort();
    const fmt = (v: number) => formatValue(v, ind.unit);
    return {
      grid: { left: 56, right: 16, top: 72, bottom: 40 },
      legend: { top: 0, textStyle: { color: "#1b1f24" } },
      tooltip: {
        trigger: "item",
        formatter: (p: unknown) => {
          const item = p as { seriesName: string; value: [number, number] };
          return `${item.seriesName}<br/>${formatDate(isoOfTime(item.value[0]))}: ${fmt(item.value[1])}`;
        },
      },
      xAxis: {
        type: "time",
        min: dates.length ? timeOf(dates[0]!) : undefined,
        max: dates.length ? timeOf(dates[dates.length - 1]!) : undefined,
        axisLabel: { color: "#1b1f24", formatter: (v: number) => monthLabel(isoOfTime(v).slice(0, 7)) },
      },
      yAxis: {
        type: "value",
        scale: true,
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
          symbolSize: 7,
        },
      ],
    };
  }, [row, ind.unit]);

  const latest = row.latest
    ? `seneste værdi ${formatValue(row.latest.value, ind.unit)} (${monthLabel(row.latest.period)})`
    : "ingen værdier endnu";
  const goal = ind.goal.resolved !== null ? `, slutmål ${formatValue(ind.goal.resolved, ind.unit)}` : "";
  return (
    <figure className="card chart-card">
      <figcaption>
        <strong>{ind.name}</strong>
        <span className="muted small">
          {" "}
          – {latest}
          {goal}
        </span>
      </figcaption>
      <Chart option={option} label={`Graf: ${ind.name}; ${latest}${goal}`} height={240} />
    </figure>
  );
}
