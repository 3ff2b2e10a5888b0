// When the target was reached, as precisely as the data can tell: the day from completions, only
// the month where monthly totals stand in it. Every text that names the moment (headline, chart
// label and summary, feed, social image) goes through here, so none can show a day that is not known.
import type { Aggregates } from '../aggregate/aggregate.ts';
import type { Formatter } from '../format.ts';

export interface TargetReached {
  /** `YYYY-MM-DD`, or `YYYY-MM` when only the month is known (both valid `<time datetime>` values). */
  iso: string;
  precision: 'day' | 'month';
}

/** Returns when the target was reached (the day if known, else the month), or null before it is. */
export function targetReached(a: Pick<Aggregates, 'targetReachedOn' | 'targetReachedMonth'>): TargetReached | null {
  if (a.targetReachedOn) return { iso: a.targetReachedOn, precision: 'day' };
  if (a.targetReachedMonth) return { iso: a.targetReachedMonth, precision: 'month' };
  return null;
}

/** Returns the moment as it stands in a sentence: `8.12.2023`, or `joulukuussa 2023` (`in December 2023`). */
export function reachedText(r: TargetReached, f: Formatter): string {
  return r.precision === 'day' ? f.date(r.iso) : f.inMonth(r.iso);
}

/** Returns the month of the moment (YYYY-MM), where the chart marks it. */
export const reachedMonth = (r: TargetReached): string => r.iso.slice(0, 7);
