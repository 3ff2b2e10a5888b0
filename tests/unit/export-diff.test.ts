import { describe, expect, it } from 'vitest';
import { compareCompletions, compareMonths, isUnchanged, type ExportRows } from '../../src/lib/ingest/compare-exports.ts';
import { loadData } from '../../src/lib/pipeline.ts';
import { memorySource, tinyProgramme, tinySnapshots } from '../helpers/memory-source.ts';

/** Returns an export's rows from `id day credits-in-hundredths` triples. */
const rows = (...r: [string, string, number][]): ExportRows => ({ ids: r.map((x) => x[0]), days: r.map((x) => x[1]), credits: r.map((x) => x[2]) });

// A1 unchanged; A2 2,5 → 3 op; A3 withdrawn; A5 moved from March to April; A4 and A6 added.
const previous = rows(['A1', '2023-01-15', 500], ['A2', '2023-02-10', 250], ['A3', '2023-03-20', 100], ['A5', '2023-03-25', 200]);
const next = rows(['A1', '2023-01-15', 500], ['A2', '2023-02-10', 300], ['A5', '2023-04-02', 200], ['A4', '2023-06-01', 1000], ['A6', '2023-06-15', 50]);

describe('compareCompletions(previous, next)', () => {
  const d = compareCompletions(previous, next);

  it('counts completions only in the new export as added, with their credits', () => {
    expect(d.added).toEqual({ completions: 2, credits: 1050 }); // 10 + 0,5 op
  });

  it('counts completions missing from the new export as withdrawn, their credits negative', () => {
    expect(d.withdrawn).toEqual({ completions: 1, credits: -100 });
  });

  it('counts a changed credit or date of the same completion_id as a correction, net of both', () => {
    // A2 +0,5 op (credits), A5 ±0 (date)
    expect(d.corrected).toEqual({ completions: 2, credits: 50, creditsChanged: 1, datesChanged: 1 });
  });

  it('sums the net change: added + withdrawn + corrected', () => {
    expect(d.net).toBe(1050 - 100 + 50);
  });

  it('lists the months touched, a moved date in both its old and new month', () => {
    expect(d.months).toEqual([
      { month: '2023-02', completions: 1, credits: 50 },
      { month: '2023-03', completions: 2, credits: -300 }, // A3 withdrawn, A5 moved out
      { month: '2023-04', completions: 1, credits: 200 }, // A5 moved in
      { month: '2023-06', completions: 2, credits: 1050 },
    ]);
    expect(d.months.reduce((s, m) => s + m.credits, 0)).toBe(d.net);
  });

  it('takes everything as added when there is no previous export', () => {
    const first = compareCompletions(null, previous);
    expect(first.added).toEqual({ completions: 4, credits: 1050 });
    expect(first.withdrawn.completions + first.corrected.completions).toBe(0);
    expect(first.net).toBe(1050);
  });

  it('finds nothing between an export and itself, whatever the row order', () => {
    const shuffled = rows(['A5', '2023-03-25', 200], ['A3', '2023-03-20', 100], ['A1', '2023-01-15', 500], ['A2', '2023-02-10', 250]);
    const same = compareCompletions(previous, shuffled);
    expect(isUnchanged(same)).toBe(true);
    expect(same.net).toBe(0);
    expect(same.months).toEqual([]);
  });

  it('counts one correction once when both its credits and its date change', () => {
    const both = compareCompletions(rows(['X', '2023-01-31', 100]), rows(['X', '2023-02-01', 300]));
    expect(both.corrected).toEqual({ completions: 1, credits: 200, creditsChanged: 1, datesChanged: 1 });
    expect(both.months).toEqual([
      { month: '2023-01', completions: 1, credits: -100 },
      { month: '2023-02', completions: 1, credits: 300 },
    ]);
  });
});

describe('loadData() keepIndexes: the rows a comparison needs', () => {
  const keep = new Set(['2023-03-31/alpha.csv', '2023-06-30/alpha.csv', '2023-03-31/beta.csv']);
  const { indexes } = loadData(memorySource(tinyProgramme, tinySnapshots), { keepIndexes: keep });

  it('keeps each named export, newest ones and a partner’s only one included', () => {
    expect([...indexes.keys()].sort()).toEqual([...keep].sort());
    expect(indexes.get('2023-03-31/beta.csv')).toMatchObject({ ids: ['B1', 'B2'], credits: [10, 20], days: ['2023-03-01', '2023-03-02'] });
  });

  it('gives what alpha’s June export changes: A3 (1 op, March) withdrawn, A4 (10 op, June) added', () => {
    const d = compareCompletions(indexes.get('2023-03-31/alpha.csv')!, indexes.get('2023-06-30/alpha.csv')!);
    expect(d.added).toEqual({ completions: 1, credits: 1000 });
    expect(d.withdrawn).toEqual({ completions: 1, credits: -100 });
    // A2 is 10.2.2023 in March and 2023-02-10 in June: the same day, so no correction.
    expect(d.corrected.completions).toBe(0);
    expect(d.net).toBe(900);
    expect(d.months.map((m) => [m.month, m.credits])).toEqual([
      ['2023-03', -100],
      ['2023-06', 1000],
    ]);
  });

  it('keeps nothing when none is asked for', () => {
    expect(loadData(memorySource(tinyProgramme, tinySnapshots)).indexes.size).toBe(0);
  });
});

describe('compareMonths(previous, next): exports compared month by month (monthly totals name no completion)', () => {
  const cell = (completedOn: string, credits: number, completions: number) => ({ completedOn, credits, completions });
  it('gives each month whose credits or count changed, and the net change', () => {
    // Before: January 5 op (1), February 2,5 op (1). After: January as it was, February 3 op (1),
    // June 10 op (2). So February +0,5 op (±0), June +10 op (+2), net +10,5 op.
    const d = compareMonths([cell('2023-01-31', 500, 1), cell('2023-02-28', 250, 1)], [cell('2023-01-31', 500, 1), cell('2023-02-28', 300, 1), cell('2023-06-30', 1000, 2)]);
    expect(d.by).toBe('months');
    expect(d.months).toEqual([
      { month: '2023-02', credits: 50, completions: 0 },
      { month: '2023-06', credits: 1000, completions: 2 },
    ]);
    expect(d.net).toBe(1050);
    expect(isUnchanged(d)).toBe(false);
  });
  it('a month withdrawn counts negative; the same totals again are no change', () => {
    expect(compareMonths([cell('2023-01-31', 500, 1)], []).months).toEqual([{ month: '2023-01', credits: -500, completions: -1 }]);
    expect(isUnchanged(compareMonths([cell('2023-01-31', 500, 1)], [cell('2023-01-31', 500, 1)]))).toBe(true);
  });
});

