import type { LateRegistrations, MonthCredits, RoundMonth } from './types.ts';

/**
 * Returns the late registrations expected for the last month of `history` (the origin month), from
 * how much the own month of each earlier round grew by the origin: the ratio of their sums, so a
 * round that reported little weighs little (the chain-ladder estimate of insurers' and
 * epidemiologists' reporting delays, with one step: a month is taken as complete a round later).
 * Null without an earlier round that reported credits for its month, when those months did not grow
 * (a round that reports its month in full leaves nothing to add; withdrawals are not late credits), or
 * when the history is empty.
 */
export function lateRegistrations(history: readonly MonthCredits[], earlier: readonly RoundMonth[]): LateRegistrations | null {
  const last = history.at(-1);
  const then = earlier.reduce((s, r) => s + r.then, 0);
  if (!last || then <= 0) return null;
  const factor = earlier.reduce((s, r) => s + r.now, 0) / then;
  if (factor <= 1) return null;
  return { month: last.month, reported: last.credits, expected: last.credits * factor, factor, rounds: [...earlier] };
}

/** Returns `history` with its last month's credits as expected once registered (`late.expected`). */
export function withLateRegistrations(history: readonly MonthCredits[], late: LateRegistrations | null | undefined): MonthCredits[] {
  if (!late) return [...history];
  return history.map((m) => (m.month === late.month ? { month: m.month, credits: late.expected } : m));
}
