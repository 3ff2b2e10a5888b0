import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateFolder } from '../../scripts/io/aggregate-folder.ts';
import { fsDataSource } from '../../scripts/io/fs-data-source.ts';
import { loadData } from '../../src/lib/pipeline.ts';

// A hand-made folder: the tiny programme (tests/fixtures/tiny: alpha twice, beta once) plus a
// semicolon export with a decimal comma and Finnish dates for beta on 2023-06-30.
const work = mkdtempSync(join(tmpdir(), 'dashboard-aggregate-'));
const IN = join(work, 'in');
const OUT = join(work, 'out');
cpSync('tests/fixtures/tiny', IN, { recursive: true });
mkdirSync(join(IN, 'snapshots/2023-06-30'), { recursive: true });
writeFileSync(
  join(IN, 'snapshots/2023-06-30/beta.csv'),
  '\ufeffcompletion_id;completed_on;course_code;course_name;field_code;credits\r\nB1;1.3.2023;C9;Kurssi;2;0,1\r\nB2;2023-03-02;C9;Kurssi;2;0.2\r\nB3;15.6.2023;C9;Kurssi;1;"2,25"\r\n',
);

describe('npm run aggregate: DuckDB sums a data folder into monthly totals', () => {
  let run: Awaited<ReturnType<typeof aggregateFolder>>;
  beforeAll(async () => {
    run = await aggregateFolder(IN, OUT);
  });

  it('writes one monthly-totals export per input export, with the hand-computed totals', () => {
    expect(run.problems).toEqual([]);
    expect(readFileSync(join(OUT, 'snapshots/2023-06-30/alpha.csv'), 'utf8')).toBe('month,field_code,credits,completions\n2023-01,1,5,1\n2023-02,2,2.5,1\n2023-06,1,10,1\n');
    expect(readFileSync(join(OUT, 'snapshots/2023-06-30/beta.csv'), 'utf8')).toBe('month,field_code,credits,completions\n2023-03,2,0.3,2\n2023-06,1,2.25,1\n');
    expect(readFileSync(join(OUT, 'programme.json'), 'utf8')).toBe(readFileSync(join(IN, 'programme.json'), 'utf8'));
    // 8.5 + 0.3 (March) + 17.5 + 2.55 (June): every export's rows
    expect([run.rows, run.centi]).toEqual([11, 2885]);
  });

  it('equals DuckDB’s own sum and count of the rows', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const r = await db.runAndReadAll(
      `select count(*) as n, sum(cast(replace(credits, ',', '.') as decimal(8, 2))) as s from read_csv('${IN}/snapshots/*/*.csv', all_varchar = true, union_by_name = true)`,
    );
    const [{ n, s }] = r.getRowObjectsJS();
    expect([Number(n), Number(s) * 100]).toEqual([run.rows, run.centi]);
  });

  it('builds to the same totals, cumulative series and reporting history as the completions', () => {
    const before = loadData(fsDataSource(IN)).aggregates;
    const after = loadData(fsDataSource(OUT)).aggregates;
    for (const key of ['totalCredits', 'completions', 'cumulative', 'monthly', 'snapshots', 'targetReachedMonth'] as const) expect(after[key]).toEqual(before[key]);
    expect(after.partners.map((p) => [p.credits, p.completions, p.lastSnapshot])).toEqual(before.partners.map((p) => [p.credits, p.completions, p.lastSnapshot]));
    expect(before.totalCredits).toBe(20.05); // alpha 5 + 2.5 + 10, beta 0.1 + 0.2 + 2.25
  });

  it('reads a row of delimiters only as blank and delimiters at a row’s end as no values, as the build does', async () => {
    // beta 2023-06-30 as a spreadsheet may save it: ";;;;;" rows and ";" at each row's end; still 0,1 + 0,2 + 2,25.
    const blanks = join(work, 'blanks');
    cpSync(IN, blanks, { recursive: true });
    /** Writes beta's export as `text`, then expects both paths to read 0,1 + 0,2 + 2,25 from it (writing the aggregate to `out`). */
    const readAlike = async (text: string, out: string) => {
      writeFileSync(join(blanks, 'snapshots/2023-06-30/beta.csv'), text);
      expect((await aggregateFolder(blanks, join(work, out))).problems).toEqual([]);
      expect(readFileSync(join(work, out, 'snapshots/2023-06-30/beta.csv'), 'utf8')).toBe('month,field_code,credits,completions\n2023-03,2,0.3,2\n2023-06,1,2.25,1\n');
      expect(loadData(fsDataSource(blanks)).aggregates.totalCredits).toBe(20.05);
    };
    await readAlike(
      'completion_id;completed_on;course_code;course_name;field_code;credits\n;;;;;\nB1;1.3.2023;C9;Kurssi;2;0,1;\nB2;2023-03-02;C9;Kurssi;2;0.2;;""\n;;;;;\nB3;15.6.2023;C9;Kurssi;1;"2,25"\n;;;;;;;\n',
      'blanks-out',
    );
    // Fewer delimiters than the header has, or spaces only, as a spreadsheet or a hand edit may leave: blank to both.
    await readAlike(
      'completion_id;completed_on;course_code;course_name;field_code;credits\n;;;\nB1;1.3.2023;C9;Kurssi;2;0,1\n   \nB2;2023-03-02;C9;Kurssi;2;0.2\n \t; ;\nB3;15.6.2023;C9;Kurssi;1;"2,25"\n;\n',
      'blanks-short',
    );
    // A short row after a blank one: the short row's line, from both.
    writeFileSync(join(blanks, 'snapshots/2023-06-30/beta.csv'), 'completion_id;completed_on;course_code;course_name;field_code;credits\n;;;\nB1;1.3.2023;C9;Kurssi;2;0,1\nB2;2023-03-02;C9\n');
    expect((await aggregateFolder(blanks, join(work, 'blanks-short2'))).problems).toEqual([`${blanks}/snapshots/2023-06-30/beta.csv:4: row has 3 values but the header has 6`]);
    expect(() => loadData(fsDataSource(blanks))).toThrow(`${blanks}/snapshots/2023-06-30/beta.csv:4: row has 3 values but the header has 6`);
    // A value of spaces at the end is a value: refused by both.
    writeFileSync(join(blanks, 'snapshots/2023-06-30/beta.csv'), 'completion_id;completed_on;course_code;course_name;field_code;credits\nB1;1.3.2023;C9;Kurssi;2;0,1; \n');
    expect((await aggregateFolder(blanks, join(work, 'blanks-out2'))).problems).toEqual([`${blanks}/snapshots/2023-06-30/beta.csv:2: row has 7 values but the header has 6`]);
    expect(() => loadData(fsDataSource(blanks))).toThrow(`${blanks}/snapshots/2023-06-30/beta.csv:2: row has 7 values but the header has 6`);
  });

  it('names a column by the file’s own heading as the build does (Finnish headings, a credit of 0)', async () => {
    const fi = join(work, 'fi-headings');
    cpSync(IN, fi, { recursive: true });
    writeFileSync(join(fi, 'snapshots/2023-03-31/beta.csv'), 'Suoritustunnus;Suorituspäivä;Opintojakson tunnus;Opintojakson nimi;Ala;Opintopisteet (op)\nB1;1.3.2023;C;K;2;0\n');
    const why = `${fi}/snapshots/2023-03-31/beta.csv: "Opintopisteet (op)" (credits): `;
    const r = await aggregateFolder(fi, join(work, 'fi-headings-out'));
    expect(r.problems).toEqual([`${why}not a number over 0 and up to 60 with at most two decimals: 1 row, e.g. "0"`]);
    expect(() => loadData(fsDataSource(fi))).toThrow(`${fi}/snapshots/2023-03-31/beta.csv:2: "Opintopisteet (op)" (credits): must be greater than 0: "0"`);
  });

  it('refuses a snapshot folder dated in the future, as the build does (both read the clock of the day)', async () => {
    const future = join(work, 'future');
    cpSync(IN, future, { recursive: true });
    mkdirSync(join(future, 'snapshots/2999-03-31'));
    writeFileSync(join(future, 'snapshots/2999-03-31/beta.csv'), readFileSync(join(IN, 'snapshots/2023-03-31/beta.csv')));
    // Today's date is the clock's: any day matches, so the test holds across midnight.
    const why = (text: string) => text.replace(/\(\d{4}-\d{2}-\d{2}\)/, '(today)');
    const said = `${future}/snapshots/2999-03-31/beta.csv: snapshot folder "2999-03-31" is dated after today (today), and an export cannot be dated in the future: is the year or the month mistyped?`;
    expect((await aggregateFolder(future, join(work, 'future-out'))).problems.map(why)).toEqual([said]);
    expect(() => loadData(fsDataSource(future))).toThrow();
    try {
      loadData(fsDataSource(future));
    } catch (e) {
      expect(why((e as Error).message)).toBe(said);
    }
  });

  it('a broken export stops it with the file and the rule, and nothing is written', async () => {
    const bad = join(work, 'bad');
    cpSync(IN, bad, { recursive: true });
    writeFileSync(join(bad, 'snapshots/2023-06-30/alpha.csv'), 'completion_id,completed_on,course_code,course_name,field_code,credits\nA1,2023-02-30,C,K,1,5\nA2,2023-01-01,C,K,9,5\nA2,2023-01-01,C,K,1,5\nA4,2023-01-01,C,K,1,"1,255"\n');
    writeFileSync(join(bad, 'snapshots/2023-03-31/beta.csv'), 'completion_id,completed_on,course_name,field_code,credits\nB1,2023-03-01,K,2,5\n');
    const r = await aggregateFolder(bad, join(work, 'bad-out'));
    const P = `${bad}/snapshots`;
    expect(r.problems).toEqual([`${P}/2023-03-31/beta.csv:1: course_code: missing required column (the header has: completion_id, completed_on, course_name, field_code, credits; names accepted for it: course_code, opintojakson_tunnus, opintojaksotunnus, kurssikoodi, kurskod, studieavsnittets_kod)`]);
    writeFileSync(join(bad, 'snapshots/2023-03-31/beta.csv'), readFileSync(join(IN, 'snapshots/2023-03-31/beta.csv')));
    const r2 = await aggregateFolder(bad, join(work, 'bad-out'));
    expect(r2.problems).toEqual([
      `${P}/2023-06-30/alpha.csv: completed_on: not a date (YYYY-MM-DD or d.m.yyyy) or no such day: 1 row, e.g. "2023-02-30"`,
      `${P}/2023-06-30/alpha.csv: field_code: not a field code listed in programme.json (its codes: 1, 2): 1 row, e.g. "9"`,
      `${P}/2023-06-30/alpha.csv: credits: not a number over 0 and up to 60 with at most two decimals: 1 row, e.g. "1,255"`,
      `${P}/2023-06-30/alpha.csv: completion_id: repeated completion ids, e.g. "A2" ×2`,
    ]);
    expect(existsSync(join(work, 'bad-out'))).toBe(false);
  });
});

