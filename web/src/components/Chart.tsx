import * as echarts from "echarts";
import { useEffect, useRef } from "react";

export type ChartOption = echarts.EChartsOption;

interface ChartProps {
  option: ChartOption;
  /** what the chart shows, read by screen readers (the chart itself is an image to them) */
  label: string;
  height?: number;
}

/**
 * Apache ECharts wrapper: renders as SVG (crisp, printable), resizes with its box, and carries an
 * accessible name plus ECharts' generated aria description.
 */
export function Chart({ option, label, height = 280 }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: "svg", locale: "EN" });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption({ aria: { enabled: true }, animation: false, ...option }, true);
  }, [option]);

  return <div ref={ref} role="img" aria-label={label} className="chart" style={{ height }} />;
}
