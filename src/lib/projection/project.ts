import { endOfMonth, monthOf, monthRange, nextMonth } from '../dates.ts';
import { backtestMape, publishBacktest, relativeError, rollingBacktest } from './backtest.ts';
import { forecastIncrements, methodFor } from './forecast.ts';
import { consecutiveHistory, historyUpTo } from './history.ts';
import { COVERAGE, intervalBand } from './interval.ts';
import type { ProjectedMonth, Projection, ProjectionInput, ProjectionNote } from './types.ts';

/**
 * Returns cumulative credits projected month by month from `origin` to `horizon`, with an 80 %
 * interval measured by re-running the same method on the programme's own past.
 *
 * A mid-month origin takes its month as complete as given: splitting a month would need a daily
 * pattern we do not have, and the as-of month's credits are all the data knows. The projection then
 * starts with the next calendar month, and a `partial-origin-month` note says so.
 */
export function project(input: ProjectionInput): Projection {
  const originMonth = monthOf(input.origin);
  const history = consecutiveHistory(historyUpTo(input.monthly, input.origin), originMonth);
  const method = methodFor(history.length);
  const targets = monthRange(nextMonth(originMonth), monthOf(input.horizon));

  const increments = forecastIncrements(method, history, targets);
  const backtests = rollingBacktest(method, history, targets.length);
  const band = intervalBand(backtests.map(relativeError), method);

  const start = history.reduce((s, m) => s + m.credits, 0);
  let added = 0;
  const months: ProjectedMonth[] = targets.map((month, i) => {
    added += increments[i];
    // The band scales the credits added so far, so it opens gradually from the known start.
    return {
      month,
      central: Math.round(start + added),
      low: Math.round(start + added * band.low),
      high: Math.round(start + added * band.high),
    };
  });
  const last = months.at(-1);
  const startCumulative = Math.round(start);

  const notes: ProjectionNote[] = [];
  if (method === 'recent-average') notes.push('recent-average-fallback');
  if (band.isDefault && targets.length > 0) notes.push('default-interval');
  if (input.origin !== endOfMonth(originMonth)) notes.push('partial-origin-month');

  return {
    origin: input.origin,
    horizon: input.horizon,
    method,
    historyMonths: history.length,
    startCumulative,
    months,
    central: last?.central ?? startCumulative,
    low: last?.low ?? startCumulative,
    high: last?.high ?? startCumulative,
    interval: COVERAGE,
    backtestMape: backtestMape(backtests),
    backtest: publishBacktest(backtests),
    ...(notes.length > 0 ? { notes } : {}),
  };
}
