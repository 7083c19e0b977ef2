/**
 * Rules as data (issue 24, item 4): the holiday calendar's and the unit catalog's versions, a
 * year's holidays and a unit change recorded at the version last seen. The server's refusals are
 * kept as codes and fields (the section words them, each beside its row or input); the data is
 * reloaded after every write.
 */
import { type Outcome, attempt } from "../lib/admin-outcome.js";
import type { HolidayYearInput, MethodologyPreview, MethodologyVersionInput, RulesApi, RulesView, UnitChangeInput } from "../lib/rules-api.js";
import { Resource } from "./resource.svelte.js";

/** One editable row of a year's list. */
export interface DayRow {
  date: string;
  kind: "HOLIDAY" | "COMPENSATORY_DAY_OFF" | "MAKEUP_WORKDAY";
  nameVi: string;
  nameEn: string;
}

/** The refused fields of an outcome under `prefix` (`days[2]` → the row's date, kind, names). */
export function fieldErrors(o: Outcome | null, prefix: string): { field: string; code: string }[] {
  if (!o || o.ok) return [];
  return (o.errors ?? []).filter((e) => e.field === prefix || e.field.startsWith(`${prefix}.`) || e.field.startsWith(`${prefix}[`));
}

export class RulesModel {
  readonly rules = new Resource<RulesView>();
  /** The last write of each form. */
  holidayOutcome = $state.raw<Outcome | null>(null);
  unitOutcome = $state.raw<Outcome | null>(null);
  methodologyOutcome = $state.raw<Outcome | null>(null);
  /** The last preview of a methodology version (null: none asked, or the form changed since). */
  preview = $state.raw<MethodologyPreview | null>(null);
  busy = $state(false);
  constructor(private readonly api: RulesApi) {}

  load(): Promise<void> {
    return this.rules.load((signal) => this.api.read(signal));
  }

  /** The rows of a year in force (the compiled list or its last version), for editing. */
  daysOf(year: number): DayRow[] {
    const y = this.rules.data?.holidays.years.find((x) => x.year === year);
    return (y?.days ?? []).map((d) => ({ date: d.date, kind: d.kind as DayRow["kind"], nameVi: d.nameVi, nameEn: d.nameEn }));
  }

  async recordHolidayYear(input: HolidayYearInput): Promise<Outcome> {
    if (!input.basis.trim()) return (this.holidayOutcome = { ok: false, code: "INVALID_CONTENT", status: 422, errors: [{ field: "basis", code: "REQUIRED" }] });
    this.busy = true;
    const outcome = await attempt(() => this.api.recordHolidayYear({ ...input, basis: input.basis.trim() }, this.rules.data?.holidays.version ?? 0));
    // Said once the list shows the new version (or, after a conflict, the other person's).
    await this.load();
    this.busy = false;
    return (this.holidayOutcome = outcome);
  }

  async recordUnitChange(input: UnitChangeInput): Promise<Outcome> {
    if (!input.basis.trim()) return (this.unitOutcome = { ok: false, code: "INVALID_CONTENT", status: 422, errors: [{ field: "basis", code: "REQUIRED" }] });
    this.busy = true;
    const outcome = await attempt(() => this.api.recordUnitChange({ ...input, basis: input.basis.trim() }, this.rules.data?.units.version ?? 0));
    await this.load();
    this.busy = false;
    return (this.unitOutcome = outcome);
  }

  /** What the last scored period would rank like under the version; its refusals are the outcome's fields. */
  async previewMethodology(input: MethodologyVersionInput): Promise<Outcome> {
    this.busy = true;
    let preview: MethodologyPreview | null = null;
    const outcome = await attempt(async () => (preview = await this.api.previewMethodology(input)));
    this.busy = false;
    this.preview = preview;
    const p = preview as MethodologyPreview | null;
    this.methodologyOutcome = outcome.ok && p !== null && !p.valid ? { ok: false, code: "INVALID_CONTENT", status: 422, errors: p.errors } : outcome.ok ? null : outcome;
    return this.methodologyOutcome ?? { ok: true };
  }

  async publishMethodology(input: MethodologyVersionInput): Promise<Outcome> {
    if (!input.basis.trim()) return (this.methodologyOutcome = { ok: false, code: "INVALID_CONTENT", status: 422, errors: [{ field: "basis", code: "REQUIRED" }] });
    this.busy = true;
    const outcome = await attempt(() => this.api.publishMethodology({ ...input, basis: input.basis.trim() }, this.rules.data?.methodology.version ?? 0));
    await this.load();
    this.busy = false;
    if (outcome.ok) this.preview = null;
    return (this.methodologyOutcome = outcome);
  }

  dispose(): void {
    this.rules.dispose();
  }
}
