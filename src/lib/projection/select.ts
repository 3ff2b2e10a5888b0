import { rollingBacktest, type RawBacktest } from './backtest.ts';
import type { Candidate } from './candidate.ts';
import { MIN_BACKTESTS } from './interval.ts';
import type { MonthCredits } from './types.ts';

/**
 * How much lower than the default's a challenger's backtest score must be to replace it: under a
 * third (1 − 2/3). Consecutive backtests overlap, so 24–36 months of history hold only a few
 * independent checks. On the simulated programmes of both test-bed worlds (tools/projection-testbed,
 * `--sweep`), switching at under half or under 0.7 of the default's score chose worse than never
 * switching in most variants; at under a third it lost almost nothing to never switching and still
 * took the year-on-year method for programmes growing steadily with little noise, where it is best.
 */
export const SWITCH_MARGIN = 2 / 3;

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
 *
 * Compared are the candidates with at least five origins to re-run from; each is re-run from the
 * origins they all share, as far ahead as the real horizon (or as the data then allowed), and
 * scored by the sum of its absolute misses over the sum of the actual credits (so months with
 * almost nothing weigh no more than they should). The default (the first of `defaults` that can
 * run) is kept unless a compared candidate scored under a third of the default's score; then the
 * lowest-scoring one is taken, a tie going to the one listed first (the simpler).
 */
export function selectCandidate(
  candidates: readonly Candidate[],
  defaults: readonly Candidate[],
  history: readonly MonthCredits[],
  horizonMonths: number,
): Selection {
  const n = history.length;
  const runnable = candidates.filter((c) => c.minMonths <= n);
  const compared = runnable.filter((c) => n - c.minMonths >= MIN_BACKTESTS);
  const firstSeen = Math.max(0, ...compared.map((c) => c.minMonths));
  // A backtest from the origin at index i had i + 1 months of history behind it.
  const seenAt = new Map(history.map((m, i) => [m.month, i + 1]));
  const runs: CandidateRun[] = runnable.map((candidate) => {
    const backtests = rollingBacktest(candidate, history, horizonMonths);
    if (!compared.includes(candidate)) return { candidate, backtests, compared: null, score: null };
    const shared = backtests.filter((b) => seenAt.get(b.origin)! >= firstSeen);
    const actual = shared.reduce((s, b) => s + b.actual, 0);
    const miss = shared.reduce((s, b) => s + Math.abs(b.predicted - b.actual), 0);
    return { candidate, backtests, compared: shared, score: actual > 0 ? miss / actual : null };
  });

  const fallback = defaults.find((d) => runnable.includes(d)) ?? runnable[0] ?? candidates[0];
  const defaultScore = runs.find((r) => r.candidate === fallback)?.score ?? null;
  let chosen = fallback;
  if (defaultScore !== null) {
    let best = defaultScore * (1 - SWITCH_MARGIN);
    for (const r of runs) if (r.score !== null && r.score < best) [chosen, best] = [r.candidate, r.score];
  }
  return { chosen, runs };
}
