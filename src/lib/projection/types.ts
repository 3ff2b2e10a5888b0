/** Shapes of the spring-2024 projection: what goes in, what comes out. Numbers only, no text. */

/** Credits completed in one calendar month (YYYY-MM). */
export interface MonthCredits {
  month: string;
  credits: number;
}

export interface ProjectionInput {
  /** Credits per month, consecutive from the programme period start to the origin month. */
  monthly: readonly MonthCredits[];
  /** ISO date the projection is made from (usually the as-of date). */
  origin: string;
  /** ISO date the projection runs to; every month up to and including its month is projected. */
  horizon: string;
}

export type ProjectionMethod = 'seasonal' | 'recent-average';

/**
 * Machine-readable caveats; the text layer translates them (fi/sv/en), so they are codes.
 * - `recent-average-fallback`: under 12 months of history, so no seasonal profile; interval widened.
 * - `default-interval`: under five backtests, so the default factor 1.25 (0.8–1.25 × central) is used.
 * - `partial-origin-month`: the origin is mid-month; that month is taken as complete as given.
 */
export type ProjectionNote = 'recent-average-fallback' | 'default-interval' | 'partial-origin-month';

/** Cumulative credits projected to the end of one month, whole credits. */
export interface ProjectedMonth {
  month: string;
  central: number;
  low: number;
  high: number;
}

/** One re-run of the method from an earlier month, compared with what really happened. */
export interface BacktestPoint {
  /** Last month (YYYY-MM) of the history that re-run was allowed to see. */
  origin: string;
  horizonMonths: number;
  /** Credits added over the horizon: projected, then actual (whole credits). */
  predicted: number;
  actual: number;
  /** (actual / predicted − 1) × 100, one decimal: positive means the projection was too low. */
  errorPercent: number;
}

export interface Projection {
  origin: string;
  horizon: string;
  method: ProjectionMethod;
  /** Months of history the projection used (period start to origin month). */
  historyMonths: number;
  /** Cumulative credits at the end of the origin month (whole credits). */
  startCumulative: number;
  /** One entry per month after the origin month up to the horizon month, cumulative. */
  months: ProjectedMonth[];
  /** Values at the horizon month (startCumulative when nothing is projected). */
  central: number;
  low: number;
  high: number;
  /** Nominal coverage of [low, high]. */
  interval: 0.8;
  /** Mean of |errorPercent| over the backtests, one decimal; null when there are none. */
  backtestMape: number | null;
  backtest: BacktestPoint[];
  notes?: ProjectionNote[];
}
