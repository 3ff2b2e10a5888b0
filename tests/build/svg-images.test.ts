// The vector images beside the PNGs, checked in the built dist/: one per chart, language, theme
// and size, each a well-formed SVG document that scales (viewBox) and carries its data date and
// source as text a designer can edit.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sax from 'sax';
import { describe, expect, it } from 'vitest';
import { creditParts } from '../../src/lib/charts/attribution.ts';
import { chartImagePath, chartImageSize, IMAGE_SIZES, type ImageSize } from '../../src/lib/charts/images.ts';
import { CHART_IDS } from '../../src/lib/view/chart-view.ts';
import { PALETTES } from '../../src/lib/charts/theme.ts';
import { LANGS } from '../../src/lib/contract/programme.ts';
import type { DashboardData } from '../../src/lib/pipeline.ts';

// `npm test` builds dist/ from the shipped data before running these.
const DIST = 'dist';
const data = JSON.parse(readFileSync('src/generated/dashboard.json', 'utf8')) as DashboardData;
const SIZES = Object.keys(IMAGE_SIZES) as ImageSize[];
const oneSpace = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A colour as lower-case hex: Skia writes white and black by name, other colours in hex. */
const NAMED: Record<string, string> = { white: '#ffffff', black: '#000000' };
const hex = (c: string) => NAMED[c.toLowerCase()] ?? c.toLowerCase();

interface Parsed {
  root: { name: string; attributes: Record<string, string> };
  /** The text of every `<text>` element, in document order. */
  texts: string[];
  fills: Set<string>;
}

/** Returns what a strict XML parser finds in the file; it throws on anything not well-formed. */
function parseSvg(xml: string): Parsed {
  const parser = sax.parser(true);
  let root: Parsed['root'] | null = null;
  const texts: string[] = [];
  const fills = new Set<string>();
  let inText = false;
  parser.onerror = (e) => {
    throw e;
  };
  parser.onopentag = (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    root ??= { name: tag.name, attributes };
    if (attributes.fill) fills.add(hex(attributes.fill));
    inText = tag.name === 'text';
    if (inText) texts.push('');
  };
  parser.onclosetag = () => {
    inText = false;
  };
  parser.ontext = (t) => {
    if (inText) texts[texts.length - 1] += t;
  };
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return { root, texts, fills };
}

describe('chart SVGs beside the PNGs', () => {
  for (const lang of LANGS)
    for (const chart of CHART_IDS)
      describe(`${lang} ${chart}`, () => {
        for (const theme of ['light', 'dark'] as const)
          for (const size of SIZES) {
            const path = chartImagePath(lang, chart, theme, size, 'svg');
            it(`${path}: an <svg> of the PNG's CSS size with a viewBox, and its date and source as text`, () => {
              expect(path).toBe(chartImagePath(lang, chart, theme, size).replace(/\.png$/, '.svg'));
              const file = join(DIST, path);
              expect(existsSync(file), `${file} missing`).toBe(true);
              const svg = parseSvg(readFileSync(file, 'utf8'));
              const { width, height } = chartImageSize(chart, size);
              expect(svg.root.name).toBe('svg');
              expect(svg.root.attributes).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', width: String(width), height: String(height), viewBox: `0 0 ${width} ${height}` });
              // The theme's background is painted, so the dark image is dark wherever it is placed.
              expect(svg.fills).toContain(hex(PALETTES[theme].background));
              const text = oneSpace(svg.texts.join(' '));
              for (const part of creditParts(data, lang)) expect(text).toContain(oneSpace(part));
            });
          }
      });

  it('keeps text as text: no glyph drawn as a path, every font with a sans-serif fallback', () => {
    const xml = readFileSync(join(DIST, chartImagePath('fi', 'cumulative', 'light', 'wide', 'svg')), 'utf8');
    expect(parseSvg(xml).texts.length).toBeGreaterThan(10);
    const families = [...xml.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]);
    expect(families.length).toBeGreaterThan(0);
    for (const f of families) expect(f).toMatch(/^Noto Sans.*, sans-serif$/);
  });

  it('numbers its clip paths from 1 in each file, so no file depends on what was drawn before it', () => {
    for (const lang of LANGS) {
      const xml = readFileSync(join(DIST, chartImagePath(lang, 'monthly', 'dark', 'narrow', 'svg')), 'utf8');
      const ids = [...xml.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual(ids.map((_, i) => `clip${i + 1}`));
    }
  });
});
