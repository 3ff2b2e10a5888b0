import { centiToString } from '../credits.ts';
import { monthOf, monthRange } from '../dates.ts';
import type { ExportDiff } from '../ingest/compare-exports.ts';

/**
 * A change to a month this many months or more before the new export's own month is flagged: its
 * figures have long been published (and perhaps reported to the funder), so the partner should
 * say why it changed.
 */
export const LONG_PAST_MONTHS = 6;

/** One withdrawn or corrected completion, as a list sent back to the partner names it. */
export interface ListedChange {
  change: 'withdrawn' | 'corrected';
  completionId: string;
  /** ISO dates and credits as the two exports give them (null: not in that export). */
  dateBefore: string;
  creditsBefore: string;
  dateAfter: string | null;
  creditsAfter: string | null;
  /** The line (or sheet row) in the new export, for a correction. */
  line: number | null;
  /** The change falls in a month LONG_PAST_MONTHS or more before the snapshot's. */
  longPast: boolean;
}

/** Returns true when `month` lies LONG_PAST_MONTHS or more before the month of `snapshotDate`. */
export function isLongPast(month: string, snapshotDate: string): boolean {
  return month < monthOf(snapshotDate) && monthRange(month, monthOf(snapshotDate)).length - 1 >= LONG_PAST_MONTHS;
}

/** Returns every withdrawn and corrected completion of a comparison, withdrawn first, by id. */
export function listChanges(d: ExportDiff, snapshotDate: string): ListedChange[] {
  const past = (...days: (string | null)[]) => days.some((day) => day !== null && isLongPast(monthOf(day), snapshotDate));
  const withdrawn = d.withdrawals.map(
    (w): ListedChange => ({ change: 'withdrawn', completionId: w.id, dateBefore: w.day, creditsBefore: centiToString(w.credits), dateAfter: null, creditsAfter: null, line: null, longPast: past(w.day) }),
  );
  const corrected = d.corrections.map(
    (c): ListedChange => ({
      change: 'corrected',
      completionId: c.id,
      dateBefore: c.before.day,
      creditsBefore: centiToString(c.before.credits),
      dateAfter: c.after.day,
      creditsAfter: centiToString(c.after.credits),
      line: c.after.line ?? null,
      longPast: past(c.before.day, c.after.day),
    }),
  );
  return [...withdrawn, ...corrected];
}

/** The columns of the list of changes `npm run validate --list-changes` writes. */
export const CHANGE_LIST_COLUMNS = ['change', 'completion_id', 'completed_on_before', 'credits_before', 'completed_on_after', 'credits_after', 'line', 'long_past'] as const;

/** Returns one listed change as the cells of its CSV row, in CHANGE_LIST_COLUMNS order. */
export function changeListCells(c: ListedChange): (string | number | null)[] {
  return [c.change, c.completionId, c.dateBefore, c.creditsBefore, c.dateAfter, c.creditsAfter, c.line, c.longPast ? 'yes' : 'no'];
}
