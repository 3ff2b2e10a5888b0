import { ascending } from 'd3-array';
import type { ExportKind } from '../contract/export-header.ts';
import type { Centi } from '../credits.ts';

/**
 * The credits and completions of one partner export on one day in one field. Every published
 * figure is a sum of these, so an export is kept as a few thousand cells however many rows it
 * has (a Completion has the same `partnerId`, `completedOn`, `fieldCode` and `credits`).
 */
export interface DayCell {
  partnerId: string;
  /** ISO date. */
  completedOn: string;
  fieldCode: number;
  credits: Centi;
  completions: number;
  /**
   * True for a cell of a monthly-totals export: it stands for the whole month and sits on its last
   * day (or on the snapshot date, in the snapshot's own month), so its day says nothing.
   */
  monthly?: true;
}

/** One partner's export on one snapshot date, summed into day cells. */
export interface PartnerExport {
  date: string;
  partnerId: string;
  credits: Centi;
  /** Number of completions. */
  count: number;
  /** Sorted by day, then by field in programme.json order. */
  cells: DayCell[];
  /** What the export held; absent means completions. */
  kind?: ExportKind;
  /**
   * Completions added, withdrawn and corrected (credits or date changed) since the partner's
   * previous export, by completion_id; absent for a partner's first export and where either export
   * is monthly totals (which have no ids to compare).
   */
  change?: ExportChange;
}

/** What an export changed against the same partner's previous one, in completions. */
export interface ExportChange {
  added: number;
  withdrawn: number;
  corrected: number;
}

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
