import type { Chart } from 'chart.js';
import { chartConfig } from '../lib/charts/config.ts';
import { registerCharts } from '../lib/charts/register.ts';
import type { Series } from '../lib/charts/series.ts';
import type { Lang } from '../lib/contract/programme.ts';

const ChartJs = registerCharts();
const dark = window.matchMedia('(prefers-color-scheme: dark)');
const narrow = window.matchMedia('(max-width: 40rem)');
const FONT = getComputedStyle(document.body).fontFamily;

/** Replaces a figure's build-time image with an interactive chart drawn from the same definition. */
export function drawChart(figure: HTMLElement): void {
  const box = figure.querySelector<HTMLElement>('.chart-box');
  const json = figure.querySelector('script[data-series]')?.textContent;
  if (!box || !json) return;
  const series = JSON.parse(json) as Series;
  const img = box.querySelector('img');
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', img?.alt ?? '');
  box.append(canvas);
  let chart: Chart | null = null;
  const draw = () => {
    chart?.destroy();
    const forced = document.documentElement.dataset.theme;
    const theme = forced === 'light' || forced === 'dark' ? forced : dark.matches ? 'dark' : 'light';
    const config = chartConfig(series, {
      lang: document.documentElement.lang as Lang,
      theme,
      fontFamily: FONT,
      // The canvas replaces an image of the finished chart: growing it from zero would be a jump
      // for everyone and motion for those who asked for none.
      animate: false,
      narrow: narrow.matches,
    });
    chart = new ChartJs(canvas, config);
  };
  draw();
  figure.classList.add('drawn');
  for (const q of [dark, narrow]) q.addEventListener('change', draw);
  // A tooltip shown on hover can be dismissed without moving the pointer (WCAG 1.4.13): on a phone
  // the monthly chart's covered the bars beside it until the reader tapped elsewhere.
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !chart || chart.getActiveElements().length === 0) return;
    chart.setActiveElements([]);
    chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
    chart.update('none');
  });
}
