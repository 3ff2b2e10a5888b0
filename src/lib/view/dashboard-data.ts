import { cumulativeByMonth, type Aggregates } from '../aggregate/aggregate.ts';
import { monthOf } from '../dates.ts';
import type { LoadedData } from '../ingest/load-data.ts';
import type { Programme } from '../contract/programme.ts';
import { project } from '../projection/project.ts';
import type { Projection } from '../projection/types.ts';
import { resolveSnapshots } from '../aggregate/resolve-snapshots.ts';
import { reportingHistory, type HistoryRow } from '../aggregate/reporting-history.ts';
import { partnerCurrency, type Currency } from '../aggregate/partner-currency.ts';
import { partnerHistory, type PartnerHistoryRow } from '../aggregate/partner-history.ts';

/** Cumulative credits that arrived after a frozen projection origin, to set against it. */
export interface LaterActual {
  month: string;
  cumulativeCredits: number;
}

/** Everything the pages present, precomputed at build time; pages compute nothing themselves. */
export interface DashboardData {
  programme: Programme;
  aggregates: Aggregates;
  projection: Projection | null;
  /** Months after a frozen origin with what really happened (empty when the origin is the as-of date). */
  laterActual: LaterActual[];
  /** The reporting history, each snapshot date with what changed since the one before. */
  history: HistoryRow[];
  /** Each partner's newest export against the as-of date, and whether the total is provisional. */
  currency: Currency;
  /** Each partner's exports with their totals and corrections, by partner id (its page's reporting history). */
  partnerHistory: Record<string, PartnerHistoryRow[]>;
  /** Fields added to summary.json beyond the aggregates (the projection). */
  summaryExtra: Record<string, unknown>;
}

/**
 * Returns the projection as it would have been made on its origin date: only snapshots on or
 * before the origin count, so a frozen origin ignores everything that arrived later.
 */
export function projectionFor(loaded: LoadedData): Projection | null {
  const { programme, aggregates } = loaded;
  const origin = programme.projectionOrigin && programme.projectionOrigin < aggregates.asOf ? programme.projectionOrigin : aggregates.asOf;
  if (monthOf(programme.projectionHorizon) <= monthOf(origin)) return null;
  const known = resolveSnapshots(loaded.exports.filter((e) => e.date <= origin));
  if (known.asOf === '') return null;
  const history = cumulativeByMonth(known.current, monthOf(programme.period.start), monthOf(origin));
  return project({ monthly: history, origin, horizon: programme.projectionHorizon });
}

/** Returns the page data for a loaded data folder. */
export function dashboardData(loaded: LoadedData): DashboardData {
  const projection = projectionFor(loaded);
  const originMonth = projection ? monthOf(projection.origin) : null;
  const laterActual =
    projection && originMonth
      ? loaded.aggregates.cumulative.filter((m) => m.month > originMonth).map((m) => ({ month: m.month, cumulativeCredits: m.cumulativeCredits }))
      : [];
  const history = reportingHistory(loaded.aggregates.snapshots, loaded.exports);
  const currency = partnerCurrency(loaded.programme, loaded.exports, loaded.aggregates.asOf);
  const reporting = { intervalDays: currency.intervalDays, provisional: currency.provisional, partnersBehind: currency.behind };
  const summaryExtra = { change: changeSummary(history), projection: projection && projectionSummary(projection), reporting };
  return { programme: loaded.programme, aggregates: loaded.aggregates, projection, laterActual, history, currency, partnerHistory: partnerHistory(loaded.exports), summaryExtra };
}

/**
 * Returns summary.json's `change`: the latest snapshot date against the one before it (credits as
 * reported, completions as the exports of the date compared), or null with one snapshot date.
 */
function changeSummary(history: readonly HistoryRow[]): Record<string, string | number | null> | null {
  const last = history[history.length - 1];
  if (!last || last.since === null) return null;
  return { since: last.since, credits: last.creditChange, added: last.added, withdrawn: last.withdrawn, corrected: last.corrected };
}

/**
 * Returns summary.json's `projection`: the chosen method's figures at the horizon, and its row of
 * the scorecard (projection-methods.csv), so that every published error is relative to the actual
 * credits with a negative value meaning too low.
 */
function projectionSummary(p: Projection): Record<string, string | number | null> {
  const row = p.scorecard.find((r) => r.chosen);
  return {
    origin: p.origin,
    horizon: p.horizon,
    central: p.central,
    low: p.low,
    high: p.high,
    method: p.method,
    backtests: row?.backtests ?? 0,
    meanAbsErrorPercent: row?.mean_abs_error_percent ?? null,
    biasPercent: row?.bias_percent ?? null,
    intervalCoveragePercent: row?.interval_coverage_percent ?? null,
  };
}
