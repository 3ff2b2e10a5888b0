// Renders every chart at build time (PNG, WebP and SVG) with the same chart definitions the browser
// uses, so a reader without JavaScript (and every embed, post and print) sees the same chart. Each
// image carries its own data date and source in a footer line, so it can travel alone; the social
// cards (Open Graph) show the headline figure.
import { Canvas, createCanvas, GlobalFonts, SvgExportFlag, type SKRSContext2D, type SvgCanvas } from '@napi-rs/canvas';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Chart, SubTitle, Title, type Plugin } from 'chart.js';
import { chartConfig } from '../src/lib/charts/config.ts';
import { creditParts, wrapParts } from '../src/lib/charts/attribution.ts';
import { chartImagePath, chartImageSize, PARTNER_DOWNLOAD_SIZES, IMAGE_SCALE, IMAGE_SIZES, SOCIAL_SIZE, socialImagePath, type ImageFormat, type ImageSize } from '../src/lib/charts/images.ts';
import { registerCharts } from '../src/lib/charts/register.ts';
import { seriesFor, type Series } from '../src/lib/charts/series.ts';
import { CHART_IDS } from '../src/lib/view/chart-view.ts';
import { PALETTES, type Theme } from '../src/lib/charts/theme.ts';
import type { DashboardData } from '../src/lib/pipeline.ts';
import { headlineView } from '../src/lib/view/headline.ts';
import { chartSummary, viewTitle } from '../src/lib/view/chart-texts.ts';
import { chartView, type ChartView } from '../src/lib/view/chart-view.ts';
import { encodeCanvas } from './encode-image.ts';
import { recordText, withText } from './svg-text.ts';
import { PARTNER_CHART_IDS, partnerChartData } from '../src/lib/view/partner-data.ts';
import type { ChartData, ChartId } from '../src/lib/view/chart-view.ts';
import { formatter, plainText } from '../src/lib/format.ts';
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
  // An image carries its own title and unit line (chart.js's title and subtitle); pages do not.
  registerCharts().register(Title, SubTitle);
  fontsReady = true;
}

/**
 * The credit line under the plot: its size in CSS pixels. 13 of a 720-pixel image is about 9 px
 * in a 500-pixel social feed; at 11 the date, source and demonstration label, which the line
 * alone carries, were some 7 px there.
 */
const CREDIT = { size: 13, lineHeight: 17, gap: 8, inset: 8 };
const creditFont = `${CREDIT.size}px '${IMAGE_FONT}'`;

/**
 * How the SVGs are written. Skia takes one flag at a time: ConvertTextToPaths draws each glyph as
 * a path (exact anywhere, but no text to edit or search, and about eight times the bytes), while
 * NoPrettyXML and RelativePathEncoding both keep text as `<text>` in the image font. NoPrettyXML
 * writes each text element's characters exactly, with no indentation inside it for an editor to
 * keep as spaces; the other would only shorten the path data.
 */
const SVG_FLAGS = SvgExportFlag.NoPrettyXML;

/** One context measures every caption and credit line: a canvas each time cost more than the measuring. */
let measuring: SKRSContext2D | undefined;

/** Returns parts wrapped to an image's width, measured in a font (the credit line's by default). */
function creditLines(parts: readonly string[], width: number, font = creditFont): string[] {
  measuring ??= new Canvas(1, 1).getContext('2d');
  const ctx = measuring;
  ctx.font = font;
  return wrapParts(parts, width - 2 * CREDIT.inset, (s) => ctx.measureText(s).width);
}

/** What an image says about itself above the plot: the chart's title and its unit. */
interface ImageCaption {
  title: string;
  unit: string;
}

