// Text in the chart SVGs as a person editing them expects it: one <text> element per label with
// the whole string, its halo as the same element's stroke (not a second copy), and a <title> and
// <desc>. Skia's SVG canvas writes each word and digit group as its own element, with every
// glyph's position, and a halo as a second element; so the chart's text calls are recorded
// instead of drawn, and written here as SVG text after the shapes (labels are drawn last anyway).
import type { SKRSContext2D } from '@napi-rs/canvas';

/** One fillText/strokeText call, with the context's state at that moment. */
interface TextRun {
  text: string;
  x: number;
  y: number;
  font: string;
  fill: string | null;
  stroke: { color: string; width: number } | null;
  align: CanvasTextAlign;
  baseline: CanvasTextBaseline;
  alpha: number;
  matrix: [number, number, number, number, number, number];
}

const colour = (style: unknown) => (typeof style === 'string' ? style : '#000000');

/**
 * Returns the list the context's text calls are recorded into from now on; the calls no longer
 * draw (measuring still works, so chart.js lays out exactly as it would).
 */
export function recordText(ctx: SKRSContext2D): TextRun[] {
  const runs: TextRun[] = [];
  const record = (text: string, x: number, y: number, mode: 'fill' | 'stroke') => {
    const m = ctx.getTransform();
    const state = {
      text: String(text),
      x,
      y,
      font: ctx.font,
      align: ctx.textAlign,
      baseline: ctx.textBaseline,
      alpha: ctx.globalAlpha,
      matrix: [m.a, m.b, m.c, m.d, m.e, m.f] as TextRun['matrix'],
    };
    // A halo is stroked, then the same text filled at the same place: one element with both.
    const last = runs.at(-1);
    if (mode === 'fill' && last && !last.fill && last.text === state.text && last.x === x && last.y === y && last.font === state.font) {
      last.fill = colour(ctx.fillStyle);
      return;
    }
    runs.push({ ...state, fill: mode === 'fill' ? colour(ctx.fillStyle) : null, stroke: mode === 'stroke' ? { color: colour(ctx.strokeStyle), width: ctx.lineWidth } : null });
  };
  ctx.fillText = (text: string, x: number, y: number) => record(text, x, y, 'fill');
  ctx.strokeText = (text: string, x: number, y: number) => record(text, x, y, 'stroke');
  return runs;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => String(Math.round(n * 100) / 100);

const ANCHOR: Partial<Record<CanvasTextAlign, string>> = { center: 'middle', right: 'end', end: 'end' };
const BASELINE: Partial<Record<CanvasTextBaseline, string>> = { middle: 'central', top: 'text-before-edge', hanging: 'hanging', bottom: 'text-after-edge', ideographic: 'ideographic' };

/** Returns the attributes of a CSS font shorthand as canvas writes it ("600 13px Noto Sans"). */
function fontAttrs(font: string): string {
  const m = /^\s*(?:(italic|oblique|normal)\s+)?(?:(normal|small-caps)\s+)?(?:(bold|bolder|lighter|normal|\d{3})\s+)?([\d.]+)px(?:\/[\d.]+\w*)?\s+(.+)$/.exec(font);
  if (!m) throw new Error(`svg-text: cannot read the font "${font}"`);
  const family = m[5].split(',')[0].trim().replace(/^['"]|['"]$/g, '');
  const weight = m[3] === 'bold' ? '700' : m[3] && m[3] !== 'normal' ? m[3] : null;
  return `font-family="${esc(family)}, sans-serif" font-size="${num(Number(m[4]))}"${weight ? ` font-weight="${weight}"` : ''}${m[1] && m[1] !== 'normal' ? ` font-style="${m[1]}"` : ''}`;
}

/** Returns one SVG <text> element for a recorded run. */
function textElement(r: TextRun): string {
  const [a, b, c, d, e, f] = r.matrix;
  const identity = a === 1 && b === 0 && c === 0 && d === 1;
  // Translation folds into x and y; anything more (a rotated tick label) keeps its matrix.
  const [x, y, transform] = identity ? [r.x + e, r.y + f, ''] : [r.x, r.y, ` transform="matrix(${[a, b, c, d, e, f].map(num).join(' ')})"`];
  const anchor = ANCHOR[r.align];
  const baseline = BASELINE[r.baseline];
  const paint = r.stroke
    ? ` fill="${esc(r.fill ?? 'none')}" stroke="${esc(r.stroke.color)}" stroke-width="${num(r.stroke.width)}" stroke-linejoin="round" paint-order="stroke"`
    : ` fill="${esc(r.fill ?? '#000000')}"`;
  return (
    `<text x="${num(x)}" y="${num(y)}"${transform} ${fontAttrs(r.font)}${paint}` +
    `${anchor ? ` text-anchor="${anchor}"` : ''}${baseline ? ` dominant-baseline="${baseline}"` : ''}${r.alpha < 1 ? ` opacity="${num(r.alpha)}"` : ''}>${esc(r.text)}</text>`
  );
}

/** Returns the SVG document with a <title> and <desc> first and the recorded text last. */
export function withText(svg: string, runs: readonly TextRun[], title: string, desc: string): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('svg-text: no <svg> element');
  const head = `<title>${esc(title)}</title><desc>${esc(desc)}</desc>`;
  const at = open.index + open[0].length;
  const withHead = `${svg.slice(0, at)}${head}${svg.slice(at)}`;
  const end = withHead.lastIndexOf('</svg>');
  return `${withHead.slice(0, end)}<g>${runs.filter((r) => r.text.trim() !== '').map(textElement).join('')}</g>${withHead.slice(end)}`;
}
