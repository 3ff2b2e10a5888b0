import type { DashboardData, Summary } from '../pipeline.ts';
import { publishedErrorPercent } from '../projection/backtest.ts';
import type { Projection } from '../projection/types.ts';
import { toCsv } from './csv-write.ts';

/** Returns the projection's files: the projected months, every candidate's backtests and the scorecard. */
function projectionFiles(p: Projection): Record<string, string> {
  const backtests = p.candidates.flatMap((c) => c.backtest);
  return {
    'projection.csv': toCsv(['month', 'central', 'low', 'high'], p.months, (m) => [m.month, m.central, m.low, m.high]),
    'backtest.csv': toCsv(['method', 'origin_month', 'horizon_months', 'predicted_credits', 'actual_credits', 'error_percent'], backtests, (b) => [
      b.method,
      b.origin,
      b.horizonMonths,
      b.predicted,
      b.actual,
      publishedErrorPercent(b),
    ]),
    'projection-methods.csv': toCsv(
      ['method', 'chosen', 'backtests', 'mean_abs_error_percent', 'bias_percent', 'interval_coverage_percent'],
      p.scorecard,
      (r) => [r.method, String(r.chosen), r.backtests, r.mean_abs_error_percent, r.bias_percent, r.interval_coverage_percent],
    ),
  };
}

/** Returns summary.json's text: the summary as the pipeline made it, two-space indented. */
export function summaryJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/** Returns the open data files (name → text) published under `data/`. */
export function openDataFiles(summary: Summary, data: Pick<DashboardData, 'aggregates' | 'projection' | 'history'> & Partial<Pick<DashboardData, 'record'>>): Record<string, string> {
  const a = data.aggregates;
  return {
    ...(data.projection ? projectionFiles(data.projection) : {}),
    // Always written (its header alone before a second round): the record outlives the projection,
    // which ends with the programme.
    'projection-record.csv': toCsv(
      ['origin_date', 'method', 'month', 'start_credits', 'central', 'low', 'high', 'default_interval', 'actual_credits', 'inside'],
      data.record ?? [],
      (r) => [r.origin, r.method, r.month, r.start, r.central, r.low, r.high, String(r.defaultInterval), r.actual, String(r.inside)],
    ),
    'summary.json': summaryJson(summary),
    'cumulative.csv': toCsv(['month', 'credits', 'cumulative_credits', 'target_credits'], a.cumulative, (r) => [
      r.month,
      r.credits,
      r.cumulativeCredits,
      a.targetCredits,
    ]),
    'monthly.csv': toCsv(['month', 'partner', 'field_code', 'credits', 'completions'], a.monthly, (r) => [
      r.month,
      r.partner,
      r.fieldCode,
      r.credits,
      r.completions,
    ]),
    // The reporting history as the pages show it: the total on each date, its change and the completions
    // behind it (empty where nothing could be compared: a first date, exports of monthly totals).
    'snapshots.csv': toCsv(
      ['snapshot_date', 'reported_credits', 'credit_change', 'completions_added', 'completions_corrected', 'completions_withdrawn'],
      data.history,
      (r) => [r.date, r.reportedCredits, r.creditChange, r.added, r.corrected, r.withdrawn],
    ),
  };
}
