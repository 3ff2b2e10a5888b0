/** Shapes of the spring-2024 projection: what goes in, what comes out. Numbers only, no text. */

/** Credits completed in one calendar month (YYYY-MM). */
export interface MonthCredits {
  month: string;
  credits: number;
}

/**
 * Credits of the origin month that are expected to be registered after the origin. Completions are
 * registered weeks after they happen, so the month a reporting round ends in is short when the round
 * reports it: in the demo each round's own month grew by 46–85 % in the rounds after, the month
 * before it by −2.4 to 0 % (withdrawals). A projection that starts from the short month, and reads it as
 * the programme's pace, runs low (the demo's 30.6.2023 projection by 17 % at November 2023).
 */
export interface LateRegistrations {
  /** The origin month, whose credits are raised. */
  month: string;
  /** Its credits as reported at the origin. */
  reported: number;
  /** Its credits as expected once registered: reported × the factor, or as reported when the factor is under 1. */
  expected: number;
  /** The estimate's range: its credits at the smallest and the largest growth of a single earlier round (never below reported, never short of `expected`). */
  low: number;
  high: number;
  /** How much each earlier round's own month grew by the origin: their credits now over then. */
  factor: number;
  /** The earlier rounds' own months the factor is measured on, oldest first. */
  rounds: RoundMonth[];
}

/** One earlier reporting round's own month: its credits as that round reported them and as known at the origin. */
export interface RoundMonth {
  month: string;
  then: number;
  now: number;
}

export interface ProjectionInput {
  /** Credits per month, consecutive from the programme period start to the origin month. */
  monthly: readonly MonthCredits[];
  /** ISO date the projection is made from (usually the as-of date). */
  origin: string;
  /** ISO date the projection runs to; every month up to and including its month is projected. */
  horizon: string;
  /**
   * The own month of each earlier reporting round, as reported then and as known at the origin:
   * how much the origin month is expected to grow by late registrations (late.ts). None: no raise.
   */
  earlierRounds?: readonly RoundMonth[];
}

/**
 * Short ids of the projection methods (see candidates.ts): six seasonal candidates and one
 * combination of three of them, compared on the programme's own history, and the short-history fallback.
 */
export type MethodId =
  | 'combination'
  | 'seasonal-naive'
  | 'seasonal-share'
  | 'yoy-scaled'
  | 'damped-share'
  | 'local-trend'
  | 'holt-winters'
  | 'recent-average';

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
  /** The method that was re-run. */
  method: MethodId;
  /** Last month (YYYY-MM) of the history that re-run was allowed to see. */
  origin: string;
  horizonMonths: number;
  /** Credits added over the horizon: projected, then actual (whole credits). */
  predicted: number;
  actual: number;
}

export interface Projection {
  origin: string;
  horizon: string;
  /** The chosen method (published as summary.json projection.method). */
  method: MethodId;
  /** Months of history the projection used (period start to origin month). */
  historyMonths: number;
  /** Cumulative credits at the end of the origin month as reported at the origin (whole credits). */
  startCumulative: number;
  /** The estimate of the origin month's late registrations (late.ts; what it raised is in every projected month), or null when the earlier rounds give none. */
  late?: (LateRegistrations & { /** The central figure at the horizon without the raise (null: nothing raised): what the raise moved. */ unraised: number | null }) | null;
  /** One entry per month after the origin month up to the horizon month, cumulative. */
  months: ProjectedMonth[];
  /** Values at the horizon month (startCumulative when nothing is projected). */
  central: number;
  low: number;
  high: number;
  /** Nominal coverage of [low, high]. */
  interval: 0.8;
  /** The chosen method's backtests. */
  backtest: BacktestPoint[];
  /** Every candidate that could run: its figures at the horizon and its backtests. */
  candidates: CandidateProjection[];
  /** One row per candidate: how it backtested, and which one was chosen. */
  scorecard: ScorecardRow[];
  notes?: ProjectionNote[];
}

/** One candidate's projection at the horizon (cumulative, whole credits) and its own backtests. */
export interface CandidateProjection {
  method: MethodId;
  chosen: boolean;
  central: number;
  low: number;
  high: number;
  backtest: BacktestPoint[];
}

/**
 * How one candidate did when re-run from the programme's earlier months. Errors are relative to
 * what was actually added: (predicted − actual) / actual, so a negative bias means under-projected.
 * Field names are snake_case because the rows are published as data.
 */
export interface ScorecardRow {
  method: MethodId;
  /** True for exactly one row: the method the projection uses. */
  chosen: boolean;
  /** Backtests the figures are over (the origins the compared candidates share). */
  backtests: number;
  /** Mean of |predicted − actual| / actual × 100, one decimal; null without backtests. */
  mean_abs_error_percent: number | null;
  /** Mean of (predicted − actual) / actual × 100, one decimal: negative = under-projected. */
  bias_percent: number | null;
  /**
   * Share of the backtests, in percent (one decimal), whose actual fell inside the 80 % interval the
   * method would have given at that origin, measured from the backtests already complete by then.
   */
  interval_coverage_percent: number | null;
  /**
   * How many of those backtests were judged against the default interval (under five earlier
   * backtests were complete at their origin): their coverage says little of the interval measured
   * since, which the method page then says.
   */
  interval_default_backtests: number;
}
