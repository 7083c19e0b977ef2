/**
 * Who may do what (ARCHITECTURE §1, §7): one policy function, role × unit × action, used by
 * every route. It fails closed: an unknown role or action is refused.
 */

export const ROLES = ["chairman", "home-affairs", "unit-officer", "source-system", "public"] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  readonly role: Role;
  /** Subject (user or client id); "anonymous" for the public. */
  readonly sub: string;
  /** The unit a unit officer belongs to (claim `custom:unitId`). */
  readonly unitId?: string | undefined;
  readonly name?: string | undefined;
}

/** The OAuth scope of the source systems' machine-to-machine app clients (infra Identity construct). */
export const SOURCE_SYSTEM_SCOPE = "scorecard/events.write";

export const ANONYMOUS: Principal = { role: "public", sub: "anonymous" };

export const ACTIONS = [
  "public:read", // public rankings, methodology, open data
  "events:write", // post case events, complaints, catalog
  "rankings:read", // rankings with drafts and details (role-checked route)
  "unit:read", // a unit's scorecard
  "unit:cases:read", // the dossiers behind a unit's number
  "warnings:read", // early-warning list of a unit
  "case:read", // one dossier's timeline (a unit officer: only a dossier their unit is party to — authorizeCase)
  "heads:read", // heads of unit and their ratings, province-wide
  "unit:heads:read", // the ratings of one unit's heads (a unit officer: their own unit's only)
  "reform:read", // the reform index of every unit (draft until Home Affairs' appraisal is final)
  "unit:reform:read", // the reform index of one unit (a unit officer: their own unit's only)
  "findings:read",
  "findings:write", // create and edit draft inspection findings
  "findings:conclude", // record the concluding notice (locks)
  "criteria:write", // manual reform-index criteria
  "returns:mark", // mark or unmark a dossier's return as improper (R3 of dn-2026.2)
  "survey:import",
  "heads:write",
  "score:run",
  "publish",
  "audit:read",
  "audit:export",
  // ——— from ranking to action (issue 24) ———
  "actions:read", // every corrective action of the province
  "unit:actions:read", // the corrective actions opened against one unit (a unit officer: their own unit's only)
  "actions:write", // open a corrective action, accept what a unit reported, reopen it (Home Affairs)
  "unit:actions:report", // report what the unit did about an action (a unit officer: their own unit's only)
  "proposals:read", // proposals on heads of unit (D8): never public, never a unit officer's
  "proposals:write",
  "reports:read", // the province's six-monthly and annual reports (D10) and the submission tracker
  "unit:reports:read", // one unit's report (a unit officer: their own unit's only)
  "reports:manage", // set submission deadlines, freeze (publish) a report
  "unit:reports:submit", // attach the unit's narrative to its report (a unit officer: their own unit's only)
  "rules:write", // publish a methodology version, record a unit change, add a year's holidays
] as const;
export type Action = (typeof ACTIONS)[number];

/** Actions on one unit's data: a unit officer may perform them only on their own unit. */
const UNIT_SCOPED: ReadonlySet<Action> = new Set([
  "unit:read", "unit:cases:read", "warnings:read", "unit:heads:read", "unit:reform:read", "unit:actions:read", "unit:actions:report", "unit:reports:read", "unit:reports:submit",
]);

const GRANTS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  public: new Set(["public:read"]),
  "source-system": new Set(["public:read", "events:write"]),
  "unit-officer": new Set([
    "public:read", "rankings:read", "unit:read", "unit:cases:read", "warnings:read", "case:read", "unit:heads:read", "unit:reform:read",
    "unit:actions:read", "unit:actions:report", "unit:reports:read", "unit:reports:submit",
  ]),
  chairman: new Set([
    "public:read", "rankings:read", "unit:read", "unit:cases:read", "warnings:read", "case:read", "heads:read", "unit:heads:read", "reform:read", "unit:reform:read", "findings:read", "audit:read",
    "actions:read", "unit:actions:read", "proposals:read", "reports:read", "unit:reports:read",
  ]),
  "home-affairs": new Set([
    "public:read", "rankings:read", "unit:read", "unit:cases:read", "warnings:read", "case:read", "heads:read", "unit:heads:read", "reform:read", "unit:reform:read", "findings:read",
    "findings:write", "findings:conclude", "criteria:write", "returns:mark", "survey:import", "heads:write", "score:run", "publish", "audit:read", "audit:export",
    "actions:read", "unit:actions:read", "actions:write", "proposals:read", "proposals:write", "reports:read", "unit:reports:read", "reports:manage", "rules:write",
  ]),
};

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/**
 * May `principal` perform `action` (on `resource.unitId`, for unit-scoped actions)?
 * @example authorize({ role: "unit-officer", sub: "u1", unitId: "DIST-731" }, "unit:read", { unitId: "DIST-732" }).allowed === false
 */
