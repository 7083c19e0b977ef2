/**
 * chart.js through an `{@attach}` factory: the chart is created when the canvas is attached,
 * updated in place when the data changes (an inner $effect), and destroyed when the canvas goes.
 * Only the pieces a horizontal bar chart needs are registered, to keep the bundle small; other
 * kinds (line-chart.svelte.ts, lazy pages only) register their own pieces and reuse `chartOf`.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip, type ChartConfiguration, type ChartType } from "chart.js";
import { untrack } from "svelte";
import type { Attachment } from "svelte/attachments";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

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
    const chart = untrack(() => new Chart(canvas, config(spec())));
    $effect(() => apply(chart, spec()));
    return () => chart.destroy();
  };
}

/** `<canvas {@attach horizontalBarChart(() => spec)}>`. */
export const horizontalBarChart = (spec: () => BarChartSpec): Attachment<HTMLCanvasElement> =>
  chartOf(spec, config, apply);
