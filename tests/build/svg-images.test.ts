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
import { formatter } from '../../src/lib/format.ts';
import { chartSummary } from '../../src/lib/view/chart-texts.ts';
import { plainText } from '../../src/lib/format.ts';
import { chartView } from '../../src/lib/view/chart-view.ts';
import { imageCaption } from '../../scripts/render-images.ts';
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
  /** Each `<text>` element's position and text, to find copies drawn on top of each other. */
  placed: string[];
  /** The text of the document's `<title>` and `<desc>` (the first of each). */
  title: string;
  desc: string;
  fills: Set<string>;
}

/** Returns what a strict XML parser finds in the file; it throws on anything not well-formed. */
function parseSvg(xml: string): Parsed {
  const parser = sax.parser(true);
  let root: Parsed['root'] | null = null;
  const texts: string[] = [];
  const placed: string[] = [];
  const meta = { title: '', desc: '' };
  const fills = new Set<string>();
  let inText = false;
  let inMeta: 'title' | 'desc' | null = null;
  let at = '';
  parser.onerror = (e) => {
    throw e;
  };
  parser.onopentag = (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    root ??= { name: tag.name, attributes };
    if (attributes.fill) fills.add(hex(attributes.fill));
    inText = tag.name === 'text';
    if (inText) texts.push('');
    at = `${attributes.x},${attributes.y},${attributes.transform ?? ''}`;
    inMeta = tag.name === 'title' || tag.name === 'desc' ? tag.name : null;
  };
  parser.onclosetag = (name) => {
    if (name === 'text') placed.push(`${at} ${texts[texts.length - 1]}`);
    inText = false;
    inMeta = null;
  };
  parser.ontext = (t) => {
    if (inText) texts[texts.length - 1] += t;
    if (inMeta && !meta[inMeta]) meta[inMeta] = t;
  };
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return { root, texts, placed, ...meta, fills };
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
              // It says what it is: the title and unit drawn at the top as whole lines, and as <title>; the reading as <desc>.
              const caption = imageCaption(chartView(chart, data, lang));
              expect(oneSpace(svg.texts.slice(0, 4).join(' ')).startsWith(oneSpace(`${caption.title} ${caption.unit}`))).toBe(true);
              expect(svg.title).toBe(`${caption.title} – ${caption.unit}`);
              // The chart's sentence, without the page's word joiners (the file is used elsewhere).
              expect(svg.desc).toBe(plainText(chartSummary(chartView(chart, data, lang))));
              // One element per label: none drawn twice (a halo is the element's own stroke), none empty.
              expect(svg.placed.filter((p, i) => svg.placed.indexOf(p) !== i)).toEqual([]);
              expect(svg.texts.filter((x) => x.trim() === '')).toEqual([]);
            });
          }
      });

  it('writes every label as one whole string, its halo as a stroke of the same element', () => {
    const xml = readFileSync(join(DIST, chartImagePath('fi', 'cumulative', 'light', 'wide', 'svg')), 'utf8');
    const { texts } = parseSvg(xml);
    const f = formatter('fi');
    // Tick labels, the direct labels with their numbers, and the credit line, each exactly once.
    for (const whole of ['tammi 2022', 'Tavoite 8 400 op', f.credits(data.aggregates.totalCredits), f.number(8000)])
      expect(texts.filter((x) => oneSpace(x) === oneSpace(whole)), whole).toHaveLength(1);
    // No word or digit group on its own ("937", "op"), as Skia's own text output had.
    expect(texts.filter((x) => /^(?:\d{3}|op)$/.test(x.trim()))).toEqual([]);
    const halo = xml.match(/<text[^>]*>Tavoite 8[\s\u00a0]400[\s\u00a0]op<\/text>/)![0];
    expect(halo).toContain('paint-order="stroke"');
    expect(halo).toContain(`stroke="${hex(PALETTES.light.background)}"`);
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
