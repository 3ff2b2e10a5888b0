import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/lib/pipeline.ts';
import { DataError } from '../../src/lib/contract/problems.ts';
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
  it('reads the Finnish and Swedish column names registers export (documented aliases)', () => {
    const fi = 'Suoritus_ID;Suorituspäivä;Opintojakson tunnus;Opintojakson nimi;OKM ohjauksen ala;Opintopisteet\nA1;15.1.2023;C1;Kurssi;1;5\nA2;16.1.2023;C1;Kurssi;1;2,5';
    const sv = 'prestation_id,prestationsdatum,kurskod,kursnamn,styrningsområde,studiepoäng\nA1,2023-01-15,C1,Kurs,1,5';
    expect(problems({ '2023-06-30/alpha.csv': fi })).toEqual([]);
    expect(problems({ '2023-06-30/alpha.csv': sv })).toEqual([]);
    const totals = 'kuukausi,ala,opintopisteet,suoritukset\n2023-01,1,7.5,2';
    expect(problems({ '2023-06-30/alpha.csv': totals })).toEqual([]);
    // 5 + 2,5 op read from the Finnish header's columns.
    expect(loadData(memorySource(tinyProgramme, { '2023-06-30/alpha.csv': fi })).aggregates.totalCredits).toBe(7.5);
    // A unit in parentheses after a column's name, as a register's report may write it.
    const withUnit = fi.replace('Opintopisteet', 'Opintopisteet (op)');
    expect(loadData(memorySource(tinyProgramme, { '2023-06-30/alpha.csv': withUnit })).aggregates.totalCredits).toBe(7.5);
  });

  it('a column the file names in words of its own is named by them too, as its reader would look for it', () => {
    const fi = 'Suoritus_ID;Suorituspäivä;Opintojakson tunnus;Opintojakson nimi;OKM ohjauksen ala;Opintopisteet (op)\nA1;15.1.2023;C1;Kurssi;9;-5';
    expect(problems({ '2023-06-30/alpha.csv': fi })).toEqual([
      `${P}:2: "OKM ohjauksen ala" (field_code): not a field code listed in programme.json: "9" (its codes: 1, 2)`,
      `${P}:2: "Opintopisteet (op)" (credits): must be greater than 0: "-5"`,
    ]);
  });

  it('a missing required column is reported on the header line', () => {
    expect(problems({ '2023-06-30/alpha.csv': 'completion_id,completed_on,course_code,course_name,credits\nA1,2023-01-01,C,N,5' })).toEqual([
      `${P}:1: field_code: missing required column (the header has: completion_id, completed_on, course_code, course_name, credits; names accepted for it: field_code, okm_ohjauksen_ala, ohjauksen_ala, koulutusala, ala, styrningsområde, utbildningsområde)`,
    ]);
  });
  it('a title typed above the header: one problem saying so, not one per column, in every language', () => {
    const titled = { '2023-06-30/alpha.csv': `HAMK opintosuoritukset 2023,,,,,,\n,,,,,,\n${HEADER}\nA1,2023-01-15,C1,Kurssi,1,5,L1` };
    const required = 'completion_id, completed_on, course_code, course_name, field_code, credits';
    expect(problems(titled)).toEqual([
      `${P}:1: the first row has none of the required columns (${required}); it has: HAMK opintosuoritukset 2023. Is there a title or other text above the header row? The header row must be the first row: delete the rows above it`,
    ]);
    // A monthly-totals file with a title: its kind is told by the first row, so the title reads as a completions header.
    expect(problems({ '2023-06-30/alpha.csv': 'Kuukausisummat 2023\nmonth,field_code,credits,completions\n2023-01,1,5,1' })).toEqual([
      `${P}:1: the first row has none of the required columns (${required}); it has: Kuukausisummat 2023. Is there a title or other text above the header row? The header row must be the first row: delete the rows above it`,
    ]);
  });
  it('an empty required value', () => {
    expect(problems(one('A1,2023-01-15,,Kurssi,1,5,L1'))).toEqual([`${P}:2: course_code: empty value: fill it in`]);
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
      `${P}:2: completed_on: 2023-07-01 is after the snapshot date 2023-06-30: check the date, or the snapshot date`,
    ]);
  });
  it('a completion before the programme start', () => {
    expect(problems(one('A1,31.12.2022,C1,Kurssi,1,5,L1'))).toEqual([
      `${P}:2: completed_on: 2022-12-31 is before the programme start 2023-01-01: such a completion is not the programme's`,
    ]);
  });
  it('a field code not listed in programme.json', () => {
    expect(problems(one('A1,2023-01-15,C1,Kurssi,7,5,L1'))).toEqual([
      `${P}:2: field_code: not a field code listed in programme.json: "7" (its codes: 1, 2)`,
    ]);
  });
  it('a partner file not listed in programme.json', () => {
    expect(problems({ '2023-06-30/gamma.csv': HEADER })).toEqual([
      'fixture/snapshots/2023-06-30/gamma.csv: partner "gamma" is not listed in programme.json (its partners: alpha, beta)',
    ]);
  });
  it('a duplicate completion_id within a file', () => {
    expect(problems(one('A1,2023-01-15,C1,Kurssi,1,5,L1', 'A1,2023-01-16,C1,Kurssi,1,5,L2'))).toEqual([
      `${P}:3: completion_id: duplicate completion_id "A1" (first on line 2): delete the second row or give it an id of its own`,
    ]);
  });
  it('a completion_id three times: each repeat names the first line, in line order among the other problems', () => {
    expect(
      problems(one('A1,2023-01-15,C1,Kurssi,1,5,L1', 'A2,2023-01-15,C1,Kurssi,1,x,L1', 'A1,2023-01-16,C1,Kurssi,1,5,L1', ' A1 ,2023-01-17,C1,Kurssi,1,5,L1')),
    ).toEqual([
      `${P}:3: credits: not a number with at most two decimals: "x"`,
      `${P}:4: completion_id: duplicate completion_id "A1" (first on line 2): delete the second row or give it an id of its own`,
      `${P}:5: completion_id: duplicate completion_id "A1" (first on line 2): delete the second row or give it an id of its own`,
    ]);
  });
  it('caps duplicates with the other problems, the first 20 by line, and counts the rest', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `A1,2023-01-15,C1,Kurssi,1,${i === 3 ? 'x' : 5},L1`);
    const all = problems(one(...rows));
    expect(all).toHaveLength(21);
    expect(all[0]).toBe(`${P}:3: completion_id: duplicate completion_id "A1" (first on line 2): delete the second row or give it an id of its own`);
    expect(all[2]).toBe(`${P}:5: credits: not a number with at most two decimals: "x"`);
    expect(all[20]).toBe(`${P}: and 4 more problems in this file`);
  });
  it('a ragged row', () => {
    expect(problems(one('A1,2023-01-15,C1,Kurssi,1,5'))).toEqual([`${P}:2: row has 6 values but the header has 7: check the delimiters and quotes`]);
  });
  it('an unterminated quote', () => {
    expect(problems(one('A1,2023-01-15,C1,"Kurssi,1,5,L1'))).toEqual([
      `${P}:2: unterminated quoted field: a " opens a value that never closes; add a " at its end, or delete the stray "`,
    ]);
  });
  it('counts every problem of a file with more than 20: those listed and those only counted', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `A${i + 1},2023-01-15,C1,Kurssi,1,0,L1`);
    try {
      loadData(memorySource(tinyProgramme, one(...rows, 'A31,2023-01-15,C1,Kurssi,9,5,L1')));
      expect.unreachable();
    } catch (e) {
      const error = e as DataError;
      // 20 listed, then "and 11 more problems in this file" (30 credits of 0, one field code 9).
      expect(error.problems).toHaveLength(21);
      expect(error.problems[20].reason).toBe('and 11 more problems in this file');
      expect(error.count).toBe(31);
    }
  });
  it('an empty file', () => {
    expect(problems({ '2023-06-30/alpha.csv': '' })).toEqual([`${P}: empty file: expected a header row and completions`]);
  });
  it('a header with nothing under it (a header-only file published the partner at 0 op, its total dropped from the programme\'s)', () => {
    const none = `${P}: no completions: the file has a header row and nothing under it; send the full export (a partner with nothing to report yet sends no file)`;
    expect(problems({ '2023-06-30/alpha.csv': HEADER })).toEqual([none]);
    // Blank rows under it are no rows, by the contract.
    expect(problems({ '2023-06-30/alpha.csv': `${HEADER}\n,,,,,,\n\n,,` })).toEqual([none]);
    expect(problems({ '2023-06-30/alpha.csv': 'month,field_code,credits,completions\n' })).toEqual([
      `${P}: no monthly totals: the file has a header row and nothing under it; send the full export (a partner with nothing to report yet sends no file)`,
    ]);
    // One refused row is that row's problem, not this one.
    expect(problems(one('A1,2023-01-15,C1,Kurssi,1,0,L1'))).toEqual([`${P}:2: credits: must be greater than 0: "0"`]);
  });
  it('a snapshot folder whose name is not a date', () => {
    expect(problems({ '2023-13-01/alpha.csv': HEADER })).toEqual([
      'fixture/snapshots/2023-13-01/alpha.csv: snapshot folder name "2023-13-01" is not a date YYYY-MM-DD',
    ]);
  });
  it('a snapshot folder dated after the reader’s day (a year mistyped), with a day’s grace for time zones', () => {
    const row = `${HEADER}\nA1,2023-01-15,C1,Kurssi,1,5,L1`;
    const on = (today: string, snapshots: Record<string, string>) => {
      try {
        loadData({ ...memorySource(tinyProgramme, snapshots), today });
        return [];
      } catch (e) {
        if (e instanceof DataError) return e.message.split('\n');
        throw e;
      }
    };
    expect(on('2024-03-31', { '2023-06-30/alpha.csv': row, '2042-03-31/beta.csv': row })).toEqual([
      'fixture/snapshots/2042-03-31/beta.csv: snapshot folder "2042-03-31" is dated after today (2024-03-31), and an export cannot be dated in the future: is the year or the month mistyped?',
    ]);
    // The next day is taken: the build's clock may be on UTC while Finland is already on the 1st.
    expect(on('2024-03-31', { '2024-04-01/alpha.csv': row })).toEqual([]);
    expect(on('2024-03-31', { '2024-04-02/alpha.csv': row })).toHaveLength(1);
  });
  it('an export whose extension is in capitals (as Windows may save it) is read as any other', () => {
    expect(loadData(memorySource(tinyProgramme, { '2023-06-30/alpha.CSV': `${HEADER}\nA1,2023-01-15,C1,Kurssi,1,5,L1` })).aggregates.totalCredits).toBe(5);
    // Beside the same partner's .csv of that date it is one export too many.
    const row = `${HEADER}\nA1,2023-01-15,C1,Kurssi,1,5,L1`;
    expect(problems({ '2023-06-30/alpha.csv': row, '2023-06-30/alpha.CSV': row })).toEqual([
      'fixture/snapshots/2023-06-30/alpha.csv: fixture/snapshots/2023-06-30/alpha.CSV is there too: keep one export a partner and date (the .csv or the .xlsx)',
    ]);
  });
  it('programme.json that breaks the contract names the key', () => {
    expect(problems(one(), { ...tinyProgramme, targetCredits: -1 })).toEqual(['fixture/programme.json: targetCredits: must be a number > 0']);
    expect(problems(one(), { ...tinyProgramme, accessibilityAssessed: '29.11.2026' })).toEqual(['fixture/programme.json: accessibilityAssessed: must be a date YYYY-MM-DD']);
    expect(problems(one('A1,2023-01-15,C1,Kurssi,1,5,L1'), { ...tinyProgramme, accessibilityAssessed: '2026-11-29' })).toEqual([]);
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
    expect(all).toEqual([
      `${P}:2: completed_on: not a date (YYYY-MM-DD or d.m.yyyy) or no such day: "2023-02-30"`,
      `${P}:3: field_code: not a field code listed in programme.json: "9" (its codes: 1, 2)`,
      `${P}:4: credits: must be greater than 0: "0"`,
      'fixture/snapshots/2023-06-30/beta.csv: empty file: expected a header row and completions',
    ]);
  });
  it('reports every problem of one row, empty values first', () => {
    expect(problems(one(',2023-13-01,C1,Kurssi,1,1.234,L1'))).toEqual([
      `${P}:2: completion_id: empty value: fill it in`,
      `${P}:2: completed_on: not a date (YYYY-MM-DD or d.m.yyyy) or no such day: "2023-13-01"`,
      `${P}:2: credits: not a number with at most two decimals: "1.234"`,
    ]);
  });
  it('caps the problems listed per file and counts the rest', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `A${i},2023-01-15,C1,Kurssi,1,x,L1`);
    const all = problems(one(...rows));
    expect(all).toHaveLength(21);
    expect(all[20]).toBe(`${P}: and 5 more problems in this file`);
  });
  it('a column named twice in the header: delete one', () => {
    expect(problems({ '2023-06-30/alpha.csv': `${HEADER},credits\nA1,2023-01-15,C1,Kurssi,1,5,L1,5` })).toEqual([
      `${P}:1: credits: column named twice in the header: delete one`,
    ]);
  });
  it('a file without its header row (the first row is taken for one)', () => {
    expect(problems({ '2023-06-30/alpha.csv': 'A1,2023-01-15,C1,Kurssi,1,5,L1\nA2,2023-01-15,C1,Kurssi,1,5,L1' })).toEqual([
      `${P}:1: the header holds "2023-01-15", a value rather than a column name: is the header row missing, or joined to the first row?`,
    ]);
    expect(problems({ '2023-06-30/alpha.csv': 'A1,2023-01-15 00:00:00,C1,Kurssi,1,5,L1' })).toEqual([
      `${P}:1: the header holds "2023-01-15 00:00:00", a value rather than a column name: is the header row missing, or joined to the first row?`,
    ]);
  });
  it('a header joined to the only row (its line break lost) is refused, not read as an empty export', () => {
    expect(problems({ '2023-06-30/alpha.csv': `${HEADER},A1,2023-01-15,C1,Kurssi,1,5,L1\n` })).toEqual([
      `${P}:1: the header holds "2023-01-15", a value rather than a column name: is the header row missing, or joined to the first row?`,
    ]);
  });
  it('a quote inside an unquoted value, and the rows after it are still checked', () => {
    expect(problems(one('A1,2023-01-15,C1,Kurssi 5" näyttö,1,5,L1', 'A2,2023-01-15,C1,Kurssi,1,x,L1'))).toEqual([
      `${P}:2: a " inside an unquoted value: put the whole value in quotes and write the " twice ("")`,
      `${P}:3: credits: not a number with at most two decimals: "x"`,
    ]);
  });
  it('text after a closing quote', () => {
    expect(problems(one('A1,2023-01-15,C1,"Kurssi" 2,1,5,L1'))).toEqual([
      `${P}:2: text after a closing quote: a quoted value must end at the delimiter (write a " inside it twice: "")`,
    ]);
  });
  it('an unterminated quote is reported on the line where it opens; the rows after it are still checked', () => {
    const rest = Array.from({ length: 500 }, (_, i) => `A${i + 2},2023-01-15,C1,Kurssi,1,5,L1`);
    rest[400] = 'A402,2023-01-15,C1,Kurssi,1,0,L1';
    expect(problems(one('A1,2023-01-15,C1,"Kurssi,1,5,L1', ...rest))).toEqual([
      `${P}:2: unterminated quoted field: a " opens a value that never closes; add a " at its end, or delete the stray " (the check goes on from the next line)`,
      `${P}:403: credits: must be greater than 0: "0"`,
    ]);
  });
  it('numbers lines as an editor does in a CRLF file with a quoted CRLF and blank lines', () => {
    const text = [HEADER, '', 'A1,2023-01-15,C1,"Kurssi\r\nkahdella rivillä",1,5,L1', '', 'A2,2023-01-15,C1,Kurssi,1,x,L1'].join('\r\n');
    expect(problems({ '2023-06-30/alpha.csv': text })).toEqual([`${P}:6: credits: not a number with at most two decimals: "x"`]);
  });
  it('a row of delimiters only is blank, and delimiters at a row’s end are no values (as a spreadsheet saves them)', () => {
    // 5 + 2,5 op; line 2 and the last are ";;;;;;"-style rows, line 3 ends in two empty values, line 4 in a quoted empty one.
    const text = [HEADER, ',,,,,,', 'A1,2023-01-15,C1,Kurssi,1,5,L1,,', 'A2,2023-01-16,C1,Kurssi,1,"2,5",L2,""', ',,,,,,', ',,,,,,,,'].join('\n');
    expect(problems({ '2023-06-30/alpha.csv': text })).toEqual([]);
    expect(loadData(memorySource(tinyProgramme, { '2023-06-30/alpha.csv': text })).aggregates.totalCredits).toBe(7.5);
    // A value of spaces past the header's width is a value; a short row of delimiters is blank, a short row is not.
    expect(problems(one('A1,2023-01-15,C1,Kurssi,1,5,L1, ', ',,,', 'A2,2023-01-16,C1,Kurssi,1,5'))).toEqual([
      `${P}:2: row has 8 values but the header has 7: check the delimiters and quotes`,
      `${P}:4: row has 6 values but the header has 7: check the delimiters and quotes`,
    ]);
    const totals = 'month;field_code;credits;completions;\n2023-01;1;7,5;2;\n;;;;\n2023-02;1;5;1;;';
    expect(loadData(memorySource(tinyProgramme, { '2023-06-30/alpha.csv': totals })).aggregates.totalCredits).toBe(12.5);
  });
  it('dates written with a time of day, as a database exports them, are those days', () => {
    const text = [HEADER, 'A1,2023-01-15 00:00:00,C1,Kurssi,1,5,L1', 'A2,2023-06-30T13:30,C1,Kurssi,1,2.5,L2'].join('\n');
    expect(loadData(memorySource(tinyProgramme, { '2023-06-30/alpha.csv': text })).aggregates.monthly.map((m) => [m.month, m.credits])).toEqual([['2023-01', 5], ['2023-06', 2.5]]);
    expect(problems(one('A1,2023-01-15 25:00,C1,Kurssi,1,5,L1'))).toEqual([`${P}:2: completed_on: not a date (YYYY-MM-DD or d.m.yyyy) or no such day: "2023-01-15 25:00"`]);
  });
  it('a file with only blank lines is empty', () => {
    expect(problems({ '2023-06-30/alpha.csv': '\r\n  \n\n' })).toEqual([`${P}: empty file: expected a header row and completions`]);
  });
  it('credits written with their unit: the number alone is asked for', () => {
    expect(problems(one('A1,2023-01-15,C1,Kurssi,1,5 op,L1', 'A2,2023-01-15,C1,Kurssi,1,"2,5 sp",L1', 'A3,2023-01-15,C1,Kurssi,1,op,L1'))).toEqual([
      `${P}:2: credits: a number with a unit after it: write the number only: "5 op"`,
      `${P}:3: credits: a number with a unit after it: write the number only: "2,5 sp"`,
      `${P}:4: credits: not a number with at most two decimals: "op"`,
    ]);
    const totals = 'month,field_code,credits,completions\n2023-01,1,15 op,2';
    expect(problems({ '2023-06-30/alpha.csv': totals })).toEqual([`${P}:2: credits: a number with a unit after it: write the number only: "15 op"`]);
  });
  it('credits with three decimals, or a thousands separator', () => {
    expect(problems(one('A1,2023-01-15,C1,Kurssi,1,"2,555",L1', 'A2,2023-01-15,C1,Kurssi,1,1 000,L1'))).toEqual([
      `${P}:2: credits: not a number with at most two decimals: "2,555"`,
      `${P}:3: credits: not a number with at most two decimals: "1 000"`,
    ]);
  });
});

