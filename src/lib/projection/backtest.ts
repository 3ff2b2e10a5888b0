import type { Candidate } from './candidate.ts';
import type { BacktestPoint, MethodId, MonthCredits } from './types.ts';

/** A backtest before rounding: credits added over the horizon, projected and actual. */
export interface RawBacktest {
  method: MethodId;
  origin: string;
  horizonMonths: number;
  predicted: number;
  actual: number;
}

/**
 * Returns the candidate re-run from every earlier month that had enough history behind it (at least
 * `firstSeen` months, by default what the candidate needs), each projecting `horizonMonths` ahead
 * (or as far as the data then allowed) and compared with the credits that were actually added.
 * Re-runs that projected no credits at all are left out: an error relative to zero has no meaning.
 */
export function rollingBacktest(
  candidate: Candidate,
  history: readonly MonthCredits[],
  horizonMonths: number,
  firstSeen = candidate.minMonths,
): RawBacktest[] {
  const out: RawBacktest[] = [];
  if (horizonMonths <= 0) return out;
  for (let seen = Math.max(firstSeen, candidate.minMonths, 1); seen < history.length; seen += 1) {
    const past = history.slice(0, seen);
    const future = history.slice(seen, seen + horizonMonths);
    const increments = candidate.forecast(past, future.map((m) => m.month));
    const predicted = increments.reduce((s, c) => s + c, 0);
    if (predicted <= 0) continue;
    const actual = future.reduce((s, m) => s + m.credits, 0);
    out.push({ method: candidate.id, origin: past[past.length - 1].month, horizonMonths: future.length, predicted, actual });
  }
  return out;
}

/**
 * Returns how many times the projection the actual was (actual / predicted): the interval is a factor
 * either way, so it is measured as one. Not an error to publish: published errors are
 * (predicted − actual) / actual.
 */
export function actualRatio(b: RawBacktest): number {
  return b.actual / b.predicted;
}

/**
 * Returns the backtests as published: whole credits. Their error is published as (predicted − actual)
 * / actual (publish/open-data.ts), the one convention of every published figure.
 */
export function publishBacktest(raw: readonly RawBacktest[]): BacktestPoint[] {
  return raw.map((b) => ({
    method: b.method,
    origin: b.origin,
    horizonMonths: b.horizonMonths,
    predicted: Math.round(b.predicted),
    actual: Math.round(b.actual),
  }));
}

/**
 * Returns a backtest's error as published: (predicted − actual) / actual × 100, one decimal, so a
 * negative value means the projection was too low; null when nothing was actually added. It is the
 * scorecard's convention, and computed from the whole credits of the same row, so a reader can
 * check it from the file.
 */
export function publishedErrorPercent(b: { predicted: number; actual: number }): number | null {
  return b.actual > 0 ? round1(((b.predicted - b.actual) / b.actual) * 100) : null;
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
