import { calendarMonth, seasonalIndex, YEAR } from './seasonal-profile.ts';
import type { MonthCredits } from '../types.ts';

/**
 * Returns each calendar month's share of a year's credits (twelve shares summing to 1) measured
 * against the trend: every month that has six months on each side is divided by the centred 2 × 12
 * moving average around it (FPP 3.4, classical decomposition), and the ratios are averaged by
 * calendar month. A straight-line trend passes through that average, so unlike seasonalIndex() a
 * growing programme's later months do not look like a season. A calendar month with no such ratio
 * takes its seasonalIndex() share.
 */
export function movingAverageIndex(history: readonly MonthCredits[]): number[] {
  const sums = new Array<number>(YEAR).fill(0);
  const counts = new Array<number>(YEAR).fill(0);
  const x = history.map((m) => m.credits);
  for (let t = 6; t + 6 < x.length; t++) {
    let window = (x[t - 6] + x[t + 6]) / 2;
    for (let i = t - 5; i <= t + 5; i++) window += x[i];
    if (window <= 0) continue;
    const c = calendarMonth(history[t].month);
    sums[c] += x[t] / (window / YEAR);
    counts[c] += 1;
  }
  const fallback = seasonalIndex(history);
  const factors = sums.map((s, c) => (counts[c] > 0 ? s / counts[c] : fallback[c] * YEAR));
  const total = factors.reduce((a, b) => a + b, 0);
  return total > 0 ? factors.map((f) => f / total) : fallback;
}
