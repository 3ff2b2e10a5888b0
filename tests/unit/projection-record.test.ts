// The projection's own record: projections made at earlier rounds against what was reported since.
import { describe, expect, it } from 'vitest';
import { build, loadData } from '../../src/lib/pipeline.ts';
import { comparedMonth, projectionRecord } from '../../src/lib/projection/record.ts';
import { recordView } from '../../src/lib/view/record-view.ts';
import { HEADER, memorySource, tinyProgramme } from '../helpers/memory-source.ts';

const months = (rows: [string, number, number, number][]) => rows.map(([month, central, low, high]) => ({ month, central, low, high }));

describe('projectionRecord(earlier, cumulative, completeMonth)', () => {
  const cumulative = [
    { month: '2023-06', cumulativeCredits: 100 },
    { month: '2023-07', cumulativeCredits: 130 },
    { month: '2023-08', cumulativeCredits: 150.5 },
    { month: '2023-09', cumulativeCredits: 170 },
  ];

  it('compares each earlier projection at the newest complete month, oldest first, inside when low − ½ ≤ actual ≤ high + ½', () => {
    const june = { origin: '2023-06-30', method: 'combination' as const, startCumulative: 100, months: months([['2023-07', 120, 110, 130], ['2023-08', 140, 120, 150], ['2023-09', 160, 130, 190]]) };
    const may = { origin: '2023-05-31', method: 'seasonal-share' as const, startCumulative: 80, months: months([['2023-06', 90, 80, 99], ['2023-07', 100, 90, 110], ['2023-08', 120, 100, 140]]), notes: ['default-interval' as const] };
    // Compared at August (September is not complete yet): June's 140 (120–150) against 150.5,
    // inside by the half credit; May's 120 (100–140), ending in August, outside.
    expect(projectionRecord([june, may], cumulative, '2023-08')).toEqual([
      { origin: '2023-05-31', method: 'seasonal-share', month: '2023-08', start: 80, central: 120, low: 100, high: 140, defaultInterval: true, actual: 150.5, inside: false },
      { origin: '2023-06-30', method: 'combination', month: '2023-08', start: 100, central: 140, low: 120, high: 150, defaultInterval: false, actual: 150.5, inside: true },
    ]);
  });

  it('compares a projection that ended sooner at its own last month, and leaves out one with no month yet complete', () => {
    const short = { origin: '2023-05-31', method: 'recent-average' as const, startCumulative: 80, months: months([['2023-06', 95, 90, 99], ['2023-07', 125, 110, 131]]) };
    const late = { origin: '2023-08-31', method: 'combination' as const, startCumulative: 150, months: months([['2023-09', 175, 160, 190]]) };
    expect(projectionRecord([short, late], cumulative, '2023-08')).toEqual([
      { origin: '2023-05-31', method: 'recent-average', month: '2023-07', start: 80, central: 125, low: 110, high: 131, defaultInterval: false, actual: 130, inside: true },
    ]);
  });
});

describe('comparedMonth(origin, late)', () => {
  it('takes the newest month that ended 28 days or more before the round, or the newest complete one when the rounds’ months did not grow', () => {
    // November ended 31 days before 31.12, December 0: November, unless December is shown complete.
    expect(comparedMonth('2023-12-31', { factor: 1.6 })).toBe('2023-11');
    expect(comparedMonth('2023-12-31', null)).toBe('2023-11');
    expect(comparedMonth('2023-12-31', { factor: 1 })).toBe('2023-12');
    // A round ending 28.12 has no complete December, and November ended 28 days before it.
    expect(comparedMonth('2023-12-28', { factor: 0.98 })).toBe('2023-11');
    expect(comparedMonth('2023-12-28', null)).toBe('2023-11');
    // 25.12: November ended only 25 days before; 2.10 and 27.10: September ended 2 and 27 days before.
    expect(comparedMonth('2023-12-25', null)).toBe('2023-10');
    expect(comparedMonth('2023-10-02', null)).toBe('2023-08');
    expect(comparedMonth('2023-10-27', null)).toBe('2023-08');
    expect(comparedMonth('2023-10-28', null)).toBe('2023-09');
    // Across a year's end.
    expect(comparedMonth('2024-01-31', null)).toBe('2023-12');
  });
});

