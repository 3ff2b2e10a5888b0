import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hex } from 'wcag-contrast';
import { PALETTES, type Palette, type Theme } from '../../src/lib/charts/theme.ts';

const THEMES: Theme[] = ['light', 'dark'];
const TEXT: (keyof Palette)[] = ['text', 'muted'];
const MARKS: (keyof Palette)[] = ['actual', 'target', 'projection', 'bar', 'later'];

/** Contrast ratio of two #rrggbb colours, rounded down to two decimals (never rounds a fail up). */
const ratio = (a: string, b: string) => Math.floor(hex(a, b) * 100) / 100;

describe('chart palettes (src/lib/charts/theme.ts)', () => {
  for (const theme of THEMES) {
    const p = PALETTES[theme];
    it(`${theme}: text and muted ≥ 4.5:1 against the background (WCAG 1.4.3)`, () => {
      const low = TEXT.map((k) => ({ k, r: ratio(p[k], p.background) })).filter(({ r }) => r < 4.5);
      expect(low).toEqual([]);
    });
    it(`${theme}: lines, bars and markers ≥ 3:1 against the background (WCAG 1.4.11)`, () => {
      const low = MARKS.map((k) => ({ k, r: ratio(p[k], p.background) })).filter(({ r }) => r < 3);
      expect(low).toEqual([]);
    });
    it(`${theme}: the target line is not the same colour as the data`, () => {
      expect(p.target.toLowerCase()).not.toBe(p.actual.toLowerCase());
      expect(p.later.toLowerCase()).not.toBe(p.actual.toLowerCase());
    });
  }
});

/** Parses `--name: #hex;` declarations out of a CSS block body. */
function vars(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+)\s*:\s*(#[0-9a-fA-F]{3,8})\s*;/g)].map((m) => [m[1], expand(m[2])]));
}
const expand = (c: string) => (c.length === 4 ? `#${[...c.slice(1)].map((x) => x + x).join('')}` : c);

const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
const lightBlock = css.match(/^:root\s*\{([^}]*)\}/m)?.[1] ?? '';
const darkBlock = css.match(/@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/)?.[1] ?? '';

describe('page colours (src/styles/global.css custom properties)', () => {
  it('both the light :root and the dark :root blocks are found', () => {
    expect(Object.keys(vars(lightBlock))).toEqual(expect.arrayContaining(['bg', 'surface', 'text', 'muted', 'accent', 'focus', 'notice-bg']));
    expect(Object.keys(vars(darkBlock))).toEqual(expect.arrayContaining(['bg', 'surface', 'text', 'muted', 'accent', 'focus', 'notice-bg']));
  });

  const schemes = { light: () => vars(lightBlock), dark: () => ({ ...vars(lightBlock), ...vars(darkBlock) }) };
  for (const [scheme, get] of Object.entries(schemes)) {
    it(`${scheme}: text, muted and accent ≥ 4.5:1, focus ≥ 3:1 against --bg, --surface and --notice-bg`, () => {
      const v = get();
      const low: string[] = [];
      for (const bg of ['bg', 'surface', 'notice-bg']) {
        for (const [fg, min] of [['text', 4.5], ['muted', 4.5], ['accent', 4.5], ['focus', 3]] as const) {
          // Notice boxes hold text and (maybe) links; the muted grey and focus ring are checked there too.
          const r = ratio(v[fg], v[bg]);
          if (r < min) low.push(`--${fg} on --${bg}: ${r}:1 < ${min}:1`);
        }
      }
      expect(low).toEqual([]);
    });
    it(`${scheme}: the notice's border stays visible (≥ 3:1 against --notice-bg and --bg)`, () => {
      const v = get();
      expect(ratio(v['notice-border'], v['notice-bg'])).toBeGreaterThanOrEqual(3);
      expect(ratio(v['notice-border'], v.bg)).toBeGreaterThanOrEqual(3);
    });
  }
});
