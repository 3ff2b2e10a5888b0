import { Canvas } from '@napi-rs/canvas';
import { Chart } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { chartConfig } from '../../src/lib/charts/config.ts';
import type { PlacedLabels } from '../../src/lib/charts/direct-labels.ts';
import { bandHitsBox, boxesOverlap, lineHitsBox, placeLabels } from '../../src/lib/charts/label-placement.ts';
import { registerCharts } from '../../src/lib/charts/register.ts';
import type { BarSeries, CumulativeSeries } from '../../src/lib/charts/series.ts';
import { chartImageSize, IMAGE_SIZES } from '../../src/lib/charts/images.ts';
import type { Lang } from '../../src/lib/contract/programme.ts';
import { formatter } from '../../src/lib/format.ts';
import { t } from '../../src/lib/i18n/index.ts';

describe('label placement (src/lib/charts/label-placement.ts)', () => {
  const area = { x: 0, y: 0, w: 200, h: 100 };
  it('keeps the asked position when it is clear', () => {
    const [box] = placeLabels([{ anchor: { x: 100, y: 50 }, w: 40, h: 10, position: 'above' }], { lines: [], bands: [], guides: [] }, area);
    expect(box).toEqual({ x: 80, y: 34, w: 40, h: 10 });
  });

  it('moves a label off a line through its asked spot, and off a label placed before it', () => {
    // A flat line at y = 40 runs right through the spot above the point (y 34–44).
    const line = [{ x: 0, y: 40 }, { x: 200, y: 40 }];
    const [a, b] = placeLabels(
      [
        { anchor: { x: 100, y: 50 }, w: 40, h: 10, position: 'above' },
        { anchor: { x: 100, y: 50 }, w: 40, h: 10, position: 'below' },
      ],
      { lines: [line], bands: [], guides: [] },
      area,
    );
    expect(lineHitsBox(line, a!)).toBe(false);
    expect(lineHitsBox(line, b!)).toBe(false);
    expect(boxesOverlap(a!, b!)).toBe(false);
  });

  it('moves a label out of a band, even from wholly inside it', () => {
    const band = { upper: [{ x: 0, y: 20 }, { x: 200, y: 20 }], lower: [{ x: 0, y: 80 }, { x: 200, y: 80 }] };
    expect(bandHitsBox(band, { x: 90, y: 45, w: 20, h: 10 })).toBe(true);
    const [box] = placeLabels([{ anchor: { x: 100, y: 50 }, w: 30, h: 10, position: 'left' }], { lines: [], bands: [band], guides: [] }, { x: 0, y: 0, w: 200, h: 120 });
    expect(bandHitsBox(band, box!)).toBe(false);
  });

  it('leaves out an optional label that has no clear place (a 60 × 30 plot crossed by lines every 10 px)', () => {
    const lines = [10, 20].map((y) => [{ x: 0, y }, { x: 60, y }]);
    const [box, kept] = placeLabels(
      [
        { anchor: { x: 30, y: 15 }, w: 30, h: 10, position: 'above', optional: true },
        { anchor: { x: 30, y: 15 }, w: 30, h: 10, position: 'above' },
      ],
      { lines, bands: [], guides: [] },
      { x: 0, y: 0, w: 60, h: 30 },
    );
    expect(box).toBeNull();
    // One that is not optional is drawn where it runs into least: inside the plot, over one line.
    expect(kept).not.toBeNull();
  });

  it('leaves out an optional label whose only clear place is further than a quarter of the plot’s diagonal', () => {
    // Lines every 12 px down to y = 60 across the plot; the first clear place of a 40 × 10 label
    // at (100, 20) is below them all, at y = 66: 46 px from its point.
    const lines = [12, 24, 36, 48, 60].map((y) => [{ x: 0, y }, { x: 300, y }]);
    const request = { anchor: { x: 100, y: 20 }, w: 40, h: 10, position: 'above' } as const;
    const small = { x: 0, y: 0, w: 150, h: 80 }; // a quarter of the diagonal: 42.5 px
    const large = { x: 0, y: 0, w: 300, h: 150 }; // 83.9 px
    expect(placeLabels([{ ...request, optional: true }], { lines, bands: [], guides: [] }, small)).toEqual([null]);
    expect(placeLabels([{ ...request, optional: true }], { lines, bands: [], guides: [] }, large)).toEqual([{ x: 80, y: 66, w: 40, h: 10 }]);
    // A required label goes there on the small plot too.
    expect(placeLabels([request], { lines, bands: [], guides: [] }, small)).toEqual([{ x: 80, y: 66, w: 40, h: 10 }]);
  });

  it('leaves a fixed label where it was asked to be', () => {
    const line = [{ x: 0, y: 50 }, { x: 200, y: 50 }];
    const [box] = placeLabels([{ anchor: { x: 20, y: 50 }, w: 30, h: 10, position: 'right', fixed: true }], { lines: [line], bands: [], guides: [] }, area);
    expect(box).toEqual({ x: 26, y: 45, w: 30, h: 10 });
  });
});

