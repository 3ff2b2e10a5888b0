// Reporting rounds: the coordinator asks every partner for its export as of a month's end, and the
// exports come in over some days around it. The plausibility warnings (a partner missing from a
// round), the projection (it waits for a complete round, and raises the month a round ends) and the
// feed (who has sent theirs yet) all read rounds by these rules.
import { dayNumber, endOfMonth, monthOf, previousMonth } from '../dates.ts';

/** Snapshot dates at most this many days apart are one reporting round (partners export on different days). */
export const ROUND_GAP_DAYS = 7;

/**
 * Days around a month's end within which an export reports that month: the last week of the month
 * (see endsMonth) and the first week of the next (see roundMonthEnd).
 */
export const MONTH_END_DAYS = 7;

/**
 * Returns whether `date` falls in the last MONTH_END_DAYS days of its month. The projection's raise
 * (projection/late.ts) compares only rounds that end their month: they left the same part of it
 * unregistered, where a round of the 15th reports its month half done, and its growth would raise a
 * month that ended at the round fourfold.
 */
export function endsMonth(date: string): boolean {
  return dayNumber(endOfMonth(monthOf(date))) - dayNumber(date) < MONTH_END_DAYS;
}

/**
 * Returns the month end a reporting round reports: a round whose last export is in the first
 * MONTH_END_DAYS days of a month (partners sent theirs on 29.12 and 3.1) reports the month before,
 * as the month it ended in is all but empty; any other date is its own. A projection from 3.1 had
 * read January, three days of it, as a month like any other.
 */
export function roundMonthEnd(date: string): string {
  return Number(date.slice(8, 10)) <= MONTH_END_DAYS ? endOfMonth(previousMonth(monthOf(date))) : date;
}

/**
 * Days at a month's end within which an export answers that month's request, as does one in the
 * next month's first MONTH_END_DAYS days. One dated earlier in the month (the 8th–17th of a
 * 31-day month) answers none: in a monthly programme it is most likely a late answer to the month
 * before, which is no part of this month's round.
 */
export const REQUEST_DAYS = 14;

/**
 * Returns exports sorted by date cut into reporting rounds. An export belongs to the round of the
 * export before it when it came at most ROUND_GAP_DAYS later (partners export on different days),
 * or when it answers the same month's request as the round's first export (requestMonth): partners
 * that sent theirs on 23.12 and 31.12 answered one request. Split by the gap alone, neither half
 * was a complete round, and the projection fell back a whole quarter. The month is the first
 * export's, not the last one's: compared with the export before, the two rules took turns and
 * chained 31.1, 6.2, 9.2 and 28.2 into one round, January's and February's requests together.
 */
export function reportingRounds<T extends { date: string }>(sorted: readonly T[]): T[][] {
  const rounds: T[][] = [];
  for (const e of sorted) {
    const round = rounds[rounds.length - 1];
    const last = round?.[round.length - 1];
    const month = requestMonth(e.date);
    if (last && (dayNumber(e.date) - dayNumber(last.date) <= ROUND_GAP_DAYS || (month !== null && month === requestMonth(round[0].date)))) round.push(e);
    else rounds.push([e]);
  }
  return rounds;
}

/**
 * Returns the month (YYYY-MM) whose request an export of `date` answers: its own in the month's
 * last REQUEST_DAYS days, the one before in its first MONTH_END_DAYS days, none in between.
 */
export function requestMonth(date: string): string | null {
  const reported = roundMonthEnd(date);
  if (reported !== date) return monthOf(reported);
  return dayNumber(endOfMonth(monthOf(date))) - dayNumber(date) < REQUEST_DAYS ? monthOf(date) : null;
}
