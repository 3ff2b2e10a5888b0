import type { Completion } from '../contract/completion.ts';
import type { Problem } from '../contract/problems.ts';
import type { PartnerExport } from '../contract/partner-export.ts';
import type { Learners } from './learners.ts';

/** What reading one export needs to know. */
export interface ExportContext {
  /** Path shown in messages, as the user would type it. */
  path: string;
  /** The sheet a workbook's rows come from (messages then name `sheet!row`); absent for CSV. */
  sheet?: string;
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
  /** False: only count the rows whose learner_id is empty (a check that publishes no counts). */
  learnerIds?: boolean;
  /** Keep every completion as an object (tests and the demo data's checks; small data only). */
  keepCompletions?: boolean;
  /** Problems kept per file before the rest are only counted (PROBLEM_CAP when absent). */
  problemCap?: number;
}

/**
 * The completions of one export (valid rows, in file order), as the next export of the partner
 * is compared with them: row k has `ids[k]`, `lines[k]` and, when kept for a comparison,
 * `credits[k]` and `days[k]` (ISO dates).
 */
export interface ExportIndex {
  path: string;
  /** The sheet of a workbook export, whose `lines` are its row numbers. */
  sheet?: string;
  ids: string[];
  lines: number[];
  credits: number[];
  days: string[];
}

/** What reading one export gives back. */
export interface ExportRead {
  export: PartnerExport;
  problems: Problem[];
  /** Worth a coordinator's look, located and worded as problems are (`warning.*` keys). */
  warnings: Problem[];
  index: ExportIndex;
  /** Null when the file has no learner_id column, some rows leave it empty, or it was not asked for. */
  learners: Learners | null;
  /** Every completion, when `keepCompletions` was asked for. */
  completions: Completion[] | null;
  /** Of a monthly-totals export: the line of each month × field row (by monthFieldKey), to point a change at. */
  lines?: ReadonlyMap<string, number>;
}