describe('warnings: loaded, but worth a coordinator\'s look', () => {
  /** Returns the warnings of a data set that loads. */
  const warnings = (snapshots: Record<string, string | Uint8Array>) => loadData(memorySource(tinyProgramme, snapshots)).warnings;
  const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

  it('a completion whose credits and date changed since the partner\'s previous export names both files, the id, old → new', () => {
    expect(
      warnings({
        '2023-03-31/alpha.csv': file('A1,2023-01-15,C1,Kurssi,1,5,L1', 'A2,2023-01-20,C1,Kurssi,1,5,L1'),
        '2023-06-30/alpha.csv': file('A2,2023-01-20,C1,Kurssi,1,5,L1', 'A1,16.1.2023,C1,Kurssi,1,"4,5",L1'),
      }),
    ).toEqual([
      `${P}:3: completion_id "A1" changed since fixture/snapshots/2023-03-31/alpha.csv: credits 5 → 4.5, completed_on 2023-01-15 → 2023-01-16`,
    ]);
  });
  it('compares consecutive exports of the same partner only', () => {
    expect(
      warnings({
        '2023-03-31/alpha.csv': file('A1,2023-01-15,C1,Kurssi,1,5,L1'),
        '2023-03-31/beta.csv': file('A1,2023-01-15,C1,Kurssi,1,1,L1'),
        '2023-04-30/alpha.csv': file('A1,2023-01-15,C1,Kurssi,1,4,L1'),
        '2023-06-30/alpha.csv': file('A1,2023-01-15,C1,Kurssi,1,4,L1'),
      }),
    ).toEqual([`fixture/snapshots/2023-04-30/alpha.csv:2: completion_id "A1" changed since fixture/snapshots/2023-03-31/alpha.csv: credits 5 → 4`]);
  });
  it('the same value written another way (2.5 and 2,5, ISO and Finnish dates) is no change', () => {
    expect(
      warnings({
        '2023-03-31/alpha.csv': file('A1,2023-01-15,C1,Kurssi,1,2.5,L1'),
        '2023-06-30/alpha.csv': file('A1,15.1.2023,C1,Kurssi,1,"2,50",L1'),
      }),
    ).toEqual([]);
  });
  it('caps the changed completions listed per file and counts the rest', () => {
    const ids = Array.from({ length: 23 }, (_, i) => i);
    const w = warnings({
      '2023-03-31/alpha.csv': file(...ids.map((i) => `A${i},2023-01-15,C1,Kurssi,1,5,L1`)),
      '2023-06-30/alpha.csv': file(...ids.map((i) => `A${i},2023-01-15,C1,Kurssi,1,6,L1`)),
    });
    expect(w).toHaveLength(21);
    expect(w[20]).toBe(`${P}: and 3 more changed completions in this file`);
  });
  it('compares each export with the one just before it, through three exports of one partner', () => {
    // Each export's ids are freed once the next one has been compared with them: the third must
    // still be compared with the second, not with nothing.
    expect(
      warnings({
        '2023-03-31/alpha.csv': file('A1,2023-01-15,C1,Kurssi,1,5,L1', 'A2,2023-01-15,C1,Kurssi,1,5,L1'),
        '2023-04-30/alpha.csv': file('A1,2023-01-15,C1,Kurssi,1,4,L1', 'A2,2023-01-15,C1,Kurssi,1,5,L1'),
        '2023-06-30/alpha.csv': file('A1,2023-01-15,C1,Kurssi,1,4,L1', 'A2,2023-01-15,C1,Kurssi,1,3,L1'),
      }),
    ).toEqual([
      'fixture/snapshots/2023-04-30/alpha.csv:2: completion_id "A1" changed since fixture/snapshots/2023-03-31/alpha.csv: credits 5 → 4',
      `${P}:3: completion_id "A2" changed since fixture/snapshots/2023-04-30/alpha.csv: credits 5 → 3`,
    ]);
  });
  it('finds a change between an export with ids in order and one without, either way round', () => {
    const inOrder = file('A1,2023-01-15,C1,Kurssi,1,5,L1', 'A2,2023-01-15,C1,Kurssi,1,5,L1', 'A3,2023-01-15,C1,Kurssi,1,5,L1');
    const shuffled = file('A3,2023-01-15,C1,Kurssi,1,5,L1', 'A1,2023-01-15,C1,Kurssi,1,2,L1', 'A2,2023-01-15,C1,Kurssi,1,5,L1');
    expect(warnings({ '2023-03-31/alpha.csv': inOrder, '2023-06-30/alpha.csv': shuffled })).toEqual([
      `${P}:3: completion_id "A1" changed since fixture/snapshots/2023-03-31/alpha.csv: credits 5 → 2`,
    ]);
    expect(warnings({ '2023-03-31/alpha.csv': shuffled, '2023-06-30/alpha.csv': inOrder })).toEqual([
      `${P}:2: completion_id "A1" changed since fixture/snapshots/2023-03-31/alpha.csv: credits 2 → 5`,
    ]);
  });
  it('matches a non-ASCII id in a Windows-1252 export with the same id in the UTF-8 export before it', () => {
    const cp1252 = (text: string) => Uint8Array.from(text, (ch) => (ch === 'Ä' ? 0xc4 : ch.charCodeAt(0)));
    const w = warnings({
      '2023-03-31/alpha.csv': file('Ä1,2023-01-15,C1,Kurssi,1,5,L1', 'Ä2,2023-01-15,C1,Kurssi,1,5,L1'),
      '2023-06-30/alpha.csv': cp1252(file('Ä1,2023-01-15,C1,Kurssi,1,5,L1', 'Ä2,2023-01-15,C1,Kurssi,1,1,L1')),
    });
    expect(w.filter((x) => x.includes('changed since'))).toEqual([
      `${P}:3: completion_id "Ä2" changed since fixture/snapshots/2023-03-31/alpha.csv: credits 5 → 1`,
    ]);
  });
  it('a file that ends inside a UTF-8 character is read as Windows-1252, with the warning', () => {
    const bytes = new TextEncoder().encode(file('A1,2023-01-15,C1,Kurssi,1,5,Lä'));
    expect(warnings({ '2023-06-30/alpha.csv': bytes.subarray(0, bytes.length - 1) })[0]).toMatch(
      /^fixture\/snapshots\/2023-06-30\/alpha\.csv: not valid UTF-8, so read as Windows-1252/,
    );
  });
  it('learner_id left empty on some rows: learner counts are not published, and the warning says so', () => {
    const loaded = loadData(memorySource(tinyProgramme, { '2023-06-30/alpha.csv': file('A1,2023-01-15,C1,Kurssi,1,5,L1', 'A2,2023-01-15,C1,Kurssi,1,5,') }));
    expect(loaded.warnings).toEqual([`${P}: learner_id: empty on 1 row, so learner counts are not published`]);
    expect(loaded.aggregates.learners).toBeNull();
  });
});
