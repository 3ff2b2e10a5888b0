import { max, min } from 'd3-array';
import { dayNumber, endOfMonth, monthOf } from '../dates.ts';
import type { LateRegistrations, MonthCredits, RoundMonth } from './types.ts';

/**
 * Days before a month's end within which a reporting round counts as ending the month. The raise
 * compares rounds that left the same part of their month unregistered: a round of the 15th reports
 * its month half done, and its growth would raise a month that ended at the round fourfold.
 */
export const MONTH_END_DAYS = 7;

/** Returns whether `date` falls in the last MONTH_END_DAYS days of its month. */
export function endsMonth(date: string): boolean {
  return dayNumber(endOfMonth(monthOf(date))) - dayNumber(date) < MONTH_END_DAYS;
}

/**
 * Returns the late registrations expected for the last month of `history` (the origin month), from
 * how much the own month of each earlier round grew by the origin: the ratio of their sums, so a
 * round that reported little weighs little (the chain-ladder estimate of insurers' and
 * epidemiologists' reporting delays, with one step: a month is taken as complete a round later).
 * Its range runs from the smallest growth of a single round to the largest. A round that reported
 * nothing for its month is left out (its growth has no measure). Null without an earlier round that
 * reported credits for its month, when those months did not grow (a round that reports its month in
 * full leaves nothing to add; withdrawals are not late credits), or when the history is empty.
 */
export function lateRegistrations(history: readonly MonthCredits[], earlier: readonly RoundMonth[]): LateRegistrations | null {
  const last = history.at(-1);
  const rounds = earlier.filter((r) => r.then > 0);
  const then = rounds.reduce((s, r) => s + r.then, 0);
  if (!last || then <= 0) return null;
  const factor = rounds.reduce((s, r) => s + r.now, 0) / then;
  if (factor <= 1) return null;
  const growth = (r: RoundMonth) => r.now / r.then;
  return {
    month: last.month,
    reported: last.credits,
    expected: last.credits * factor,
    low: last.credits * min(rounds, growth)!,
    high: last.credits * max(rounds, growth)!,
    factor,
    rounds,
  };
}

/** Returns `history` with its last month's credits as expected once registered (`late.expected`). */
export function withLateRegistrations(history: readonly MonthCredits[], late: LateRegistrations | null | undefined): MonthCredits[] {
  if (!late) return [...history];
  return history.map((m) => (m.month === late.month ? { month: m.month, credits: late.expected } : m));
}
