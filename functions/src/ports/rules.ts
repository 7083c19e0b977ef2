import type { ConditionalWrite, Versioned } from "./versioned.js";
import type { CalendarDay, UnitCatalog, WorkingCalendar } from "@scorecard/shared";
import type { MethodologyVersionInput, UnitChangeBody } from "@scorecard/shared/contracts/rules";
import type { Methodology } from "@scorecard/shared/methodology/methodology";

/**
 * Rules as data (issue 24, item 4; docs/adr/0022-rules-as-data.md): what Home Affairs changed on
 * top of the compiled holiday calendar, unit catalog and methodology (the initial versions). One document per
 * kind, each change a new version of it written at the expected version with its audit entry.
 * (ports/admin.ts's Actor restated: ports/admin.ts names this store, and the two files must not
 * import each other; Versioned and ConditionalWrite from ./versioned.ts.)
 */

interface Actor {
  readonly sub: string;
  readonly role: string;
}

/** One recorded year of holidays (a version of the holiday rules). */
export interface HolidayYearVersion {
  readonly version: number;
  readonly year: number;
  readonly days: readonly CalendarDay[];
  readonly basis: string;
  readonly at: string;
  readonly by: Actor;
  readonly added: number;
  readonly removed: number;
}

export interface StoredHolidayRules extends Versioned {
  /** Every version, oldest first; the last one of a year is in force for that year. */
  readonly versions: readonly HolidayYearVersion[];
}

/** One recorded unit change (a version of the unit rules). */
export interface UnitChangeVersion {
  readonly version: number;
  readonly change: UnitChangeBody;
  readonly basis: string;
  readonly at: string;
  readonly by: Actor;
}

export interface StoredUnitRules extends Versioned {
  /** Every change, in the order recorded (the order they are applied in). */
  readonly versions: readonly UnitChangeVersion[];
}

/** One published methodology version: its changes over the version before it (`basedOn`). */
export interface MethodologyVersionRecord extends Omit<MethodologyVersionInput, "basis"> {
  readonly version: number;
  /** The compiled version the series starts from (METHODOLOGY_ID when it was published). */
  readonly series: string;
  readonly basedOn: string;
  readonly basis: string;
  readonly at: string;
  readonly by: Actor;
}

export interface StoredMethodologyRules extends Versioned {
  /** Every published version, in the order published (effective dates increase). */
  readonly versions: readonly MethodologyVersionRecord[];
}

export interface RulesStore {
  holidays(): Promise<StoredHolidayRules | undefined>;
  /** Condition: version = expectedVersion (0 = nothing stored yet). */
  putHolidays(doc: StoredHolidayRules, expectedVersion: number): Promise<ConditionalWrite>;
  units(): Promise<StoredUnitRules | undefined>;
  putUnits(doc: StoredUnitRules, expectedVersion: number): Promise<ConditionalWrite>;
  methodology(): Promise<StoredMethodologyRules | undefined>;
  putMethodology(doc: StoredMethodologyRules, expectedVersion: number): Promise<ConditionalWrite>;
}

/** The rules in force now (the compiled data with the stored versions), as scoring uses them. */
export interface RulesInForce {
  readonly calendar: WorkingCalendar;
  readonly catalog: UnitCatalog;
  /** The published methodology versions of each series, derived, in order of their effective dates. */
  readonly methodologies: Readonly<Record<string, readonly Methodology[]>>;
  /** The versions they were built from: equal versions, equal rules. */
  readonly versions: { readonly holidays: number; readonly units: number; readonly methodology: number };
}

/** Where a scoring run reads the rules (the store in the cloud and locally; the compiled data in tools without one). */
export interface RulesSource {
  load(): Promise<RulesInForce>;
}
