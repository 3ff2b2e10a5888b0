import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { formatter, roughly } from '../format.ts';
import type { Lang } from '../contract/programme.ts';
import { wrapParts } from './attribution.ts';
import type { DirectLabel } from './direct-labels.ts';
import type { BarSeries, CumulativeSeries, Series } from './series.ts';
import { PALETTES, type Theme } from './theme.ts';

interface RenderOptions {
  lang: Lang;
  theme: Theme;
  fontFamily: string;
  /** Off for images, tests and readers who prefer reduced motion. */
  animate: boolean;
  /** Narrow layouts (phones, small embeds) get fewer ticks and smaller type. */
  narrow: boolean;
  /**
   * A title and a unit line drawn above the plot, for an image that travels without the page
   * around it (each a list of lines, broken by the renderer that can measure them). Pages leave
   * it out: their heading says it.
   */
  caption?: { title: readonly string[]; unit: readonly string[] };
}

type Config = ChartConfiguration<'line' | 'bar', (number | null)[], string | string[]>;

/**
 * Returns the chart.js configuration of a series. The browser canvas, the build-time images and
 * the tests all call this one function, so every renderer draws the same chart.
 */
export function chartConfig(series: Series, o: RenderOptions): Config {
  return series.kind === 'cumulative' ? cumulativeConfig(series, o) : barConfig(series, o);
}

function base(o: RenderOptions) {
  const p = PALETTES[o.theme];
  const size = o.narrow ? 12 : 13;
  return {
    p,
    size,
    font: { family: o.fontFamily, size },
    labelFont: `600 ${size}px ${o.fontFamily}`,
    f: formatter(o.lang),
  };
}

type Line = ChartDataset<'line', (number | null)[]>;

/** Returns a line dataset in one colour, without point markers unless the style asks for them. */
const line = (label: string, data: (number | null)[], color: string, style: Partial<Line>): Line => ({ label, data, borderColor: color, backgroundColor: color, pointRadius: 0, ...style });

/** Returns the first, middle and last of a list (all of it when it has three or fewer). */
function firstMiddleLast<T>(items: readonly T[]): T[] {
  return items.length <= 3 ? [...items] : [items[0], items[Math.floor((items.length - 1) / 2)], items[items.length - 1]];
}

/** Returns the index of the last value that is not null (0 when there is none). */
const lastIndex = (values: readonly (number | null)[]) => values.reduce<number>((at, v, i) => (v === null ? at : i), 0);

function cumulativeConfig(s: CumulativeSeries, o: RenderOptions): Config {
  const { p, font, labelFont, f } = base(o);
  const last = lastIndex(s.actual);
  const datasets: Line[] = [
    line(s.labels.actual, s.actual, p.actual, { borderWidth: 3, pointHitRadius: 8, pointStyle: 'circle', tension: 0 }),
    line(s.labels.target, s.months.map(() => s.target), p.target, { borderWidth: 2, borderDash: [8, 5], pointHitRadius: 0 }),
  ];
  if (s.projection) {
    const edge = { borderWidth: 0, pointHitRadius: 0 };
    datasets.push(
      line(s.labels.band, s.projection.high, p.band, { ...edge, fill: '+1' }),
      line(s.labels.band, s.projection.low, p.band, { ...edge, fill: false }),
      line(s.labels.projection, s.projection.central, p.projection, { borderWidth: 3, borderDash: [4, 4], pointHitRadius: 8 }),
    );
  }
  if (s.later) datasets.push(line(s.labels.later, s.later, p.later, { borderWidth: 3, pointRadius: 4, pointStyle: 'triangle' }));
  // Without a target the target dataset stays, empty, so that every later dataset keeps its index.
  const items: DirectLabel[] = [
    ...(s.target === null ? [] : [{ datasetIndex: 1, index: 0, text: s.labels.target, position: 'above-right', color: p.target } satisfies DirectLabel]),
    { datasetIndex: 0, index: last, text: f.credits(s.actual[last] ?? 0), position: 'left', color: p.actual },
  ];
  if (s.projection) {
    const end = s.months.length - 1;
    const central = s.projection.central[end];
    // Two lines ("Ennuste noin" over "12 040 op"): narrow enough to sit clear of the band's end,
    // above its top (dataset 2; anchored on its foot, the note met the band and was left out of
    // the narrow image, whose dotted line then read as data). It may cross the target's guide:
    // in the narrow image the months projected are too few to hold it right of the guide, and
    // it slid left over the counted months.
    const label = s.labels.projectionEnd;
    const figure = central === null ? '' : f.credits(roughly(central));
    if (central !== null && label) items.push({ datasetIndex: 2, index: end, text: label.endsWith(figure) && label.length > figure.length ? [label.slice(0, -figure.length).trim(), figure] : label, position: 'above-left', color: p.projection, optional: true, overGuides: true });
  }
  if (s.later) {
    const end = lastIndex(s.later);
    const value = s.later[end];
    if (value !== null) items.push({ datasetIndex: s.projection ? 5 : 2, index: end, text: f.credits(value), position: 'left', color: p.later });
  }
  if (s.crossing && s.labels.crossed) {
    // Anchored on the target line, so the note sits where the crossing happens whatever the scale.
    // On a narrow chart the note takes two lines, the date on its own, to find room off the line.
    const date = s.crossing.date.length > 7 ? f.date(s.crossing.date) : f.inMonth(s.crossing.date);
    const crossed = s.labels.crossed;
    const text = o.narrow && crossed.endsWith(date) && crossed.length > date.length ? [crossed.slice(0, -date.length).trim(), date] : crossed;
    items.push({ datasetIndex: 1, index: s.crossing.index, text, position: 'below-right', color: p.text, guide: true, optional: true });
  }
  return {
    type: 'line',
    data: { labels: s.months.map((m) => f.monthShort(m)), datasets },
    options: common(o, {
      plugins: { directLabels: { items, font: labelFont, halo: p.background } },
      scales: {
        // A word's width apart at least: chart.js's default 3 px let four English months touch
        // ("Jan 2022Sept 2022…") on the narrowest phone.
        x: axis(o, {
          ticks: { font, color: p.muted, maxRotation: 0, autoSkip: !o.narrow, autoSkipPadding: 16, maxTicksLimit: 8 },
          // On a narrow chart the first, middle and last month: chart.js's own three stopped at
          // November 2023 of a line running to July 2024, so the projected months had no date.
          ...(o.narrow ? { afterBuildTicks: (scale: { ticks: { value: number }[] }) => (scale.ticks = firstMiddleLast(scale.ticks)) } : {}),
        }),
        y: axis(o, {
          beginAtZero: true,
          // Headroom above a projection for its note to sit over the end of the band: with 5 % the
          // narrow image's note slid left of the data date, over the counted months.
          suggestedMax: Math.max(s.target ?? 0, ...s.actual.map((v) => v ?? 0), ...(s.projection?.high ?? []).map((v) => v ?? 0)) * (s.projection ? 1.1 : 1.05),
          ticks: { font, color: p.muted, callback: (v: string | number) => f.number(Number(v)) },
        }),
      },
    }),
  } as Config;
}

