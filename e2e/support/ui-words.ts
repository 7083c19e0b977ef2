/**
 * The English words of the dashboard's public pages, for telling an untranslated string on a
 * Vietnamese page: every word of four letters or more in the English dictionaries (the first
 * page's, the public pages', the files'), less the words the Vietnamese dictionaries use too
 * (Excel, JSON, Scorecard…). Functions are called with placeholders to get their words.
 */
import { DATA_MESSAGES, OPEN_DATA_FILE_MESSAGES } from "../../dashboard/src/lib/i18n/data.js";
import { MESSAGES } from "../../dashboard/src/lib/i18n.js";
import { PAGE_MESSAGES, RATINGS_MESSAGES } from "../../dashboard/src/lib/i18n-pages.js";

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (typeof v === "function") {
    try {
      const r: unknown = (v as (...a: string[]) => unknown)("1", "1", "1");
      strings(r, out);
    } catch {
      // a function that needs a real argument (a period): its words are elsewhere too
    }
  } else if (v && typeof v === "object") for (const x of Object.values(v)) strings(x, out);
  return out;
}

const words = (texts: readonly string[]) => new Set(texts.flatMap((t) => t.match(/\b[A-Za-z]{4,}\b/g) ?? []).map((w) => w.toLowerCase()));

const PUBLIC_PAGES = ["common", "publicUnit", "methodology", "report", "openData"] as const;
/** The signed-in pages' words (overview, scorecard, Home Affairs, sign-in) and the ratings sections they share. */
const SIGNED_IN_PAGES = ["overview", "scorecard", "admin", "login"] as const;

export function englishUiWords(): ReadonlySet<string> {
  const dictionaries = (lang: "vi" | "en") => [
    MESSAGES[lang],
    ...[...PUBLIC_PAGES, ...SIGNED_IN_PAGES].map((k) => PAGE_MESSAGES[lang][k]),
    RATINGS_MESSAGES[lang],
    DATA_MESSAGES[lang],
    OPEN_DATA_FILE_MESSAGES[lang],
  ];
  const en = words(strings(dictionaries("en")));
  const vi = words(strings(dictionaries("vi")));
  return new Set([...en].filter((w) => !vi.has(w)));
}
