/**
 * The shell: which view the URL names (router.ts), who is signed in (SessionModel), the reader's
 * language, and the rankings page's model (the first page, kept in the main chunk). Other pages
 * are loaded on demand and own their models; they navigate through `go`.
 *
 * URL rules: reading a URL canonicalises it (`replace`); a user's choice pushes a history entry;
 * back/forward re-reads it. A protected view without a valid session goes to the login page with
 * `next` set to the view, and comes back there after signing in.
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import type { ApiClient, ApiClientOptions } from "../lib/api.js";
import type { DemoUser } from "../lib/api-types.js";
import type { OidcSession } from "../lib/auth/oidc-session.svelte.js";
import type { SiteConfig } from "../lib/auth/site-config.js";
import { type Lang, isLang } from "../lib/i18n.js";
import { type Location, type NavPort, PAGE_ROLES, type Params, PROTECTED, type Route, hrefOf, parseLocation } from "../lib/router.js";
import { LocaleModel } from "./locale.svelte.js";
import { RankingsModel, type Selection } from "./rankings.svelte.js";
import { SessionModel } from "./session.svelte.js";

/** The two sessions behind the one interface (lib/auth/session.ts), told apart by `kind`. */
export type AnySession = SessionModel | OidcSession;

export interface AppDeps {
  readonly api: ApiClient;
  readonly nav: NavPort;
  /** Defaults to a local session without storage (tests); main.ts passes the one /config.json asks for. */
  readonly session?: AnySession;
  /** The clock the public pages pick their default period by (which periods are over); defaults to the system's. */
  readonly now?: () => Date;
  /** /config.json as read at start; null when it could not be read (sign-in unavailable). Defaults to the local demo's. */
  readonly config?: SiteConfig | null;
  /** The OpenID provider's answer when the page was opened at /auth/callback (lib/auth/callback.ts). */
  readonly callback?: URLSearchParams | null;
  /** What every API client of the pages is built with (main.ts: the stage's API URL); defaults to the session's token and renewal, same origin. */
  readonly clientOptions?: Partial<ApiClientOptions>;
}

/** Where a user lands after signing in, when no `next` view was asked for. */
export function homeOf(user: DemoUser): { route: Route; params: Params } {
  if (user.role === "unit-officer" && user.unitId) return { route: { page: "unit", unitId: user.unitId }, params: {} };
  if (user.role === "home-affairs") return { route: { page: "admin", section: "findings" }, params: {} };
  return { route: { page: "overview" }, params: {} };
}

export class AppModel {
  readonly locale: LocaleModel;
  readonly rankings: RankingsModel;
  readonly session: AnySession;
  readonly api: ApiClient;
  /**
   * The options of the pages' other API clients (actions, proposals, rules, reports, ratings…): the
   * same base URL, bearer and renewal on 401 as `api`, so none of them calls another origin or ends
   * a session the main client would have renewed.
   */
  readonly clientOptions: Partial<ApiClientOptions>;
  /** How staff sign in here: the demo users, the OpenID provider, or not at all (no readable /config.json). */
  readonly signInKind: "local" | "oidc" | "unavailable";
  /** The clock of the public pages' default period. */
  readonly now: () => Date;
  location = $state.raw<Location>({ route: { page: "rankings" }, params: {}, lang: undefined });
  readonly route: Route = $derived(this.location.route);

  readonly #nav: NavPort;
  #unlisten: (() => void) | null = null;
  #meta: Promise<PublicMeta> | null = null;
  #rankingsStarted = false;
  #callback: URLSearchParams | null;

  constructor(deps: AppDeps) {
    this.#nav = deps.nav;
    this.api = deps.api;
    this.session = deps.session ?? new SessionModel();
    this.clientOptions = deps.clientOptions ?? { token: () => this.session.token(), onUnauthorized: () => this.session.renew() };
    this.signInKind = deps.config === null ? "unavailable" : this.session.kind;
    this.#callback = deps.callback ?? null;
    const { search, hash } = deps.nav.read();
    const loc = parseLocation(search, hash);
    this.location = loc;
    this.locale = new LocaleModel(loc.lang ?? "vi");
    this.now = deps.now ?? (() => new Date());
    this.rankings = new RankingsModel(deps.api, this.now);
  }

