import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/lib/pipeline.ts';
import { HEADER, loadProblems, memorySource, tinyProgramme } from '../helpers/memory-source.ts';

const TOTALS = 'month,field_code,credits,completions';
const problems = loadProblems;
const one = (...rows: string[]) => ({ '2023-06-30/alpha.csv': [TOTALS, ...rows].join('\n') });
const P = 'fixture/snapshots/2023-06-30/alpha.csv';

describe('monthly-totals exports: recognised by their header, summed exactly', () => {
  it('sums months, fields and partners; alpha 12.5 + 7.75, beta completions 5 (hand-computed)', () => {
    const { aggregates: a, exports } = loadData(
      memorySource(tinyProgramme, {
        '2023-06-30/alpha.csv': [TOTALS, '2023-01,1,12.5,3', '2/2023,2,"7,75",2', ''].join('\n'),
        '2023-06-30/beta.csv': [HEADER, 'B1,2023-03-01,C9,Kurssi 9,2,5,L9'].join('\n'),
      }),
    );
    expect(exports.map((e) => e.kind ?? 'completions')).toEqual(['totals', 'completions']);
    expect(a.totalCredits).toBe(25.25);
    expect(a.completions).toBe(6);
    expect(a.partners.map((p) => [p.id, p.credits, p.completions])).toEqual([
      ['alpha', 20.25, 5],
      ['beta', 5, 1],
    ]);
    expect(a.cumulative.slice(0, 3).map((m) => [m.month, m.credits, m.cumulativeCredits])).toEqual([
      ['2023-01', 12.5, 12.5],
      ['2023-02', 7.75, 20.25],
      ['2023-03', 5, 25.25],
    ]);
    expect(a.monthly).toEqual([
      { month: '2023-01', partner: 'alpha', fieldCode: 1, credits: 12.5, completions: 3 },
      { month: '2023-02', partner: 'alpha', fieldCode: 2, credits: 7.75, completions: 2 },
      { month: '2023-03', partner: 'beta', fieldCode: 2, credits: 5, completions: 1 },
    ]);
  });

  it('places a month on its last day, and the snapshot’s own month on the snapshot date', () => {
    const { exports } = loadData(memorySource(tinyProgramme, one('2023-06,1,5,1', '2023-02,2,5,1')));
    expect(exports[0].cells.map((c) => [c.completedOn, c.fieldCode, c.monthly])).toEqual([
      ['2023-02-28', 2, true],
      ['2023-06-30', 1, true],
    ]);
  });

  it('reads every CSV dialect: BOM, semicolons, decimal comma, CRLF, m.yyyy, Windows-1252 (with its warning)', () => {
    const text = '\ufeffMonth ; Field_Code;Credits;Completions;Huomautus\r\n1.2023;1;2,5;1;Syksy\r\n\r\n03.2023;2;10;4;Kevät\r\n';
    const utf8 = loadData(memorySource(tinyProgramme, { '2023-06-30/alpha.csv': text }));
    expect(utf8.aggregates.totalCredits).toBe(12.5);
    expect(utf8.warnings).toEqual([]);
    const cp1252 = Uint8Array.from([...text.slice(1)].map((c) => (c === 'ä' ? 0xe4 : c.charCodeAt(0))));
    const read = loadData(memorySource(tinyProgramme, { '2023-06-30/alpha.csv': cp1252 }));
    expect(read.aggregates.totalCredits).toBe(12.5);
    expect(read.warnings[0]).toMatch(/^fixture\/snapshots\/2023-06-30\/alpha.csv: not valid UTF-8, so read as Windows-1252/);
  });
});

