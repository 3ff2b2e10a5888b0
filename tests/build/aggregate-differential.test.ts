import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregateFolder } from '../../scripts/io/aggregate-folder.ts';
import { fsDataSource } from '../../scripts/io/fs-data-source.ts';
import { DataError } from '../../src/lib/contract/problems.ts';
import type { DataSource } from '../../src/lib/ingest/read-exports.ts';
import { loadData } from '../../src/lib/pipeline.ts';
import { tinyProgramme } from '../helpers/memory-source.ts';

// Generated exports of the tiny programme (partner alpha, snapshot 2023-06-30, programme start
// 2023-01-01, fields 1 and 2) whose values sit at and across the edge of every rule of a value:
// each goes through the normal build and through npm run aggregate + the build of its output.
// Both must refuse it, or both accept it with the same totals, month by month and field by field.

// Around a value: what the contract trims (space, tab, no-break space, ideographic space), or nothing.
const pad = fc.constantFrom('', '', '', ' ', '\t', '\u00a0', '\u3000');
const padded = (values: fc.Arbitrary<string>) => fc.tuple(pad, values, pad).map(([a, v, b]) => `${a}${v}${b}`);

/** Values on the valid side of a rule's edge (most of them, so that many files are accepted) and across it. */
const edge = (valid: string[], invalid: string[]) =>
  fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...invalid) });

// An id: the row's own (unique), or A0, which more than one row may have (a repeat, padded or not), or none.
const ids = edge(['own', 'own', 'own', 'A0'], ['', ' ']);
const dates = edge(
  ['2023-01-01', '2023-06-30', '2023-03-15', '1.1.2023', '30.6.2023', '05.03.2023'], // the first day, the snapshot date…
  ['2022-12-31', '2023-07-01', '31.12.2022', '2023-02-29', '29.2.2023', '2023/06/30', '2023-6-3', '2023-06-3', '0000-01-01', '15.6.23', '20230630', ''],
);
const fields = edge(['1', '2', '01', '000000002'], ['0000000001', '3', '0', '6.5', '0x2', '1e0', '+1', '-1', '1.0', '']);
const credits = edge(
  ['5', '2,5', '2.5', '0.01', '0,01', '60', '60.00', '59.99'],
  ['60.01', '61', '0', '0.00', '5e1', '.5', '5.', '1.255', '1,5,0', '999999', '1000000', '-5', '+5', '0x3', ''],
);
const courses = edge(['Kurssi', 'K', 'Kurssi\nosa 2', 'Johtaminen; osa 1'], ['', ' ']);

// A line before a row: none mostly; or blank to the contract in the ways a spreadsheet or a hand
// edit leaves one (empty, spaces, fewer or more delimiters than the header has, `;` standing for the
// file's delimiter); or a short row that is not blank.
const filler = edge(['none', 'none', 'none', 'none', 'none', 'none', '', '   ', ';;', ';;;;;', ';;;;;;;', ' ;\t; '], ['X9', 'X9;2023-01-15']);
const row = fc.record({ before: filler, id: padded(ids), date: padded(dates), field: padded(fields), credits: padded(credits), course: courses });
const file = fc.record({ delimiter: fc.constantFrom(',', ';', '\t'), crlf: fc.boolean(), rows: fc.array(row, { minLength: 1, maxLength: 4 }) });
type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

/** Returns the CSV text of a generated export, quoting a value that holds the delimiter or a line break. */
function csv(f: File): string {
  const cell = (v: string) => (v.includes(f.delimiter) || v.includes('\n') ? `"${v}"` : v);
  const lines = [['completion_id', 'completed_on', 'course_code', 'course_name', 'field_code', 'credits'].join(f.delimiter)];
  f.rows.forEach((r, i) => {
    if (r.before !== 'none') lines.push(r.before.replaceAll(';', f.delimiter));
    lines.push([r.id.replace('own', `A${i + 1}`), r.date, 'C1', r.course, r.field, r.credits].map(cell).join(f.delimiter));
  });
  const eol = f.crlf ? '\r\n' : '\n';
  return `${lines.join(eol)}${eol}`;
}

/** Returns the figures the build publishes from a data source, or 'refused' when it refuses the data. */
function built(source: DataSource) {
  try {
    const a = loadData(source).aggregates;
    return { total: a.totalCredits, completions: a.completions, monthly: a.monthly.map((m) => [m.month, m.fieldCode, m.credits, m.completions]) };
  } catch (e) {
    if (e instanceof DataError) return 'refused';
    throw e;
  }
}

/** Returns the build's problem lines for the data folder holding the export at `path`. */
function buildProblems(path: string): string[] {
  try {
    loadData(fsDataSource(join(path, '..', '..', '..')));
    return [];
  } catch (e) {
    if (e instanceof DataError) return e.message.split('\n');
    throw e;
  }
}