  /** Reads the URL, applies the sign-in guard, loads the rankings if they are the view. */
  async start(): Promise<void> {
    this.#unlisten ??= this.#nav.listen(() => void this.#onUrlChange());
    this.session.watch(() => this.#toLogin(true));
    await this.#enter(this.#readUrl(), "replace");
  }

  /** The href of a view in the current language (for links). */
  href(route: Route, params: Params = {}): string {
    return hrefOf(route, params, this.locale.lang);
  }

  /** A user's move to another view: a new history entry. */
  async go(route: Route, params: Params = {}): Promise<void> {
    await this.#enter({ route, params, lang: this.locale.lang }, "push");
  }

  /** Another view in place of the current one, without a new history entry (a page sending the reader on, e.g. to a reorganised unit's successor). */
  async replace(route: Route, params: Params = {}): Promise<void> {
    await this.#enter({ route, params, lang: this.locale.lang }, "replace");
  }

  /** Rewrites the current entry (a page canonicalising its own params, e.g. the default period). */
  canonicalise(params: Params): void {
    const loc = { ...this.location, params };
    this.location = loc;
    this.#nav.replace(hrefOf(loc.route, loc.params, this.locale.lang));
  }

  /** Public meta (periods, tiers), fetched once and shared by the pages. */
  meta(): Promise<PublicMeta> {
    this.#meta ??= this.api.publicMeta().catch((e: unknown) => {
      this.#meta = null;
      throw e;
    });
    return this.#meta;
  }

  /** The local demo's sign-in as one of its users. */
  async signIn(userId: string): Promise<void> {
    if (this.session.kind !== "local") throw new Error("demo sign-in on a site that signs in through its OpenID provider");
    const result = await this.api.login(userId);
    this.session.start(result);
    await this.#afterSignIn(this.location.params.next, result.user);
  }

  /** The OpenID sign-in: to the provider's sign-in page, coming back to the view `next` names. */
  async beginSignIn(): Promise<void> {
    if (this.session.kind !== "oidc") throw new Error("no OpenID provider configured");
    const url = await this.session.begin({ next: this.location.params.next, lang: this.locale.lang });
    this.#nav.leave?.(url);
  }

  /**
   * Back from the provider (the callback view): checks its answer and exchanges the code, then
   * goes where the reader was going. The answer is used once; throws the SignInError to show.
   */
  async completeSignIn(): Promise<void> {
    if (this.session.kind !== "oidc") throw new Error("no OpenID provider configured");
    const params = this.#callback ?? new URLSearchParams();
    this.#callback = null;
    const done = await this.session.complete(params);
    if (isLang(done.lang)) this.locale.lang = done.lang;
    await this.#afterSignIn(done.next, done.user);
  }

  async signOut(): Promise<void> {
    const leave = this.session.signOut();
    if (leave && this.#nav.leave) {
      this.#nav.leave(leave);
      return;
    }
    await this.#enter({ route: { page: "rankings" }, params: this.#rankingParams(), lang: this.locale.lang }, "push");
  }

  async #afterSignIn(next: string | undefined, user: DemoUser): Promise<void> {
    const target = next ? parseLocation("", next.startsWith("#") ? next : `#${next}`) : null;
    const stay = (page: Route["page"]) => page !== "login" && page !== "not-found" && page !== "auth-callback";
    if (target && stay(target.route.page)) await this.#enter({ ...target, lang: this.locale.lang }, "replace");
    else await this.#enter({ ...homeOf(user), lang: this.locale.lang }, "replace");
  }

  /** A rankings choice (period or tier): a new history entry, then the data. */
  async choose(change: Partial<Selection>): Promise<void> {
    const current = this.rankings.selection;
    if (!current) return;
    const next = this.rankings.resolve({ period: change.period ?? current.period, tier: change.tier ?? current.tier });
    if (!next) return;
    this.location = { route: { page: "rankings" }, params: { period: next.period, tier: next.tier }, lang: this.locale.lang };
    this.#nav.push(this.#rankingsHref(next));
    await this.rankings.show(next);
  }

  setLang(lang: Lang): void {
    this.locale.lang = lang;
    this.location = { ...this.location, lang };
    const current = this.rankings.selection;
    if (this.route.page === "rankings" && current) this.#nav.replace(this.#rankingsHref(current));
    else this.#nav.replace(hrefOf(this.location.route, this.location.params, lang));
  }

  /** Try the failed rankings request again (meta first, if that is what failed). */
  async retry(): Promise<void> {
    const current = this.rankings.selection;
    if (!this.rankings.meta || !current) return this.#openRankings();
    return this.rankings.show(current);
  }

  dispose(): void {
    this.#unlisten?.();
    this.#unlisten = null;
    this.rankings.dispose();
    this.session.dispose();
  }

  #readUrl(): Location {
    const { search, hash } = this.#nav.read();
    return parseLocation(search, hash);
  }

  async #onUrlChange(): Promise<void> {
    const loc = this.#readUrl();
    // popstate and hashchange can both fire for one move: act once.
    if (hrefOf(loc.route, loc.params, loc.lang ?? "vi") === hrefOf(this.location.route, this.location.params, this.locale.lang)) return;
    await this.#enter(loc, "replace");
  }

  async #enter(loc: Location, mode: "push" | "replace"): Promise<void> {
    const lang = loc.lang ?? this.locale.lang;
    this.locale.lang = lang;
    if (PROTECTED.has(loc.route.page) && !this.session.signedIn) {
      const next = hrefOf(loc.route, loc.params, "vi");
      loc = { route: { page: "login" }, params: { next }, lang };
      mode = "replace";
    } else if (this.session.user && !(PAGE_ROLES[loc.route.page]?.includes(this.session.user.role) ?? true)) {
      // A signed-in user on a page of another role: their own home instead.
      loc = { ...homeOf(this.session.user), lang };
      mode = "replace";
    }
    this.location = { ...loc, lang };
    if (loc.route.page !== "rankings") {
      this.#nav[mode](hrefOf(loc.route, loc.params, lang));
      return;
    }
    if (mode === "push") this.#nav.push(hrefOf(loc.route, loc.params, lang));
    await this.#openRankings();
  }

  /** Loads the rankings the location names (first time: meta and ranking at once). */
  async #openRankings(): Promise<void> {
    const query = { period: this.location.params.period, tier: this.location.params.tier };
    if (!this.#rankingsStarted || !this.rankings.meta) {
      this.#rankingsStarted = true;
      const selection = await this.rankings.open(query);
      // Unless the reader has already chosen something else meanwhile, canonicalise the URL.
      if (selection && this.rankings.selection === selection && this.route.page === "rankings") this.#nav.replace(this.#rankingsHref(selection));
      return;
    }
    const selection = this.rankings.resolve(query);
    if (!selection) {
      this.rankings.showNothing();
      return;
    }
    this.#nav.replace(this.#rankingsHref(selection));
    await this.rankings.show(selection);
  }

  #rankingParams(): Params {
    const s = this.rankings.selection;
    return s ? { period: s.period, tier: s.tier } : {};
  }

  #rankingsHref(selection: Selection): string {
    return hrefOf({ page: "rankings" }, { period: selection.period, tier: selection.tier }, this.locale.lang);
  }

  #toLogin(expired: boolean): void {
    if (!PROTECTED.has(this.route.page)) return;
    const next = hrefOf(this.location.route, this.location.params, "vi");
    this.location = { route: { page: "login" }, params: { next }, lang: this.locale.lang };
    this.#nav.replace(hrefOf(this.location.route, this.location.params, this.locale.lang));
    void expired;
  }
}
