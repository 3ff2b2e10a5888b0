import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../helpers/run-build.ts';

/**
 * The demo data plus one more export round on 2024-07-31, in which every partner adds spring 2024
 * completions (100 a month per partner, 5 op each, January–June), and programme.json freezes the
 * projection at 2023-12-31: 5 × 6 × 100 × 5 = 15 000 credits more, 23 937 in all.
 */
function demoWithSpring(dir: string): void {
  cpSync('data', dir, { recursive: true });
  const programme = JSON.parse(readFileSync(join(dir, 'programme.json'), 'utf8'));
  writeFileSync(join(dir, 'programme.json'), JSON.stringify({ ...programme, projectionOrigin: '2023-12-31' }));
  const latest = new Map<string, string>();
  for (const date of readdirSync(join(dir, 'snapshots')).sort())
    for (const file of readdirSync(join(dir, 'snapshots', date))) latest.set(file, join(dir, 'snapshots', date, file));
  mkdirSync(join(dir, 'snapshots/2024-07-31'));
  for (const [file, path] of latest) {
    const rows = [];
    for (let month = 1; month <= 6; month++)
      for (let i = 0; i < 100; i++) rows.push(`S24-${month}-${i},2024-0${month}-15,K24,Kevään kurssi,7,5,`);
    writeFileSync(join(dir, 'snapshots/2024-07-31', file), `${readFileSync(path, 'utf8').trimEnd()}\n${rows.join('\n')}\n`);
  }
}

describe('a projection frozen at 2023-12-31 with spring 2024 actuals arriving later', () => {
  const work = mkdtempSync(join(tmpdir(), 'dashboard-frozen-'));
  const env = { data: join(work, 'data'), generated: join(work, 'generated'), out: join(work, 'dist') };
  let build: ReturnType<typeof runBuild>;
  beforeAll(() => {
    demoWithSpring(env.data);
    build = runBuild(env);
  }, 120_000);

  it('builds, with the as-of date moved to 2024-07-31 and the new total', () => {
    expect(build.stderr).toBe('');
    const s = JSON.parse(readFileSync(join(env.out, 'data/summary.json'), 'utf8'));
    expect(s.asOf).toBe('2024-07-31');
    expect(s.totalCredits).toBe(23937);
  });

  it('keeps the projection made on 2023-12-31, ignoring what arrived later', () => {
    const frozen = JSON.parse(readFileSync(join(env.out, 'data/summary.json'), 'utf8')).projection;
    const live = JSON.parse(readFileSync('dist/data/summary.json', 'utf8')).projection;
    expect(frozen.origin).toBe('2023-12-31');
    expect(frozen).toEqual(live);
  });

  it('publishes the scorecard and the backtests as made on 2023-12-31 too', () => {
    for (const file of ['projection-methods.csv', 'backtest.csv', 'projection.csv']) {
      expect(readFileSync(join(env.out, 'data', file), 'utf8'), file).toBe(readFileSync(join('dist/data', file), 'utf8'));
    }
  });

  it('shows the projection and the actual spring 2024 credits side by side on the page', () => {
    const html = readFileSync(join(env.out, 'fi/index.html'), 'utf8');
    expect(html).toContain('(ennuste laadittu 31.12.2023)');
    // June 2024 row: actual cumulative 8 937 + 15 000 = 23 937 next to the projected value.
    const june = html.match(/<th scope="row">kesäkuu 2024<\/th>(.*?)<\/tr>/s)?.[1] ?? '';
    const cells = [...june.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(cells[1]).toBe('23\u00a0937');
    expect(cells[3]).not.toBe('–');
    expect(html).toContain('Toteutunut ennusteen jälkeen');
  });
});
