import { mean, sum } from 'd3-array';
import { actualRatio, round1, type RawBacktest } from './backtest.ts';
import { holds, intervalBand, MIN_BACKTESTS } from './interval.ts';
import type { CandidateRun } from './select.ts';
import type { MethodId, ScorecardRow } from './types.ts';

/**
 * Returns one scorecard row per candidate run, in the order given: its backtests over the origins
 * the compared candidates share (or all its own when it was not compared), their mean absolute and
 * mean signed miss in percent of the mean actual credits (both in whole credits, as backtest.csv
 * gives them), and how often its 80 % interval held the actual.
 * The errors are the selection's own score (total miss over total actual, select.ts), so the table
 * and the rule never rank two methods differently: a mean of per-backtest percentages let one
 * backtest with a handful of actual credits outweigh all the others.
 * `chosen` is true for the row of `chosenId` only.
 */
export function scorecard(runs: readonly CandidateRun[], chosenId: MethodId): ScorecardRow[] {
  return runs.map((run) => {
    // In whole credits, as backtest.csv publishes each backtest, so the file reproduces the row.
    const scored = (run.compared ?? run.backtests).filter((b) => Math.round(b.actual) > 0);
    const miss = (b: RawBacktest) => Math.round(b.predicted) - Math.round(b.actual);
    const actual = sum(scored, (b) => Math.round(b.actual));
    const bands = scored.map((b) => bandAt(b, run.backtests));
    const pct = (x: number | undefined) => (x === undefined ? null : round1(x * 100));
    const share = (total: number) => (scored.length === 0 ? null : pct(total / actual));
    return {
      method: run.candidate.id,
      chosen: run.candidate.id === chosenId,
      backtests: scored.length,
      mean_abs_error_percent: share(sum(scored, (b) => Math.abs(miss(b)))),
      bias_percent: share(sum(scored, miss)),
      interval_coverage_percent: pct(mean(bands, (band) => (band.covered ? 1 : 0))),
      interval_default_backtests: bands.filter((band) => band.isDefault).length,
    };
  });
}

/**
 * Returns whether `b`'s actual fell inside the band its method would have published at b's origin
 * (the band from the backtests whose whole horizon had passed by then), and whether that band was
 * the default one (under five of them).
 */
function bandAt(b: RawBacktest, all: readonly RawBacktest[]): { covered: boolean; isDefault: boolean } {
  const at = monthNumber(b.origin);
  const known = all.filter((k) => monthNumber(k.origin) + k.horizonMonths <= at);
  const band = intervalBand(known.map(actualRatio), b.method);
  return { covered: holds(b.actual, b.predicted * band.low, b.predicted * band.high), isDefault: band.isDefault };
}

/** A chosen method whose backtests erred this much on average, most of it one way, is said to lean. */
const LEAN_MIN_PERCENT = 5;
/** "Most of it one way": the mean signed error is at least this share of the mean absolute error. */
const LEAN_SHARE = 0.75;

/**
 * Returns the chosen method's average lean in whole percent when its record leans one way (positive:
 * its projections ran high), else null. It leans when it has at least five backtests, its bias is at
 * least 5 % either way and at least three quarters of its mean absolute error, i.e. its misses mostly
 * fell on one side. Then the projection is shown with that record beside it ("earlier projections of
 * this kind ran about 14 % high"), not corrected: the lean of a few overlapping backtests is partly
 * chance (interval.ts), and a silent correction would hide what the reader most needs to weigh.
 */
export function recordLean(rows: readonly ScorecardRow[]): number | null {
  const chosen = rows.find((r) => r.chosen);
  if (!chosen || chosen.bias_percent === null || chosen.mean_abs_error_percent === null || chosen.backtests < MIN_BACKTESTS) return null;
  const bias = chosen.bias_percent;
  if (Math.abs(bias) < LEAN_MIN_PERCENT || Math.abs(bias) < LEAN_SHARE * chosen.mean_abs_error_percent) return null;
  return Math.sign(bias) * Math.round(Math.abs(bias)); // 7.5 % low is "about 8 % low", as 7.5 % high is 8
}

function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}
