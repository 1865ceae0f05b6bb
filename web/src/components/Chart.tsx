import * as echarts from "echarts";
import { useEffect, useRef } from "react";

export type ChartOption = echarts.EChartsOption;

interface ChartProps {
  option: ChartOption;
  /**
   * What the chart shows, in Danish, read by screen readers (the chart itself is an image to them).
   * It is also ECharts' aria description, so ECharts never writes its English auto-text ("This is a
   * chart …" with epoch milliseconds) over it.
   */
  label: string;
  height?: number;
}

/**
 * Apache ECharts wrapper: renders as SVG (crisp, printable), resizes with its box, and carries a
 * Danish accessible name and description (`label`).
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
    chartRef.current?.setOption(
      { aria: { enabled: true, label: { description: label } }, animation: false, ...option },
      true,
    );
  }, [option, label]);

  return <div ref={ref} role="img" aria-label={label} className="chart" style={{ height }} />;
}