describe('the record in the build', () => {
  // alpha and beta report quarterly; 1 op a month from alpha, 2 from beta from January on.
  const lines = (prefix: string, credits: number, last: number) =>
    Array.from({ length: last }, (_, i) => `${prefix}${i + 1},2023-${String(i + 1).padStart(2, '0')}-15,C1,K,1,${credits},L${prefix}${i}`);
  const round = (month: number) => ({
    [`2023-${String(month).padStart(2, '0')}-${month === 6 || month === 9 ? 30 : 31}/alpha.csv`]: [HEADER, ...lines('A', 1, month)].join('\n'),
    [`2023-${String(month).padStart(2, '0')}-${month === 6 || month === 9 ? 30 : 31}/beta.csv`]: [HEADER, ...lines('B', 2, month)].join('\n'),
  });

  it('holds the projection made at each earlier round end, compared at the newest complete month', () => {
    const files = { ...round(6), ...round(9), ...round(12) };
    const { data } = build(loadData(memorySource({ ...tinyProgramme, projectionHorizon: '2024-06-30', period: { ...tinyProgramme.period, end: '2024-06-30' } }, files)));
    expect(data.projectionOrigin).toBe('2023-12-31');
    // June's round has six months (the least a projection needs), September's nine; both are
    // compared at December, when 12 × 3 = 36 op had been completed.
    expect(data.record.map((r) => [r.origin, r.month, r.actual])).toEqual([
      ['2023-06-30', '2023-12', 36],
      ['2023-09-30', '2023-12', 36],
    ]);
    // A steady 3 op a month: recent months' average projects it exactly.
    expect(data.record.map((r) => [r.method, r.central, r.inside])).toEqual([
      ['recent-average', 36, true],
      ['recent-average', 36, true],
    ]);
  });
});

describe('recordView(record, lang)', () => {
  const row = (origin: string, start: number, central: number, low: number, high: number, actual: number, inside: boolean, defaultInterval = false) => ({
    origin,
    method: 'combination' as const,
    month: '2023-12',
    start,
    central,
    low,
    high,
    defaultInterval,
    actual,
    inside,
  });

  it('is a table of the rounds, the miss in percent of the credits added since, and how many held it, in words', () => {
    // Added since: 8 937 − 6 342 = 2 595, missed by 8 625 − 8 937 = −312: −12.02 %;
    // 8 937 − 6 974 = 1 963, missed by 9 900 − 8 937 = +963: +49.06 %.
    const v = recordView([row('2023-06-30', 6342, 8625, 8169, 9196, 8937, true, true), row('2023-09-30', 6974, 9900, 9500, 10300, 8937, false)], 'en')!;
    expect(v.table.caption).toBe('Cumulative total, December 2023: earlier projections and the actual');
    expect(v.table.columns.map((c) => c.label)).toEqual(['Data as of', 'Method', 'Projected', '80% interval', 'Actual', 'Projection was', 'Inside the interval']);
    expect(v.table.rows).toEqual([
      ['30 June 2023', 'Mean of three methods', '8,625', '8,169–9,196 (set width)', '8,937', '12.0% too low', 'yes'],
      ['30 September 2023', 'Mean of three methods', '9,900', '9,500–10,300', '8,937', '49.1% too high', 'no'],
    ]);
    expect(v.summary).toBe('The actual was inside the interval of 1 of 2 earlier projections.');
    expect(v.allSet).toBeNull();
    const fi = recordView([row('2023-06-30', 6342, 8625, 8169, 9196, 8937, true, true)], 'fi')!;
    expect(fi.table.rows[0]).toEqual(['30.6.2023', 'Kolmen menetelmän keskiarvo', '8\u00a0625', '8\u00a0169–9\u00a0196 (kiinteä leveys)', '8\u00a0937', '12,0\u00a0% liian pieni', 'kyllä']);
    expect(fi.allSet).toMatch(/^Kaikkien aiempien ennusteiden väli oli kiinteä/);
  });

  it('is null with nothing to compare', () => {
    expect(recordView([], 'fi')).toBeNull();
  });
});
