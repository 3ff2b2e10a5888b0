import type { MonthCredits } from '../types.ts';

/** Twelve months make one academic-calendar cycle. */
export const YEAR = 12;

/** Returns the calendar month of a YYYY-MM month as 0 (January) … 11 (December). */
export function calendarMonth(month: string): number {
  return Number(month.slice(5, 7)) - 1;
}

/**
 * Returns each calendar month's share of a year's credits (twelve shares summing to 1).
 * The history is cut into whole 12-month windows counted back from its last month, so the
 * newest window is always complete; in each window every month's share of that window's total
 * is taken, and the shares are averaged over windows. A window with no credits says nothing
 * about the season and is skipped; with no usable window every month gets 1/12.
 */
export function seasonalIndex(history: readonly MonthCredits[]): number[] {
  const shares = new Array<number>(YEAR).fill(0);
  let windows = 0;
  for (let end = history.length; end - YEAR >= 0; end -= YEAR) {
    const window = history.slice(end - YEAR, end);
    const total = window.reduce((s, m) => s + m.credits, 0);
    if (total <= 0) continue;
    for (const m of window) shares[calendarMonth(m.month)] += m.credits / total;
    windows += 1;
  }
  return windows === 0 ? shares.fill(1 / YEAR) : shares.map((s) => s / windows);
}
