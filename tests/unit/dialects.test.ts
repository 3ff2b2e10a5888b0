import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstNonAscii } from '../../src/lib/ingest/read-csv.ts';
import { loadData } from '../../src/lib/pipeline.ts';
import { memorySource, tinyProgramme } from '../helpers/memory-source.ts';

// Every fixture in tests/fixtures/dialects/ holds the same five completions of partner alpha,
// saved the way a different system or person saves CSV. Worked out by hand:
//   D1 15.1.  field 1   5     course ÄI-101
//   D2 10.2.  field 2   2.5   "Tietoturva, osa 1" (delimiter inside quotes)
//   D3 28.2.  field 1  10     "Kurssi ""Åbo"" ja öljy" (doubled quotes)
//   D4  1.3.  field 2   0.25  a course name spanning two lines
//   D5 30.6.  field 2   1.75
// total 19.5; field 1: 15 (2), field 2: 4.5 (3); the target 15 is passed on 28.2. (5 + 2.5 + 10).
const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/dialects/${name}`));
const load = (name: string, chunkBytes?: number) =>
  loadData(memorySource(tinyProgramme, { '2023-06-30/alpha.csv': fixture(name) }, 'fixture/', chunkBytes), { keepCompletions: true });

const DIALECTS = [
  ['comma-lf.csv', 'UTF-8, comma, LF'],
  ['bom.csv', 'UTF-8 with a byte-order mark'],
  ['crlf.csv', 'Windows line endings (CRLF), also inside a quoted value'],
  ['tab.csv', 'tab-delimited'],
  ['semicolon-decimal-comma.csv', 'semicolons, decimal commas, d.m.yyyy dates, columns reordered, header in other case with spaces'],
  ['excel-fi-windows-1252.csv', 'Excel on Finnish Windows: Windows-1252, semicolons, decimal commas, d.m.yyyy, CRLF'],
  ['excel-unicode-text.csv', 'Excel\'s "Unicode text": UTF-16LE with a byte-order mark, tabs, CRLF'],
] as const;

describe('every honest dialect of an export loads to the same hand-computed totals', () => {
  it.each(DIALECTS)('%s (%s)', (name) => {
    const { aggregates: a, exports } = load(name);
    expect(a.totalCredits).toBe(19.5);
    expect(a.completions).toBe(5);
    expect(a.fields.map((f) => [f.code, f.credits, f.completions])).toEqual([
      [1, 15, 2],
      [2, 4.5, 3],
    ]);
    expect(a.targetReachedOn).toBe('2023-02-28');
    expect(a.monthly.map((m) => [m.month, m.fieldCode, m.credits])).toEqual([
      ['2023-01', 1, 5],
      ['2023-02', 1, 10],
      ['2023-02', 2, 2.5],
      ['2023-03', 2, 0.25],
      ['2023-06', 2, 1.75],
    ]);
    expect(a.learners).toBe('<5'); // L1–L4
    // An "ä" stays an "ä" in every encoding.
    expect(exports[0].completions.map((c) => c.courseCode)).toEqual(['ÄI-101', 'TT-1', 'ÅB-3', 'MR-4', 'ÖL-5']);
  });

  it.each(DIALECTS)('%s reads the same when it arrives in 1- to 7-byte chunks (values, characters and CRLF cut anywhere)', (name) => {
    const whole = load(name).aggregates;
    for (const size of [1, 2, 3, 7]) expect(load(name, size).aggregates).toEqual(whole);
  });

  it('warns about nothing in a UTF-8 or UTF-16 export', () => {
    for (const [name] of [...DIALECTS.slice(0, 5), DIALECTS[6]]) expect(load(name).warnings).toEqual([]);
  });
});

describe('the word a Windows-1252 warning shows', () => {
  const bytes = (...chunks: string[]) => chunks.map((c) => Uint8Array.from(c, (ch) => ch.charCodeAt(0)));
  it('is the first word with a letter outside ASCII, on its line as an editor counts them (LF, CRLF, CR)', () => {
    expect(firstNonAscii(bytes('a,b\nA1,Kurssi\nA2,Ty\xf6el\xe4m\xe4,5\n'))).toEqual({ line: 3, word: 'Työelämä' });
    expect(firstNonAscii(bytes('a;b\r\nA1;Kurssi\r\nA2;"\xc4idinkieli 1";5\r\n'))).toEqual({ line: 3, word: 'Äidinkieli' });
    expect(firstNonAscii(bytes('a;b\rA1;K\rA2;K\r\xc5bo'))).toEqual({ line: 4, word: 'Åbo' });
  });
  it('is whole when the file comes in chunks that cut the word and a CRLF', () => {
    expect(firstNonAscii(bytes('a,b\r', '\nA1,Ty', '\xf6el\xe4m\xe4,5'))).toEqual({ line: 2, word: 'Työelämä' });
  });
  it('shows UTF-8 that was not UTF-8 throughout as the reader would see it', () => {
    // "Työ" in UTF-8 (C3 B6 for ö) in a file with one stray Windows-1252 byte elsewhere.
    expect(firstNonAscii(bytes('a,b\nA1,Ty\xc3\xb6\nA2,\xe4\n'))).toEqual({ line: 2, word: 'TyÃ¶' });
  });
  it('is none in a file of ASCII only', () => {
    expect(firstNonAscii(bytes('a,b\nA1,K\n'))).toBeNull();
  });
});

describe('an export saved by Excel on a Finnish Windows machine', () => {
  it('is really Windows-1252: its "ä" is the single byte E4, which is not valid UTF-8', () => {
    const bytes = fixture('excel-fi-windows-1252.csv');
    expect(bytes.includes(0xe4)).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('loads to exactly the aggregates of its UTF-8 original', () => {
    expect(load('excel-fi-windows-1252.csv').aggregates).toEqual(load('semicolon-decimal-comma.csv').aggregates);
  });

  it('is read with a warning that names the file and the encoding', () => {
    expect(load('excel-fi-windows-1252.csv').warnings).toEqual([
      'fixture/snapshots/2023-06-30/alpha.csv: not valid UTF-8, so read as Windows-1252 (as Excel saves CSV on Windows): line 2 reads "Äidinkieli"; if its letters (ä, ö, å) look wrong, save the file as CSV UTF-8',
    ]);
  });
});
