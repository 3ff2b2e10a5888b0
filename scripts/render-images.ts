// Renders every chart to PNG at build time with the same chart definitions the browser uses,
// so a reader without JavaScript (and every embed, post and print) sees the same chart. Each
// image carries its own data date and source in a footer line, so it can travel alone; the
// social cards (Open Graph) show the headline figure.
import { Canvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Chart, type Plugin } from 'chart.js';
import { chartConfig } from '../src/lib/charts/config.ts';
import { creditParts, wrapParts } from '../src/lib/charts/credit.ts';
import { chartImagePath, chartImageSize, IMAGE_SCALE, IMAGE_SIZES, SOCIAL_SIZE, socialImagePath, WEBP_QUALITY, type ImageFormat, type ImageSize } from '../src/lib/charts/images.ts';
import { registerCharts } from '../src/lib/charts/register.ts';
import { CHART_IDS, seriesFor, type Series } from '../src/lib/charts/series.ts';
import { PALETTES, type Theme } from '../src/lib/charts/theme.ts';
import type { DashboardData } from '../src/lib/view/dashboard-data.ts';
import { formatter } from '../src/lib/format.ts';
import { t } from '../src/lib/i18n/index.ts';
import { LANGS, type Lang } from '../src/lib/contract/programme.ts';

export const IMAGE_FONT = 'Noto Sans';
let fontsReady = false;

/** Registers the self-hosted font files once per process. */
function registerFonts(): void {
  if (fontsReady) return;
  const dir = 'node_modules/@fontsource/noto-sans/files';
  for (const subset of ['latin', 'latin-ext'])
    for (const weight of ['400', '600', '700'])
      GlobalFonts.registerFromPath(join(dir, `noto-sans-${subset}-${weight}-normal.woff2`), IMAGE_FONT);
  registerCharts();
  fontsReady = true;
}

/** The credit line under the plot: its size in CSS pixels. */
const CREDIT = { size: 11, lineHeight: 15, gap: 8, inset: 8 };
const creditFont = `${CREDIT.size}px '${IMAGE_FONT}'`;

/** Returns the credit line wrapped to an image's width (measured with the image font). */
function creditLines(parts: readonly string[], width: number): string[] {
  const ctx = new Canvas(1, 1).getContext('2d');
  ctx.font = creditFont;
  return wrapParts(parts, width - 2 * CREDIT.inset, (s) => ctx.measureText(s).width);
}

/** Paints the theme background (the canvas is transparent) and, for images only, the credit line. */
function imagePlugin(theme: Theme, lines: readonly string[]): Plugin {
  const p = PALETTES[theme];
  return {
    id: 'imageFrame',
    beforeDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = p.background;
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
    afterDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = creditFont;
      ctx.fillStyle = p.muted;
      ctx.textBaseline = 'alphabetic';
      const first = chart.height - CREDIT.inset - (lines.length - 1) * CREDIT.lineHeight - 3;
      lines.forEach((line, i) => ctx.fillText(line, CREDIT.inset, first + i * CREDIT.lineHeight));
      ctx.restore();
    },
  };
}

/**
 * Returns one chart drawn with its credit line (data date · source · demonstration label), as a
 * PNG and as the WebP that screens show (see images.ts).
 */
export function renderChartImages(series: Series, lang: Lang, theme: Theme, size: ImageSize, credit: readonly string[]): Record<ImageFormat, Buffer> {
  registerFonts();
  const { width, height } = chartImageSize(series.kind, size);
  // chart.js multiplies the canvas size by devicePixelRatio itself.
  const canvas = new Canvas(width, height);
  const config = chartConfig(series, { lang, theme, fontFamily: IMAGE_FONT, animate: false, narrow: size === 'narrow' });
  const lines = credit.length > 0 ? creditLines(credit, width) : [];
  const options = config.options ?? {};
  const padding = (options.layout?.padding ?? {}) as Record<string, number>;
  const bottom = lines.length > 0 ? lines.length * CREDIT.lineHeight + CREDIT.gap + CREDIT.inset : (padding.bottom ?? 0);
  config.options = { ...options, responsive: false, devicePixelRatio: IMAGE_SCALE, layout: { ...options.layout, padding: { ...padding, bottom } } };
  config.plugins = [...(config.plugins ?? []), imagePlugin(theme, lines)];
  // chart.js accepts any canvas-like object; @napi-rs/canvas implements the 2D context it needs.
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, config);
  // Before destroy(), which clears the canvas.
  const images = { png: canvas.toBuffer('image/png'), webp: canvas.toBuffer('image/webp', WEBP_QUALITY) };
  chart.destroy();
  return images;
}

