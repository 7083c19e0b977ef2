/**
 * chart.js through an `{@attach}` factory: the chart is created when the canvas is attached,
 * updated in place when the data changes (an inner $effect), and destroyed when the canvas goes.
 *
 * chart.js is three quarters of the first page's JS and its first draw forces a style and layout
 * pass, so it is its own chunk, loaded after the page has painted: the table (which holds the same
 * numbers) shows first, the chart fills its reserved box a moment later. Only the pieces a
 * horizontal bar chart needs are registered; other kinds (line-chart.svelte.ts) reuse `chartOf`.
 */
import type { Chart, ChartConfiguration, ChartType } from "chart.js";
import { untrack } from "svelte";
import type { Attachment } from "svelte/attachments";

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

export interface BarDatum {
  readonly label: string;
  readonly value: number;
  readonly colour: string;
}

export interface BarChartSpec {
  readonly bars: readonly BarDatum[];
  /** Upper end of the value axis (the maximum total); null lets chart.js choose. */
  readonly max: number | null;
  readonly datasetLabel: string;
  readonly formatValue: (n: number) => string;
}

const FONT = { family: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif', size: 12 };
const truncate = (s: string, n = 34) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function config(spec: BarChartSpec): ChartConfiguration<"bar", number[], string> {
  return {
    type: "bar",
    data: { labels: [], datasets: [{ label: "", data: [], backgroundColor: [], borderWidth: 0, barPercentage: 0.8, categoryPercentage: 0.9 }] },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${spec.formatValue(ctx.parsed.x ?? 0)}` } },
      },
      scales: {
        x: {
          min: 0,
          ...(spec.max === null ? {} : { max: spec.max }),
          ticks: { font: FONT, color: "#3d4753", callback: (v) => spec.formatValue(Number(v)) },
          grid: { color: "#e3e7ec" },
        },
        y: {
          ticks: { font: FONT, color: "#1f2933", autoSkip: false, callback: function (v) {
              // Narrow screens get shorter labels so the bars keep some room.
              return truncate(this.getLabelForValue(Number(v)), this.chart.width < 560 ? 18 : 34);
            },
          },
          grid: { display: false },
        },
      },
    },
  };
}

function apply(chart: Chart<"bar", number[], string>, spec: BarChartSpec): void {
  const fresh = config(spec);
  chart.options = fresh.options ?? {};
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
  config: (s: S) => ChartConfiguration<T, D, string>,
  apply: (chart: Chart<T, D, string>, s: S) => void,
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    // jsdom and very old browsers have no 2D context: leave the canvas empty (the table holds the data).
    if (!canvas.getContext("2d")) return;
    let chart = $state.raw<Chart<T, D, string> | null>(null);
    let gone = false;
    afterPaint(() => {
      void loadChartJs().then((ChartJs) => {
        if (!gone) chart = untrack(() => new ChartJs(canvas, config(spec())) as Chart<T, D, string>);
      });
    });
    $effect(() => {
      const s = spec();
      if (chart) apply(chart, s);
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
  };
}

/** `<canvas {@attach horizontalBarChart(() => spec)}>`. */
export const horizontalBarChart = (spec: () => BarChartSpec): Attachment<HTMLCanvasElement> =>
  chartOf(spec, config, apply);
