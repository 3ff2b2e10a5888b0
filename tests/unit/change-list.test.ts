import { describe, expect, it } from 'vitest';
import { changeListCells, isLongPast, listChanges } from '../../src/lib/changes/change-list.ts';
import { changeLines } from '../../src/lib/changes/change-summary.ts';
import { compareCompletions, type ExportRows } from '../../src/lib/ingest/compare-exports.ts';

const rows = (...r: [string, string, number][]): ExportRows => ({ ids: r.map((x) => x[0]), days: r.map((x) => x[1]), credits: r.map((x) => x[2]), lines: r.map((_, i) => i + 2) });

// The export of 31.12.2023 against the one before: O1 (January, 5 op) withdrawn, O2 moved from
// 3.6. to 3.7.2023 (June is 6 months before December: long past; July is 5), O3 5 → 4 op in November.
const diff = compareCompletions(
  rows(['O1', '2023-01-10', 500], ['O2', '2023-06-03', 500], ['O3', '2023-11-03', 500]),
  rows(['O2', '2023-07-03', 500], ['O3', '2023-11-03', 400], ['N1', '2023-12-01', 500]),
);

describe('listChanges(diff, snapshotDate): the completions to send back to the partner', () => {
  it('names every withdrawn and corrected completion by id, before and after, flagging long-past months', () => {
    expect(listChanges(diff, '2023-12-31').map(changeListCells)).toEqual([
      ['withdrawn', 'O1', '2023-01-10', '5', null, null, null, 'yes'],
      ['corrected', 'O2', '2023-06-03', '5', '2023-07-03', '5', 2, 'yes'],
      ['corrected', 'O3', '2023-11-03', '5', '2023-11-03', '4', 3, 'no'],
    ]);
  });

  it('a month is long past 6 months or more before the snapshot’s month', () => {
    expect(isLongPast('2023-06', '2023-12-31')).toBe(true);
    expect(isLongPast('2023-07', '2023-12-31')).toBe(false);
    expect(isLongPast('2022-12', '2023-06-01')).toBe(true);
  });

  it('validate’s summary names the ids and flags the long-past months', () => {
    const lines = changeLines({ path: 'a.csv', previous: 'b.csv', next: null, diff, date: '2023-12-31' }, 'en');
    expect(lines).toContain('    ids: O1');
    expect(lines).toContain('    ids: O2, O3');
    expect(lines).toContain("  note: 2 changes fall in months 6 or more months before the snapshot's month (January 2023 and June 2023); ask the partner why");
  });
});
