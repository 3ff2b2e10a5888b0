// What one partner's export is once read: its day cells and what it changed since the partner's
// previous export. Readers produce it and every later stage consumes it, so it lives with the contract.
import type { Centi } from '../credits.ts';
import type { ExportKind } from './export-header.ts';

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
  change?: ChangeCounts;
}

/** What an export changed against the same partner's previous one, in completions. */
export interface ChangeCounts {
  added: number;
  withdrawn: number;
  corrected: number;
}
