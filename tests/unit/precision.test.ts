import { describe, expect, it } from 'vitest';
import { targetReached } from '../../src/lib/aggregate/aggregate.ts';
import { loadData } from '../../src/lib/pipeline.ts';
import { HEADER, memorySource, tinyProgramme, tinySnapshots } from '../helpers/memory-source.ts';

const TOTALS = 'month,field_code,credits,completions';
// Target 15 (tinyProgramme). Figures by hand: alpha sends totals, beta completions.
const beta = [HEADER, 'B1,2023-02-05,C9,K,2,3,L8', 'B2,2023-03-10,C9,K,2,4,L9'].join('\n');
const load = (alpha: string, extra: Record<string, string> = {}) =>
  loadData(memorySource(tinyProgramme, { '2023-06-30/alpha.csv': alpha, '2023-06-30/beta.csv': beta, ...extra })).aggregates;

describe('the day the target was reached is given only where it is known', () => {
  it('from completions alone: the day, and its month', () => {
    const a = loadData(memorySource(tinyProgramme, tinySnapshots)).aggregates;
    expect([a.targetReachedOn, a.targetReachedMonth]).toEqual(['2023-06-01', '2023-06']);
    expect(a.totalsPartners).toEqual([]);
  });
  it('totals before the month of crossing only: the day is known (10 in January, 13 in February, 17 on 10 March)', () => {
    const a = load([TOTALS, '2023-01,1,10,2'].join('\n'));
    expect([a.targetReachedOn, a.targetReachedMonth]).toEqual(['2023-03-10', '2023-03']);
  });
  it('totals in the month of crossing: the month only (13 by February, 19 by the end of March)', () => {
    const a = load([TOTALS, '2023-01,1,10,2', '2023-03,1,2,1'].join('\n'));
    expect([a.targetReachedOn, a.targetReachedMonth]).toEqual([null, '2023-03']);
    expect(a.totalCredits).toBe(19);
  });
  it('not reached: neither', () => {
    const a = load([TOTALS, '2023-01,1,1,1'].join('\n'));
    expect([a.targetReachedOn, a.targetReachedMonth]).toEqual([null, null]);
  });
  it('targetReached() on hand-made cells: the month is exact wherever a month’s totals stand in it', () => {
    const cells = [
      { completedOn: '2023-01-31', credits: 900, monthly: true as const },
      { completedOn: '2023-02-28', credits: 500, monthly: true as const },
      { completedOn: '2023-03-02', credits: 200 },
    ];
    expect(targetReached(cells, 1400)).toEqual({ on: null, month: '2023-02' });
    expect(targetReached(cells, 1500)).toEqual({ on: '2023-03-02', month: '2023-03' });
  });
});

describe('learner counts are null where monthly totals stand behind them', () => {
  it('a partner whose newest export is totals has none, and so neither have the total and the fields', () => {
    const a = load([TOTALS, '2023-01,1,10,2'].join('\n'));
    expect(a.totalsPartners).toEqual(['alpha']);
    expect(a.partners.map((p) => [p.id, p.learners])).toEqual([
      ['alpha', null],
      ['beta', '<5'],
    ]);
    expect(a.learners).toBeNull();
    expect(a.fields.map((f) => f.learners)).toEqual([null, null]);
  });
  it('totals in an older export only: the newest (completions) is counted as before', () => {
    const a = load([HEADER, 'A1,2023-01-15,C1,K,1,5,L1'].join('\n'), { '2023-03-31/alpha.csv': [TOTALS, '2023-01,1,5,1'].join('\n') });
    expect(a.totalsPartners).toEqual([]);
    expect(a.learners).toBe('<5'); // L1, L8, L9
    expect(a.partners.map((p) => p.learners)).toEqual(['<5', '<5']);
  });
});
