/**
 * What every page loaded on demand starts with: the shell (router, session, API), the reader's
 * language, and the helpers that name things in it. The rankings page (first chunk) does without,
 * so that the pages' words (i18n-pages.ts) stay out of the first page's JS; each page passes its own
 * dictionary to `words`, so a public page loads its words only.
 *
 *   const { app, locale, periodName, unitName } = usePage();
 *   const { t, P, fmt } = $derived(words(locale, PAGE_MESSAGES));
 */
import type { LocaleModel } from "../models/locale.svelte.js";
import { useApp, useLocale } from "./context.js";
import type { Lang } from "./i18n.js";
import { isPeriodId, parsePeriod } from "./periods.js";

/**
 * The words (`t` shared, `P` the page's own dictionary by language: PAGE_MESSAGES of i18n-pages.ts
 * for the signed-in pages, a smaller one for each public page) and formats of the reader's language.
 */
export const words = <P>(locale: LocaleModel, pages: Readonly<Record<Lang, P>>) => ({ t: locale.t, P: pages[locale.lang], fmt: locale.fmt });

export function usePage() {
  const app = useApp();
  const locale = useLocale();
  return {
    app,
    locale,
    /** "6 tháng đầu năm 2024" / "H1 2024 (Jan–Jun)"; an id that is not a period, as it is. */
    periodName: (id: string): string => (isPeriodId(id) ? locale.t.period(parsePeriod(id)) : id),
    /** A unit's name in the reader's language (the Vietnamese one when there is no English). */
    unitName: (u: { readonly nameVi: string; readonly nameEn: string }): string => (locale.lang === "en" && u.nameEn ? u.nameEn : u.nameVi),
  };
}
