import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild, treeDigest } from '../helpers/run-build.ts';
import { HEADER, tinyProgramme } from '../helpers/memory-source.ts';

// One truth sent three ways: alpha as monthly totals (semicolons, decimal comma, BOM, CRLF), beta
// as an Excel workbook of completions, gamma as CSV completions; and the same as CSV completions
// throughout. Target 15. By hand, as of 2023-06-30: alpha 5 + 2,5 + 10 = 17.5 (A3's 1 withdrawn
// after March), beta 0.1 + 0.2 = 0.3 (March only), gamma 1.25 + 3 = 4.25: 22.05 in all.
const programme = { ...tinyProgramme, partners: [...tinyProgramme.partners, { id: 'gamma', code: '00003', shortName: 'Gamma', name: { fi: 'Gamma', sv: 'Gamma', en: 'Gamma' } }] };
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const same: Record<string, string> = {
  '2023-03-31/alpha.csv': csv('A1,2023-01-15,C1,K,1,5,L1', 'A2,2023-02-10,C2,K,2,2.5,L2', 'A3,2023-03-20,C3,K,1,1,L1'),
  '2023-06-30/alpha.csv': csv('A1,2023-01-15,C1,K,1,5,L1', 'A2,2023-02-10,C2,K,2,2.5,L2', 'A4,2023-06-01,C4,K,1,10,L3'),
  '2023-03-31/beta.csv': csv('B1,2023-03-01,C9,K,2,0.1,L9', 'B2,2023-03-02,C9,K,2,0.2,L8'),
  '2023-06-30/gamma.csv': csv('G1,2023-05-05,C5,K,1,1.25,L7', 'G2,2023-06-15,C6,K,2,3,L6'),
};
const totals = (...rows: string[]) => `\ufeff${['month;field_code;credits;completions', ...rows].join('\r\n')}\r\n`;
const day = (iso: string) => ({ value: new Date(`${iso}T00:00:00Z`), format: 'dd.mm.yyyy' });
const workbook = (data: unknown[][]) => writeExcelFile([{ sheet: 'Suoritukset', data }] as Parameters<typeof writeExcelFile>[0]).toBuffer();

const work = mkdtempSync(join(tmpdir(), 'dashboard-mixed-'));
function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'programme.json'), JSON.stringify(programme));
  for (const [rel, bytes] of Object.entries(files)) {
    mkdirSync(join(dir, 'snapshots', rel.split('/')[0]), { recursive: true });
    writeFileSync(join(dir, 'snapshots', rel), bytes);
  }
  return dir;
}
const env = (name: string) => ({ data: join(work, name), generated: join(work, `${name}-generated`), out: join(work, `${name}-dist`) });
const published = (name: string, f: string) => readFileSync(join(env(name).out, 'data', f), 'utf8');

describe('partners sending monthly totals, a workbook and CSV completions build to the same figures', () => {
  let builds: Record<string, ReturnType<typeof runBuild>>;
  beforeAll(async () => {
    const beta = new Uint8Array(await workbook([HEADER.split(','), ['B1', day('2023-03-01'), 'C9', 'K', 2, 0.1, 'L9'], ['B2', '2.3.2023', 'C9', 'K', '2', '0,2', 'L8']]));
    folder('csv', same);
    folder('mixed', {
      '2023-03-31/alpha.csv': totals('2023-01;1;5;1', '2/2023;2;2,5;1', '2023-03;1;1;1'),
      '2023-06-30/alpha.csv': totals('2023-01;1;5;1', '2023-02;2;2,5;1', '6.2023;1;10;1'),
      '2023-03-31/beta.xlsx': beta,
      '2023-06-30/gamma.csv': same['2023-06-30/gamma.csv'],
    });
    builds = { csv: runBuild(env('csv')), mixed: runBuild(env('mixed')) };
  }, 600_000);

  it('both build', () => {
    for (const b of Object.values(builds)) expect([b.status, b.stderr]).toEqual([0, '']);
  });

  it('the totals, cumulative series and reporting history are the hand-computed ones, and the same', () => {
    const s = JSON.parse(published('mixed', 'summary.json'));
    expect([s.totalCredits, s.completions]).toEqual([22.05, 7]);
    expect(s.partners.map((p: { credits: number }) => p.credits)).toEqual([17.5, 0.3, 4.25]);
    expect(published('mixed', 'cumulative.csv')).toBe(
      '\ufeffmonth,credits,cumulative_credits,target_credits\n2023-01,5,5,15\n2023-02,2.5,7.5,15\n2023-03,0.3,7.8,15\n2023-04,0,7.8,15\n2023-05,1.25,9.05,15\n2023-06,13,22.05,15\n',
    );
    // The reporting history: the same totals; the completions behind them only where an export could be
    // compared with its partner's previous one by completion (alpha as CSV: A4 added, A3 withdrawn; as
    // monthly totals, nothing; beta's and gamma's are first exports).
    const head = '\ufeffsnapshot_date,reported_credits,credit_change,completions_added,completions_corrected,completions_withdrawn\n';
    expect(published('mixed', 'snapshots.csv')).toBe(`${head}2023-03-31,8.8,,,,\n2023-06-30,22.05,13.25,,,\n`);
    expect(published('csv', 'snapshots.csv')).toBe(`${head}2023-03-31,8.8,,,,\n2023-06-30,22.05,13.25,1,0,1\n`);
    for (const f of ['cumulative.csv', 'monthly.csv']) expect(published('mixed', f)).toBe(published('csv', f));
    const c = JSON.parse(published('csv', 'summary.json'));
    expect([c.totalCredits, c.completions, c.partners, c.fields].map((x) => JSON.stringify(x).replace(/"learners":("<5"|null|\d+)/g, ''))).toEqual(
      [s.totalCredits, s.completions, s.partners, s.fields].map((x) => JSON.stringify(x).replace(/"learners":("<5"|null|\d+)/g, '')),
    );
  });

  it('the day the target was reached is known from completions only: totals stand behind June', () => {
    expect(JSON.parse(published('csv', 'summary.json')).targetReachedOn).toBe('2023-06-01');
    expect(JSON.parse(published('mixed', 'summary.json'))).toMatchObject({ targetReachedOn: null, learners: null });
  });

  it('a broken totals file and a broken workbook stop the build with file and line, sheet and row, and nothing is written', async () => {
    const before = treeDigest(env('mixed').out);
    const broken = join(work, 'broken');
    cpSync(env('mixed').data, broken, { recursive: true });
    writeFileSync(join(broken, 'snapshots/2023-06-30/alpha.csv'), totals('2023-01;1;5;1', '2023-01;1;3;1', '2023-02;2;-2,5;1'));
    writeFileSync(join(broken, 'snapshots/2023-03-31/beta.xlsx'), new Uint8Array(await workbook([HEADER.split(','), ['B1', day('2023-03-01'), 'C9', 'K', 2, 'nolla', 'L9']])));
    const r = runBuild({ ...env('mixed'), data: broken });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('snapshots/2023-03-31/beta.xlsx: Suoritukset!2: credits: not a number with at most two decimals: "nolla"');
    expect(r.stderr).toContain('snapshots/2023-06-30/alpha.csv:3: month: month 2023-01, field 1 given twice (first on line 2): join the rows');
    expect(r.stderr).toContain('snapshots/2023-06-30/alpha.csv:4: credits: must be greater than 0: "-2,5"');
    expect(treeDigest(env('mixed').out)).toBe(before);
  });
});
