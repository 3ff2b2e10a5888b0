// Which exports answer one request of the coordinator: the rounds every stage reads (changes/rounds.ts).
import { describe, expect, it } from 'vitest';
import { reportingRounds } from '../../src/lib/changes/rounds.ts';

const rounds = (...dates: string[]) => reportingRounds(dates.map((date) => ({ date }))).map((r) => r.map((e) => e.date.slice(5)));

describe('reportingRounds(sorted)', () => {
  it('joins exports at most 7 days apart, however long the chain', () => {
    expect(rounds('2023-09-24', '2023-09-30', '2023-10-06', '2023-10-13')).toEqual([['09-24', '09-30', '10-06', '10-13']]);
    // 8 days apart, reporting November and December: two rounds.
    expect(rounds('2023-11-30', '2023-12-08')).toEqual([['11-30'], ['12-08']]);
  });

  it('joins exports that report the same month, however far apart: 23.12. and 31.12. answer one request', () => {
    expect(rounds('2023-09-30', '2023-12-23', '2023-12-31')).toEqual([['09-30'], ['12-23', '12-31']]);
    // 8.12. is December's first day of its own (1.–7.12. report November).
    expect(rounds('2023-12-08', '2023-12-31')).toEqual([['12-08', '12-31']]);
    // An export of 7.1. reports December: with 20.12. it is one round, 18 days apart.
    expect(rounds('2023-12-20', '2024-01-07')).toEqual([['12-20', '01-07']]);
  });

  it('keeps apart exports more than 7 days apart that report different months', () => {
    // 7.12. reports November, 15.12. December.
    expect(rounds('2023-11-28', '2023-12-07', '2023-12-15', '2023-12-31')).toEqual([['11-28', '12-07'], ['12-15', '12-31']]);
    // A monthly programme: 31.1. and 29.2. are 29 days apart and report January and February.
    expect(rounds('2024-01-31', '2024-02-29', '2024-03-29')).toEqual([['01-31'], ['02-29'], ['03-29']]);
  });

  it('keeps several exports of one date, in order', () => {
    const out = reportingRounds([{ date: '2023-06-30', id: 'a' }, { date: '2023-06-30', id: 'b' }, { date: '2023-12-31', id: 'a' }]);
    expect(out.map((r) => r.map((e) => e.id))).toEqual([['a', 'b'], ['a']]);
  });
});
