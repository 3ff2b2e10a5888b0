import { endOfMonth, monthOf, monthRange, nextMonth } from '../dates.ts';
import { publishBacktest, actualRatio } from './backtest.ts';
import type { Candidate } from './candidate.ts';
import { BENCHMARK, CANDIDATES, CHALLENGER, DEFAULTS } from './candidates.ts';
import { consecutiveHistory, historyUpTo } from './history.ts';
import { bandBacktests, COVERAGE, intervalBand, lowerForDecline, type Band } from './interval.ts';
import { lateRegistrations, raises, withLateRegistrations } from './late.ts';
import { recentAverage } from './methods/recent-average.ts';
import { scorecard } from './scorecard.ts';
import { selectCandidate } from './select.ts';
import type { CandidateProjection, MonthCredits, ProjectedMonth, Projection, ProjectionInput, ProjectionNote } from './types.ts';

/**
 * Months of history a projection needs: under half a year, even the short-history fallback (the
 * mean of the last six months) would extend a few months' pace over the whole horizon; one
 * month's data projected fifteen months ahead is a guess, not a projection.
 */
export const MIN_HISTORY_MONTHS = 6;

/**
 * Returns cumulative credits projected month by month from `origin` to `horizon` by the candidate
 * that best re-projected the programme's own past (see select.ts), with an 80 % interval measured
 * from that candidate's own backtests, every candidate's figure at the horizon and the scorecard.
 *
 * A mid-month origin takes its month as complete as given: splitting a month would need a daily
 * pattern we do not have, and the as-of month's credits are all the data knows. The projection then
 * starts with the next calendar month, and a `partial-origin-month` note says so.
 */
export function project(input: ProjectionInput): Projection {
  const originMonth = monthOf(input.origin);
  const reported = consecutiveHistory(historyUpTo(input.monthly, input.origin), originMonth);
  const late = lateRegistrations(reported, input.earlierRounds ?? []);
  // The methods see the origin month as expected once registered; the start stays as reported (the
  // late credits are added on top, with their own range); the backtests leave a raised month out.
  const history = withLateRegistrations(reported, late);
  const targets = monthRange(nextMonth(originMonth), monthOf(input.horizon));
  const start = reported.reduce((s, m) => s + m.credits, 0);
  const startCumulative = Math.round(start);
  // The late credits and their range, added to the start before the projected months.
  const extra: Late = raises(late) ? { central: late.expected - late.reported, low: late.low - late.reported, high: late.high - late.reported } : NO_LATE;

  // A backtest is compared with credits known, not estimated: the raised month is left out of them.
  const tested = raises(late) ? reported.slice(0, -1) : history;
  const seasonal = CANDIDATES.filter((c) => c.minMonths <= history.length);
  const selection = seasonal.length > 0 ? selectCandidate(seasonal, { defaults: DEFAULTS, challenger: CHALLENGER, benchmark: BENCHMARK }, history, targets.length, tested) : null;
  const chosen = selection?.chosen ?? recentAverage;
  const runs = selection?.runs ?? [{ candidate: recentAverage, backtests: [], compared: null, score: null }];
  const chosenBacktests = runs.find((r) => r.candidate === chosen)?.backtests ?? [];
  const band = lowerForDecline(intervalBand(bandBacktests(chosenBacktests, targets.length).map(actualRatio), chosen.id), history);
  const months = cumulate(chosen, history, targets, start, extra, band);
  const last = months.at(-1);

  const notes: ProjectionNote[] = [];
  if (chosen === recentAverage) notes.push('recent-average-fallback');
  if (band.isDefault && targets.length > 0) notes.push('default-interval');
  if (input.origin !== endOfMonth(originMonth)) notes.push('partial-origin-month');

  const candidates: CandidateProjection[] = runs.map((r) => {
    const candidateBand = lowerForDecline(intervalBand(bandBacktests(r.backtests, targets.length).map(actualRatio), r.candidate.id), history);
    const end = cumulate(r.candidate, history, targets, start, extra, candidateBand).at(-1);
    return {
      method: r.candidate.id,
      chosen: r.candidate === chosen,
      central: end?.central ?? startCumulative,
      low: end?.low ?? startCumulative,
      high: end?.high ?? startCumulative,
      backtest: publishBacktest(r.backtests),
    };
  });

  return {
    origin: input.origin,
    horizon: input.horizon,
    method: chosen.id,
    historyMonths: history.length,
    startCumulative,
    // What the projection would be without the raise, for the reader to see what the raise moved.
    late: late && { ...late, unraised: raises(late) ? project({ ...input, earlierRounds: [] }).central : null },
    months,
    central: last?.central ?? startCumulative,
    low: last?.low ?? startCumulative,
    high: last?.high ?? startCumulative,
    interval: COVERAGE,
    backtest: publishBacktest(chosenBacktests),
    candidates,
    scorecard: scorecard(runs, chosen.id),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** Credits expected to be registered late for the origin month: the estimate and its range (late.ts). */
interface Late {
  central: number;
  low: number;
  high: number;
}
const NO_LATE: Late = { central: 0, low: 0, high: 0 };

/**
 * Returns the cumulative months of one candidate's projection from the start as reported: the origin
 * month's late credits first (their range at the interval's ends), then the projected months, whose
 * credits the band scales.
 */
function cumulate(candidate: Candidate, history: readonly MonthCredits[], targets: readonly string[], start: number, late: Late, band: Band): ProjectedMonth[] {
  const increments = candidate.forecast(history, targets);
  let added = 0;
  return targets.map((month, i) => {
    added += increments[i];
    // The band scales the credits added so far, so it opens gradually from the known start.
    return {
      month,
      central: Math.round(start + late.central + added),
      low: Math.round(start + late.low + added * band.low),
      high: Math.round(start + late.high + added * band.high),
    };
  });
}
