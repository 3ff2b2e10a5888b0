import { mean } from 'd3-array';
import { forecastIncrements, SEASONAL_MIN_MONTHS } from './forecast.ts';
import type { BacktestPoint, MonthCredits, ProjectionMethod } from './types.ts';

/** Months of history a backtest origin needs: what the method itself needs (a short mean needs 3). */
const MIN_HISTORY: Record<ProjectionMethod, number> = { seasonal: SEASONAL_MIN_MONTHS, 'recent-average': 3 };

/** A backtest before rounding: credits added over the horizon, projected and actual. */
export interface RawBacktest {
  origin: string;
  horizonMonths: number;
  predicted: number;
  actual: number;
}

/**
 * Returns the method re-run from every earlier month that had enough history behind it, each
 * projecting `horizonMonths` ahead (or as far as the data then allowed) and compared with the
 * credits that were actually added. Re-runs that projected no credits at all are left out:
 * an error relative to zero has no meaning.
 */
export function rollingBacktest(
  method: ProjectionMethod,
  history: readonly MonthCredits[],
  horizonMonths: number,
): RawBacktest[] {
  const out: RawBacktest[] = [];
  if (horizonMonths <= 0) return out;
  for (let seen = MIN_HISTORY[method]; seen < history.length; seen += 1) {
    const past = history.slice(0, seen);
    const future = history.slice(seen, seen + horizonMonths);
    const increments = forecastIncrements(method, past, future.map((m) => m.month));
    const predicted = increments.reduce((s, c) => s + c, 0);
    if (predicted <= 0) continue;
    const actual = future.reduce((s, m) => s + m.credits, 0);
    out.push({ origin: past[past.length - 1].month, horizonMonths: future.length, predicted, actual });
  }
  return out;
}

/** Returns a backtest's relative error, actual / predicted − 1 (positive: projection too low). */
export function relativeError(b: RawBacktest): number {
  return b.actual / b.predicted - 1;
}

/** Returns the backtests as published: whole credits, error percent to one decimal. */
export function publishBacktest(raw: readonly RawBacktest[]): BacktestPoint[] {
  return raw.map((b) => ({
    origin: b.origin,
    horizonMonths: b.horizonMonths,
    predicted: Math.round(b.predicted),
    actual: Math.round(b.actual),
    errorPercent: round1(relativeError(b) * 100),
  }));
}

/**
 * Returns the mean absolute error in percent of the projected value, one decimal, or null with no
 * backtests. Relative to the projection (not the actual) so it speaks the same language as the interval.
 */
export function backtestMape(raw: readonly RawBacktest[]): number | null {
  const m = mean(raw, (b) => Math.abs(relativeError(b)) * 100);
  return m === undefined ? null : round1(m);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
