/**
 * The options of the workspace's pickers (components/NamePicker.svelte): a unit by its name in the
 * reader's language with its tier and id; a head by name with their unit and title. Every option
 * carries the texts a search matches (names in both languages, the id), folded by lib/search.ts.
 */
import type { HeadRoster } from "./api-types.js";
import { type Messages, labelOf } from "./i18n.js";
import type { Lang } from "./i18n.js";
import { unitName } from "./public-ranking.js";
import { type UnitRecord, unitRecord } from "./units.js";

export interface PickerOption {
  /** What the form sends (a unit id; "unitId|headId" for a head). */
  readonly value: string;
  readonly label: string;
  /** The label's language when it is not the page's (a person's name, a title: Vietnamese). */
  readonly labelLang?: "vi" | undefined;
  /** Shown after the label, in the page's language (a unit's tier; a head's unit). */
  readonly detail: string;
  /** A code shown last (a unit id): no language of its own. */
  readonly code?: string | undefined;
  /** The texts a query is matched against. */
  readonly search: readonly string[];
}

/** A tier's name; the province's own committee is not among the ranked tiers' names. */
const tierName = (tier: string, t: Messages, province: string): string => (tier === "PROVINCE" ? province : labelOf(t.tiers, tier));

export function unitOptions(units: readonly UnitRecord[], lang: Lang, t: Messages, province: string): PickerOption[] {
  return units.map((u) => ({ value: u.unitId, label: unitName(u, lang).text, detail: tierName(u.tier, t, province), code: u.unitId, search: [u.nameVi, u.nameEn, u.unitId] }));
}

/** Heads in office at some point of [from, to] (local dates), by name with their unit. */
export function headOptions(rosters: readonly HeadRoster[], lang: Lang, from: string, to: string): PickerOption[] {
  return rosters.flatMap((r) => {
    const unit = unitRecord(r.unitId);
    const unitText = unit ? unitName(unit, lang).text : r.unitId;
    return r.heads
      .filter((h) => h.tenureFrom <= to && (h.tenureTo === null || h.tenureTo >= from))
      .map((h) => ({ value: `${r.unitId}|${h.headId}`, label: `${h.name} — ${h.title}`, labelLang: "vi" as const, detail: unitText, search: [h.name, unit?.nameVi ?? "", unit?.nameEn ?? "", r.unitId] }));
  });
}
