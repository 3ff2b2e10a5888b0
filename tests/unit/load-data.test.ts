import { describe, expect, it } from 'vitest';
import { build, loadData } from '../../src/lib/pipeline.ts';
import { openDataFiles } from '../../src/lib/publish/open-data.ts';
import { HEADER, memorySource, tinyProgramme, tinySnapshots } from '../helpers/memory-source.ts';

// Every figure below was worked out by hand from tests/helpers/memory-source.ts.
describe('loadData() on the tiny hand-made programme', () => {
  const loaded = loadData(memorySource(tinyProgramme, tinySnapshots));
  const { aggregates: a } = loaded;
  const files = () => { const b = build(loaded); return openDataFiles(b.summary, b.data); };

  it('takes the as-of date from the latest snapshot', () => {
    expect(a.asOf).toBe('2023-06-30');
  });

  it('totals each partner’s newest export: alpha 5 + 2,5 + 10, beta 0.1 + 0.2 (exactly 0.3)', () => {
    expect(a.totalCredits).toBe(17.8);
    expect(a.completions).toBe(5);
    expect(a.partners).toEqual([
      { id: 'alpha', credits: 17.5, completions: 3, learners: '<5', lastSnapshot: '2023-06-30' },
      { id: 'beta', credits: 0.3, completions: 2, learners: '<5', lastSnapshot: '2023-03-31' },
    ]);
  });

  it('drops a completion missing from a later export (withdrawn A3)', () => {
    expect(a.fields).toEqual([
      { code: 1, credits: 15, completions: 2, learners: '<5' },
      { code: 2, credits: 2.8, completions: 3, learners: '<5' },
    ]);
  });

  it('computes percent of target to one decimal and the date the target was reached', () => {
    expect(a.percentOfTarget).toBe(118.7); // 17.8 / 15
    expect(a.targetReachedOn).toBe('2023-06-01'); // 7.8 before, 17.8 after A4
  });

  it('lists every month from the period start to the as-of month, empty ones included', () => {
    expect(a.cumulative.map((m) => [m.month, m.credits, m.cumulativeCredits])).toEqual([
      ['2023-01', 5, 5],
      ['2023-02', 2.5, 7.5],
      ['2023-03', 0.3, 7.8],
      ['2023-04', 0, 7.8],
      ['2023-05', 0, 7.8],
      ['2023-06', 10, 17.8],
    ]);
  });

  it('keeps the reporting history as each snapshot date saw it', () => {
    expect(a.snapshots).toEqual([
      { date: '2023-03-31', reportedCredits: 8.8 },
      { date: '2023-06-30', reportedCredits: 17.8 },
    ]);
  });

  it('publishes monthly.csv sorted by month, partner and field, with a BOM for Excel', () => {
    expect(files()['monthly.csv']).toBe(
      '\ufeffmonth,partner,field_code,credits,completions\n' +
        '2023-01,alpha,1,5,1\n2023-02,alpha,2,2.5,1\n2023-03,beta,2,0.3,2\n2023-06,alpha,1,10,1\n',
    );
    expect(files()['cumulative.csv'].split('\n')[1]).toBe('2023-01,5,5,15');
    // 30.6.: 17.8 − 8.8 = 9; alpha's June export against its March one: A4 added, A3 withdrawn, A2's date
    // written another way (10.2.2023) is the same day, so nothing corrected. 31.3. had nothing to compare with.
    expect(files()['snapshots.csv']).toBe(
      '\ufeffsnapshot_date,reported_credits,credit_change,completions_added,completions_corrected,completions_withdrawn\n2023-03-31,8.8,,,,\n2023-06-30,17.8,9,1,0,1\n',
    );
  });

  it('never publishes learner ids or course names', () => {
    const all = Object.values(files()).join('\n');
    expect(all).not.toMatch(/L[0-9]/);
    expect(all).not.toContain('Kurssi');
  });
});

describe('loadData() target not reached', () => {
  it('gives targetReachedOn null when the total stays below the target', () => {
    const { aggregates } = loadData(memorySource({ ...tinyProgramme, targetCredits: 100 }, tinySnapshots));
    expect(aggregates.targetReachedOn).toBeNull();
    expect(aggregates.percentOfTarget).toBe(17.8);
  });
});

describe('learners: distinct learner_ids over the current truth, small counts suppressed', () => {
  const rows = (partner: string, learners: string[], field = 1) =>
    [HEADER, ...learners.map((l, i) => `${partner}${i},2023-01-15,C1,Kurssi,${field},5,${l}`)].join('\n');

  it('the tiny programme: 5 learners in all (published), 1–4 per partner and field published as "<5"', () => {
    const a = loadData(memorySource(tinyProgramme, tinySnapshots)).aggregates;
    expect(a.learners).toBe(5); // L1, L2, L3 at alpha (June), L8, L9 at beta (March)
    expect(a.partners.map((p) => p.learners)).toEqual(['<5', '<5']);
    expect(a.fields.map((f) => f.learners)).toEqual(['<5', '<5']);
  });

  it('counts a person once however many completions, partners and fields; counts from 5 up are exact', () => {
    const a = loadData(
      memorySource(tinyProgramme, {
        '2023-06-30/alpha.csv': rows('A', ['L1', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6']),
        '2023-06-30/beta.csv': rows('B', ['L1', 'L2', 'L7', 'L8', 'L9', 'L10'], 2),
      }),
    ).aggregates;
    expect(a.learners).toBe(10);
    expect(a.partners.map((p) => [p.id, p.learners])).toEqual([
      ['alpha', 6],
      ['beta', 6],
    ]);
    expect(a.fields.map((f) => [f.code, f.learners])).toEqual([
      [1, 6],
      [2, 6],
    ]);
  });

  it('only the newest export counts: a learner whose only completion was withdrawn is gone', () => {
    const a = loadData(
      memorySource(tinyProgramme, {
        '2023-03-31/alpha.csv': rows('A', ['L1', 'L2', 'L3', 'L4', 'L5', 'L6']),
        '2023-06-30/alpha.csv': rows('A', ['L1', 'L2', 'L3', 'L4', 'L5']),
      }),
    ).aggregates;
    expect(a.learners).toBe(5);
  });

  it('is null where an export has no learner_id column, and then in the total and the fields too', () => {
    const noLearners = [HEADER.replace(',learner_id', ''), 'B1,2023-01-15,C1,Kurssi,1,5'].join('\n');
    const a = loadData(
      memorySource(tinyProgramme, { '2023-06-30/alpha.csv': rows('A', ['L1', 'L2', 'L3', 'L4', 'L5']), '2023-06-30/beta.csv': noLearners }),
    ).aggregates;
    expect(a.learners).toBeNull();
    expect(a.partners.map((p) => p.learners)).toEqual([5, null]);
    expect(a.fields.map((f) => f.learners)).toEqual([null, null]);
  });

  it('summary.json publishes them, "<5" as a string', () => {
    const b = build(loadData(memorySource(tinyProgramme, tinySnapshots)));
    const summary = JSON.parse(openDataFiles(b.summary, b.data)['summary.json']);
    expect(summary.learners).toBe(5);
    expect(summary.partners[0]).toEqual({ id: 'alpha', credits: 17.5, completions: 3, learners: '<5', lastSnapshot: '2023-06-30' });
    expect(summary.fields[1]).toEqual({ code: 2, credits: 2.8, completions: 3, learners: '<5' });
  });
});
