import { describe, expect, it } from 'vitest';
import { chartSeries } from '../../src/lib/charts/series.ts';
import { chartSummary } from '../../src/lib/view/chart-texts.ts';
import { chartView, type ChartData } from '../../src/lib/view/chart-view.ts';
import { chartTable, projectionTable } from '../../src/lib/view/tables.ts';

const names = (fi: string, en: string) => ({ fi, sv: fi, en });

/**
 * Three partners and three fields over three months. Credits: partners b 60, a 30, c 30 (a tie,
 * which keeps the programme's order); fields 3: 50, 2: 35, 1: 35 (a tie, broken by code). Months
 * 40 + 30 + 50 = 120 credits of a 100 target, reached on 10 March; completions 8 + 6 + 10 = 24.
 * The projection starts from the 120 at the end of March and reaches 180 (160–200) in May.
 */
const DATA: ChartData = {
  programme: {
    partners: [
      { id: 'a', code: '01', shortName: 'A', name: names('Ammattikorkeakoulu A', 'University A') },
      { id: 'b', code: '02', shortName: 'B', name: names('Ammattikorkeakoulu B', 'University B') },
      { id: 'c', code: '03', shortName: 'C', name: names('Ammattikorkeakoulu C', 'University C') },
    ],
    fields: [
      { code: 2, name: names('Ala kaksi', 'Field two') },
      { code: 1, name: names('Ala yksi', 'Field one') },
      { code: 3, name: names('Ala kolme', 'Field three') },
    ],
  },
  aggregates: {
    asOf: '2024-03-31',
    targetCredits: 100,
    totalCredits: 120,
    completions: 24,
    targetReachedOn: '2024-03-10',
    targetReachedMonth: '2024-03',
    partners: [
      { id: 'a', credits: 30, completions: 6, learners: null, lastSnapshot: '2024-03-31' },
      { id: 'b', credits: 60, completions: 12, learners: null, lastSnapshot: '2024-03-30' },
      { id: 'c', credits: 30, completions: 6, learners: null, lastSnapshot: null },
    ],
    fields: [
      { code: 2, credits: 35, completions: 7, learners: null },
      { code: 1, credits: 35, completions: 7, learners: null },
      { code: 3, credits: 50, completions: 10, learners: null },
    ],
    cumulative: [
      { month: '2024-01', credits: 40, cumulativeCredits: 40 },
      { month: '2024-02', credits: 30, cumulativeCredits: 70 },
      { month: '2024-03', credits: 50, cumulativeCredits: 120 },
    ],
    monthly: [
      { month: '2024-01', partner: 'a', fieldCode: 1, credits: 25, completions: 5 },
      { month: '2024-01', partner: 'b', fieldCode: 2, credits: 15, completions: 3 },
      { month: '2024-02', partner: 'b', fieldCode: 3, credits: 30, completions: 6 },
      { month: '2024-03', partner: 'c', fieldCode: 3, credits: 50, completions: 10 },
    ],
  },
  projection: {
    origin: '2024-03-31',
    horizon: '2024-05-31',
    startCumulative: 120,
    months: [
      { month: '2024-04', central: 150, low: 140, high: 160 },
      { month: '2024-05', central: 180, low: 160, high: 200 },
    ],
    central: 180,
    low: 160,
    high: 200,
  },
  laterActual: [],
};

