import { describe, expect, it } from 'vitest';
import { Learners } from '../../src/lib/ingest/learners.ts';

describe('Learners', () => {
  it('counts each learner once in all and once in each field studied, past 31 fields too', () => {
    const a = new Learners();
    a.add('L1', 0);
    a.add('L1', 0);
    a.add('L1', 35);
    a.add('L2', 35);
    a.add('L3', 30);
    expect(a.size).toBe(3);
    expect([a.inField(0), a.inField(30), a.inField(35), a.inField(1), a.inField(36)]).toEqual([1, 1, 2, 0, 0]);
  });
  it('merged, a person at two partners counts once in the total and in a field, and keeps the fields of both', () => {
    const a = new Learners();
    a.add('L1', 2);
    a.add('L2', 2);
    const b = new Learners();
    b.add('L1', 2);
    b.add('L1', 40);
    b.add('L9', 5);
    const together = new Learners();
    together.merge(a);
    together.merge(b);
    // Hand count: L1 (fields 2 and 40), L2 (2), L9 (5).
    expect(together.size).toBe(3);
    expect([together.inField(2), together.inField(40), together.inField(5)]).toEqual([2, 1, 1]);
  });
});
