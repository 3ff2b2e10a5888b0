import { parseCredits } from '../credits.ts';
import { parseDate } from '../dates.ts';
import { quote } from './problems.ts';

export const REQUIRED_COLUMNS = ['completion_id', 'completed_on', 'course_code', 'course_name', 'field_code', 'credits'] as const;
export const OPTIONAL_COLUMNS = ['learner_id'] as const;

/** Where the contract's columns are in one export's header. */
export interface HeaderColumns {
  /** The position of each required column, in REQUIRED_COLUMNS order; null when the header cannot be used. */
  required: number[] | null;
  /** The position of learner_id, or -1. */
  learner: number;
  problems: { column?: string; reason: string }[];
}

/** Returns true for a header cell that is a date or a number: a value, not a column name. */
function isValue(cell: string): boolean {
  return parseDate(cell) !== null || parseCredits(cell) !== null;
}

/**
 * Returns where the columns are in a header row (its cells decoded and unquoted). Names match
 * case-insensitively with surrounding spaces trimmed; extra columns are ignored.
 */
export function readHeader(cells: readonly string[]): HeaderColumns {
  const raw = cells.map((c) => c.trim());
  // Every row holds a date and numbers: a header "column" that is one is data. Without this, a
  // file missing its header, or with its header and only row joined, would read as no rows.
  const value = raw.find(isValue);
  if (value !== undefined) {
    const reason = `the header holds ${quote(value)}, a value rather than a column name: is the header row missing, or joined to the first row?`;
    return { required: null, learner: -1, problems: [{ reason }] };
  }
  const names = raw.map((n) => n.toLowerCase());
  const problems: HeaderColumns['problems'] = [];
  const find = (column: string): number => {
    const i = names.indexOf(column);
    if (i >= 0 && names.indexOf(column, i + 1) >= 0) problems.push({ column, reason: 'column named twice in the header' });
    return i;
  };
  const required = REQUIRED_COLUMNS.map((column) => {
    const i = find(column);
    if (i < 0) problems.push({ column, reason: 'missing required column' });
    return i;
  });
  const learner = find(OPTIONAL_COLUMNS[0]);
  return { required: problems.length === 0 ? required : null, learner, problems };
}
