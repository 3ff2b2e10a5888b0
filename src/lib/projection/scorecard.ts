import { mean } from 'd3-array';
import { relativeError, round1, type RawBacktest } from './backtest.ts';
import { intervalBand } from './interval.ts';
import type { CandidateRun } from './select.ts';
import type { MethodId, ScorecardRow } from './types.ts';

/**
 * Returns one scorecard row per candidate run, in the order given: its backtests over the origins
 * the compared candidates share (or all its own when it was not compared), their mean absolute and
 * signed error relative to the actual credits, and how often its 80 % interval held the actual.
 * `chosen` is true for the row of `chosenId` only.
 */
export function scorecard(runs: readonly CandidateRun[], chosenId: MethodId): ScorecardRow[] {
  return runs.map((run) => {
    const scored = (run.compared ?? run.backtests).filter((b) => b.actual > 0);
    const error = (b: RawBacktest) => (b.predicted - b.actual) / b.actual;
    const pct = (x: number | undefined) => (x === undefined ? null : round1(x * 100));
    return {
      method: run.candidate.id,
      chosen: run.candidate.id === chosenId,
      backtests: scored.length,
      mean_abs_error_percent: pct(mean(scored, (b) => Math.abs(error(b)))),
      bias_percent: pct(mean(scored, error)),
      interval_coverage_percent: pct(mean(scored, (b) => (coveredAsPublished(b, run.backtests) ? 1 : 0))),
    };
  });
}

/**
 * Returns true when `b`'s actual fell inside the band its method would have published at b's origin:
 * the band from the backtests whose whole horizon had passed by then (the default band with under five).
 */
export function coveredAsPublished(b: RawBacktest, all: readonly RawBacktest[]): boolean {
  const at = monthNumber(b.origin);
  const known = all.filter((k) => monthNumber(k.origin) + k.horizonMonths <= at);
  const band = intervalBand(known.map(relativeError), b.method);
  // Published values are whole credits, so half a credit of rounding is not a miss.
  return b.actual >= b.predicted * band.low - 0.5 && b.actual <= b.predicted * band.high + 0.5;
}

function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}
