/**
 * Bands (xếp loại) and their colours: one palette for the badge and the chart. Colour is never
 * the only carrier: the badge always has the band's name, the chart sits above the table.
 * Badge pairs (fg on bg) keep a contrast ratio above 7:1.
 */
export const BAND_IDS = ["EXCELLENT", "GOOD", "FAIR", "AVERAGE", "WEAK"] as const;
export type BandId = (typeof BAND_IDS)[number];

export interface BandColours {
  /** Solid colour for chart bars (≥ 3:1 against white). */
  readonly bar: string;
  readonly bg: string;
  readonly fg: string;
}

export const BAND_COLOURS: Readonly<Record<BandId | "NONE", BandColours>> = {
  EXCELLENT: { bar: "#1d7a43", bg: "#dcf0e3", fg: "#0f4a27" },
  GOOD: { bar: "#1f63a6", bg: "#dde9f6", fg: "#123d69" },
  FAIR: { bar: "#9a6b00", bg: "#fbefcc", fg: "#5c4000" },
  AVERAGE: { bar: "#c0561b", bg: "#fbe2d2", fg: "#6f2e0a" },
  WEAK: { bar: "#b3261e", bg: "#fadad7", fg: "#701510" },
  NONE: { bar: "#7b8794", bg: "#e9edf1", fg: "#353f4a" },
};

export const isBandId = (v: unknown): v is BandId => (BAND_IDS as readonly unknown[]).includes(v);

export const bandColours = (band: string | null): BandColours => BAND_COLOURS[isBandId(band) ? band : "NONE"];
