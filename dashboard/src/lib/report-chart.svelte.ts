/**
 * The report's charts (issue 24, item 3): this period beside the previous one, as grouped
 * vertical bars. Unlike the rankings page's charts (chart.svelte.ts: drawn when scrolled near),
 * a report's are drawn at once — the page is printed to PDF whole — and mark their figure
 * `data-drawn` when done, so the PDF waits for them. The numbers are in the tables beside them.
 */
import type { Chart } from "chart.js";
import type { Attachment } from "svelte/attachments";

export interface PairChartSpec {
  readonly labels: readonly string[];
  readonly current: readonly (number | null)[];
  readonly previous: readonly (number | null)[];
  readonly currentLabel: string;
  readonly previousLabel: string;
  readonly axisTitle: string;
  readonly max: number | null;
  readonly format: (n: number) => string;
}

const FONT = { family: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif', size: 12 };
const CURRENT = "#1d4f91";
const PREVIOUS = "#9aa5b1";

let chartJs: Promise<typeof Chart> | null = null;
const loadChartJs = () =>
  (chartJs ??= import("chart.js").then(({ BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip }) => {
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
    return Chart;
  }));

export const PAIR_COLOURS = { current: CURRENT, previous: PREVIOUS } as const;

/** Draws `spec()` on the canvas; redraws when it changes; destroyed with the canvas. */
export function pairChart(spec: () => PairChartSpec): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    if (!canvas.getContext("2d")) return;
    const s = spec();
    let chart: Chart<"bar", (number | null)[], string> | null = null;
    let gone = false;
    void loadChartJs().then((ChartJs) => {
      if (gone) return;
      chart = new ChartJs(canvas, {
        type: "bar",
        data: {
          labels: [...s.labels],
          datasets: [
            { label: s.previousLabel, data: [...s.previous], backgroundColor: PREVIOUS, borderWidth: 0 },
            { label: s.currentLabel, data: [...s.current], backgroundColor: CURRENT, borderWidth: 0 },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: { tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${s.format(ctx.parsed.y ?? 0)}` } } },
          scales: {
            x: { ticks: { font: FONT, color: "#1f2933", autoSkip: false, maxRotation: 0 }, grid: { display: false } },
            y: { min: 0, ...(s.max === null ? {} : { max: s.max }), title: { display: true, text: s.axisTitle, font: FONT }, ticks: { font: FONT, callback: (v) => s.format(Number(v)) } },
          },
        },
      });
      canvas.closest("figure")?.setAttribute("data-drawn", "true");
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
  };
}
