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

  it('joins exports that answer one month’s request, however far apart: 23.12. and 31.12.', () => {
    expect(rounds('2023-09-30', '2023-12-23', '2023-12-31')).toEqual([['09-30'], ['12-23', '12-31']]);
    // December's request is answered from 18.12. (its last 14 days) to 7.1.: 20.12. and 7.1. are one round, 18 days apart.
    expect(rounds('2023-12-20', '2024-01-07')).toEqual([['12-20', '01-07']]);
    expect(rounds('2023-12-18', '2023-12-31')).toEqual([['12-18', '12-31']]);
  });

  it('keeps apart exports more than 7 days apart that answer different requests, or none', () => {
    // 7.12. answers November's request; 15.12. none (most likely a late answer to November's).
    expect(rounds('2023-11-28', '2023-12-07', '2023-12-15', '2023-12-31')).toEqual([['11-28', '12-07'], ['12-15'], ['12-31']]);
    expect(rounds('2023-12-17', '2023-12-31')).toEqual([['12-17'], ['12-31']]);
    // A monthly programme: 31.1. and 29.2. are 29 days apart and answer January's and February's.
    expect(rounds('2024-01-31', '2024-02-29', '2024-03-29')).toEqual([['01-31'], ['02-29'], ['03-29']]);
  });

  it('never chains two months’ requests by taking the rules in turn', () => {
    // 6.2. answers January's (6 days after 31.1.), 9.2. is 3 days after it, 28.2. answers February's:
    // compared with the export before, the month rule had joined 28.2. to 9.2., and so all four.
    expect(rounds('2024-01-31', '2024-02-06', '2024-02-09', '2024-02-28')).toEqual([['01-31', '02-06', '02-09'], ['02-28']]);
    expect(rounds('2024-01-31', '2024-02-05', '2024-02-12', '2024-02-29', '2024-03-04')).toEqual([['01-31', '02-05', '02-12'], ['02-29', '03-04']]);
  });

  it('keeps several exports of one date, in order', () => {
    const out = reportingRounds([{ date: '2023-06-30', id: 'a' }, { date: '2023-06-30', id: 'b' }, { date: '2023-12-31', id: 'a' }]);
    expect(out.map((r) => r.map((e) => e.id))).toEqual([['a', 'b'], ['a']]);
  });
});