/**
 * A programme like the demo: 24 months climbing to 8 937 against a target of 8 400, crossed in
 * the last month, and a seven-month projection to about 12 040 in a band that widens to 11 560–12 610.
 */
function series(lang: Lang): CumulativeSeries {
  const actual = [89, 182, 315, 480, 894, 1271, 1318, 1431, 1734, 2119, 2608, 3337, 3890, 4245, 4666, 5095, 5898, 6574, 6628, 6789, 7128, 7617, 8136, 8937];
  const central = [9393, 9704, 10083, 10484, 11281, 11967, 12039];
  const low = [9322, 9584, 9905, 10243, 10916, 11495, 11556];
  const high = [9477, 9845, 10295, 10769, 11714, 12525, 12611];
  const months = Array.from({ length: 31 }, (_, i) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  const pad = (values: number[]) => [...Array(23).fill(null), 8937, ...values];
  const words = {
    fi: { target: 'Tavoite 8\u00a0400\u00a0op', crossed: 'Tavoite ylittyi 8.12.2023', end: 'Ennuste noin 12\u00a0040\u00a0op' },
    sv: { target: 'Mål 8\u00a0400\u00a0sp', crossed: 'Målet passerades 8.12.2023', end: 'Prognos cirka 12\u00a0040\u00a0sp' },
    en: { target: 'Target 8,400\u00a0credits', crossed: 'Target passed 8 December 2023', end: 'Projection about 12,040\u00a0credits' },
  }[lang];
  return {
    kind: 'cumulative',
    months,
    actual: [...actual, ...Array(7).fill(null)],
    target: 8400,
    crossing: { index: 23, date: '2023-12-08' },
    projection: { central: pad(central), low: pad(low), high: pad(high) },
    later: null,
    labels: { actual: 'actual', target: words.target, crossed: words.crossed, projection: 'p', projectionEnd: words.end, band: 'b', later: 'l' },
  };
}

describe('the cumulative chart’s labels, drawn as the images draw them', () => {
  registerCharts();
  for (const lang of ['fi', 'sv', 'en'] as const) {
    // Bare, and with the room the images keep under the plot for up to three credit lines; and
    // at the narrowest phone's chart box (the phone's image, and the canvas on a 320 px screen).
    for (const [size, credit] of [['wide', 0], ['narrow', 0], ['wide', 2], ['narrow', 3], ['phone', 0]] as const) {
      it(`${lang} ${size}, ${credit} credit lines: no label box crosses a line, the band or another label, and each stays in the plot`, () => {
        const { width, height } = size === 'phone' ? chartImageSize('cumulative', 'narrow', 'webp') : IMAGE_SIZES[size];
        const canvas = new Canvas(width, height);
        const config = chartConfig(series(lang), { lang, theme: 'light', fontFamily: 'sans-serif', animate: false, narrow: size !== 'wide' });
        config.options = { ...config.options, responsive: false, devicePixelRatio: 1, layout: { padding: { top: 8, right: 16, left: 4, bottom: credit ? credit * 17 + 16 : 4 } } };
        const chart = new Chart(canvas as unknown as HTMLCanvasElement, config);
        const placed = (chart as Chart & { $directLabels?: PlacedLabels }).$directLabels!;
        // The months under the plot stand apart, a space's width at least.
        const x = chart.scales.x;
        const ctx = canvas.getContext('2d');
        ctx.font = `${size === 'wide' ? 13 : 12}px sans-serif`;
        const spans = x.ticks.map((tick, i) => {
          const w = ctx.measureText(String(tick.label)).width;
          return { label: String(tick.label), from: x.getPixelForTick(i) - w / 2, to: x.getPixelForTick(i) + w / 2 };
        });
        chart.destroy();
        expect(spans.length, 'month ticks').toBeGreaterThanOrEqual(3);
        spans.slice(1).forEach((s, i) => expect(s.from - spans[i].to, `"${spans[i].label}" to "${s.label}"`).toBeGreaterThanOrEqual(6));
        // Every label has a clear place, but on the narrowest phone, where the projection's and
        // the target date's may be left out (the sentence above the chart gives both); the
        // total's and the target line's never.
        if (size === 'phone') {
          const optional = (['chart.cumulative.crossed', 'chart.cumulative.projectionEnd'] as const).map((k) => t(lang, k).split('{')[0]);
          expect(placed.left.filter((l) => !optional.some((o) => l.startsWith(o))), 'left out').toEqual([]);
          expect(placed.boxes.length + placed.left.length).toBe(4);
        } else expect(placed.left, 'left out').toEqual([]);
        const { boxes, obstacles, area } = placed;
        // The projection's note names the dotted line: it reaches past the target's guide, over the
        // projected months (on the narrow image it had slid left, over the counted ones). And a
        // narrow chart dates its last month, July 2024, not November 2023.
        const note = boxes.find((b) => b.text.startsWith(t(lang, 'chart.cumulative.projectionEnd').split('{')[0].trim()));
        if (size !== 'phone') expect(note, `${lang} ${size} projection note`).toBeDefined();
        if (note) expect(note.x + note.w, `${lang} ${size} projection note`).toBeGreaterThan(obstacles.guides[0][0].x);
        if (size !== 'wide') expect(spans.at(-1)!.label).toBe(formatter(lang).monthShort('2024-07'));
        boxes.forEach((box, i) => {
          const where = `${lang} ${size} "${box.text}" at ${Math.round(box.x)},${Math.round(box.y)}`;
          for (const line of obstacles.lines) expect(lineHitsBox(line, box), `${where} crosses a line`).toBe(false);
          // Only the projection's note may cross the target's guide (it names what lies beyond it).
          if (!box.overGuides) for (const guide of obstacles.guides) expect(lineHitsBox(guide, box), `${where} crosses the guide`).toBe(false);
          for (const band of obstacles.bands) expect(bandHitsBox(band, box), `${where} lies on the band`).toBe(false);
          for (const other of boxes.slice(i + 1)) expect(boxesOverlap(box, other), `${where} overlaps "${other.text}"`).toBe(false);
          expect(box.x >= area.x && box.y >= area.y && box.x + box.w <= area.x + area.w && box.y + box.h <= area.y + area.h, `${where} leaves the plot`).toBe(true);
        });
      });
    }
  }
});

describe('chart text is at least 12 px', () => {
  it('ticks and labels, wide and narrow', () => {
    for (const narrow of [false, true]) {
      const c = chartConfig(series('fi'), { lang: 'fi', theme: 'light', fontFamily: 'sans-serif', animate: false, narrow });
      const font = c.options?.font as { size: number };
      expect(font.size).toBeGreaterThanOrEqual(12);
      expect(Number(/(\d+)px/.exec(c.options?.plugins?.directLabels?.font ?? '')?.[1])).toBeGreaterThanOrEqual(12);
    }
  });
});

describe('a bar chart’s value axis ends where its longest figure fits', () => {
  registerCharts();
  // The demo's partners (2 623 op the most) and fields as English names them (the longest names,
  // so the shortest plot), at each image size.
  const partners: BarSeries = { kind: 'partners', categories: ['a', 'b', 'c', 'd', 'e'], labels: ['Metropolia', 'Haaga-Helia', 'Laurea', 'HAMK', 'Xamk'], values: [2623, 1918, 1597, 1528, 1271], seriesLabel: 'op' };
  const fields: BarSeries = {
    kind: 'fields',
    categories: ['1', '2', '3'],
    labels: ['Information and communication technologies', 'Business, administration and law', 'Health and welfare'],
    values: [2225, 1854, 1476],
    seriesLabel: 'credits',
  };
  for (const [name, s, lang] of [['partners', partners, 'fi'], ['fields', fields, 'en']] as const) {
    for (const size of ['wide', 'narrow', 'phone'] as const) {
      it(`${name} (${lang}), ${size}: each figure inside the canvas, the longest one ending at the plot’s end`, () => {
        const { width, height } = size === 'phone' ? chartImageSize(s.kind, 'narrow', 'webp') : chartImageSize(s.kind, size);
        const canvas = new Canvas(width, height);
        const config = chartConfig(s, { lang, theme: 'light', fontFamily: 'sans-serif', animate: false, narrow: size !== 'wide' });
        config.options = { ...config.options, responsive: false, devicePixelRatio: 1 };
        const chart = new Chart(canvas as unknown as HTMLCanvasElement, config);
        const placed = (chart as Chart & { $directLabels?: PlacedLabels }).$directLabels!;
        const x = chart.scales.x;
        const [plotEnd, ticks, end] = [x.right, x.ticks.map((tick) => tick.value), x.max];
        chart.destroy();
        expect(placed.left, 'left out').toEqual([]);
        for (const box of placed.boxes) expect(box.x + box.w, `"${box.text}" ends past the canvas`).toBeLessThanOrEqual(width);
        // The figure reaching furthest ends at the plot's end (less its box's 2 px of clear space):
        // on an axis to 4 000, 2 623 op's figure had ended 60 px short of a narrow plot's.
        const furthest = Math.max(...placed.boxes.map((b) => b.x + b.w));
        expect(plotEnd - furthest).toBeGreaterThanOrEqual(0);
        expect(plotEnd - furthest).toBeLessThanOrEqual(4);
        expect(Math.max(...ticks)).toBeLessThanOrEqual(end);
      });
    }
  }
});
