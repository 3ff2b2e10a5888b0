import { rollingBacktest, type RawBacktest } from './backtest.ts';
import type { Candidate } from './candidate.ts';
import { MIN_BACKTESTS } from './interval.ts';
import type { MonthCredits } from './types.ts';

/**
 * How much lower than the default's the challenger's backtest score must be to replace it: under
 * four fifths. Consecutive backtests overlap, so 24–36 months of history hold only a few independent
 * checks, and the lowest score among close ones is often luck. On the test bed (tools/projection-testbed,
 * both worlds, every regime) switching whenever local trend scored lower chose it for steady
 * programmes too, where it misses more than seasonal naive; never switching gave up most of what
 * local trend gains on programmes that grow or wind down; under four fifths kept both.
 */
export const SWITCH_RATIO = 0.8;

/** The selection rule: the defaults in order of preference, the one challenger, and the benchmark it must also beat. */
export interface SelectionRule {
  defaults: readonly Candidate[];
  challenger: Candidate;
  benchmark: Candidate;
}

/** One candidate's backtests: all of them (for its interval) and those it was compared on. */
export interface CandidateRun {
  candidate: Candidate;
  /** Re-runs from every origin the candidate can use. */
  backtests: RawBacktest[];
  /** The re-runs from the origins every compared candidate shares (null: not compared). */
  compared: RawBacktest[] | null;
  /** Total absolute miss over `compared` divided by their total actual credits (null: not compared). */
  score: number | null;
}

export interface Selection {
  chosen: Candidate;
  runs: CandidateRun[];
}

/**
 * Returns the candidate chosen by the programme's own history, and every runnable candidate's backtests.
 * Candidates run on `history`; their backtests re-run only `tested`, its months whose credits are
 * known (all of them unless the newest is an estimate, see late.ts).
 *
 * Compared are the candidates with at least five origins to re-run from; each is re-run from the
 * origins they all share, as far ahead as the real horizon (or as the data then allowed), and
 * scored by the sum of its absolute misses over the sum of the actual credits (so months with
 * almost nothing weigh no more than they should). The default (the first of `rule.defaults` that
 * can run) is kept unless the challenger scored under four fifths of the default's score and less
 * than the benchmark's; then the challenger is taken.
 */
export function selectCandidate(
  candidates: readonly Candidate[],
  rule: SelectionRule,
  history: readonly MonthCredits[],
  horizonMonths: number,
  tested: readonly MonthCredits[] = history,
): Selection {
  const runnable = candidates.filter((c) => c.minMonths <= history.length);
  const compared = runnable.filter((c) => tested.length - c.minMonths >= MIN_BACKTESTS);
  const firstSeen = Math.max(0, ...compared.map((c) => c.minMonths));
  // A backtest from the origin at index i had i + 1 months of history behind it.
  const seenAt = new Map(tested.map((m, i) => [m.month, i + 1]));
  const runs: CandidateRun[] = runnable.map((candidate) => {
    const backtests = rollingBacktest(candidate, tested, horizonMonths);
    if (!compared.includes(candidate)) return { candidate, backtests, compared: null, score: null };
    const shared = backtests.filter((b) => seenAt.get(b.origin)! >= firstSeen);
    const actual = shared.reduce((s, b) => s + b.actual, 0);
    const miss = shared.reduce((s, b) => s + Math.abs(b.predicted - b.actual), 0);
    return { candidate, backtests, compared: shared, score: actual > 0 ? miss / actual : null };
  });

  const fallback = rule.defaults.find((d) => runnable.includes(d)) ?? runnable[0] ?? candidates[0];
  const score = (c: Candidate) => runs.find((r) => r.candidate === c)?.score ?? null;
  const [usual, challenger, benchmark] = [score(fallback), score(rule.challenger), score(rule.benchmark)];
  const switches = usual !== null && challenger !== null && challenger < SWITCH_RATIO * usual && (benchmark === null || challenger < benchmark);
  return { chosen: switches ? rule.challenger : fallback, runs };
}
