/**
 * chart.js through an `{@attach}` factory: the chart is created when the canvas is attached,
 * updated in place when the data changes (an inner $effect), and destroyed when the canvas goes.
 *
 * chart.js is three quarters of the first page's JS and its first draw forces a style and layout
 * pass, so it is its own chunk, loaded only when the chart nears the viewport (it is below the
 * table, under the fold on a first load) and after the page has painted: the table (which holds
 * the same numbers) shows first, the chart fills its reserved box when the reader scrolls to it.
 * Updates go in after the next frame, in a task of their own (issue 19, item 11: Lighthouse's
 * total blocking time; tab and period switches). Only the pieces a
 * horizontal bar chart needs are registered; other kinds (line-chart.svelte.ts) reuse `chartOf`.
 *
 * The bar chart (issue 19, item 6): one value axis from 0 to the maximum total, its title naming
 * it; each bar's value written at its end; a label cut short keeps its full text in the tooltip
 * (and in the table); a `null` value is a gap (units left out), never a zero.
 */
import type { Chart, ChartConfiguration, ChartType, Plugin } from "chart.js";
import { untrack } from "svelte";
import type { Attachment } from "svelte/attachments";
import { truncateLabel } from "./chart-view.js";

let chartJs: Promise<typeof Chart> | null = null;

/** chart.js, imported once, with the pieces registered. */
function loadChartJs(): Promise<typeof Chart> {
  chartJs ??= import("chart.js").then(({ BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip }) => {
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
    return Chart;
  });
  return chartJs;
}

/** Runs `f` once the browser has painted what is on screen now and is idle (or 300 ms later at most). */
function afterPaint(f: () => void): void {
  const later = () => (typeof requestIdleCallback === "function" ? requestIdleCallback(f, { timeout: 300 }) : setTimeout(f, 0));
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(later, 0));
  else later();
}

/** Runs `f` in a task of its own after the next frame (the table's new rows are painted first). */
function afterFrame(f: () => void): void {
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(f, 0));
  else setTimeout(f, 0);
}

/**
 * Calls `f` once `el` comes within `margin` of the viewport (at once where there is no
 * IntersectionObserver); returns a function that stops watching. A chart below the fold costs
 * nothing until the reader scrolls towards it: neither chart.js' download nor its drawing.
 */
function whenNear(el: Element, f: () => void, margin = "300px 0px"): () => void {
  if (typeof IntersectionObserver !== "function") {
    f();
    return () => undefined;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      f();
    },
    { rootMargin: margin },
  );
  observer.observe(el);
  return () => observer.disconnect();
}

export interface BarDatum {
  readonly label: string;
  /** null: a gap (no bar, no value). */
  readonly value: number | null;
  readonly colour: string;
}

export interface BarChartSpec {
  readonly bars: readonly BarDatum[];
  /** Upper end of the value axis (the maximum total); null lets chart.js choose. */
  readonly max: number | null;
  readonly datasetLabel: string;
  /** The value axis' title ("Tổng điểm (tối đa 100)"). */
  readonly axisTitle: string;
  readonly formatValue: (n: number) => string;
}

