import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm test` builds dist/ from the shipped data before running these. The expected files are the
// figures the previous reader published for the same data (tests/fixtures/published-demo/README.md).
const built = (f: string) => readFileSync(`dist/data/${f}`);
const expected = (f: string) => readFileSync(`tests/fixtures/published-demo/${f}`);

describe('the demo data publishes the same figures as before the reader moved to papaparse', () => {
  it.each(['cumulative.csv', 'monthly.csv'])('%s is byte-identical', (f) => {
    expect(built(f).equals(expected(f))).toBe(true);
  });
  it('snapshots.csv has the same dates and totals, byte for byte, in its first two columns (the counts after them were added on purpose later)', () => {
    const firstTwo = built('snapshots.csv').toString('utf8').split('\n').map((l) => l.split(',').slice(0, 2).join(',')).join('\n');
    expect(firstTwo).toBe(expected('snapshots.csv').toString('utf8'));
    // The reporting history as the dashboard's table gives it: 31.12.2023 +1 686,5 op, 350 new, 2 corrected, 0 withdrawn.
    expect(built('snapshots.csv').toString('utf8')).toContain('\n2023-12-31,8937,1686.5,350,2,0\n');
  });
  it('summary.json has the same values (the projection, the change since the previous date and the month the target was reached and the reporting status aside, all added on purpose later)', () => {
    const withoutProjection = (b: Buffer) => {
      const { projection: _, change: __, targetReachedMonth: ___, reporting: ____, ...rest } = JSON.parse(b.toString('utf8')) as Record<string, unknown>;
      return rest;
    };
    expect(withoutProjection(built('summary.json'))).toEqual(withoutProjection(expected('summary.json')));
  });
});