function barConfig(s: BarSeries, o: RenderOptions): Config {
  const { p, font, labelFont, f } = base(o);
  const horizontal = s.kind !== 'monthly';
  const items: DirectLabel[] = horizontal
    ? s.values.map((v, i) => ({ datasetIndex: 0, index: i, text: f.number(v), position: 'right', color: p.text, fixed: true }))
    : [];
  const valueAxis = axis(o, {
    beginAtZero: true,
    // Ticks for a generous range; afterFit below then ends the axis where the figures fit.
    ...(horizontal && { max: Math.max(...s.values, 1) * 1.6, afterFit: (scale: ValueScale) => endAxisAtFigures(scale, s.values, items, labelFont) }),
    // Figures with a space inside ("1 000") need a clear gap between them, or a phone's narrow
    // value axis reads "1 000 2 000 3 000" as one number: a tick closer than 12 px is skipped.
    ticks: { font, color: p.muted, maxRotation: 0, maxTicksLimit: horizontal ? 5 : 8, autoSkipPadding: 12, includeBounds: !horizontal, callback: (v: string | number) => f.number(Number(v)) },
  });
  const categoryAxis = axis(o, {
    grid: { display: false },
    // A name's lines close together (chart.js's default line height is 1.2), so that a name of
    // three lines on a phone stays within its row.
    ticks: { font: horizontal ? { ...font, lineHeight: 1.1 } : font, color: p.text, autoSkip: !horizontal, autoSkipPadding: 16, maxRotation: 0, maxTicksLimit: horizontal ? undefined : o.narrow ? 4 : 8 },
    // chart.js caps a side axis at half the chart's width and cuts longer names at the canvas
    // edge; a phone-width chart gives its names the width they measure (two lines each at most,
    // which is what keeps a dozen of them from running into each other at 12 px).
    ...(horizontal && { afterFit: (scale: Parameters<typeof fitNames>[0]) => fitNames(scale, o.narrow ? NARROW_NAME_SHARE : NAME_SHARE) }),
  });
  return {
    type: 'bar',
    data: {
      labels: horizontal ? s.labels.map((l) => wrapLabel(l, o.narrow ? 26 : 40)) : s.labels,
      datasets: [{ label: s.seriesLabel, data: s.values, backgroundColor: p.bar, borderColor: p.bar, maxBarThickness: 40 }],
    },
    options: common(o, {
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { directLabels: { items, font: labelFont, halo: p.background } },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    }),
  } as Config;
}

/** What endAxisAtFigures reads and sets of chart.js's value scale, once its width is known. */
interface ValueScale {
  ctx: CanvasRenderingContext2D;
  width: number;
  max: number;
  ticks: { value: number }[];
}

