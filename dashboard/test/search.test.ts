/** Citizens find their unit (issue 19, item 5): a search that ignores diacritics, case and word order. */
import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { filterByQuery, fold, matchesQuery } from "../src/lib/search.js";
import { aMeta, aSnapshot, aUnit, ranked } from "./support/builders.js";
import { fakeServer } from "./support/fake-server.js";
import { renderApp, settled } from "./support/render-app.js";

describe("Function: fold / matchesQuery", () => {
  it("drops diacritics (đ/Đ included), case and extra spaces", () => {
    expect(fold("  Phường  Biên Hòa ")).toBe("phuong bien hoa");
    expect(fold("Sở Y tế tỉnh ĐỒNG NAI")).toBe("so y te tinh dong nai");
    // Both spellings of the tone mark (hòa / hoà) and composed or decomposed input fold alike.
    expect(fold("Hoà")).toBe(fold("Hòa"));
    expect(fold("Hòa".normalize("NFD"))).toBe("hoa");
  });

  it("matches every word of the query, in any order", () => {
    expect(matchesQuery("bien hoa", ["Phường Biên Hòa"])).toBe(true);
    expect(matchesQuery("dong nai", ["Sở Y tế tỉnh Đồng Nai"])).toBe(true);
    expect(matchesQuery("hoa bien", ["Phường Biên Hòa"])).toBe(true);
    expect(matchesQuery("BIÊN", ["Phường Biên Hòa"])).toBe(true);
    expect(matchesQuery("bien hoa", ["Xã Long Thành"])).toBe(false);
    expect(matchesQuery("   ", ["anything"])).toBe(true);
    // The English name counts too.
    expect(matchesQuery("justice", ["Sở Tư pháp", "Department of Justice"])).toBe(true);
  });

  it("keeps the rows' order and returns them all for a blank query", () => {
    const rows = ["Phường Biên Hòa", "Xã Long Thành", "Phường Tân Biên"];
    expect(filterByQuery(rows, "bien", (r) => [r])).toEqual(["Phường Biên Hòa", "Phường Tân Biên"]);
    expect(filterByQuery(rows, "", (r) => [r])).toBe(rows);
  });
});

describe("Page: the public rankings' search", () => {
  const communes = () =>
    aSnapshot({
      period: "2024-06",
      tier: "COMMUNE",
      units: ranked([
        aUnit("COM-BH", "Phường Biên Hòa", { early: 10, onTime: 80, late: 10, overdue: 0 }, { tier: "COMMUNE", nameEn: "Bien Hoa Ward" }),
        aUnit("COM-LT", "Xã Long Thành", { early: 5, onTime: 90, late: 5, overdue: 0 }, { tier: "COMMUNE", nameEn: "Long Thanh Commune" }),
        aUnit("COM-TB", "Phường Tân Biên", { early: 5, onTime: 70, late: 25, overdue: 0 }, { tier: "COMMUNE", nameEn: "Tan Bien Ward" }),
      ]),
    });
  const rows = () => screen.getAllByTestId("ranking-row").map((r) => r.dataset.unitId);

  it("filters the rows as the reader types without diacritics, says how many, and keeps the ranks", async () => {
    renderApp(fakeServer({ meta: aMeta(), rankings: { "2024-06/COMMUNE": communes() } }), "?period=2024-06&tier=COMMUNE");
    await settled();
    expect(rows()).toEqual(["COM-LT", "COM-BH", "COM-TB"]);

    await fireEvent.input(screen.getByLabelText("Tìm đơn vị"), { target: { value: "bien hoa" } });

    expect(rows()).toEqual(["COM-BH"]);
    expect(screen.getAllByTestId("ranking-row")[0]?.querySelector("td")?.textContent).toBe("2");
    expect(screen.getByTestId("unit-search-count").textContent).toBe("1/3 đơn vị");
    // The chart draws the units found.
    await waitFor(() => expect(screen.getByTestId("ranking-chart").dataset.mode).toBe("matches"));

    await fireEvent.input(screen.getByLabelText("Tìm đơn vị"), { target: { value: "BIÊN" } });
    expect(rows()).toEqual(["COM-BH", "COM-TB"]);
  });

  it("says so when no name matches, and finds everything again when cleared", async () => {
    renderApp(fakeServer({ meta: aMeta(), rankings: { "2024-06/COMMUNE": communes() } }), "?period=2024-06&tier=COMMUNE");
    await settled();

    await fireEvent.input(screen.getByLabelText("Tìm đơn vị"), { target: { value: "dong nai" } });
    expect(screen.queryByTestId("ranking-table")).toBeNull();
    expect(screen.getByTestId("empty-state").textContent).toContain("Không có đơn vị nào có tên khớp với “dong nai”.");

    await fireEvent.input(screen.getByLabelText("Tìm đơn vị"), { target: { value: "" } });
    await waitFor(() => expect(rows()).toHaveLength(3));
  });
});
