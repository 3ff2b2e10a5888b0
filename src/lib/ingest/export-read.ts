import type { Completion } from '../contract/completion.ts';
import { release } from './grow.ts';
import type { KeyList } from './key-list.ts';
import type { Learners } from './learners.ts';
import type { Problem } from '../contract/problems.ts';
import type { PartnerExport } from '../aggregate/resolve-snapshots.ts';

/** What reading one export needs to know, and what it gives back. */
export interface SnapshotContext {
  /** Path shown in messages, as the user would type it. */
  path: string;
  partnerId: string;
  snapshotDate: string;
  programmeStart: string;
  /** The field codes of programme.json, in its order. */
  fieldCodes: readonly number[];
  /** The partner's previous export: a completion whose credits or date changed since is warned about. */
  previous?: ExportIndex | null;
  /** A newer export of the partner follows: keep each row's credits and date for it to compare with. */
  keepForNext?: boolean;
  /** Collect the distinct learner ids (only a partner's newest export needs them). */
  learners?: boolean;
  /** Keep every completion as an object (tests and the demo data's checks; small data only). */
  keepCompletions?: boolean;
}

/**
 * The completions of one export: row i (in file order) has id i, line, and credits and day (empty
 * arrays when the export is compared with no other). What the next export is compared with.
 */
export interface ExportIndex {
  path: string;
  ids: KeyList;
  credits: Int32Array;
  days: Int32Array;
  lines: Int32Array;
}

export interface SnapshotRead {
  export: PartnerExport;
  problems: Problem[];
  warnings: string[];
  index: ExportIndex;
  /** Null when the file has no learner_id column, some rows leave it empty, or it was not asked for. */
  learners: Learners | null;
  /** Every completion, when `keepCompletions` was asked for. */
  completions: Completion[] | null;
}

/** Frees an export's index now, once nothing will compare with it (see grow.ts). */
export function releaseIndex(index: ExportIndex): void {
  index.ids.release();
  for (const a of [index.lines, index.credits, index.days]) release(a);
}
