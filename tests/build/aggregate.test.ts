import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('a broken export stops it with the file and the rule, and nothing is written', async () => {
    const bad = join(work, 'bad');
    cpSync(IN, bad, { recursive: true });
    writeFileSync(join(bad, 'snapshots/2023-06-30/alpha.csv'), 'completion_id,completed_on,course_code,course_name,field_code,credits\nA1,2023-02-30,C,K,1,5\nA2,2023-01-01,C,K,9,5\nA2,2023-01-01,C,K,1,5\nA4,2023-01-01,C,K,1,"1,255"\n');
    writeFileSync(join(bad, 'snapshots/2023-03-31/beta.csv'), 'completion_id,completed_on,course_name,field_code,credits\nB1,2023-03-01,K,2,5\n');
    const r = await aggregateFolder(bad, join(work, 'bad-out'));
    const P = `${bad}/snapshots`;
    expect(r.problems).toEqual([`${P}/2023-03-31/beta.csv:1: course_code: missing required column (the header has: completion_id, completed_on, course_name, field_code, credits)`]);
    writeFileSync(join(bad, 'snapshots/2023-03-31/beta.csv'), readFileSync(join(IN, 'snapshots/2023-03-31/beta.csv')));
    const r2 = await aggregateFolder(bad, join(work, 'bad-out'));
    expect(r2.problems).toEqual([
      `${P}/2023-06-30/alpha.csv: completed_on: not a date (YYYY-MM-DD or d.m.yyyy) or no such day: 1 row, e.g. "2023-02-30"`,
      `${P}/2023-06-30/alpha.csv: field_code: not a field code listed in programme.json: 1 row, e.g. "9"`,
      `${P}/2023-06-30/alpha.csv: credits: not a number over 0 and up to 60 with at most two decimals: 1 row, e.g. "1,255"`,
      `${P}/2023-06-30/alpha.csv: completion_id: repeated completion ids, e.g. "A2" ×2`,
    ]);
    expect(existsSync(join(work, 'bad-out'))).toBe(false);
  });
});
