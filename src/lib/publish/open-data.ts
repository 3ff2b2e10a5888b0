import type { Aggregates } from '../aggregate/aggregate.ts';
import { toCsv } from './csv-write.ts';
import type { Projection } from '../projection/types.ts';

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
    ...(projection
      ? {
          'projection.csv': toCsv(['month', 'central', 'low', 'high'], projection.months, (m) => [m.month, m.central, m.low, m.high]),
          'backtest.csv': toCsv(['origin_month', 'horizon_months', 'predicted_credits', 'actual_credits', 'error_percent'], projection.backtest, (b) => [
            b.origin,
            b.horizonMonths,
            b.predicted,
            b.actual,
            b.errorPercent,
          ]),
        }
      : {}),
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
