// `npm run bench` is how the pipeline's speed is measured and quoted: it must keep working, on
// both reading paths (one thread, two), ids in order or not, and check its own totals. Run here
// on a small data set; the figures themselves are not asserted (a benchmark, not a timed test).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function bench(...args: string[]): string {
  const r = spawnSync(process.execPath, ['scripts/bench.ts', ...args], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('npm run bench', () => {
  // 40 000 rows: 8 000 a file, so the two-thread path (over 32 MB) is not taken unless asked.
  it('prints rows per second, peak memory and the totals of the data it generated', { timeout: 120_000 }, () => {
    const out = bench('--rows', '40000', '--unordered');
    expect(out).toMatch(/^data: 40000 completions in 5 files, [\d.]+ MB, one snapshot \(2023-12-31\), ids out of order$/m);
    expect(out).toMatch(/^pipeline \(read \+ validate \+ aggregate \+ open data, 1 thread\): [\d.]+ s wall/m);
    expect(out).toMatch(/^throughput: [\d,]+ rows\/s, [\d.]+ MB\/s$/m);
    expect(out).toMatch(/^peak memory \(maxRSS of the pipeline process\): \d+ MB$/m);
    // Credits cycle through 5, 5, 5, 2.5, 1, 3, 10, 4, 15, 2 (52.5 every ten rows): 40 000 rows → 210 000.
    expect(out).toMatch(/^totals: 210000 credits, learners \d+$/m);
  });
  it('starts a second thread when asked, to the same totals', { timeout: 120_000 }, () => {
    // On data this small this thread may read every file before the worker is up: then it says
    // so (1 thread). That both threads give the same data is tests/unit/load-parallel.test.ts.
    const out = bench('--rows', '40000', '--threads', '2');
    expect(out).toMatch(/, (1 thread|2 threads)\): /);
    expect(out).toMatch(/^totals: 210000 credits, learners \d+$/m);
  });
});
