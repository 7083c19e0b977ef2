import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { aMeta, departmentsH1, departmentsQ1 } from "./support/builders.js";
import { fakeServer } from "./support/fake-server.js";
import { renderApp, settled } from "./support/render-app.js";

/** A stand-in for chart.js that records what the attachment does with it. */
const fake = vi.hoisted(() => {
  const log: string[] = [];
  const registered: unknown[] = [];
  class FakeChart {
    static register(...items: unknown[]) {
      registered.push(...items);
    }
    data: { labels: string[]; datasets: { label: string; data: number[]; backgroundColor: string[] }[] };
    options: Record<string, unknown>;
    constructor(_canvas: unknown, config: { data: FakeChart["data"]; options: Record<string, unknown> }) {
      this.data = config.data;
      this.options = config.options;
      log.push("create");
      instances.push(this);
    }
    update() {
      log.push(`update ${this.data.labels.join(" | ")}`);
    }
    destroy() {
      log.push("destroy");
    }
  }
  const instances: FakeChart[] = [];
  return { log, registered, instances, FakeChart };
});

vi.mock("chart.js", () => ({
  Chart: fake.FakeChart,
  BarController: { id: "bar" },
  BarElement: { id: "barElement" },
  CategoryScale: { id: "category" },
  LinearScale: { id: "linear" },
  Tooltip: { id: "tooltip" },
}));

const realGetContext = HTMLCanvasElement.prototype.getContext;
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => ({})) as unknown as typeof realGetContext;
});
afterAll(() => {
  HTMLCanvasElement.prototype.getContext = realGetContext;
});

describe("Component: RankingChart ({@attach} chart.js factory)", () => {
  it("creates one chart, updates it in place for a new period and destroys it when the chart leaves", async () => {
    // Prepare
    const server = fakeServer({
      meta: aMeta(),
      rankings: { "2024-H1/DEPARTMENT": departmentsH1(), "2024-Q1/DEPARTMENT": departmentsQ1() },
    });

    // Act
    renderApp(server, "?period=2024-H1&tier=DEPARTMENT");
    await settled();
    // chart.js is its own chunk, loaded once the table has been painted.
    await waitFor(() => expect(fake.log).toContain("create"));
    await fireEvent.change(screen.getByTestId("period-select"), { target: { value: "2024-Q1" } });
    await waitFor(() => expect(screen.getByTestId("ranking-table").dataset.period).toBe("2024-Q1"));
    // The new data goes into the chart after the table's frame, in a task of its own.
    await waitFor(() => expect(fake.log).toContain("update Sở Tài chính | Sở Xây dựng | Sở Tư pháp"));
    await fireEvent.click(screen.getByTestId("tier-tab-VERTICAL"));
    await settled();

    // Assess
    expect(fake.registered.map((r) => (r as { id: string }).id)).toEqual(["bar", "barElement", "category", "linear", "tooltip"]);
    expect(fake.log).toEqual([
      "create",
      "update Sở Tư pháp | Sở Xây dựng | Sở Tài chính",
      "update Sở Tài chính | Sở Xây dựng | Sở Tư pháp",
      "destroy",
    ]);
    const chart = fake.instances[0]!;
    expect(chart.data.datasets[0]?.data).toEqual([19, 17, 14]);
    expect(chart.data.datasets[0]?.backgroundColor).toEqual(["#1d7a43", "#1f63a6", "#9a6b00"]);
    // One value axis, from 0 to the methodology's maximum total (100, never a sum of indicator maxima), titled.
    expect(chart.options).toMatchObject({ indexAxis: "y", scales: { x: { min: 0, max: 100, title: { display: true, text: "Tổng điểm (tối đa 100)" } } } });
    expect(screen.queryByTestId("ranking-chart")).toBeNull();
  });

  it("labels the chart for screen readers and points them to the table", async () => {
    renderApp(fakeServer({ meta: aMeta(), rankings: { "2024-H1/DEPARTMENT": departmentsH1() } }), "?period=2024-H1&tier=DEPARTMENT");
    await settled();

    expect((await screen.findByRole("img")).getAttribute("aria-label")).toBe(
      "Biểu đồ thanh tổng điểm của 3 đơn vị, Sở, ban, ngành, 6 tháng đầu năm 2024. Số liệu chi tiết ở bảng bên dưới.",
    );
  });
});
