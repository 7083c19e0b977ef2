import { type Formatters, createFormatters } from "../lib/format.js";
import { type Lang, MESSAGES, type Messages } from "../lib/i18n.js";

/** The reader's language; words (`t`) and Intl formatters (`fmt`) follow it. */
export class LocaleModel {
  lang = $state<Lang>("vi");
  readonly t: Messages = $derived(MESSAGES[this.lang]);
  readonly fmt: Formatters = $derived(createFormatters(this.lang));

  constructor(lang: Lang = "vi") {
    this.lang = lang;
  }
}
