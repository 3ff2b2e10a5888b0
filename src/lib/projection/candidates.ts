import type { Candidate } from './candidate.ts';
import { combination } from './methods/combination.ts';
import { dampedShare } from './methods/damped-share.ts';
import { holtWinters } from './methods/holt-winters.ts';
import { localTrend } from './methods/local-trend.ts';
import { seasonalNaive } from './methods/seasonal-naive.ts';
import { seasonalShare } from './methods/seasonal-share.ts';
import { yoyScaled } from './methods/yoy-scaled.ts';

/**
 * The seasonal candidates, simplest first, and the combination last: each is backtested and shown in
 * the scorecard; between equal scores the one listed earlier wins.
 */
export const CANDIDATES: readonly Candidate[] = [seasonalNaive, seasonalShare, yoyScaled, dampedShare, localTrend, holtWinters, combination];

/**
 * The method used unless the backtests clearly favour the challenger, in order of preference: the
 * first that can run on the history is the default. The combination needs 18 months of history (as
 * local trend does); seasonal share needs one year.
 */
export const DEFAULTS: readonly Candidate[] = [combination, seasonalShare];

/**
 * The one method that may replace the default: local trend, which follows a programme that is
 * clearly growing or winding down more closely than the combination (whose two other members extend
 * no trend). Letting any of the six replace it chose worse on the test bed than never switching:
 * with a few overlapping backtests the lowest score is often luck.
 */
export const CHALLENGER: Candidate = localTrend;

/** The benchmark every method must beat (FPP 5.2): a challenger that scored worse is never taken. */
export const BENCHMARK: Candidate = seasonalNaive;