/** Pixels between a bar's end and its figure (label-placement.ts GAP) and round the figure's box. */
const FIGURE_ROOM = 6 + 2 * 2;

/**
 * Ends a bar chart's value axis where the longest figure, written right of its bar, just fits: the
 * axis is the plot's width, measured, not a share of it. With a share (a suggested maximum 18 %
 * past the longest bar) chart.js rounded up to its next tick: a narrow chart's 2 000 step drew
 * partners' 2 623 op on an axis to 4 000, the bars in half the plot, while a narrow English
 * chart's names left a plot too short for "2,225" in 18 %. Gridlines past the end are dropped.
 */
function endAxisAtFigures(scale: ValueScale, values: readonly number[], items: readonly DirectLabel[], labelFont: string): void {
  scale.ctx.font = labelFont;
  // The bar whose figure reaches furthest right sets the end: v / max × width + room ≤ width.
  const width = (text: string | readonly string[] = '') => Math.max(0, ...[text].flat().map((line) => scale.ctx.measureText(line).width));
  const need = values.map((v, i) => ({ v, room: width(items[i]?.text) + FIGURE_ROOM }));
  const end = Math.max(1, ...need.map(({ v, room }) => (scale.width > room ? (v * scale.width) / (scale.width - room) : v * 2)));
  scale.max = end;
  scale.ticks = scale.ticks.filter((t) => t.value <= end);
}

/** Room between a category name and the axis (chart.js's tick padding and the tick itself). */
const NAME_PADDING = 14;
/**
 * The most of a chart's width its names may take: 60 %, and 70 % on a phone, where the
 * longest English field ("Information and communication technologies") otherwise took three lines
 * and ran into the next row's name.
 */
const NAME_SHARE = 0.6;
const NARROW_NAME_SHARE = 0.7;

/**
 * Widens a category axis to its longest name line (plus the tick padding), within `share` of the
 * chart's width; a name with a line wider than that is broken again by its measured width, so no
 * name is cut at the canvas edge (a phone's "Handel, administration och" lost its "H" when names
 * were broken by their count of characters alone).
 */
function fitNames(scale: { ctx: CanvasRenderingContext2D; width: number; chart: { width: number }; ticks: { label: string | string[] }[]; options: { ticks: { font?: unknown } } }, share: number): void {
  const { ctx } = scale;
  const font = scale.options.ticks.font as { size?: number; family?: string } | undefined;
  const room = scale.chart.width * share;
  ctx.save();
  ctx.font = `${font?.size ?? 12}px ${font?.family ?? 'sans-serif'}`;
  const measure = (line: string) => ctx.measureText(line).width;
  for (const tick of scale.ticks) {
    const lines = Array.isArray(tick.label) ? tick.label : [tick.label];
    if (lines.some((line) => measure(line) + NAME_PADDING > room)) tick.label = wrapParts([lines.join(' ')], room - NAME_PADDING, measure);
  }
  const widest = Math.max(0, ...scale.ticks.flatMap((t) => (Array.isArray(t.label) ? t.label : [t.label])).map(measure));
  ctx.restore();
  scale.width = Math.min(Math.max(scale.width, Math.ceil(widest) + NAME_PADDING), room);
}

function axis(o: RenderOptions, extra: Record<string, unknown>) {
  const p = PALETTES[o.theme];
  return { grid: { color: p.grid }, border: { color: p.muted }, ...extra };
}

/** Returns chart.js's title and subtitle options for an image's caption (both off without one). */
function captionPlugins(o: RenderOptions) {
  const { p, font, size } = base(o);
  if (!o.caption) return { title: { display: false }, subtitle: { display: false } };
  const line = (text: readonly string[], color: string, px: number, weight: number, bottom: number) => ({
    display: true,
    text: [...text],
    align: 'start',
    color,
    font: { ...font, size: px, weight, lineHeight: 1.25 },
    padding: { top: 0, bottom },
  });
  return { title: line(o.caption.title, p.text, size + 3, 700, 2), subtitle: line(o.caption.unit, p.muted, size, 400, 10) };
}

function common(o: RenderOptions, extra: { plugins: Record<string, unknown>; [k: string]: unknown }) {
  const { p, font, f } = base(o);
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: o.animate ? { duration: 400 } : false,
    color: p.text,
    font,
    layout: { padding: { top: 8, right: 16, bottom: 4, left: 4 } },
    interaction: { mode: 'index', intersect: false },
    ...extra,
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          label: (ctx: { dataset: { label?: string }; parsed: { x: number; y: number } }) =>
            `${ctx.dataset.label ?? ''}: ${f.credits(extra.indexAxis === 'y' ? ctx.parsed.x : ctx.parsed.y)}`,
        },
      },
      ...captionPlugins(o),
      ...extra.plugins,
    },
  };
}

/** Returns a long category name broken into lines (chart.js draws an array as lines), so no name is cut. */
export function wrapLabel(text: string, max: number): string | string[] {
  if (text.length <= max) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