describe('monthly-totals exports: every rule names path, line, column and reason', () => {
  it('a month × field given twice', () => {
    expect(problems(one('2023-01,1,5,1', '2023-02,1,5,1', '1/2023,1,3,1'))).toEqual([`${P}:4: month: month 2023-01, field 1 given twice (first on line 2): join the rows`]);
  });
  it('a month before the programme start or after the snapshot date’s month, or no month at all', () => {
    expect(problems(one('2022-12,1,5,1', '2023-07,1,5,1', '13/2023,1,5,1', '2023-1,1,5,1'))).toEqual([
      `${P}:2: month: 2022-12 is before the programme start 2023-01-01: such a completion is not the programme's`,
      `${P}:3: month: 2023-07 is after the month of the snapshot date 2023-06-30: check the month, or the snapshot date`,
      `${P}:4: month: not a month (YYYY-MM, m/yyyy or m.yyyy): "13/2023"`,
      `${P}:5: month: not a month (YYYY-MM, m/yyyy or m.yyyy): "2023-1"`,
    ]);
  });
  it('a field not in programme.json', () => {
    expect(problems(one('2023-01,7,5,1'))).toEqual([`${P}:2: field_code: not a field code listed in programme.json: "7" (its codes: 1, 2)`]);
  });
  it('credits of zero or below, or not a number; more than 60 a completion', () => {
    expect(problems(one('2023-01,1,0,1', '2023-02,1,-5,1', '2023-03,1,viisi,1', '2023-04,1,"1,255",1', '2023-05,1,121,2'))).toEqual([
      `${P}:2: credits: must be greater than 0: "0"`,
      `${P}:3: credits: must be greater than 0: "-5"`,
      `${P}:4: credits: not a number with at most two decimals: "viisi"`,
      `${P}:5: credits: not a number with at most two decimals: "1,255"`,
      `${P}:6: credits: 121 for 2 completions is over 60 a completion`,
    ]);
  });
  it('completions not a whole number of 1 or more', () => {
    expect(problems(one('2023-01,1,5,0', '2023-02,1,5,1.5', '2023-03,1,5,-1'))).toEqual([
      `${P}:2: completions: not a whole number of 1 or more: "0"`,
      `${P}:3: completions: not a whole number of 1 or more: "1.5"`,
      `${P}:4: completions: not a whole number of 1 or more: "-1"`,
    ]);
  });
  it('a missing column, an empty value, a row of the wrong width', () => {
    expect(problems({ '2023-06-30/alpha.csv': 'month,field_code,credits\n2023-01,1,5' })).toEqual([`${P}:1: completions: missing required column (the header has: month, field_code, credits; names accepted for it: completions, suoritukset, suorituksia, suoritusten_määrä, prestationer, antal_prestationer)`]);
    expect(problems(one('2023-01,,5,1', '2023-02,1,5'))).toEqual([`${P}:2: field_code: empty value: fill it in`, `${P}:3: row has 3 values but the header has 4: check the delimiters and quotes`]);
  });
  it('a learners column is refused: distinct learners cannot be summed', () => {
    expect(problems({ '2023-06-30/alpha.csv': `${TOTALS},learners\n2023-01,1,5,1,1` })).toEqual([
      `${P}:1: learners: distinct learners cannot be summed across months and fields, so monthly totals carry none: remove the learners column`,
    ]);
  });
  it('a quote that never closes stops the file, as in a completions export', () => {
    expect(problems(one('2023-01,1,"5,1'))).toEqual([`${P}:2: unterminated quoted field: a " opens a value that never closes; add a " at its end, or delete the stray "`]);
  });
});

describe('a partner switching kind: its exports are compared month × field', () => {
  it('warns where a month the previous export had seen to its end changed, not the month then under way', () => {
    const { warnings, aggregates } = loadData(
      memorySource(tinyProgramme, {
        '2023-03-15/alpha.csv': [HEADER, 'A1,2023-01-15,C1,K,1,5,L1', 'A2,2023-02-10,C2,K,2,2.5,L2', 'A3,2023-03-01,C1,K,1,1,L1'].join('\n'),
        '2023-06-30/alpha.csv': [TOTALS, '2023-01,1,5,1', '2023-02,2,3,1', '2023-03,1,4,2'].join('\n'),
      }),
    );
    expect(warnings).toEqual(['fixture/snapshots/2023-06-30/alpha.csv:3: month 2023-02, field 2 changed since fixture/snapshots/2023-03-15/alpha.csv: credits 2.5 → 3']);
    expect(aggregates.snapshots).toEqual([
      { date: '2023-03-15', reportedCredits: 8.5 },
      { date: '2023-06-30', reportedCredits: 12 },
    ]);
  });
  it('from totals back to completions: a month gone is named too (no line: a completions file has no month row)', () => {
    const { warnings } = loadData(
      memorySource(tinyProgramme, {
        '2023-03-15/alpha.csv': [TOTALS, '2023-01,1,5,1', '2023-02,2,3,1'].join('\n'),
        '2023-06-30/alpha.csv': [HEADER, 'A1,2023-01-15,C1,K,1,5,L1'].join('\n'),
      }),
    );
    expect(warnings).toEqual(['fixture/snapshots/2023-06-30/alpha.csv: month 2023-02, field 2 changed since fixture/snapshots/2023-03-15/alpha.csv: credits 3 → 0, completions 1 → 0']);
  });
});
