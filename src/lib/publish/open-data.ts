import type { Aggregates } from '../aggregate/aggregate.ts';
import { toCsv } from './csv-write.ts';
import { round1 } from '../projection/backtest.ts';
import type { Projection } from '../projection/types.ts';

/**
 * Returns a backtest's error as published: (predicted − actual) / actual × 100, one decimal, so a
 * negative value means the projection was too low; null when nothing was actually added. It is the
 * scorecard's convention, and computed from the whole credits of the same row, so a reader can
 * check it from the file.
 */
export function publishedErrorPercent(b: { predicted: number; actual: number }): number | null {
  return b.actual > 0 ? round1(((b.predicted - b.actual) / b.actual) * 100) : null;
}

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

/** The published summary: the figures a citation needs, in a stable shape. */
export function summaryJson(a: Aggregates, extra: Record<string, unknown> = {}): string {
  const summary = {
    programme: a.programme,
    asOf: a.asOf,
    demo: a.demo,
    targetCredits: a.targetCredits,
    totalCredits: a.totalCredits,
    percentOfTarget: a.percentOfTarget,
    completions: a.completions,
    targetReachedOn: a.targetReachedOn,
    targetReachedMonth: a.targetReachedMonth,
    // Distinct learners; counts of 1 to 4 people are published as the string "<5".
    learners: a.learners,
    partners: a.partners,
    fields: a.fields,
    ...extra,
  };
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/** Returns the open data files (name → text) published under `data/`. */
export function openDataFiles(a: Aggregates, extraSummary: Record<string, unknown> = {}, projection: Projection | null = null): Record<string, string> {
  return {
    ...(projection ? projectionFiles(projection) : {}),
    'summary.json': summaryJson(a, extraSummary),
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
    'snapshots.csv': toCsv(['snapshot_date', 'reported_credits'], a.snapshots, (r) => [r.date, r.reportedCredits]),
  };
}