describe('chart view models (src/lib/view/chart-view.ts)', () => {
  it('cumulative: a measured band not yet judged on later months says so after "eight in ten"', () => {
    const row = (defaults: number) => ({ method: 'combination' as const, chosen: true, backtests: 6, mean_abs_error_percent: 2.5, bias_percent: -2.5, interval_coverage_percent: 100, interval_default_backtests: defaults });
    // 6 backtests, all judged against the set default: none against a measured band.
    const untried = { ...DATA, projection: { ...DATA.projection!, scorecard: [row(6)] } };
    expect(chartSummary(chartView('cumulative', untried, 'en'))).toMatch(/eight in ten of its projections landed within a range this wide\. A range measured this way has not yet been tried on months its computation did not use\.$/);
    expect(chartSummary(chartView('cumulative', untried, 'fi'))).toMatch(/ Näin mitattua väliä ei ole vielä koeteltu kuukausilla, joita sen laskemisessa ei käytetty\.$/);
    // Five judged against measured bands: tried.
    expect(chartSummary(chartView('cumulative', { ...DATA, projection: { ...DATA.projection!, scorecard: [row(1)] } }, 'en'))).not.toContain('not yet been tried');
  });

  it('cumulative: a default-width band is named as such in the legend and the sentence, in every language', () => {
    // Under five backtests the band is the set default (interval.ts): no measured 80 % is claimed.
    const untested = { ...DATA, projection: { ...DATA.projection!, notes: ['default-interval' as const] } };
    expect(chartSeries(chartView('cumulative', untested, 'en'))).toMatchObject({ labels: { band: 'Range of the projection (set width, not yet tested)' } });
    expect(chartSeries(chartView('cumulative', untested, 'fi'))).toMatchObject({ labels: { band: 'Ennusteen vaihteluväli (kiinteän levyinen, ei vielä testattu)' } });
    expect(chartSeries(chartView('cumulative', DATA, 'en'))).toMatchObject({ labels: { band: '80% interval of the projection' } });
    expect(chartSummary(chartView('cumulative', untested, 'en'))).toContain('the range is a set width, not a measured 80% interval.');
  });

  it('partners: largest first, a tie in the programme order, each row named once and its share of 120', () => {
    const v = chartView('partners', DATA, 'en');
    expect(v.rows.map((r) => [r.key, r.label, r.name, r.credits, r.share])).toEqual([
      ['b', 'B', 'University B', 60, 50],
      ['a', 'A', 'University A', 30, 25],
      ['c', 'C', 'University C', 30, 25],
    ]);
  });

  it('partners: the series, the table and the summary read the same rows in the same order', () => {
    const v = chartView('partners', DATA, 'en');
    expect(chartSeries(v)).toMatchObject({ kind: 'partners', categories: ['b', 'a', 'c'], labels: ['B', 'A', 'C'], values: [60, 30, 30] });
    const table = chartTable(v);
    expect(table.rows.map((r) => r[0])).toEqual(['University B', 'University A', 'University C']);
    expect(table.rows[2]).toEqual(['University C', '30', '25.0%', '6', '–']);
    expect(table.foot).toEqual(['Total', '120', '100.0%', '24', '31 March 2024']);
    expect(chartSummary(v)).toBe('Most credits were completed at B: 60\u00a0credits (50.0% of all).');
  });

  it('fields: largest first, a tie broken by the field code', () => {
    const v = chartView('fields', DATA, 'en');
    expect(v.rows.map((r) => r.key)).toEqual(['3', '1', '2']);
    expect(chartSeries(v)).toMatchObject({ categories: ['3', '1', '2'], labels: ['Field three', 'Field one', 'Field two'], values: [50, 35, 35] });
    expect(chartTable(v).rows.map((r) => r.slice(0, 3))).toEqual([
      ['Field three', '50', '41.7%'],
      ['Field one', '35', '29.2%'],
      ['Field two', '35', '29.2%'],
    ]);
    expect(chartSummary(v)).toBe('The largest field is Field three, with 50\u00a0credits (41.7% of all).');
  });

  it('monthly: completions summed per month from the cells; the summary names the largest month', () => {
    const v = chartView('monthly', DATA, 'en');
    expect(v.rows).toEqual([
      { month: '2024-01', credits: 40, completions: 8 },
      { month: '2024-02', credits: 30, completions: 6 },
      { month: '2024-03', credits: 50, completions: 10 },
    ]);
    expect(chartSeries(v)).toMatchObject({ categories: ['2024-01', '2024-02', '2024-03'], values: [40, 30, 50] });
    expect(chartTable(v).foot).toEqual(['Total', '120', '24']);
    expect(chartSummary(v)).toMatch(/^Most credits were completed in March 2024: 50\u00a0credits\./);
  });

  it('cumulative: counted months, then the projected ones; the line, the band and the table agree', () => {
    const v = chartView('cumulative', DATA, 'en');
    expect(v.rows.map((r) => [r.month, r.cumulative, r.projected?.central ?? null])).toEqual([
      ['2024-01', 40, null],
      ['2024-02', 70, null],
      ['2024-03', 120, null],
      ['2024-04', null, 150],
      ['2024-05', null, 180],
    ]);
    const s = chartSeries(v);
    if (s.kind !== 'cumulative') throw new Error('not the cumulative series');
    expect(s.actual).toEqual([40, 70, 120, null, null]);
    expect(s.projection?.central).toEqual([null, null, 120, 150, 180]);
    expect(s.projection?.low).toEqual([null, null, 120, 140, 160]);
    expect(s.crossing).toEqual({ index: 2, date: '2024-03-10' });
    expect(s.later).toBeNull();
    const table = chartTable(v);
    expect(table.rows[4]).toEqual(['May 2024', '–', '–', '100', '180', '160–200']);
    expect(projectionTable(v)?.rows).toEqual([
      ['April 2024', '150', '140–160'],
      ['May 2024', '180', '160–200'],
    ]);
    // The range is held together by word joiners (U+2060), so it never breaks at the dash.
    expect(chartSummary(v)).toBe('Cumulative credits passed the target of 100\u00a0credits on 10 March 2024; 120\u00a0credits by 31 March 2024. Projection to 31 May 2024: about 180\u00a0credits, likely 160\u2060–\u2060200\u00a0credits (the 80% interval, shaded in the chart): when the method was re-run on the programme\'s own past months, eight in ten of its projections landed within a range this wide.');
  });

  it('cumulative with a frozen origin: the line stops there and what came later is its own series', () => {
    const frozen: ChartData = {
      ...DATA,
      projection: { ...DATA.projection!, origin: '2024-02-29', startCumulative: 70, months: [{ month: '2024-03', central: 100, low: 90, high: 110 }, ...DATA.projection!.months] },
      laterActual: [{ month: '2024-03', cumulativeCredits: 120 }],
    };
    const s = chartSeries(chartView('cumulative', frozen, 'en'));
    if (s.kind !== 'cumulative') throw new Error('not the cumulative series');
    expect(s.actual).toEqual([40, 70, null, null, null]);
    expect(s.later).toEqual([null, 70, 120, null, null]);
    expect(s.projection?.central).toEqual([null, 70, 100, 150, 180]);
  });
});