export function authorize(principal: Principal, action: Action, resource: { readonly unitId?: string } = {}): Decision {
  // Own properties only: a role named "toString" or "__proto__" must not reach Object.prototype.
  const grants = Object.hasOwn(GRANTS, principal.role) ? GRANTS[principal.role as Role] : undefined;
  if (!grants || !grants.has(action)) return { allowed: false, reason: `role ${String(principal.role)} may not ${action}` };
  if (principal.role === "unit-officer" && UNIT_SCOPED.has(action)) {
    if (!principal.unitId) return { allowed: false, reason: "unit officer without a unit" };
    if (resource.unitId !== principal.unitId) return { allowed: false, reason: "another unit's data" };
  }
  return { allowed: true };
}

/** The units party to one dossier: the object of the `case:read` check. */
export interface CaseParties {
  /** Units that received it, transferred it or were given it (RECEIVED, TRANSFERRED from and to). */
  readonly holders: readonly string[];
  /** Units consulted on it (CONSULT_REQUESTED targets). */
  readonly consulted: readonly string[];
}

/** Roles that may read any dossier of the province. */
const PROVINCE_WIDE: ReadonlySet<Role> = new Set(["chairman", "home-affairs"]);

/**
 * May `principal` read this dossier? The object-level check of `case:read`, after the route-level
 * one (which only says the role may read dossiers at all). The chairman and Home Affairs: any
 * dossier. A unit officer: a dossier their unit received, transferred or was given, or was
 * consulted on. Fail closed: `parties` undefined (no such dossier, or nothing known of it) is
 * refused to a unit officer with the same reason as another unit's dossier, so a 403 never says
 * whether the dossier exists; any other role is refused.
 * @example authorizeCase({ role: "unit-officer", sub: "u", unitId: "DIST-731" }, { holders: ["DIST-732"], consulted: ["DIST-731"] }).allowed === true
 */
export function authorizeCase(principal: Principal, parties: CaseParties | undefined): Decision {
  const route = authorize(principal, "case:read");
  if (!route.allowed) return route;
  if (PROVINCE_WIDE.has(principal.role)) return { allowed: true };
  if (principal.role !== "unit-officer") return { allowed: false, reason: `role ${String(principal.role)} may not read dossiers` };
  const own = principal.unitId;
  if (!own) return { allowed: false, reason: "unit officer without a unit" };
  if (parties && (parties.holders.includes(own) || parties.consulted.includes(own))) return { allowed: true };
  return { allowed: false, reason: "not a dossier of this unit" };
}

/**
 * The principal from verified token claims — the same claim names from Cognito (cognito:groups,
 * custom:unitId) and from the local signing key. Anything unrecognised is the public, never more.
 */
export function principalFromClaims(claims: Readonly<Record<string, unknown>> | undefined): Principal {
  if (!claims) return ANONYMOUS;
  // Source systems use Cognito's client-credentials flow: no groups, an OAuth scope instead.
  const scopes = typeof claims["scope"] === "string" ? (claims["scope"] as string).split(" ") : [];
  if (scopes.includes(SOURCE_SYSTEM_SCOPE)) return { role: "source-system", sub: String(claims["client_id"] ?? claims["sub"] ?? "unknown") };
  const raw = claims["cognito:groups"] ?? claims["custom:role"] ?? claims["role"];
  const groups = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? raw.replace(/^\[|\]$/g, "").split(/[\s,]+/) : [];
  // The most privileged recognised group wins only among known roles; unknown groups are ignored.
  const order: Role[] = ["home-affairs", "chairman", "unit-officer", "source-system"];
  const role = order.find((r) => groups.includes(r));
  if (!role) return ANONYMOUS;
  const unitId = typeof claims["custom:unitId"] === "string" ? (claims["custom:unitId"] as string) : undefined;
  if (role === "unit-officer" && !unitId) return ANONYMOUS;
  const name = typeof claims["name"] === "string" ? (claims["name"] as string) : undefined;
  return { role, sub: String(claims["sub"] ?? "unknown"), unitId, name };
}
