import { ascending, sum } from 'd3-array';
import type { Completion } from './completion.ts';
import type { Centi } from './credits.ts';

export interface PartnerExport {
  date: string;
  partnerId: string;
  completions: Completion[];
}

export interface Resolved {
  /** The latest snapshot date of all. */
  asOf: string;
  /** Each partner's newest export: the truth as of `asOf`. */
  current: Completion[];
  /** Date of each partner's newest export. */
  lastSnapshot: Map<string, string>;
  /** At each snapshot date, the total of every partner's newest export on or before it. */
  reported: { date: string; credits: Centi }[];
}

/**
 * Returns the state of the programme as of each snapshot date. Exports are full, not deltas: a
 * partner's newest export on or before a date is its truth then, so a completion missing from a
 * later export has been withdrawn.
 */
export function resolveSnapshots(exports: readonly PartnerExport[]): Resolved {
  const sorted = [...exports].sort((a, b) => ascending(a.date, b.date) || ascending(a.partnerId, b.partnerId));
  const dates = [...new Set(sorted.map((e) => e.date))];
  const latest = new Map<string, PartnerExport>();
  const reported: Resolved['reported'] = [];
  let i = 0;
  for (const date of dates) {
    for (; i < sorted.length && sorted[i].date === date; i++) latest.set(sorted[i].partnerId, sorted[i]);
    reported.push({ date, credits: sum([...latest.values()], (e) => sum(e.completions, (c) => c.credits)) });
  }
  const partners = [...latest.keys()].sort();
  return {
    asOf: dates[dates.length - 1] ?? '',
    current: partners.flatMap((p) => latest.get(p)!.completions),
    lastSnapshot: new Map(partners.map((p) => [p, latest.get(p)!.date])),
    reported,
  };
}
