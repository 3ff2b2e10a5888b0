// `npm run bench` is how the pipeline's speed is measured and quoted: it must keep working, ids in
// order or not, print the papaparse reference beside it and check its own totals. Run here on a
// small data set; the figures themselves are not asserted (a benchmark, not a timed test).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function bench(...args: string[]): string {
  const r = spawnSync(process.execPath, ['scripts/bench.ts', ...args], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('npm run bench', () => {
  it('prints the pipeline and papaparse alone on the same files, the ratio, peak memory and the totals', { timeout: 300_000 }, () => {
    const out = bench('--rows', '40000', '--unordered');
    expect(out).toMatch(/^data: 40000 completions in 5 files, [\d.]+ MB, one snapshot \(2023-12-31\), ids out of order$/m);
    expect(out).toMatch(/^pipeline \(read \+ every check \+ aggregate \+ open data\): [\d.]+ s wall/m);
    expect(out).toMatch(/^papaparse alone \(stream, step callback, group by field, no checks\): [\d.]+ s wall/m);
    expect(out).toMatch(/^ratio: pipeline \/ papaparse alone = [\d.]+× wall$/m);
    expect(out).toMatch(/^peak memory \(maxRSS of the pipeline process\): \d+ MB$/m);
    // Credits cycle through 5, 5, 5, 2.5, 1, 3, 10, 4, 15, 2 (52.5 every ten rows): 40 000 rows → 210 000.
    expect(out).toMatch(/^totals: 210000 credits, learners \d+$/m);
  });
  it('ids in order give the same totals', { timeout: 300_000 }, () => {
    expect(bench('--rows', '40000')).toMatch(/^totals: 210000 credits, learners \d+$/m);
  });
});
