import { ascending } from 'd3-array';
import { monthOf, monthRange } from '../dates.ts';
import type { MonthCredits } from './types.ts';

/**
 * Returns the months up to and including the month of `origin`, sorted. A frozen origin must not
 * see later data, so everything after the origin month is dropped here rather than trusted to callers.
 */
export function historyUpTo(monthly: readonly MonthCredits[], origin: string): MonthCredits[] {
  const last = monthOf(origin);
  return monthly.filter((m) => m.month <= last).sort((a, b) => ascending(a.month, b.month));
}

/**
 * Returns consecutive months from the first given month to `lastMonth`, a missing month counting as
 * zero credits: nothing reported for a month means nothing is known to have been completed in it,
 * and the seasonal profile relies on position in the year, so gaps may not simply be skipped.
 */
export function consecutiveHistory(history: readonly MonthCredits[], lastMonth: string): MonthCredits[] {
  if (history.length === 0) return [];
  const byMonth = new Map<string, number>();
  for (const m of history) byMonth.set(m.month, (byMonth.get(m.month) ?? 0) + m.credits);
  return monthRange(history[0].month, lastMonth).map((month) => ({ month, credits: byMonth.get(month) ?? 0 }));
}
