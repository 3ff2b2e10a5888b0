import { ascending } from 'd3-array';
import type { Centi } from '../credits.ts';
import type { DayCell, PartnerExport } from '../contract/partner-export.ts';

export interface Resolved {
  /** The latest snapshot date of all. */
  asOf: string;
  /** The day cells of each partner's newest export: the truth as of `asOf`. */
  current: DayCell[];
  /** Date of each partner's newest export. */
  lastSnapshot: Map<string, string>;
  /** At each snapshot date, the total of every partner's newest export on or before it. */
  reported: { date: string; credits: Centi }[];
  /** The partners whose newest export is monthly totals (sorted). */
  totalsPartners: string[];
}

/**
 * Returns the state of the programme as of each snapshot date. Exports are full, not deltas: a
 * partner's newest export on or before a date is its truth then, so a completion missing from a
 * later export has been withdrawn.
 */
export function resolveSnapshots<E extends PartnerExport>(exports: readonly E[]): Resolved {
  const sorted = [...exports].sort((a, b) => ascending(a.date, b.date) || ascending(a.partnerId, b.partnerId));
  const dates = [...new Set(sorted.map((e) => e.date))];
  const latest = new Map<string, E>();
  const reported: Resolved['reported'] = [];
  let i = 0;
  for (const date of dates) {
    for (; i < sorted.length && sorted[i].date === date; i++) latest.set(sorted[i].partnerId, sorted[i]);
    let credits = 0;
    for (const e of latest.values()) credits += e.credits;
    reported.push({ date, credits });
  }
  const partners = [...latest.keys()].sort();
  return {
    asOf: dates[dates.length - 1] ?? '',
    current: partners.flatMap((p) => latest.get(p)!.cells),
    lastSnapshot: new Map(partners.map((p) => [p, latest.get(p)!.date])),
    reported,
    totalsPartners: partners.filter((p) => latest.get(p)!.kind === 'totals'),
  };
}
