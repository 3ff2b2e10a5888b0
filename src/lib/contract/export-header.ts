import { parseCredits } from './values.ts';
import { completionDay } from './value-rules.ts';
import { quote, type ProblemReason } from './problems.ts';

export const REQUIRED_COLUMNS = ['completion_id', 'completed_on', 'course_code', 'course_name', 'field_code', 'credits'] as const;
const OPTIONAL_COLUMNS = ['learner_id'] as const;
/** A monthly-totals export: credits and completions of one month in one field per row. */
export const TOTALS_COLUMNS = ['month', 'field_code', 'credits', 'completions'] as const;

/** What an export holds: one row a completion, or one row a month × field's totals. */
export type ExportKind = 'completions' | 'totals';

/** Where the contract's columns are in one export's header. */
interface HeaderColumns {
  /** The position of each required column, in the order asked for; null when the header cannot be used. */
  required: number[] | null;
  /** The position of learner_id (completions only), or -1. */
  learner: number;
  problems: { column?: string; reason: ProblemReason }[];
}

/** Returns true for a header cell that is a date (with a time of day or not) or a number: a value, not a column name. */
function isValue(cell: string): boolean {
  return completionDay(cell) !== null || parseCredits(cell) !== null;
}

/**
 * Other names the contract's columns go by: what Finnish and Swedish study registers (and people
 * saving a sheet by hand) call them. Matched like the names themselves (case and surrounding
 * spaces aside, a space or a hyphen read as `_`); README's "Export columns" lists them.
 */
const COLUMN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  completion_id: ['suoritus_id', 'suoritustunnus', 'suorituksen_tunnus', 'prestation_id', 'prestationskod'],
  completed_on: ['suorituspäivä', 'suorituspaiva', 'hyväksymispäivä', 'hyvaksymispaiva', 'prestationsdatum', 'datum'],
  course_code: ['opintojakson_tunnus', 'opintojaksotunnus', 'kurssikoodi', 'kurskod', 'studieavsnittets_kod'],
  course_name: ['opintojakson_nimi', 'opintojaksonimi', 'kurssin_nimi', 'kursnamn', 'studieavsnittets_namn'],
  field_code: ['okm_ohjauksen_ala', 'ohjauksen_ala', 'koulutusala', 'ala', 'styrningsområde', 'utbildningsområde'],
  credits: ['opintopisteet', 'opintopistettä', 'op', 'studiepoäng', 'sp'],
  learner_id: ['oppija_id', 'opiskelija_id', 'opiskelijatunnus', 'studerande_id', 'studerandekod'],
  month: ['kuukausi', 'månad', 'manad'],
  completions: ['suoritukset', 'suorituksia', 'suoritusten_määrä', 'prestationer', 'antal_prestationer'],
};

const CANONICAL = new Map(Object.entries(COLUMN_ALIASES).flatMap(([column, aliases]) => aliases.map((a) => [a, column] as const)));

/**
 * Returns the contract's name for a header cell: itself normalised, or the column an alias stands
 * for. A unit in parentheses after a name is no part of it (`Opintopisteet (op)`, `credits (ECTS)`).
 */
export function columnName(cell: string): string {
  const n = cell
    .trim()
    .replace(/\s*\([^()]*\)$/, '')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return CANONICAL.get(n) ?? n;
}

const names = (cells: readonly string[]): string[] => cells.map(columnName);

/**
 * Returns the contract's columns a header row names in words of its own, each with its heading as
 * written (`credits` → `Opintopisteet (op)`): a problem then names the column as the file's reader
 * sees it. A heading that is the contract's name but for case and spaces (`Credits`) is left out.
 */
export function writtenHeadings(cells: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const cell of cells) {
    const written = cell.trim();
    const name = columnName(cell);
    if (written.toLowerCase().replace(/[\s-]+/g, '_') !== name && !out.has(name)) out.set(name, written);
  }
  return out;
}

/**
 * Returns the kind of export a header row starts: monthly totals when it names `month` or
 * `completions` and no `completion_id`; completions otherwise (whose reader then names any
 * column that is missing).
 */
export function exportKind(cells: readonly string[]): ExportKind {
  const n = names(cells);
  return !n.includes('completion_id') && (n.includes('month') || n.includes('completions')) ? 'totals' : 'completions';
}

/** Returns where the columns of a completions export are in its header row (cells decoded and unquoted). */
export function readHeader(cells: readonly string[]): HeaderColumns {
  return readColumns(cells, REQUIRED_COLUMNS, OPTIONAL_COLUMNS[0]);
}

/**
 * Returns where the columns of a monthly-totals export are. A `learners` column is refused
 * rather than ignored: distinct learners of months, fields or partners cannot be added up (one
 * person in two months would count twice), and an ignored column would look accepted.
 */
export function readTotalsHeader(cells: readonly string[]): HeaderColumns {
  const header = readColumns(cells, TOTALS_COLUMNS, null);
  if (header.required !== null && names(cells).includes('learners')) {
    return { required: null, learner: -1, problems: [{ column: 'learners', reason: { key: 'problem.totalsLearners' } }] };
  }
  return header;
}

/**
 * Returns where the `required` columns (and the optional one) are in a header row. Names match
 * case-insensitively with surrounding spaces trimmed; extra columns are ignored.
 */
function readColumns(cells: readonly string[], required: readonly string[], optional: string | null): HeaderColumns {
  // Every row holds a date and numbers: a header "column" that is one is data. Without this, a
  // file missing its header, or with its header and only row joined, would read as no rows.
  const value = cells.map((c) => c.trim()).find(isValue);
  if (value !== undefined) {
    return { required: null, learner: -1, problems: [{ reason: { key: 'problem.headerValue', params: { value: quote(value) } } }] };
  }
  const n = names(cells);
  const problems: HeaderColumns['problems'] = [];
  const find = (column: string): number => {
    const i = n.indexOf(column);
    if (i >= 0 && n.indexOf(column, i + 1) >= 0) problems.push({ column, reason: { key: 'problem.columnTwice' } });
    return i;
  };
  // Not one of them: this row is no header at all, most often a title typed above the real one.
  // One problem saying so, rather than one per column.
  if (required.every((column) => !n.includes(column))) {
    const found = cells.map((c) => c.trim()).filter((c) => c !== '').join(', ');
    return { required: null, learner: -1, problems: [{ reason: { key: 'problem.notHeader', params: { columns: required.join(', '), found } } }] };
  }
  const at = required.map((column) => {
    const i = find(column);
    if (i < 0) problems.push({ column, reason: { key: 'problem.missingColumn', params: { found: cells.map((c) => c.trim()).join(', '), names: [column, ...(COLUMN_ALIASES[column] ?? [])].join(', ') } } });
    return i;
  });
  const learner = optional === null ? -1 : find(optional);
  return { required: problems.length === 0 ? at : null, learner, problems };
}
