// How complete and how current the total is: for each partner, its newest export, how far that lies
// behind the as-of date, and the months it covers. A partner whose newest export is older than the
// reporting interval makes the total provisional: its later completions are not in it yet.
import { dayNumber, monthOf } from '../dates.ts';
import { DEFAULT_REPORTING_INTERVAL_DAYS, type Programme } from '../contract/programme.ts';
import type { PartnerExport } from '../contract/partner-export.ts';

/** One partner's reporting status as of the as-of date. */
export interface PartnerCurrency {
  id: string;
  /** The snapshot date of its newest export, or null when it has sent none. */
  lastSnapshot: string | null;
  /** Days from that date to the as-of date (0 for a partner that reported on it); null with no export. */
  daysBehind: number | null;
  /** The first and last month (YYYY-MM) with completions in its newest export; null when it holds none. */
  firstMonth: string | null;
  lastMonth: string | null;
  /** How many exports it has sent (snapshot dates). */
  exports: number;
  /** Its newest export is older than the reporting interval, or it has sent none. */
  behind: boolean;
}

/** The currency of every partner, and whether that makes the total provisional. */
export interface Currency {
  asOf: string;
  intervalDays: number;
  /** In programme.json order. */
  partners: PartnerCurrency[];
  /** The ids of the partners behind, in programme.json order; the total is provisional when any is. */
  behind: string[];
  provisional: boolean;
}

/** Returns each partner's reporting status against the as-of date and the programme's reporting interval. */
export function partnerCurrency(programme: Pick<Programme, 'partners' | 'reportingIntervalDays'>, exports: readonly Pick<PartnerExport, 'date' | 'partnerId' | 'cells'>[], asOf: string): Currency {
  const intervalDays = programme.reportingIntervalDays ?? DEFAULT_REPORTING_INTERVAL_DAYS;
  const newest = new Map<string, Pick<PartnerExport, 'date' | 'cells'>>();
  const counts = new Map<string, number>();
  for (const e of exports) {
    counts.set(e.partnerId, (counts.get(e.partnerId) ?? 0) + 1);
    const seen = newest.get(e.partnerId);
    if (!seen || e.date > seen.date) newest.set(e.partnerId, e);
  }
  const partners = programme.partners.map((p): PartnerCurrency => {
    const e = newest.get(p.id);
    if (!e) return { id: p.id, lastSnapshot: null, daysBehind: null, firstMonth: null, lastMonth: null, exports: 0, behind: true };
    const months = e.cells.filter((c) => c.completions > 0 || c.credits !== 0).map((c) => monthOf(c.completedOn));
    const daysBehind = dayNumber(asOf) - dayNumber(e.date);
    return {
      id: p.id,
      lastSnapshot: e.date,
      daysBehind,
      firstMonth: months.length > 0 ? months.reduce((a, b) => (b < a ? b : a)) : null,
      lastMonth: months.length > 0 ? months.reduce((a, b) => (b > a ? b : a)) : null,
      exports: counts.get(p.id) ?? 0,
      behind: daysBehind > intervalDays,
    };
  });
  const behind = partners.filter((p) => p.behind).map((p) => p.id);
  return { asOf, intervalDays, partners, behind, provisional: behind.length > 0 };
}