const work = mkdtempSync(join(tmpdir(), 'dashboard-differential-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let runs = 0;

/** Writes the export as a data folder, then returns what the build makes of it directly and through npm run aggregate. */
async function bothWays(text: string) {
  const dir = join(work, String(runs++));
  mkdirSync(join(dir, 'in', 'snapshots', '2023-06-30'), { recursive: true });
  writeFileSync(join(dir, 'in', 'programme.json'), JSON.stringify(tinyProgramme));
  writeFileSync(join(dir, 'in', 'snapshots', '2023-06-30', 'alpha.csv'), text);
  const direct = built(fsDataSource(join(dir, 'in')));
  const run = await aggregateFolder(join(dir, 'in'), join(dir, 'out'));
  const aggregated = run.problems.length > 0 ? 'refused' : built(fsDataSource(join(dir, 'out')));
  return { direct, aggregated, problems: run.problems, path: join(dir, 'in', 'snapshots', '2023-06-30', 'alpha.csv') };
}

describe('the build and npm run aggregate read every value alike', () => {
  it('generated exports with values at and across every rule’s edge: both refuse, or both give the same totals', async () => {
    let [accepted, refused] = [0, 0];
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const text = csv(f);
        const { direct, aggregated, problems } = await bothWays(text);
        expect(aggregated, `${JSON.stringify(text)}\n${problems.join('\n')}`).toEqual(direct);
        if (direct === 'refused') refused++;
        else accepted++;
      }),
      { numRuns: 40 },
    );
    // Both sides of the edges are tried: files get through both ways, and are refused both ways.
    expect([accepted, refused].every((n) => n >= 5), `${accepted} accepted, ${refused} refused`).toBe(true);
  }, 60_000);

  // Each value an aggregate with SQL casts accepted: the aggregate's message names the file, the
  // column, the rule and the value, as the build's names the file, line, column and value.
  it.each([
    ['a field code 6.5 (DuckDB would round it to 7)', 'A1,2023-01-15,C,K,6.5,5', 'field_code: not a field code listed in programme.json (its codes: 1, 2): 1 row, e.g. "6.5"', ':2: field_code: not a field code listed in programme.json: "6.5" (its codes: 1, 2)'],
    ['a field code 0x2 (DuckDB would read hexadecimal)', 'A1,2023-01-15,C,K,0x2,5', 'field_code: not a field code listed in programme.json (its codes: 1, 2): 1 row, e.g. "0x2"', ':2: field_code: not a field code listed in programme.json: "0x2" (its codes: 1, 2)'],
    ['credits 5e1 (DuckDB would read 50)', 'A1,2023-01-15,C,K,1,5e1', 'credits: not a number over 0 and up to 60 with at most two decimals: 1 row, e.g. "5e1"', ':2: credits: not a number with at most two decimals: "5e1"'],
    ['credits .5', 'A1,2023-01-15,C,K,1,.5', 'credits: not a number over 0 and up to 60 with at most two decimals: 1 row, e.g. ".5"', ':2: credits: not a number with at most two decimals: ".5"'],
    ['the date 2023/06/30', 'A1,2023/06/30,C,K,1,5', 'completed_on: not a date (YYYY-MM-DD or d.m.yyyy) or no such day: 1 row, e.g. "2023/06/30"', ':2: completed_on: not a date (YYYY-MM-DD or d.m.yyyy) or no such day: "2023/06/30"'],
    ['the date 2023-6-3', 'A1,2023-6-3,C,K,1,5', 'completed_on: not a date (YYYY-MM-DD or d.m.yyyy) or no such day: 1 row, e.g. "2023-6-3"', ':2: completed_on: not a date (YYYY-MM-DD or d.m.yyyy) or no such day: "2023-6-3"'],
    ['an id given twice, once with a space after it', 'A16,2023-01-15,C,K,1,5\n"A16 ",2023-01-16,C,K,1,5', 'completion_id: repeated completion ids, e.g. "A16" ×2', ':3: completion_id: duplicate completion_id "A16" (first on line 2): delete the second row or give it an id of its own'],
  ])('%s is refused both ways', async (_, rows, aggregateSays, buildSays) => {
    const { direct, aggregated, problems, path } = await bothWays(`completion_id,completed_on,course_code,course_name,field_code,credits\n${rows}\n`);
    expect([direct, aggregated]).toEqual(['refused', 'refused']);
    expect(problems).toEqual([`${path}: ${aggregateSays}`]);
    expect(buildProblems(path)).toEqual([`${path}${buildSays}`]);
  });
});
