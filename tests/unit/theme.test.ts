import { readdirSync, readFileSync } from 'node:fs';
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

const TOKENS_FILE = new URL('../../src/styles/tokens.css', import.meta.url);
const css = readFileSync(TOKENS_FILE, 'utf8');
const expand = (c: string) => (c.length === 4 ? `#${[...c.slice(1)].map((x) => x + x).join('')}` : c).toLowerCase();
/** The first `:root { … }` block: where every token is defined, before the scheme switches. */
const rootBlock = css.match(/^:root\s*\{([^}]*)\}/m)?.[1] ?? '';
/** Parses `--name: var(--light, #hex) var(--dark, #hex);` declarations: each token's value in one scheme. */
function vars(scheme: Theme): Record<string, string> {
  const pairs = rootBlock.matchAll(/--([\w-]+)\s*:\s*var\(--light,\s*(#[0-9a-fA-F]{3,8})\)\s+var\(--dark,\s*(#[0-9a-fA-F]{3,8})\)\s*;/g);
  return Object.fromEntries([...pairs].map((m) => [m[1], expand(scheme === 'light' ? m[2] : m[3])]));
}

describe('one token file (src/styles/tokens.css)', () => {
  it('every colour token has a light and a dark value, side by side', () => {
    const colours = [...rootBlock.matchAll(/--([\w-]+)\s*:\s*([^;]*#[0-9a-fA-F]{3,8}[^;]*);/g)].map((m) => m[1]);
    expect(colours.filter((k) => !(k in vars('light')))).toEqual([]);
  });

  it('the scheme switches: the reader\'s dark setting (unless ?theme=light), and ?theme=dark', () => {
    const dark = /--light:\s*;\s*--dark:\s*initial;/;
    const media = css.match(/@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root:not\(\[data-theme='light'\]\)\s*\{([^}]*)\}/)?.[1] ?? '';
    expect(media).toMatch(dark);
    expect(css.match(/:root\[data-theme='dark'\]\s*\{([^}]*)\}/)?.[1] ?? '').toMatch(dark);
    expect(rootBlock).toMatch(/--light:\s*initial;\s*--dark:\s*;/);
  });

  for (const theme of THEMES) {
    it(`${theme}: the colours the charts share with the page equal src/lib/charts/theme.ts`, () => {
      const v = vars(theme);
      const p = PALETTES[theme];
      const shared = { bg: p.background, text: p.text, muted: p.muted, accent: p.actual, target: p.target };
      expect(Object.fromEntries(Object.keys(shared).map((k) => [k, v[k]]))).toEqual(Object.fromEntries(Object.entries(shared).map(([k, c]) => [k, expand(c)])));
    });
  }

  it('no other stylesheet or component defines a colour token', () => {
    const names = Object.keys(vars('light'));
    const dir = new URL('../../src/', import.meta.url);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(css|astro)$/.test(f) && !f.endsWith('tokens.css'));
    const found = files.flatMap((f) => names.filter((n) => new RegExp(`--${n}\\s*:`).test(readFileSync(new URL(f, dir), 'utf8'))).map((n) => `${f}: --${n}`));
    expect(found).toEqual([]);
  });
});

describe('page colours (src/styles/tokens.css custom properties)', () => {
  it('both the light and the dark values are found', () => {
    expect(Object.keys(vars('light'))).toEqual(expect.arrayContaining(['bg', 'surface', 'text', 'muted', 'accent', 'focus', 'notice-bg']));
    expect(Object.keys(vars('dark'))).toEqual(expect.arrayContaining(['bg', 'surface', 'text', 'muted', 'accent', 'focus', 'notice-bg']));
  });

  const schemes = { light: () => vars('light'), dark: () => vars('dark') };
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