const FONT = { family: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif', size: 12 };
const INK = "#1f2933";

/** Writes each bar's value just past its end (inside the bar, in white, when there is no room). */
const valueLabels = (spec: () => BarChartSpec): Plugin<"bar"> => ({
  id: "scorecardValueLabels",
  afterDatasetsDraw(chart) {
    const { ctx, chartArea } = chart;
    const meta = chart.getDatasetMeta(0);
    const values = chart.data.datasets[0]?.data ?? [];
    ctx.save();
    ctx.font = `600 ${FONT.size}px ${FONT.family}`;
    ctx.textBaseline = "middle";
    meta.data.forEach((bar, i) => {
      const v = values[i];
      if (typeof v !== "number") return;
      const text = spec().formatValue(v);
      const { x, y } = bar.getProps(["x", "y"], true) as { x: number; y: number };
      const width = ctx.measureText(text).width;
      const inside = x + 6 + width > chartArea.right;
      ctx.fillStyle = inside ? "#ffffff" : INK;
      ctx.textAlign = inside ? "right" : "left";
      ctx.fillText(text, inside ? x - 6 : x + 6, y);
    });
    ctx.restore();
  },
});

function config(spec: () => BarChartSpec): ChartConfiguration<"bar", (number | null)[], string> {
  const s = spec();
  return {
    type: "bar",
    data: { labels: [], datasets: [{ label: "", data: [], backgroundColor: [], borderWidth: 0, barPercentage: 0.8, categoryPercentage: 0.9 }] },
    plugins: [valueLabels(spec)],
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { right: 8 } },
      plugins: {
        tooltip: {
          filter: (item) => item.parsed.x !== null,
          callbacks: {
            // The full name: the axis may have cut it.
            title: (items) => items.map((i) => String(i.chart.data.labels?.[i.dataIndex] ?? "")),
            label: (ctx) => `${ctx.dataset.label}: ${spec().formatValue(ctx.parsed.x ?? 0)}`,
          },
        },
      },
      scales: {
        x: {
          min: 0,
          ...(s.max === null ? {} : { max: s.max }),
          title: { display: true, text: s.axisTitle, font: FONT, color: INK },
          ticks: { font: FONT, color: "#3d4753", callback: (v) => spec().formatValue(Number(v)) },
          grid: { color: "#e3e7ec" },
        },
        y: {
          ticks: {
            font: FONT,
            color: INK,
            autoSkip: false,
            callback: function (v) {
              // Narrow screens get shorter labels so the bars keep some room.
              return truncateLabel(this.getLabelForValue(Number(v)), this.chart.width < 560 ? 20 : 40);
            },
          },
          grid: { display: false },
        },
      },
    },
  };
}

function apply(chart: Chart<"bar", (number | null)[], string>, spec: BarChartSpec): void {
  const x = chart.options.scales?.["x"];
  if (x) {
    x.min = 0;
    x.max = spec.max ?? undefined;
    if (x.title) x.title.text = spec.axisTitle;
  }
  chart.data.labels = spec.bars.map((b) => b.label);
  const ds = chart.data.datasets[0];
  if (ds) {
    ds.label = spec.datasetLabel;
    ds.data = spec.bars.map((b) => b.value);
    ds.backgroundColor = spec.bars.map((b) => b.colour);
  }
  chart.update();
}

/**
 * The attach factory: `config` builds the chart once, `apply` puts a new spec into it in place.
 * Pass a getter so data changes update the chart, not recreate it.
 */
export function chartOf<S, T extends ChartType, D extends unknown[]>(
  spec: () => S,
  config: (s: S, get: () => S) => ChartConfiguration<T, D, string>,
  apply: (chart: Chart<T, D, string>, s: S) => void,
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    // jsdom and very old browsers have no 2D context: leave the canvas empty (the table holds the data).
    if (!canvas.getContext("2d")) return;
    let chart = $state.raw<Chart<T, D, string> | null>(null);
    let gone = false;
    /** The spec the chart shows (or will show once the pending update has run). */
    let shown: S | null = null;
    // Created, with its data, when the canvas nears the viewport, once the page has painted and is idle.
    const stop = whenNear(canvas, () =>
      afterPaint(() => {
        void loadChartJs().then((ChartJs) => {
          if (gone) return;
          untrack(() => {
            const c = new ChartJs(canvas, config(spec(), spec)) as Chart<T, D, string>;
            shown = spec();
            apply(c, shown);
            chart = c;
          });
        });
      }),
    );
    // New data goes in after the next frame, in a task of its own: a tab or period switch paints
    // its table first, and chart.js' layout never lengthens that task. Several changes before
    // then make one update, with the newest spec.
    let pending = false;
    $effect(() => {
      const s = spec();
      const c = chart;
      if (!c || s === shown) return;
      shown = s;
      if (pending) return;
      pending = true;
      afterFrame(() => {
        pending = false;
        if (!gone && shown !== null) apply(c, shown);
      });
    });
    return () => {
      gone = true;
      stop();
      chart?.destroy();
    };
  };
}

/** `<canvas {@attach horizontalBarChart(() => spec)}>`. */
export const horizontalBarChart = (spec: () => BarChartSpec): Attachment<HTMLCanvasElement> =>
  chartOf(spec, (_s, get) => config(get), apply);
