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
