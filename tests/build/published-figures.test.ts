import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm test` builds dist/ from the shipped data before running these. The expected files are the
// figures the previous reader published for the same data (tests/fixtures/published-demo/README.md).
const built = (f: string) => readFileSync(`dist/data/${f}`);
const expected = (f: string) => readFileSync(`tests/fixtures/published-demo/${f}`);

describe('the demo data publishes the same figures as before the reader moved to papaparse', () => {
  it.each(['cumulative.csv', 'monthly.csv', 'snapshots.csv'])('%s is byte-identical', (f) => {
    expect(built(f).equals(expected(f))).toBe(true);
  });
  it('summary.json has the same values (the projection, the change since the previous date and the month the target was reached and the reporting status aside, all added on purpose later)', () => {
    const withoutProjection = (b: Buffer) => {
      const { projection: _, change: __, targetReachedMonth: ___, reporting: ____, ...rest } = JSON.parse(b.toString('utf8')) as Record<string, unknown>;
      return rest;
    };
    expect(withoutProjection(built('summary.json'))).toEqual(withoutProjection(expected('summary.json')));
  });
});
