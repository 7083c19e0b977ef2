/**
 * Why a total is incomplete (issue 20, item 5): the scored indicators without data. A snapshot says
 * it (`missing` on each unit); an older one does not, and the list is read off its indicators (the
 * scored ones — max set — whose status is not "ok"), in the methodology's order. Pure.
 *
 * @example missingNames(["D3"], m, "vi") // "Chứng thực điện tử (D3)"
 * @example missingNames(["D3"], m, "vi", "Sở Nội vụ chưa nhập") // "Chứng thực điện tử (D3, Sở Nội vụ chưa nhập)"
 */
import { indicatorLabel } from "@scorecard/shared/methodology/labels";
import type { Lang, Methodology } from "@scorecard/shared/methodology/methodology";

interface UnitLike {
  readonly total: number | null;
  readonly complete: boolean;
  readonly missing?: readonly string[] | undefined;
  readonly indicators: Readonly<Record<string, { readonly status: string; readonly max: number | null }>>;
}

/** The codes of the scored indicators the unit has no data for (empty when complete). */
export function missingOf(unit: UnitLike, m: Methodology | undefined): readonly string[] {
  if (unit.complete) return [];
  if (unit.missing) return unit.missing;
  // A scored snapshot carries every indicator of its version: the scored ones (max set) not "ok".
  // One it does not carry is not named (nothing says it was scored).
  const order = m ? m.indicators.map((d) => d.code) : Object.keys(unit.indicators);
  return order.filter((code) => {
    const v = unit.indicators[code];
    return v !== undefined && v.max !== null && v.status !== "ok";
  });
}

/**
 * "Chứng thực điện tử (D3, Sở Nội vụ chưa nhập), Công bố đúng hạn (T1)": the short names with the
 * codes; `manualNote` after the code of an indicator Home Affairs enters (source MANUAL), so that
 * nobody takes its absence for the unit's doing.
 */
export function missingNames(codes: readonly string[], m: Methodology | undefined, lang: Lang, manualNote?: string): string {
  return codes
    .map((c) => {
      if (!m) return c;
      const manual = manualNote && m.indicators.some((d) => d.code === c && d.source === "MANUAL");
      return `${indicatorLabel(m, c, lang, "short")} (${c}${manual ? `, ${manualNote}` : ""})`;
    })
    .join(", ");
}

/**
 * The indicators missing among the ranked units of a table (those with a total: a unit with no data
 * at all says "no data" instead), each with how many units lack it, most often missing first.
 */
export function missingSummary(units: readonly UnitLike[], m: Methodology | undefined): { readonly code: string; readonly units: number }[] {
  const count = new Map<string, number>();
  for (const u of units) if (u.total !== null) for (const c of missingOf(u, m)) count.set(c, (count.get(c) ?? 0) + 1);
  const order = m ? m.indicators.map((d) => d.code) : [...count.keys()];
  return [...count].map(([code, n]) => ({ code, units: n })).sort((a, b) => b.units - a.units || order.indexOf(a.code) - order.indexOf(b.code));
}