describe('npm run aggregate: every input it cannot use is a message naming the file and line', () => {
  const HEAD = 'completion_id,completed_on,course_code,course_name,field_code,credits';
  /** Returns the problems of a folder whose alpha export on 2023-06-30 is `bytes` (a string is written as UTF-8). */
  async function problemsOf(name: string, bytes: string | Uint8Array, other?: (dir: string) => void): Promise<{ path: string; problems: string[] }> {
    const dir = join(work, name);
    mkdirSync(join(dir, 'snapshots/2023-06-30'), { recursive: true });
    cpSync('tests/fixtures/tiny/programme.json', join(dir, 'programme.json'));
    writeFileSync(join(dir, 'snapshots/2023-06-30/alpha.csv'), bytes);
    other?.(dir);
    const r = await aggregateFolder(dir, join(work, `${name}-out`));
    expect(existsSync(join(work, `${name}-out`))).toBe(false);
    return { path: `${dir}/snapshots/2023-06-30/alpha.csv`, problems: r.problems };
  }

  it('a Windows-1252 file: its line, and what to do', async () => {
    const bytes = Uint8Array.from(`${HEAD}\nA1,2023-01-15,C,Kurssi,1,5\nA2,2023-01-16,C,Ty\u00f6el\u00e4m\u00e4,1,5\n`, (c) => c.charCodeAt(0));
    const { path, problems } = await problemsOf('cp1252', bytes);
    expect(problems).toEqual([
      `${path}:3: not valid UTF-8: probably saved as Windows-1252 (Excel on Windows) — save it as "CSV UTF-8" and run npm run aggregate again (the normal build reads it as Windows-1252, with a warning)`,
    ]);
  });

  it('a UTF-16 file (Excel\'s "Unicode text"): what to do, not its rows', async () => {
    const text = `${HEAD}\r\nA1,2023-01-15,C,Ty\u00f6el\u00e4m\u00e4,1,5\r\n`;
    const bytes = Uint8Array.from([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const { path, problems } = await problemsOf('utf16', bytes);
    expect(problems).toEqual([`${path}: UTF-16 (Excel's "Unicode text"), which DuckDB cannot read: save it as "CSV UTF-8" and run npm run aggregate again (the normal build reads it)`]);
  });

  it('one row too wide or too narrow: that row’s line, not the header', async () => {
    const wide = await problemsOf('wide', `${HEAD}\nA1,2023-01-15,C,K,1,5\nA2,2023-01-15,C,K,1,5,L2\nA3,2023-01-15,C,K,1,5\n`);
    expect(wide.problems).toEqual([`${wide.path}:3: row has 7 values but the header has 6`]);
    const narrow = await problemsOf('narrow', `\n\n${HEAD}\nA1,2023-01-15,C,K,1,5\nA2,2023-01-15,C,K,1\n`);
    expect(narrow.problems).toEqual([`${narrow.path}:5: row has 5 values but the header has 6`]);
    const one = await problemsOf('one', `${HEAD}\nA1,2023-01-15,C,K,1,5\n   \nA2\n`);
    expect(one.problems).toEqual([`${one.path}:4: row has 1 value but the header has 6`]);
  });

  it('a title above the header row: one problem on line 1, as the build says it', async () => {
    const { path, problems } = await problemsOf('title', `Suoritukset 2023,,,,,\n${HEAD}\nA1,2023-01-15,C,K,1,5\n`);
    expect(problems).toEqual([
      `${path}:1: the first row has none of the required columns (completion_id, completed_on, course_code, course_name, field_code, credits); it has: Suoritukset 2023. Is there a title or other text above the header row? The header row must be the first row: delete the rows above it`,
    ]);
  });

  it('a header with nothing under it (blank rows only): refused as the build refuses it', async () => {
    for (const [name, text] of [['header-only', `${HEAD}\n`], ['blank-rows', `${HEAD}\n,,,,,\n\n`]]) {
      const { path, problems } = await problemsOf(name, text);
      expect(problems, name).toEqual([
        `${path}: no completions: the file has a header row and nothing under it; send the full export (a partner with nothing to report yet sends no file)`,
      ]);
    }
  });

  it('an export left outside snapshots/ is named, as the build names it', async () => {
    const { problems } = await problemsOf('stray', `${HEAD}\nA1,2023-01-15,C,K,1,5\n`, (dir) => {
      mkdirSync(join(dir, 'inbox'));
      writeFileSync(join(dir, 'inbox/beta.xlsx'), '');
    });
    const dir = join(work, 'stray');
    expect(problems).toEqual([`${dir}/inbox/beta.xlsx: an export outside ${dir}/snapshots/ is not read: move it to ${dir}/snapshots/<date YYYY-MM-DD>/<partner>.csv (or .xlsx)`]);
  });

  it('a file that cannot be opened, and one with a quote inside a value, are named', async () => {
    const gone = await problemsOf('unreadable', '', (dir) => {
      rmSync(join(dir, 'snapshots/2023-06-30/alpha.csv'));
      symlinkSync(join(dir, 'nowhere.csv'), join(dir, 'snapshots/2023-06-30/alpha.csv'));
    });
    expect(gone.problems).toEqual([`${gone.path}: cannot be read: ENOENT: no such file or directory, open '${gone.path}'`]);
    const quoted = await problemsOf('quoted', `${HEAD}\nA1,2023-01-15,C,"Kurssi ""Tekoäly""",1,5\nA2,2023-01-15,C,K"x,1,5\n`);
    expect(quoted.problems).toEqual([
      `${quoted.path}: a value holds a quote character ("), which this aggregate cannot tell from a stray quote (the build refuses those): remove it, or check the file with the normal build: 2 rows`,
    ]);
  });

  it('mixed line ends, which DuckDB cannot split, are named with what to do', async () => {
    const { path, problems } = await problemsOf('mixed', `${HEAD}\r\nA1,2023-01-15,C,K,1,5\nA2,2023-01-15,C,K,1,5\n`);
    expect(problems).toEqual([
      `${path}: DuckDB cannot split it into rows as told (RFC 4180, the delimiter and line end of its header): are its line ends mixed (CRLF on some lines, LF on others)? Save it again from a spreadsheet or an editor (the normal build reads mixed line ends)`,
    ]);
  });

  it('a monthly-totals export is checked by the build’s own reader before it is copied', async () => {
    const { problems } = await problemsOf('totals', `${HEAD}\nA1,2023-01-15,C,K,1,5\n`, (dir) =>
      writeFileSync(join(dir, 'snapshots/2023-06-30/beta.csv'), 'month,field_code,credits,completions\n2023-01,1,5e1,1\n'),
    );
    expect(problems).toEqual([`${work}/totals/snapshots/2023-06-30/beta.csv:2: credits: not a number with at most two decimals: "5e1"`]);
  });

  it('values trimmed as the build trims them (tab, no-break space) give the build’s exact totals', async () => {
    const dir = join(work, 'trimmed');
    mkdirSync(join(dir, 'snapshots/2023-06-30'), { recursive: true });
    cpSync('tests/fixtures/tiny/programme.json', join(dir, 'programme.json'));
    writeFileSync(join(dir, 'snapshots/2023-06-30/alpha.csv'), `${HEAD}\n\u00a0A1 ,\t2023-01-15,C,K, 01 ,"\u00a02,5\u3000"\nA2,1.2.2023,C,K,2,0.01\n`);
    const r = await aggregateFolder(dir, join(work, 'trimmed-out'));
    expect(r.problems).toEqual([]);
    expect(readFileSync(join(work, 'trimmed-out/snapshots/2023-06-30/alpha.csv'), 'utf8')).toBe('month,field_code,credits,completions\n2023-01,1,2.5,1\n2023-02,2,0.01,1\n');
    expect(loadData(fsDataSource(dir)).aggregates.totalCredits).toBe(2.51);
  });
});
