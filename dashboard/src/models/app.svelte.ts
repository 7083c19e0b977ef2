/**
 * Wires the page models to the URL: the query string is read on start and on back/forward,
 * rewritten to its canonical form on load and on a language switch, and pushed on a new choice
 * of period or tier.
 */
import type { ApiClient } from "../lib/api.js";
import type { Lang } from "../lib/i18n.js";
import { type HistoryPort, type ViewQuery, formatQuery } from "../lib/url-state.js";
import { LocaleModel } from "./locale.svelte.js";
import { RankingsModel, type Selection } from "./rankings.svelte.js";

export interface AppDeps {
  readonly api: ApiClient;
  readonly history: HistoryPort;
}

export class AppModel {
  readonly locale: LocaleModel;
  readonly rankings: RankingsModel;
  readonly #history: HistoryPort;
  #unlisten: (() => void) | null = null;

  constructor(deps: AppDeps) {
    this.#history = deps.history;
    this.locale = new LocaleModel(deps.history.read().lang ?? "vi");
    this.rankings = new RankingsModel(deps.api);
  }

  /** Loads meta and the view the URL asks for; listens to back/forward. */
  async start(): Promise<void> {
    this.#unlisten ??= this.#history.listen((query) => void this.#navigate(query));
    const query = this.#history.read();
    this.locale.lang = query.lang ?? "vi";
    const selection = await this.rankings.open(query);
    // Unless the reader has already chosen something else meanwhile, canonicalise the URL.
    if (selection && this.rankings.selection === selection) this.#history.replace(this.#search(selection));
  }

  /** A user's choice: a new history entry, then the data. */
  async choose(change: Partial<Selection>): Promise<void> {
    const current = this.rankings.selection;
    if (!current) return;
    const next = this.rankings.resolve({ period: change.period ?? current.period, tier: change.tier ?? current.tier });
    if (!next) return;
    this.#history.push(this.#search(next));
    await this.rankings.show(next);
  }

  setLang(lang: Lang): void {
    this.locale.lang = lang;
    const current = this.rankings.selection;
    if (current) this.#history.replace(this.#search(current));
  }

  /** Try the failed request again (meta first, if that is what failed). */
  async retry(): Promise<void> {
    const current = this.rankings.selection;
    if (!this.rankings.meta || !current) return this.start();
    return this.rankings.show(current);
  }

  dispose(): void {
    this.#unlisten?.();
    this.#unlisten = null;
    this.rankings.dispose();
  }

  async #navigate(query: ViewQuery): Promise<void> {
    this.locale.lang = query.lang ?? "vi";
    if (!this.rankings.meta) return;
    const selection = this.rankings.resolve(query);
    if (!selection) {
      this.rankings.showNothing();
      return;
    }
    this.#history.replace(this.#search(selection));
    await this.rankings.show(selection);
  }

  #search(selection: Selection): string {
    return formatQuery({ period: selection.period, tier: selection.tier, lang: this.locale.lang });
  }
}
