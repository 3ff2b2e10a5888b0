import { mean } from 'd3-array';
import { calendarMonth, seasonalIndex, YEAR } from './seasonal-profile.ts';
import type { MonthCredits, ProjectionMethod } from './types.ts';

/** Months of history the seasonal method needs: one full academic-calendar cycle. */
export const SEASONAL_MIN_MONTHS = YEAR;
/** Months the fallback averages: recent enough to reflect the current pace. */
export const RECENT_MONTHS = 6;

/** Returns the method the history supports: seasonal with a full year of it, else the recent average. */
export function methodFor(historyMonths: number): ProjectionMethod {
  return historyMonths >= SEASONAL_MIN_MONTHS ? 'seasonal' : 'recent-average';
}

/**
 * Returns the central credits expected in each of `months` (not cumulative), from `history`.
 * Seasonal: the last 12 months' total (the current yearly level) times each month's seasonal share.
 * No trend is extrapolated: a growth rate estimated from one or two years of a young programme
 * would swing the result wildly, and the backtest-based interval already absorbs level changes.
 * Recent average: the mean of the last (up to) six months, the same for every month ahead.
 */
export function forecastIncrements(
  method: ProjectionMethod,
  history: readonly MonthCredits[],
  months: readonly string[],
): number[] {
  if (history.length === 0) return months.map(() => 0);
  if (method === 'recent-average') {
    const recent = mean(history.slice(-RECENT_MONTHS), (m) => m.credits) ?? 0;
    return months.map(() => recent);
  }
  const index = seasonalIndex(history);
  const level = history.slice(-YEAR).reduce((s, m) => s + m.credits, 0);
  return months.map((m) => level * index[calendarMonth(m)]);
}
