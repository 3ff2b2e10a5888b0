import type { Candidate } from '../candidate.ts';
import { localTrend } from './local-trend.ts';
import { cleanHistory } from './outliers.ts';
import { seasonalNaive } from './seasonal-naive.ts';
import { seasonalShare } from './seasonal-share.ts';

/**
 * Returns a candidate that projects, for each month ahead, the plain mean of its members' projections
 * (FPP 12.4, forecast combinations), each member projecting from the history with one-off months
 * pulled back to the edge of the usual variation (cleanHistory). It runs only where every member can run.
 */
export function combine(id: 'combination', members: readonly Candidate[]): Candidate {
  return {
    id,
    minMonths: Math.max(...members.map((m) => m.minMonths)),
    forecast: (history, months) => {
      const cleaned = cleanHistory(history);
      const each = members.map((m) => m.forecast(cleaned, months));
      return months.map((_, i) => each.reduce((s, f) => s + f[i], 0) / each.length);
    },
  };
}

/**
 * The combination: the mean of seasonal naive, seasonal share and local trend. Each errs in its own
 * way — seasonal naive repeats last year's noise, seasonal share follows no growth, local trend
 * extends a trend that may be noise or may just have ended — so their errors partly cancel
 * (the M3 and M4 competitions: a simple mean of simple methods beats picking one). Over the test
 * bed's simulated programmes (tools/projection-testbed, both worlds, seed 1) it missed less than
 * seasonal naive in every regime but steady programmes of the first world (1.025 ×), where local
 * trend alone missed more on steady programmes (1.13 ×) and on those with a one-off spike. Equal weights: weights fitted to a few overlapping backtests would
 * chase their noise. A one-off month (a backlog reported at once) would be repeated by seasonal naive
 * and raise seasonal share's year: the members see it pulled back to the usual variation (over the
 * test bed's one-spike programmes the combination's error fell by a tenth, the rest unchanged).
 */
export const combination: Candidate = combine('combination', [seasonalNaive, seasonalShare, localTrend]);
