import { describe, expect, it } from 'vitest';
import { chartConfig, wrapLabel } from '../../src/lib/charts/config.ts';
import type { BarSeries, CumulativeSeries } from '../../src/lib/charts/series.ts';

const options = { lang: 'fi', theme: 'light', fontFamily: 'sans-serif', animate: false, narrow: false } as const;

describe('chart definitions', () => {
  it('wrapLabel() breaks a long field name into lines at spaces and keeps short ones whole', () => {
    expect(wrapLabel('Tietojenkäsittely ja tietoliikenne', 22)).toEqual(['Tietojenkäsittely ja', 'tietoliikenne']);
    expect(wrapLabel('Kasvatusalat', 22)).toBe('Kasvatusalat');
  });

  it('the cumulative chart draws the target as a flat dashed line and labels it directly', () => {
    const s: CumulativeSeries = {
      kind: 'cumulative',
      months: ['2023-01', '2023-02'],
      actual: [5, 17.8],
      target: 15,
      crossing: { index: 1, date: '2023-02-10' },
      projection: null,
      later: null,
      labels: { actual: 'Kertyneet', target: 'Tavoite 15 op', crossed: 'Tavoite ylittyi 10.2.2023', projection: '', projectionEnd: null, band: '', later: '' },
    };
    const c = chartConfig(s, options);
    expect(c.data.datasets[1].data).toEqual([15, 15]);
    expect((c.data.datasets[1] as { borderDash?: number[] }).borderDash).toEqual([8, 5]);
    expect(c.data.labels).toEqual(['tammi 2023', 'helmi 2023']);
    const items = c.options?.plugins?.directLabels?.items ?? [];
    expect(items.map((i) => i?.text)).toEqual(['Tavoite 15 op', '17,8\u00a0op', 'Tavoite ylittyi 10.2.2023']);
  });

  it('on a phone, a name wider than its room is broken again by its measured width, never cut at the edge', () => {
    // The narrowest phone's chart box (258 px) with 7 px a character: names may take 70 %, 180 px, less the 14 px padding: 23 characters a line.
    const names = ['Information and communication technologies', 'Business, administration and law', 'Medicine'];
    const s: BarSeries = { kind: 'fields', categories: ['1', '2', '3'], labels: names, values: [2225, 1854, 45], seriesLabel: 'Credits' };
    const c = chartConfig(s, { ...options, lang: 'en', narrow: true });
    const y = (c.options?.scales as Record<string, { afterFit: (scale: unknown) => void }>).y;
    const scale = {
      ctx: { save() {}, restore() {}, font: '', measureText: (t: string) => ({ width: t.length * 7 }) },
      width: 40,
      chart: { width: 258 },
      ticks: (c.data.labels as (string | string[])[]).map((label) => ({ label })),
      options: { ticks: { font: { size: 12, family: 'sans-serif' } } },
    };
    y.afterFit(scale);
    // Broken at 26 characters first; "communication technologies" (26 characters, 196 px) does not fit: three lines.
    // "Business, administration" (24 characters) neither; "Medicine" stays whole.
    expect(scale.ticks.map((t) => t.label)).toEqual([['Information and', 'communication', 'technologies'], ['Business,', 'administration and law'], 'Medicine']);
    expect(scale.ticks.flatMap((t) => t.label).every((line) => line.length * 7 + 14 <= 258 * 0.7)).toBe(true);
    expect(scale.width).toBe(22 * 7 + 14);
  });

  it('a horizontal bar chart labels every bar with its value in the page language', () => {
    const s: BarSeries = { kind: 'partners', categories: ['a', 'b'], labels: ['Alpha', 'Beta'], values: [1234.5, 2], seriesLabel: 'Opintopisteet' };
    const c = chartConfig(s, { ...options, lang: 'en' });
    expect(c.options?.indexAxis).toBe('y');
    expect((c.options?.plugins?.directLabels?.items ?? []).map((i) => i?.text)).toEqual(['1,234.5', '2']);
  });

  it('an image that travels alone draws its title and unit line above the plot; a page\'s chart does not', () => {
    const s: BarSeries = { kind: 'monthly', categories: ['2023-01'], labels: ['tammi 2023'], values: [5], seriesLabel: 'Opintopisteet' };
    const caption = { title: ['Opintopisteet kuukausittain'], unit: ['Opintopisteet (op) kuukaudessa'] };
    const plugins = chartConfig(s, { ...options, caption }).options?.plugins as Record<string, { display: boolean; text?: string[]; color?: string }>;
    expect(plugins.title).toMatchObject({ display: true, text: ['Opintopisteet kuukausittain'] });
    expect(plugins.subtitle).toMatchObject({ display: true, text: ['Opintopisteet (op) kuukaudessa'] });
    expect(plugins.subtitle.color).not.toBe(plugins.title.color);
    const page = chartConfig(s, options).options?.plugins as Record<string, { display: boolean }>;
    expect([page.title.display, page.subtitle.display]).toEqual([false, false]);
  });
});
