/**
 * A line chart of monthly series through the shared attach factory (`chartOf`), built only from
 * the pieces chart.svelte.ts already registers (bar controller, category and linear scales,
 * tooltip). chart.js is one module (its own chunk, loaded after the first paint), so registering
 * LineController/LineElement/PointElement/Legend here would add ≈ 7.5 kB gzip to it: instead the series are invisible,
 * ungrouped vertical bars (they give the scales, the tooltip and each value's position) and an
 * inline plugin strokes the lines and points through them. The legend is HTML, beside the chart.
 */
import type { Chart, ChartConfiguration, Plugin } from "chart.js";
import type { Attachment } from "svelte/attachments";
import { chartOf } from "./chart.svelte.js";

export interface LineSeries {
  readonly label: string;
  /** One value per label; null leaves a gap. */
  readonly values: readonly (number | null)[];
  readonly colour: string;
  /** Which value axis: "y" (left) or "y1" (right). */
  readonly axis: "y" | "y1";
  readonly format: (n: number) => string;
  readonly dash?: readonly number[];
}

export interface LineAxis {
  readonly max: number;
  readonly title: string;
  readonly format: (n: number) => string;
}

export interface LineChartSpec {
  readonly labels: readonly string[];
  readonly series: readonly LineSeries[];
  readonly y: LineAxis;
  readonly y1: LineAxis;
}

type Data = (number | null)[];
const FONT = { family: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif', size: 12 };

const axis = (a: LineAxis, position: "left" | "right", grid: boolean) => ({
  position,
  min: 0,
  max: a.max,
  title: { display: true, text: a.title, font: FONT, color: "#3d4753" },
  ticks: { font: FONT, color: "#3d4753", callback: (v: string | number) => a.format(Number(v)) },
  grid: grid ? { color: "#e3e7ec" } : { display: false },
});

/** Strokes each dataset's values (the top of its invisible bars) as a line with round points; null breaks the line. */
const lines = (spec: () => LineChartSpec): Plugin<"bar"> => ({
  id: "scorecardLines",
  afterDatasetsDraw(chart) {
    const ctx = chart.ctx;
    chart.data.datasets.forEach((_, i) => {
      const s = spec().series[i];
      const meta = chart.getDatasetMeta(i);
      if (!s || meta.hidden) return;
      const pts = meta.data.map((el, j) => (s.values[j] === null || s.values[j] === undefined ? null : { x: el.x, y: el.y }));
      ctx.save();
      ctx.strokeStyle = s.colour;
      ctx.fillStyle = s.colour;
      ctx.lineWidth = 2;
      ctx.setLineDash(s.dash ? [...s.dash] : []);
      ctx.beginPath();
      let open = false;
      for (const p of pts) {
        if (!p) {
          open = false;
          continue;
        }
        if (open) ctx.lineTo(p.x, p.y);
        else ctx.moveTo(p.x, p.y);
        open = true;
      }
      ctx.stroke();
      ctx.setLineDash([]);
      for (const p of pts) {
        if (!p) continue;
        ctx.beginPath();
        ctx.arc(p.x, p.y, 3.5, 0, Math.PI * 2);
        ctx.fill();
      }
      ctx.restore();
    });
  },
});

function config(spec: LineChartSpec, current: () => LineChartSpec = () => spec): ChartConfiguration<"bar", Data, string> {
  return {
    type: "bar",
    data: { labels: [], datasets: [] },
    plugins: [lines(current)],
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      plugins: {
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const s = spec.series[ctx.datasetIndex];
              const v = ctx.parsed.y;
              return `${ctx.dataset.label ?? ""}: ${s && v !== null ? s.format(v) : "—"}`;
            },
          },
        },
      },
      scales: {
        x: { ticks: { font: FONT, color: "#1f2933" }, grid: { display: false } },
        y: axis(spec.y, "left", true),
        y1: axis(spec.y1, "right", false),
      },
    },
  };
}

function apply(chart: Chart<"bar", Data, string>, spec: LineChartSpec): void {
  chart.options = config(spec).options ?? {};
  chart.data.labels = [...spec.labels];
  // Ungrouped, transparent bars: every series sits on the month's centre, only the plugin's lines show.
  chart.data.datasets = spec.series.map((s) => ({
    label: s.label,
    data: [...s.values],
    yAxisID: s.axis,
    grouped: false,
    backgroundColor: "transparent",
    borderWidth: 0,
    hoverBackgroundColor: "transparent",
  }));
  chart.update();
}

/** `<canvas {@attach lineChart(() => spec)}>`. */
export function lineChart(spec: () => LineChartSpec): Attachment<HTMLCanvasElement> {
  return chartOf(spec, (s) => config(s, spec), apply);
}
