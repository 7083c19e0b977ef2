// @vitest-environment node
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BAND_COLOURS, BAND_IDS } from "../src/lib/bands.js";

/**
 * The band badges take their colours from app.css (`.band-badge[data-band=…]`, `[data-colour=…]`),
 * the chart and the legend from bands.ts: the two palettes are written by hand and must agree.
 * (Read from the disk: under vitest a CSS import is empty. Run from the repository or from dashboard/.)
 */
const cssPath = [join(process.cwd(), "src", "app.css"), join(process.cwd(), "dashboard", "src", "app.css")].find((p) => existsSync(p)) ?? "app.css not found";
const css = readFileSync(cssPath, "utf8");

function rule(selector: string): Record<string, string> {
  const at = css.indexOf(`${selector} {`);
  if (at < 0) return {};
  const body = css.slice(css.indexOf("{", at) + 1, css.indexOf("}", at));
  return Object.fromEntries(
    body
      .split(";")
      .map((d) => d.split(":").map((x) => x.trim()))
      .filter((d): d is [string, string] => d.length === 2 && d[0] !== ""),
  );
}

const asCss = (c: { bar: string; bg: string; fg: string }) => ({ "--band-bar": c.bar, "--band-bg": c.bg, "--band-fg": c.fg });

describe("band badge colours (app.css) = BAND_COLOURS (bands.ts)", () => {
  it.each(BAND_IDS)("%s by data-band and by data-colour", (band) => {
    expect(rule(`.band-badge[data-band="${band}"]`)).toEqual(asCss(BAND_COLOURS[band]));
    expect(rule(`.band-badge[data-colour="${band}"]`)).toEqual(asCss(BAND_COLOURS[band]));
  });
  it("no band: the badge's defaults and data-colour NONE", () => {
    const base = rule(".band-badge");
    expect({ "--band-bar": base["--band-bar"], "--band-bg": base["--band-bg"], "--band-fg": base["--band-fg"] }).toEqual(asCss(BAND_COLOURS.NONE));
    expect(rule(`.band-badge[data-colour="NONE"]`)).toEqual(asCss(BAND_COLOURS.NONE));
  });
});
