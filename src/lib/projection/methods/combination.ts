import type { Candidate } from '../candidate.ts';
import { localTrend } from './local-trend.ts';
import { seasonalNaive } from './seasonal-naive.ts';
import { seasonalShare } from './seasonal-share.ts';

/**
 * Returns a candidate that projects, for each month ahead, the plain mean of its members' projections
 * (FPP 12.4, forecast combinations). It runs only where every member can run.
 */
export function combine(id: 'combination', members: readonly Candidate[]): Candidate {
  return {
    id,
    minMonths: Math.max(...members.map((m) => m.minMonths)),
    forecast: (history, months) => {
      const each = members.map((m) => m.forecast(history, months));
      return months.map((_, i) => each.reduce((s, f) => s + f[i], 0) / each.length);
    },
  };
}

/**
 * The combination: the mean of seasonal naive, seasonal share and local trend. Each errs in its own
 * way — seasonal naive repeats last year's noise, seasonal share follows no growth, local trend
 * extends a trend that may be noise or may just have ended — so their errors partly cancel
 * (the M3 and M4 competitions: a simple mean of simple methods beats picking one). Over the test
 * bed's simulated programmes (tools/projection-testbed, both worlds, every regime) it missed less
 * than seasonal naive in every regime, where local trend alone missed more on steady programmes and
 * on those with a one-off spike. Equal weights: weights fitted to a few overlapping backtests would
 * chase their noise.
 */
export const combination: Candidate = combine('combination', [seasonalNaive, seasonalShare, localTrend]);
