/**
 * Finding a unit by name the way citizens type it: without diacritics, in any case, in any word
 * order ("bien hoa" finds "Phường Biên Hòa", "dong nai" finds "Sở Y tế tỉnh Đồng Nai"). Pure.
 */

/**
 * A text folded for matching: diacritics dropped (đ/Đ → d, which Unicode does not decompose),
 * lower case, runs of spaces as one.
 * @example fold("Phường Biên Hoà") === "phuong bien hoa"
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The query's words, folded; empty when the query is blank. */
export const queryWords = (query: string): string[] => fold(query).split(" ").filter((w) => w !== "");

/**
 * True when every word of the query appears in one of the texts (a blank query matches everything).
 * @example matchesQuery("bien hoa", ["Phường Biên Hòa"]) === true
 */
export function matchesQuery(query: string, texts: readonly string[]): boolean {
  const words = queryWords(query);
  if (words.length === 0) return true;
  const haystack = fold(texts.join(" "));
  return words.every((w) => haystack.includes(w));
}

/** The rows whose texts match the query, in their order. */
export function filterByQuery<T>(rows: readonly T[], query: string, textsOf: (row: T) => readonly string[]): readonly T[] {
  if (queryWords(query).length === 0) return rows;
  return rows.filter((r) => matchesQuery(query, textsOf(r)));
}