/** Fits text into a width by lowering the font size; returns the size used. */
function fitText(ctx: SKRSContext2D, text: string, weight: number, size: number, max: number): number {
  let s = size;
  ctx.font = `${weight} ${s}px '${IMAGE_FONT}'`;
  while (s > 12 && ctx.measureText(text).width > max) {
    s -= 2;
    ctx.font = `${weight} ${s}px '${IMAGE_FONT}'`;
  }
  return s;
}

/**
 * Returns the 1200×630 social card of a language: the headline figure against the target, the
 * date it was crossed, a small cumulative line with the target, and the credit line. Light theme:
 * link previews are shown on many backgrounds, and a light card reads on all of them.
 */
export function renderSocialPng(d: DashboardData, lang: Lang): Buffer {
  registerFonts();
  const { width: W, height: H } = SOCIAL_SIZE;
  const p = PALETTES.light;
  const f = formatter(lang);
  const a = d.aggregates;
  const canvas = new Canvas(W, H);
  const ctx = canvas.getContext('2d');
  const M = 64;
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, W, H);
  // An accent band on the left edge: the card is recognisable as ours in a feed.
  ctx.fillStyle = p.actual;
  ctx.fillRect(0, 0, 16, H);
  ctx.textBaseline = 'alphabetic';

  // Demonstration label, top right, as on every page.
  let titleMax = W - 2 * M;
  if (d.programme.demo) {
    const label = t(lang, 'demo.title');
    ctx.font = `700 24px '${IMAGE_FONT}'`;
    const w = ctx.measureText(label).width + 32;
    ctx.fillStyle = '#fff4d6';
    ctx.fillRect(W - M - w, M - 8, w, 44);
    ctx.fillStyle = '#8a5a00';
    ctx.fillRect(W - M - w, M - 8, 6, 44);
    ctx.fillStyle = '#5c3d00';
    ctx.fillText(label, W - M - w + 18, M + 22);
    titleMax = W - 3 * M - w;
  }
  ctx.fillStyle = p.text;
  const title = t(lang, 'site.title', { programme: d.programme.name[lang] });
  fitText(ctx, title, 700, 38, titleMax);
  ctx.fillText(title, M, M + 24);

  ctx.fillStyle = p.muted;
  ctx.font = `400 28px '${IMAGE_FONT}'`;
  ctx.fillText(t(lang, 'headline.heading', { date: f.date(a.asOf) }), M, M + 84);

  // The headline figure.
  ctx.fillStyle = p.actual;
  const big = f.credits(a.totalCredits);
  fitText(ctx, big, 700, 120, 560);
  ctx.fillText(big, M - 4, 310);
  ctx.fillStyle = p.text;
  const ofTarget = t(lang, 'social.ofTarget', { percent: f.percent(a.percentOfTarget), target: f.credits(a.targetCredits) });
  fitText(ctx, ofTarget, 600, 36, 560);
  ctx.fillText(ofTarget, M, 372);
  if (a.targetReachedOn) {
    ctx.fillStyle = p.muted;
    ctx.font = `400 28px '${IMAGE_FONT}'`;
    ctx.fillText(`${t(lang, 'headline.reached')} ${f.date(a.targetReachedOn)}`, M, 420);
  }

  // Progress bar: the total against the target, on a scale that leaves room past the target.
  const barY = 456;
  const barW = W - 2 * M;
  const scale = barW / Math.max(a.targetCredits * 1.12, a.totalCredits);
  ctx.fillStyle = p.grid;
  ctx.fillRect(M, barY, barW, 22);
  ctx.fillStyle = p.actual;
  ctx.fillRect(M, barY, Math.min(barW, a.totalCredits * scale), 22);
  const tx = M + a.targetCredits * scale;
  ctx.fillStyle = p.target;
  ctx.fillRect(tx - 2, barY - 12, 4, 46);
  ctx.font = `600 22px '${IMAGE_FONT}'`;
  const targetLabel = `${t(lang, 'chart.cumulative.target')} ${f.credits(a.targetCredits)}`;
  ctx.fillText(targetLabel, Math.min(tx - ctx.measureText(targetLabel).width / 2, W - M - ctx.measureText(targetLabel).width), barY + 64);

  // A small cumulative line with the target, top right of the figure.
  const cum = a.cumulative.map((m) => m.cumulativeCredits);
  if (cum.length > 1) {
    const box = { x: 690, y: 170, w: W - M - 690, h: 220 };
    const max = Math.max(a.targetCredits, ...cum) * 1.05;
    const x = (i: number) => box.x + (i / (cum.length - 1)) * box.w;
    const y = (v: number) => box.y + box.h - (v / max) * box.h;
    ctx.strokeStyle = p.grid;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(box.x, box.y + box.h);
    ctx.lineTo(box.x + box.w, box.y + box.h);
    ctx.stroke();
    ctx.strokeStyle = p.target;
    ctx.setLineDash([12, 8]);
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(box.x, y(a.targetCredits));
    ctx.lineTo(box.x + box.w, y(a.targetCredits));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.strokeStyle = p.actual;
    ctx.lineWidth = 6;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    cum.forEach((v, i) => (i === 0 ? ctx.moveTo(x(i), y(v)) : ctx.lineTo(x(i), y(v))));
    ctx.stroke();
    ctx.fillStyle = p.muted;
    ctx.font = `400 20px '${IMAGE_FONT}'`;
    const first = f.monthShort(a.cumulative[0].month);
    const last = f.monthShort(a.cumulative[a.cumulative.length - 1].month);
    ctx.fillText(first, box.x, box.y + box.h + 28);
    ctx.fillText(last, box.x + box.w - ctx.measureText(last).width, box.y + box.h + 28);
  }

  // Credit line at the bottom.
  ctx.fillStyle = p.muted;
  ctx.font = `400 22px '${IMAGE_FONT}'`;
  // The demonstration label is already at the top.
  const parts = creditParts(d, lang).slice(0, 2);
  const lines = wrapParts(parts, W - 2 * M, (s) => ctx.measureText(s).width);
  lines.slice(0, 2).forEach((line, i, all) => ctx.fillText(line, M, H - 36 - (all.length - 1 - i) * 30));
  return canvas.toBuffer('image/png');
}

/** Writes every chart × language × theme × size (PNG and WebP), and each language's social card, under `outDir`. */
export function renderAllImages(data: DashboardData, outDir: string): number {
  let n = 0;
  const write = (path: string, png: Buffer) => {
    const file = join(outDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, png);
    n++;
  };
  for (const lang of LANGS) {
    const credit = creditParts(data, lang);
    for (const id of CHART_IDS) {
      const series = seriesFor(id, data, lang);
      for (const theme of ['light', 'dark'] as const)
        for (const size of Object.keys(IMAGE_SIZES) as ImageSize[]) {
          const images = renderChartImages(series, lang, theme, size, credit);
          for (const format of ['png', 'webp'] as const) write(chartImagePath(lang, id, theme, size, format), images[format]);
        }
    }
    write(socialImagePath(lang), renderSocialPng(data, lang));
  }
  return n;
}

if (import.meta.main) {
  const data = JSON.parse(readFileSync('src/generated/dashboard.json', 'utf8')) as DashboardData;
  const out = process.argv[2] ?? 'dist';
  const t0 = performance.now();
  const n = renderAllImages(data, out);
  process.stdout.write(`images: ${n} files in ${Math.round(performance.now() - t0)} ms → ${out}/img/\n`);
}
