/**
 * Small-count suppression for public pages (ARCHITECTURE §1, §7): a dossier count from 1 to 4 is
 * shown as "<5" so that no person can be singled out. Zero stays zero (nothing to protect).
 */
export const SMALL_COUNT = 5;

export const isSuppressed = (n: number): boolean => n > 0 && n < SMALL_COUNT;

/** A count as shown publicly: the formatted number, or "<5". */
export const publicCount = (n: number, format: (n: number) => string): string => (isSuppressed(n) ? `<${SMALL_COUNT}` : format(n));

/** A count as exported publicly: the number, or the text "<5". */
export const publicCell = (n: number): number | string => (isSuppressed(n) ? `<${SMALL_COUNT}` : n);
