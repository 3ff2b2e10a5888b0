import type { Candidate } from './candidate.ts';
import { dampedShare } from './damped-share.ts';
import { holtWinters } from './holt-winters.ts';
import { localTrend } from './local-trend.ts';
import { seasonalNaive } from './seasonal-naive.ts';
import { seasonalShare } from './seasonal-share.ts';
import { yoyScaled } from './yoy-scaled.ts';

/** The seasonal candidates, simplest first: between equal scores the one listed earlier wins. */
export const CANDIDATES: readonly Candidate[] = [seasonalNaive, seasonalShare, yoyScaled, dampedShare, localTrend, holtWinters];

/**
 * The method used unless the programme's own backtests clearly favour another, in order of
 * preference: the first that can run on the history is the default. Local trend was the most
 * accurate single method over the simulated programmes of both worlds of tools/projection-testbed
 * (every noise level, season, growth rate and history length tried); seasonal-share needs only one
 * year of history.
 */
export const DEFAULTS: readonly Candidate[] = [localTrend, seasonalShare];
