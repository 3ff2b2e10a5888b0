import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild, treeDigest } from '../helpers/run-build.ts';

// The tiny fixture is another programme entirely (target 15, partners alpha and beta, two fields,
// 2023 only); its totals were worked out by hand in tests/helpers/memory-source.ts.
describe('a build from another data folder', () => {
  const work = mkdtempSync(join(tmpdir(), 'dashboard-build-'));
  const env = { data: 'tests/fixtures/tiny', generated: join(work, 'generated'), out: join(work, 'dist') };
  let first: ReturnType<typeof runBuild>;
  beforeAll(() => {
    first = runBuild(env);
  }, 120_000);

  it('succeeds', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
  });

  it('publishes that programme’s exact totals, nothing of AMKosaaja', () => {
    const s = JSON.parse(readFileSync(join(env.out, 'data/summary.json'), 'utf8'));
    expect(s).toMatchObject({ programme: 'tiny', asOf: '2023-06-30', totalCredits: 17.8, targetCredits: 15, completions: 5, targetReachedOn: '2023-06-01' });
    const html = readFileSync(join(env.out, 'fi/index.html'), 'utf8');
    expect(html).toContain('Pieni ohjelma');
    expect(html).toContain('17,8\u00a0op');
    expect(html).not.toMatch(/AMKosaaja|Metropolia|8\u00a0400/);
    expect(html).not.toContain('Demonstraatioaineisto'); // demo flag is off
    // The checker's example file names are this programme's: its first partner, its data date.
    const checker = readFileSync(join(env.out, 'fi/tarkista/index.html'), 'utf8');
    expect(checker).toContain('Jos tiedoston nimi on muotoa 2023-06-30/alpha.csv tai alpha.csv');
    expect(checker).not.toMatch(/hamk|AMKosaaja/i);
    // No assessment date in its programme.json: its statement does not borrow AMKosaaja's.
    const statement = readFileSync(join(env.out, 'fi/saavutettavuus/index.html'), 'utf8');
    expect(statement).toContain('Tämän sivuston saavutettavuutta ei ole vielä arvioitu');
    expect(statement).not.toContain('29.11.2026');
  });

  it('waits for beta’s June export before projecting, and says how far every partner’s data reaches', () => {
    // beta took part in March's round but has not sent June's: the projection would be made from
    // 31.3. (pipeline.ts lastCompleteRound), three months, under the six a projection needs.
    const s = JSON.parse(readFileSync(join(env.out, 'data/summary.json'), 'utf8'));
    expect(s.projection).toBeNull();
    const fi = readFileSync(join(env.out, 'fi/index.html'), 'utf8');
    expect(fi).toContain('Ennuste näytetään, kun tietoja on vähintään 6 kuukaudelta (nyt 3). Kaikkien korkeakoulujen tiedot ovat täydelliset 31.3.2023 asti.');
    const en = readFileSync(join(env.out, 'en/index.html'), 'utf8').replace(/&#39;/g, "'");
    expect(en).toContain("A projection is shown once there are at least 6 months of data (now 3). Every university's data is complete up to 31 March 2023.");
    expect(en).not.toContain('Range of the projection');
  });

  it('a broken snapshot stops the build with path:line: column: reason and leaves the last good output intact', () => {
    const before = treeDigest(env.out);
    const generatedBefore = treeDigest(env.generated);
    const broken = join(work, 'broken');
    cpSync('tests/fixtures/tiny', broken, { recursive: true });
    const file = join(broken, 'snapshots/2023-06-30/alpha.csv');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nA9,2023-02-30,C9,Kurssi,1,5,L9\nA10,2023-01-01,C9,Kurssi,9,5,L9\nA11,2023-01-01,C9,Kurssi,1,abc,L9\n`);
    const r = runBuild({ ...env, data: broken });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('snapshots/2023-06-30/alpha.csv:5: completed_on: not a date (YYYY-MM-DD or d.m.yyyy) or no such day: "2023-02-30"');
    expect(r.stderr).toContain('snapshots/2023-06-30/alpha.csv:6: field_code: not a field code listed in programme.json: "9" (its codes: 1, 2)');
    expect(r.stderr).toContain('snapshots/2023-06-30/alpha.csv:7: credits: not a number with at most two decimals: "abc"');
    expect(treeDigest(env.out)).toBe(before);
    expect(treeDigest(env.generated)).toBe(generatedBefore);
    expect(existsSync(`${env.out}.staging`)).toBe(false);
  });

  it('an export left outside snapshots/ (data/2023-07-31/alpha.csv) stops the build, not silently left out', () => {
    const before = treeDigest(env.out);
    const stray = join(work, 'stray');
    cpSync('tests/fixtures/tiny', stray, { recursive: true });
    mkdirSync(join(stray, '2023-07-31'));
    cpSync(join(stray, 'snapshots/2023-06-30/alpha.csv'), join(stray, '2023-07-31/alpha.csv'));
    const r = runBuild({ ...env, data: stray });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${stray}/2023-07-31/alpha.csv: an export outside ${stray}/snapshots/ is not read: move it to ${stray}/snapshots/<date YYYY-MM-DD>/<partner>.csv (or .xlsx)`);
    expect(treeDigest(env.out)).toBe(before);
  });
});
