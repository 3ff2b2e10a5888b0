import type { MethodId, MonthCredits } from './types.ts';

/**
 * One projection method, as the selection sees it: an id, how many months of history it needs, and
 * a pure forecast of the credits in each month after the history (not cumulative).
 * `months` are consecutive and start with the month after the history's last month.
 */
export interface Candidate {
  id: MethodId;
  minMonths: number;
  forecast(history: readonly MonthCredits[], months: readonly string[]): number[];
}

/** Returns the credits of the same calendar month in the latest year the history holds, for the k-th month ahead (1-based). */
export function sameMonthLastYear(history: readonly MonthCredits[], k: number): number {
  const back = 12 * Math.ceil(k / 12);
  return history[history.length - 1 + k - back]?.credits ?? 0;
}

/** Returns the sum of `history[from, to)` credits. */
export function sumCredits(history: readonly MonthCredits[], from: number, to: number): number {
  let s = 0;
  for (let i = Math.max(0, from); i < Math.min(history.length, to); i++) s += history[i].credits;
  return s;
}
