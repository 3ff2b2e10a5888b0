import { describe, expect, it } from 'vitest';
import { changeLines, signedCredits, totalLine, type CheckedExport } from '../../src/lib/changes/change-summary.ts';
import { compareCompletions, type ExportRows } from '../../src/lib/ingest/compare-exports.ts';
import { formatter } from '../../src/lib/format.ts';

const NB = '\u00a0';
const rows = (...r: [string, string, number][]): ExportRows => ({ ids: r.map((x) => x[0]), days: r.map((x) => x[1]), credits: r.map((x) => x[2]) });

// Added: N1 1 500 op and N2 186,5 op in December (1 686,5 op). Withdrawn: O1 8 op in November.
// Corrected: O2 5 → 4 op (−1 op). Net: 1 686,5 − 8 − 1 = 1 677,5 op.
const change: CheckedExport = {
  path: 'data/snapshots/2024-01-31/hamk.csv',
  previous: 'data/snapshots/2023-12-31/hamk.csv',
  next: null,
  diff: compareCompletions(
    rows(['O1', '2023-11-02', 800], ['O2', '2023-11-03', 500]),
    rows(['O2', '2023-11-03', 400], ['N1', '2023-12-01', 150000], ['N2', '2023-12-20', 18650]),
  ),
};

describe('changeLines(change, lang)', () => {
  it('tells in Finnish what an export changes, numbers as a Finn reads them', () => {
    expect(changeLines(change, 'fi')).toEqual([
      'data/snapshots/2024-01-31/hamk.csv: ei ongelmia; verrattu edelliseen: data/snapshots/2023-12-31/hamk.csv',
      `  lisätty: 2 suoritusta, +1${NB}686,5${NB}op`,
      `  poistettu: 1 suoritus, −8${NB}op`,
      '    tunnukset: O1',
      `  korjattu: 1 suoritus, −1${NB}op (opintopisteet: 1, päivämäärä: 0)`,
      '    tunnukset: O2',
      `  muutos yhteensä: +1${NB}677,5${NB}op`,
      '  kuukaudet:',
      `    marraskuu 2023: −9${NB}op (2 suoritusta)`,
      `    joulukuu 2023: +1${NB}686,5${NB}op (2 suoritusta)`,
    ]);
  });

  it('tells the same in English', () => {
    expect(changeLines(change, 'en')).toEqual([
      'data/snapshots/2024-01-31/hamk.csv: no problems; compared with the previous export: data/snapshots/2023-12-31/hamk.csv',
      `  added: 2 completions, +1,686.5${NB}credits`,
      `  withdrawn: 1 completion, -8${NB}credits`,
      '    ids: O1',
      `  corrected: 1 completion, -1${NB}credits (credits: 1, date: 0)`,
      '    ids: O2',
      `  net change: +1,677.5${NB}credits`,
      '  months touched:',
      `    November 2023: -9${NB}credits (2 completions)`,
      `    December 2023: +1,686.5${NB}credits (2 completions)`,
    ]);
  });

  it('says so when an export is a partner’s first, or changes nothing, or a newer one is in place', () => {
    const first = changeLines({ ...change, previous: null, diff: compareCompletions(null, rows(['A', '2023-05-05', 300])) }, 'fi');
    expect(first[0]).toBe('data/snapshots/2024-01-31/hamk.csv: ei ongelmia; korkeakoulun ensimmäinen tiedosto: kaikki on uutta');
    expect(first[1]).toBe(`  lisätty: 1 suoritus, +3${NB}op`);
    const same = rows(['A', '2023-05-05', 300]);
    const later = changeLines({ ...change, next: 'data/snapshots/2024-02-29/hamk.csv', diff: compareCompletions(same, same) }, 'en');
    expect(later.slice(1)).toEqual([
      '  no change from the previous export',
      '  note: a newer export, data/snapshots/2024-02-29/hamk.csv, is already in place, and the total counts that one',
    ]);
  });
});

describe('totalLine(aggregates, files, lang)', () => {
  const a = { totalCredits: 8937, targetCredits: 8400, percentOfTarget: 106.4, asOf: '2023-12-31' };
  it('gives the programme’s total and percent of target with the file in place', () => {
    expect(totalLine(a, 1, 'fi')).toBe(`Ohjelman kokonaismäärä, kun tiedosto on paikallaan: 8${NB}937${NB}op, 106,4${NB}% tavoitteesta 8${NB}400${NB}op (tilanne 31.12.2023)`);
    expect(totalLine(a, 2, 'en')).toBe(`Programme with the files in place: 8,937${NB}credits, 106.4% of the target 8,400${NB}credits (as of 31 December 2023)`);
  });
});

describe('signedCredits(f, hundredths)', () => {
  it('puts + before a gain and leaves the minus and zero to the formatter', () => {
    const f = formatter('fi');
    expect([168650, -800, 0].map((c) => signedCredits(f, c))).toEqual([`+1${NB}686,5${NB}op`, `−8${NB}op`, `0${NB}op`]);
  });
});
