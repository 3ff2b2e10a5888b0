import { centiToNumber } from '../credits.ts';
import type { Aggregates } from './aggregate.ts';
import type { PartnerExport } from '../contract/partner-export.ts';

/** One snapshot date of the reporting history, with what changed since the date before it. */
export interface HistoryRow {
  date: string;
  reportedCredits: number;
  /** The previous snapshot date, or null for the first. */
  since: string | null;
  /** Reported credits minus those of the previous date (hundredths exact), or null for the first. */
  creditChange: number | null;
  /**
   * Completions added, withdrawn and corrected in the exports of this date, each against its
   * partner's previous export; null when no export of the date was compared with one (first
   * exports, monthly totals).
   */
  added: number | null;
  withdrawn: number | null;
  corrected: number | null;
}

/**
 * Returns the reporting history with the change at each snapshot date: the credits from the
 * totals as reported, the counts summed over that date's exports that have a previous one.
 */
export function reportingHistory(snapshots: Aggregates['snapshots'], exports: readonly Pick<PartnerExport, 'date' | 'change'>[]): HistoryRow[] {
  const counts = new Map<string, { added: number; withdrawn: number; corrected: number }>();
  for (const e of exports) {
    if (!e.change) continue;
    const c = counts.get(e.date) ?? { added: 0, withdrawn: 0, corrected: 0 };
    c.added += e.change.added;
    c.withdrawn += e.change.withdrawn;
    c.corrected += e.change.corrected;
    counts.set(e.date, c);
  }
  return snapshots.map((s, i) => {
    const before = i > 0 ? snapshots[i - 1] : null;
    const c = counts.get(s.date);
    return {
      date: s.date,
      reportedCredits: s.reportedCredits,
      since: before ? before.date : null,
      // Published credits have at most two decimals; the difference is taken in hundredths so 0.3 − 0.1 is 0.2.
      creditChange: before ? centiToNumber(Math.round(s.reportedCredits * 100) - Math.round(before.reportedCredits * 100)) : null,
      added: c ? c.added : null,
      withdrawn: c ? c.withdrawn : null,
      corrected: c ? c.corrected : null,
    };
  });
}
