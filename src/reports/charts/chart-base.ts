/**
 * What the committee report's charts share (the indicator charts and the effect curve): the Roboto
 * font shipped with pdfmake (so text renders the same everywhere, without system fonts), the frame
 * around the plot (title, legend, grid), the axes' look, and the rendering: ECharts' SSR to an SVG
 * string (no DOM, no network) that the PDF embeds as vectors, and a PNG made from it with resvg for
 * DOCX and XLSX. One model rendered to several formats draws each chart once.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";

export const CHART_FONT = "Roboto";
const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve("pdfmake/package.json")), "build/fonts/Roboto");
/** The TrueType files the PNG renderer uses (shipped in node_modules/pdfmake). */
export const CHART_FONT_FILES = [
  path.join(fontDir, "Roboto-Regular.ttf"),
  path.join(fontDir, "Roboto-Medium.ttf"),
];

export interface ChartSize {
  width: number;
  height: number;
}

export const DEFAULT_CHART_SIZE: ChartSize = { width: 720, height: 300 };

/** The options around the plot: no animation, the font, the grid, a title top right, the legend below. */
export function chartFrame(frame: { gridTop: number; title: string; legend: string[] }) {
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 56, right: 24, top: frame.gridTop, bottom: 62 },
    title: {
      text: frame.title,
      right: 10,
      top: 4,
      textStyle: { fontSize: 11, fontWeight: "normal", color: "#374151", fontFamily: CHART_FONT },
    },
    legend: {
      data: frame.legend,
      bottom: 0,
      itemWidth: 18,
      itemHeight: 8,
      textStyle: { fontSize: 10, fontFamily: CHART_FONT },
    },
  };
}

/** The x axis: one category a label, lines from edge to edge, an optional name below it. */
export function categoryAxis(labels: string[], labelInterval: number, name?: string) {
  return {
    type: "category",
    data: labels,
    boundaryGap: false,
    ...(name === undefined
      ? {}
      : { name, nameLocation: "middle", nameGap: 24, nameTextStyle: { fontSize: 10 } }),
    axisLabel: { fontSize: 10, interval: labelInterval },
  };
}

/** The y axis: values, its name top left, labels by `format`; `range` fixes or frees the ends. */
export function valueAxis(
  name: string,
  format: (v: number) => string,
  range: { scale: true } | { min: number; max: number },
) {
  return {
    type: "value",
    ...range,
    name,
    nameTextStyle: { fontSize: 10, align: "left" },
    axisLabel: { fontSize: 10, formatter: format },
  };
}

// keyed by the model's chart object, then by size (and scale)
function cached<C extends object, V>(
  cache: WeakMap<C, Map<string, V>>,
  chart: C,
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

function renderSvg(option: echarts.EChartsCoreOption, size: ChartSize): string {
  const instance = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    instance.setOption(option);
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: width },
    background: "#ffffff",
    font: { fontFiles: CHART_FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT },
  });
  return Buffer.from(resvg.render().asPng());
}

/**
 * The SVG (text as text, so the PDF keeps it as vectors) and PNG (rendered from the same SVG at
 * `scale` × its size) of a kind of chart, given how its model becomes ECharts options.
 */
export function chartRenderer<C extends object>(optionOf: (chart: C) => echarts.EChartsCoreOption) {
  const svgCache = new WeakMap<C, Map<string, string>>();
  const pngCache = new WeakMap<C, Map<string, Buffer>>();
  const svg = (chart: C, size: ChartSize = DEFAULT_CHART_SIZE): string =>
    cached(svgCache, chart, `${size.width}x${size.height}`, () => renderSvg(optionOf(chart), size));
  const png = (chart: C, size: ChartSize = DEFAULT_CHART_SIZE, scale = 1.5): Buffer =>
    cached(pngCache, chart, `${size.width}x${size.height}@${scale}`, () =>
      svgToPng(svg(chart, size), Math.round(size.width * scale)),
    );
  return { svg, png };
}
