import type { Candidate } from '../candidate.ts';
import { movingAverageIndex } from './moving-average-profile.ts';
import { calendarMonth, seasonalIndex, YEAR } from './seasonal-profile.ts';
import type { MonthCredits } from '../types.ts';
import { robustWeightedLine, shrunkSlope, type WeightedPoint } from './weighted-line.ts';

/** Months of history the trend line is fitted to. */
const TREND_WINDOW = 24;
/** Months after which a month's weight in the fit has halved: the recent pace counts most. */
const HALF_LIFE = 9;
/** Each month ahead carries this fraction of the previous month's trend (FPP 8.2, damped trend). */
export const PHI = 0.9;

/**
 * Returns each calendar month's season factor (mean 1): the mean of the seasonal-share profile
 * (every month's share of its 12-month window) and the moving-average profile (its ratio to the
 * trend). The first is steady but reads a trend as season; the second is free of a straight trend
 * but rests on fewer months; their mean missed less on the simulated programmes than either.
 */
export function seasonFactors(history: readonly MonthCredits[]): number[] {
  const shares = seasonalIndex(history);
  const detrended = movingAverageIndex(history);
  return shares.map((s, c) => ((s + detrended[c]) / 2) * YEAR);
}

/**
 * Local trend: the credits of each of the last 24 months divided by its season factor give the
 * programme's pace; a straight line is fitted to that pace by weighted least squares, a month's
 * weight halving every nine months back and growing with its season factor (a quiet July's few
 * credits say little about the pace), and fitted once more after a month far off the first line has
 * been pulled back to three robust standard deviations (robustWeightedLine). The line's slope is
 * shrunk toward zero by its standard error (weighted-line.ts), and carried forward damped: the k-th
 * month ahead adds 0.9^k of a month's slope. Each month ahead is that pace times its season factor, never below zero.
 */
export const localTrend: Candidate = {
  id: 'local-trend',
  minMonths: 18,
  forecast: (history, months) => {
    const season = seasonFactors(history);
    const n = history.length;
    const points: WeightedPoint[] = [];
    for (let i = Math.max(0, n - TREND_WINDOW); i < n; i++) {
      const s = season[calendarMonth(history[i].month)];
      const t = i - (n - 1); // 0 at the last month of the history
      if (s > 0) points.push({ t, y: history[i].credits / s, w: s * Math.pow(0.5, -t / HALF_LIFE) });
    }
    const line = robustWeightedLine(points);
    const slope = shrunkSlope(line);
    // The line through the weighted mean with the shrunk slope: the level at the last month.
    const W = points.reduce((a, p) => a + p.w, 0);
    const mt = points.reduce((a, p) => a + p.w * p.t, 0) / W;
    const level = line.level + (line.slope - slope) * mt;
    let ahead = 0;
    let phiK = 1;
    return months.map((m) => {
      phiK *= PHI;
      ahead += phiK;
      return Math.max(0, (level + slope * ahead) * season[calendarMonth(m)]);
    });
  },
};
