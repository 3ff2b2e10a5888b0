import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/lib/load-data.ts';
import { DataError } from '../../src/lib/problems.ts';
import { HEADER, memorySource, tinyProgramme } from '../helpers/memory-source.ts';

/** Returns the problem lines loading fails with, or [] when it loads. */
function problems(snapshots: Record<string, string>, programme: unknown = tinyProgramme): string[] {
  try {
    loadData(memorySource(programme, snapshots));
    return [];
  } catch (e) {
    if (e instanceof DataError) return e.message.split('\n');
    throw e;
  }
}
const one = (...rows: string[]) => ({ '2023-06-30/alpha.csv': [HEADER, ...rows].join('\n') });
const P = 'fixture/snapshots/2023-06-30/alpha.csv';

describe('validation: every rule names path, line, column and reason', () => {
  it('a missing required column is reported on the header line', () => {
    expect(problems({ '2023-06-30/alpha.csv': 'completion_id,completed_on,course_code,course_name,credits\nA1,2023-01-01,C,N,5' })).toEqual([
      `${P}:1: field_code: missing required column`,
    ]);
  });
  it('an empty required value', () => {
    expect(problems(one('A1,2023-01-15,,Kurssi,1,5,L1'))).toEqual([`${P}:2: course_code: empty value`]);
  });
  it('credits that are not a number', () => {
    expect(problems(one('A1,2023-01-15,C1,Kurssi,1,viisi,L1'))).toEqual([
      `${P}:2: credits: not a number with at most two decimals: "viisi"`,
    ]);
  });
  it('credits of zero or below', () => {
    expect(problems(one('A1,2023-01-15,C1,Kurssi,1,0,L1', 'A2,2023-01-15,C1,Kurssi,1,-5,L1'))).toEqual([
      `${P}:2: credits: must be greater than 0: "0"`,
      `${P}:3: credits: must be greater than 0: "-5"`,
    ]);
  });
  it('credits implausibly large for one completion', () => {
    expect(problems(one('A1,2023-01-15,C1,Kurssi,1,600,L1'))).toEqual([
      `${P}:2: credits: implausibly large (over 60) for one completion: "600"`,
    ]);
  });
  it('an impossible date', () => {
    expect(problems(one('A1,2023-02-30,C1,Kurssi,1,5,L1'))).toEqual([
      `${P}:2: completed_on: not a date (YYYY-MM-DD or d.m.yyyy) or no such day: "2023-02-30"`,
    ]);
  });
  it('a completion after its snapshot date', () => {
    expect(problems(one('A1,2023-07-01,C1,Kurssi,1,5,L1'))).toEqual([
      `${P}:2: completed_on: 2023-07-01 is after the snapshot date 2023-06-30`,
    ]);
  });
  it('a completion before the programme start', () => {
    expect(problems(one('A1,31.12.2022,C1,Kurssi,1,5,L1'))).toEqual([
      `${P}:2: completed_on: 2022-12-31 is before the programme start 2023-01-01`,
    ]);
  });
  it('a field code not listed in programme.json', () => {
    expect(problems(one('A1,2023-01-15,C1,Kurssi,7,5,L1'))).toEqual([
      `${P}:2: field_code: not a field code listed in programme.json: "7"`,
    ]);
  });
  it('a partner file not listed in programme.json', () => {
    expect(problems({ '2023-06-30/gamma.csv': HEADER })).toEqual([
      'fixture/snapshots/2023-06-30/gamma.csv: partner "gamma" is not listed in programme.json',
    ]);
  });
  it('a duplicate completion_id within a file', () => {
    expect(problems(one('A1,2023-01-15,C1,Kurssi,1,5,L1', 'A1,2023-01-16,C1,Kurssi,1,5,L2'))).toEqual([
      `${P}:3: completion_id: duplicate completion_id "A1" (first on line 2)`,
    ]);
  });
  it('a ragged row', () => {
    expect(problems(one('A1,2023-01-15,C1,Kurssi,1,5'))).toEqual([`${P}:2: row has 6 values but the header has 7`]);
  });
  it('an unterminated quote', () => {
    expect(problems(one('A1,2023-01-15,C1,"Kurssi,1,5,L1'))).toEqual([
      `${P}:2: unterminated quoted field: a " opens a value that never closes`,
    ]);
  });
  it('an empty file', () => {
    expect(problems({ '2023-06-30/alpha.csv': '' })).toEqual([`${P}: empty file: expected a header row and completions`]);
  });
  it('a snapshot folder whose name is not a date', () => {
    expect(problems({ '2023-13-01/alpha.csv': HEADER })).toEqual([
      'fixture/snapshots/2023-13-01/alpha.csv: snapshot folder name "2023-13-01" is not a date YYYY-MM-DD',
    ]);
  });
  it('programme.json that breaks the contract names the key', () => {
    expect(problems(one(), { ...tinyProgramme, targetCredits: -1 })).toEqual(['fixture/programme.json: targetCredits: must be a number > 0']);
  });
  it('numbers lines as an editor does when a quoted value spans lines', () => {
    expect(problems(one('A1,2023-01-15,C1,"Kurssi\nkahdella rivillä",1,5,L1', 'A2,2023-01-15,C1,Kurssi,1,x,L1'))).toEqual([
      `${P}:4: credits: not a number with at most two decimals: "x"`,
    ]);
  });
  it('reports every problem in every file at once', () => {
    const all = problems({
      ...one('A1,2023-02-30,C1,Kurssi,1,5,L1', 'A2,2023-01-15,C1,Kurssi,9,5,L1', 'A3,2023-01-15,C1,Kurssi,1,0,L1'),
      '2023-06-30/beta.csv': '',
    });
    expect(all).toHaveLength(4);
  });
  it('caps the problems listed per file and counts the rest', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `A${i},2023-01-15,C1,Kurssi,1,x,L1`);
    const all = problems(one(...rows));
    expect(all).toHaveLength(21);
    expect(all[20]).toBe(`${P}: and 5 more problems in this file`);
  });
});
