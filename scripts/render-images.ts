// Renders every chart to PNG at build time with the same chart definitions the browser uses,
// so a reader without JavaScript (and every embed, post and print) sees the same chart.
import { Canvas, GlobalFonts } from '@napi-rs/canvas';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Chart } from 'chart.js';
import { chartConfig } from '../src/lib/charts/config.ts';
import { chartImagePath, IMAGE_SCALE, IMAGE_SIZES, type ImageSize } from '../src/lib/charts/images.ts';
import { registerCharts } from '../src/lib/charts/register.ts';
import { CHART_IDS, seriesFor, type Series } from '../src/lib/charts/series.ts';
import { PALETTES, type Theme } from '../src/lib/charts/theme.ts';
import type { DashboardData } from '../src/lib/dashboard-data.ts';
import { LANGS } from '../src/lib/programme.ts';

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

/** Returns a PNG of one chart; the canvas is painted with the theme background (it is transparent). */
export function renderChartPng(series: Series, lang: (typeof LANGS)[number], theme: Theme, size: ImageSize): Buffer {
  registerFonts();
  const { width, height } = IMAGE_SIZES[size];
  // chart.js multiplies the canvas size by devicePixelRatio itself.
  const canvas = new Canvas(width, height);
  const config = chartConfig(series, { lang, theme, fontFamily: IMAGE_FONT, animate: false, narrow: size === 'narrow' });
  const background = {
    id: 'background',
    beforeDraw(chart: Chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = PALETTES[theme].background;
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
  };
  config.options = { ...config.options, responsive: false, devicePixelRatio: IMAGE_SCALE };
  config.plugins = [...(config.plugins ?? []), background];
  // chart.js accepts any canvas-like object; @napi-rs/canvas implements the 2D context it needs.
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, config);
  const png = canvas.toBuffer('image/png');
  chart.destroy();
  return png;
}

/** Writes every chart × language × theme × size under `outDir`. */
export function renderAllImages(data: DashboardData, outDir: string): number {
  let n = 0;
  for (const lang of LANGS)
    for (const id of CHART_IDS) {
      const series = seriesFor(id, data, lang);
      for (const theme of ['light', 'dark'] as const)
        for (const size of Object.keys(IMAGE_SIZES) as ImageSize[]) {
          const path = join(outDir, chartImagePath(lang, id, theme, size));
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, renderChartPng(series, lang, theme, size));
          n++;
        }
    }
  return n;
}

if (import.meta.main) {
  const data = JSON.parse(readFileSync('src/generated/dashboard.json', 'utf8')) as DashboardData;
  const out = process.argv[2] ?? 'dist';
  const t0 = performance.now();
  const n = renderAllImages(data, out);
  process.stdout.write(`images: ${n} PNGs in ${Math.round(performance.now() - t0)} ms → ${out}/img/charts/\n`);
}
