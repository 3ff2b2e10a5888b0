import type { RawBacktest } from './backtest.ts';
import type { MethodId } from './types.ts';

/** Nominal coverage of the interval. */
export const COVERAGE = 0.8;
/** Backtests needed before their spread is trusted as the interval. */
export const MIN_BACKTESTS = 5;
/** Factor used when the backtests are too few to measure the error: from 1/1.25 to 1.25 times. */
const DEFAULT_FACTOR = 1.25;
/** How much the short-history fallback stretches the interval: its average ignores the season. */
const FALLBACK_WIDENING = 1.5;
/** A backtest where (almost) nothing was completed counts as a tenfold miss, not an infinite one. */
const MIN_RATIO = 0.1;

/** Multipliers that turn the central credits added so far into the low and high credits added. */
export interface Band {
  low: number;
  high: number;
  /** True when the default width was used because the backtests were too few. */
  isDefault: boolean;
}

/**
 * Returns the 80 % band from the backtests' ratios of actual to predicted. The factor f is the
 * one that 80 % of the backtests stayed within (actual between predicted / f and predicted × f),
 * counted as a future miss would be: of n backtests, the ⌈0.8 × (n + 1)⌉-th smallest miss (the
 * split-conformal rule), so with 6 backtests the largest, with 12 the 11th. The band runs from
 * central / f to central × f; with fewer than five backtests f is 1.25.
 *
 * Why not the plain 80th percentile of the misses: the method is chosen for its small backtest
 * misses, and a few backtests understate the spread of the next one; on simulated programmes the
 * plain percentile held the truth about 69 % of the time, the conformal rule about 78 %.
 *
 * Why a factor both ways, not the 10th and 90th percentiles of the errors: consecutive backtests
 * overlap, so their errors come in runs and their average lean is mostly chance. On simulated
 * seasonal series a band that followed that lean covered the truth only 45–65 % of the time; the
 * two-way band covers about 80 %, as claimed. A factor rather than ± percent keeps the low end
 * above zero even after a ramp-up year with misses of +200 %.
 *
 * The recent-average fallback takes the larger of measured and default factor and raises it to the
 * power 1.5, because its few backtests come from the very months whose season it cannot see.
 */
export function intervalBand(ratios: readonly number[], method: MethodId): Band {
  const isDefault = ratios.length < MIN_BACKTESTS;
  const misses = ratios.map((r) => Math.abs(Math.log(Math.max(r, MIN_RATIO))));
  let logFactor = isDefault ? Math.log(DEFAULT_FACTOR) : conformalQuantile(misses, COVERAGE);
  if (method === 'recent-average') logFactor = FALLBACK_WIDENING * Math.max(logFactor, Math.log(DEFAULT_FACTOR));
  return { low: Math.exp(-logFactor), high: Math.exp(logFactor), isDefault };
}

/**
 * Returns the backtests the band is measured from: those that ran the whole horizon when there are
 * at least five of them, else all (the last origins could only run as far as the data then reached).
 * A backtest cut short at the end of the history has a shorter horizon, whose relative error is
 * larger and says less about the real one; and the scorecard's coverage counts only backtests whose
 * whole horizon had passed, so the published band is measured as its coverage is. Over the test
 * bed's variants (both worlds, `--sweep`) the band from all backtests held the truth 78–91 % of the
 * time (about 83 % by default), from the full ones 75–91 % (about 80 %; the highest where the history
 * is too short for five full ones).
 *
 * Why not weight recent backtests more, or widen when the recent ones missed more (to follow a
 * trend that has just turned): tried on the same variants, both raised the coverage of programmes
 * winding down by 5–12 points but that of every other kind too, to 80–95 % overall.
 */
export function bandBacktests(backtests: readonly RawBacktest[], horizonMonths: number): readonly RawBacktest[] {
  const full = backtests.filter((b) => b.horizonMonths === horizonMonths);
  return full.length >= MIN_BACKTESTS ? full : backtests;
}

/** Returns the ⌈p × (n + 1)⌉-th smallest value (the largest when that rank passes n); 0 for none. */
function conformalQuantile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.ceil(p * (sorted.length + 1))) - 1];
}
