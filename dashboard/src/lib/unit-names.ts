/**
 * A unit's name as a chart label: every unit on the dashboard is of Đồng Nai, so the province is
 * dropped where it only says so — "Sở Tư pháp tỉnh Đồng Nai" → "Sở Tư pháp", "Dong Nai Department
 * of Justice" → "Department of Justice". Where the province is part of what the unit is ("Kho bạc
 * Nhà nước khu vực phụ trách Đồng Nai", "Office of the Dong Nai Provincial People's Committee",
 * "Dong Nai Province") the name is kept. The table beside the chart keeps the full names.
 */
export function chartLabel(name: string): string {
  return name
    .replace(/,?\s+(tỉnh Đồng Nai|of Dong Nai( Province)?)$/iu, "")
    .replace(/^Dong Nai (?!Province\b)(?=\S)/u, "");
}
