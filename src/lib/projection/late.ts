import { max, min } from 'd3-array';
import type { LateRegistrations, MonthCredits, RoundMonth } from './types.ts';

/**
 * Returns the late registrations expected for the last month of `history` (the origin month), from
 * how much the own month of each earlier round grew by the origin: the ratio of their sums, so a
 * round that reported little weighs little (the chain-ladder estimate of insurers' and
 * epidemiologists' reporting delays, with one step: a month is taken as complete a round later).
 * Its range runs from the smallest growth of a single round to the largest (of rounds that had
 * reported something for their month; one that had reported nothing still counts in the sums).
 * Withdrawals are not late credits: a factor under 1 raises nothing, and the range never goes below
 * what was reported. Null without an earlier round whose month had credits then, or without history.
 */
export function lateRegistrations(history: readonly MonthCredits[], earlier: readonly RoundMonth[]): LateRegistrations | null {
  const last = history.at(-1);
  const then = earlier.reduce((s, r) => s + r.then, 0);
  if (!last || then <= 0) return null;
  const factor = earlier.reduce((s, r) => s + r.now, 0) / then;
  const measured = earlier.filter((r) => r.then > 0);
  const growth = (r: RoundMonth) => Math.max(1, r.now / r.then);
  return {
    month: last.month,
    reported: last.credits,
    expected: last.credits * Math.max(1, factor),
    low: last.credits * min(measured, growth)!,
    high: last.credits * Math.max(factor, max(measured, growth)!),
    factor,
    rounds: [...earlier],
  };
}

/** Returns whether the estimate raises its month: its earlier rounds' months grew, and the month has credits to scale. */
export function raises(late: LateRegistrations | null | undefined): late is LateRegistrations {
  return late != null && late.expected > late.reported;
}

/** Returns `history` with its last month's credits as expected once registered (`late.expected`). */
export function withLateRegistrations(history: readonly MonthCredits[], late: LateRegistrations | null | undefined): MonthCredits[] {
  if (!raises(late)) return [...history];
  return history.map((m) => (m.month === late.month ? { month: m.month, credits: late.expected } : m));
}