/** Returns an image's caption: the chart's title (after a partner's short name for a partner's chart) and unit line. */
export function imageCaption(view: ChartView, partner?: string): ImageCaption {
  const title = viewTitle(view);
  return { title: partner ? `${partner}: ${title}` : title, unit: t(view.lang, `chart.${view.id}.unit`) };
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
 * Returns a chart drawn onto `canvas` (a raster or an SVG canvas of the image's CSS size) with its
 * caption (title and unit) above and its credit line (data date · source · demonstration label)
 * under the plot; `scale` is the pixel ratio, which chart.js multiplies the canvas size by itself.
 */
function drawChart(canvas: Canvas | SvgCanvas, series: Series, lang: Lang, theme: Theme, size: ImageSize, credit: readonly string[], scale: number, caption?: ImageCaption): Chart {
  registerFonts();
  const { width } = chartImageSize(series.kind, size);
  const narrow = size === 'narrow';
  const base = { lang, theme, fontFamily: IMAGE_FONT, animate: false, narrow };
  // The caption's lines are broken here, where the text can be measured in the fonts chart.js will use.
  const type = narrow ? 11 : 13;
  const lines = (text: string, font: string) => creditLines([text], width, font);
  const wrapped = caption && { title: lines(caption.title, `700 ${type + 3}px '${IMAGE_FONT}'`), unit: lines(caption.unit, `400 ${type}px '${IMAGE_FONT}'`) };
  const config = chartConfig(series, { ...base, caption: wrapped });
  const credits = credit.length > 0 ? creditLines(credit, width) : [];
  const options = config.options ?? {};
  const padding = (options.layout?.padding ?? {}) as Record<string, number>;
  const bottom = credits.length > 0 ? credits.length * CREDIT.lineHeight + CREDIT.gap + CREDIT.inset : (padding.bottom ?? 0);
  // A caption starts at the credit line's inset, so the image's text lines up at its left edge.
  const framed = caption ? { top: CREDIT.inset, left: CREDIT.inset } : {};
  config.options = { ...options, responsive: false, devicePixelRatio: scale, layout: { ...options.layout, padding: { ...padding, ...framed, bottom } } };
  config.plugins = [...(config.plugins ?? []), imagePlugin(theme, credits)];
  // chart.js accepts any canvas-like object; @napi-rs/canvas implements the 2D context it needs.
  return new Chart(canvas as unknown as HTMLCanvasElement, config);
}

/**
 * Returns one chart in the raster formats asked for: the PNG stands alone (caption above, credit
 * line under the plot); the WebP that screens show inside a page is the plot alone, like the chart
 * drawn over it later, since the page's heading and footer (an embed's one credit line) say the
 * rest. The encoding, most of an image's cost, runs on libuv's threads, so the next chart is drawn
 * while this one is encoded.
 */
export async function renderChartImages(series: Series, lang: Lang, theme: Theme, size: ImageSize, credit: readonly string[], caption: ImageCaption, formats: readonly ImageFormat[] = ['png', 'webp']): Promise<Partial<Record<ImageFormat, Buffer>>> {
  const encoded = await Promise.all(
    formats.map(async (format) => {
      const alone = format === 'png';
      const { width, height } = chartImageSize(series.kind, size, format);
      const canvas = new Canvas(width, height);
      const chart = drawChart(canvas, series, lang, theme, size, alone ? credit : [], IMAGE_SCALE, alone ? caption : undefined);
      const bytes = encodeCanvas(canvas, format);
      chart.destroy();
      return bytes;
    }),
  );
  return Object.fromEntries(formats.map((f, i) => [f, encoded[i]]));
}

/**
 * Returns the same chart as the PNG as an SVG document of its CSS size, with a <title> (the
 * caption) and a <desc> (the chart's one-sentence reading), every label one <text> element.
 */
export function renderChartSvg(series: Series, lang: Lang, theme: Theme, size: ImageSize, credit: readonly string[], caption: ImageCaption, desc: string): Buffer {
  registerFonts();
  const { width, height } = chartImageSize(series.kind, size);
  const canvas = createCanvas(width, height, SVG_FLAGS);
  const runs = recordText(canvas.getContext('2d'));
  const chart = drawChart(canvas, series, lang, theme, size, credit, 1, caption);
  const svg = withText(standaloneSvg(canvas.getContent().toString('utf8'), width, height), runs, `${caption.title} – ${caption.unit}`, desc);
  chart.destroy();
  return Buffer.from(svg, 'utf8');
}

/**
 * Returns Skia's SVG made to travel alone: a viewBox, so that it scales to any box; clip ids
 * numbered from 1 in each file, since Skia counts them across the process and a file's bytes
 * would otherwise depend on what was drawn before it; and `sans-serif` after the image font, so
 * that where Noto Sans is not installed the text falls back to a sans-serif, not to a serif.
 */
function standaloneSvg(svg: string, width: number, height: number): string {
  const ids = new Map<string, number>();
  const clip = (id: string) => {
    if (!ids.has(id)) ids.set(id, ids.size + 1);
    return `clip${ids.get(id)}`;
  };
  return svg
    .replace(/<svg ([^>]*)>/, (_, attrs: string) => `<svg ${attrs} viewBox="0 0 ${width} ${height}">`)
    .replace(/\bcl_[0-9a-f]+\b/g, clip)
    .replace(/font-family="([^"]*)"/g, (_, family: string) => `font-family="${family}, sans-serif"`);
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
 * Returns the 1200×630 social card of a language: the headline's figure against the target and its
 * words for when it was reached (a month where the day is not known), a small cumulative line with
 * the target, the credit line. Light: link previews are shown on many backgrounds, and it reads on all.
 */
export function renderSocialPng(d: DashboardData, lang: Lang): Buffer {
  registerFonts();
  const { width: W, height: H } = SOCIAL_SIZE;
  const p = PALETTES.light;
  const f = formatter(lang);
  const a = d.aggregates;
  const h = headlineView(d, lang);
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
  ctx.fillText(h.heading, M, M + 84);

  // The headline figure.
  ctx.fillStyle = p.actual;
  fitText(ctx, h.total, 700, 120, 560);
  ctx.fillText(h.total, M - 4, 310);
  ctx.fillStyle = p.text;
  const ofTarget = t(lang, 'social.ofTarget', { percent: f.percent(a.percentOfTarget), target: f.credits(a.targetCredits) });
  fitText(ctx, ofTarget, 600, 36, 560);
  ctx.fillText(ofTarget, M, 372);
  if (h.reached) {
    ctx.fillStyle = p.muted;
    ctx.font = `400 28px '${IMAGE_FONT}'`;
    ctx.fillText(`${h.reached.label} ${h.reached.text}`, M, 420);
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

/** How many charts are drawn ahead of their encoding: enough to keep both cores busy, few enough to bound memory. */
const IN_FLIGHT = 4;

/**
 * Writes every chart × language × theme × size (PNG, WebP and SVG), each partner's charts (the
 * narrow layout as the page's WebP only: images.ts PARTNER_DOWNLOAD_SIZES), and each language's
 * social card, under `outDir`; returns the number of files.
 */
export async function renderAllImages(data: DashboardData, outDir: string): Promise<number> {
  let n = 0;
  const write = (path: string, bytes: Buffer) => {
    const file = join(outDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    n++;
  };
  const sizes = Object.keys(IMAGE_SIZES) as ImageSize[];
  // A partner's charts are the programme's charts drawn from its share of the data (partner-data.ts).
  const sets: { partner: string | null; ids: readonly ChartId[]; data: ChartData; downloads: readonly ImageSize[] }[] = [
    { partner: null, ids: CHART_IDS, data, downloads: sizes },
    ...data.programme.partners.map((p) => ({ partner: p.id, ids: PARTNER_CHART_IDS, data: partnerChartData(data, p.id), downloads: PARTNER_DOWNLOAD_SIZES })),
  ];
  const pending = new Set<Promise<void>>();
  for (const lang of LANGS) {
    for (const set of sets)
      for (const id of set.ids) {
        const credit = creditParts(data, lang, set.data.aggregates.asOf);
        const series = seriesFor(id, set.data, lang);
        const view = chartView(id, set.data, lang);
        const partner = set.partner === null ? undefined : data.programme.partners.find((p) => p.id === set.partner)?.shortName;
        const caption = imageCaption(view, partner);
        // A download is used elsewhere: its description without the page's word joiners.
        const desc = plainText(chartSummary(view));
        for (const theme of ['light', 'dark'] as const)
          for (const size of sizes) {
            // Pages show the WebP; the PNG and SVG are downloads (the wide PNG also the fallback).
            const download = set.downloads.includes(size);
            const formats: ImageFormat[] = download ? ['png', 'webp'] : ['webp'];
            if (pending.size >= IN_FLIGHT) await Promise.race(pending);
            const job = renderChartImages(series, lang, theme, size, credit, caption, formats).then((images) => {
              for (const format of formats) write(chartImagePath(lang, id, theme, size, format, set.partner), images[format]!);
              pending.delete(job);
            });
            pending.add(job);
            if (download) write(chartImagePath(lang, id, theme, size, 'svg', set.partner), renderChartSvg(series, lang, theme, size, credit, caption, desc));
          }
      }
    write(socialImagePath(lang), renderSocialPng(data, lang));
  }
  await Promise.all(pending);
  return n;
}

if (import.meta.main) {
  const data = JSON.parse(readFileSync(join(process.env.DASHBOARD_GENERATED_DIR ?? 'src/generated', 'dashboard.json'), 'utf8')) as DashboardData;
  const out = process.argv[2] ?? 'dist';
  const t0 = performance.now();
  const n = await renderAllImages(data, out);
  process.stdout.write(`images: ${n} files in ${Math.round(performance.now() - t0)} ms → ${out}/img/\n`);
}
