import { columnName, exportKind, TOTALS_COLUMNS } from '../contract/export-header.ts';
import { isBlankRow } from '../contract/values.ts';
import { centiToString } from '../credits.ts';
import type { RowSink } from './csv-rows.ts';
import type { ExportContext, ExportRead } from './export-read.ts';
import { ExportReader } from './export-reader.ts';
import { FileProblems, problemOf } from './file-problems.ts';
import { TotalsReader } from './totals-reader.ts';
import type { ProblemKey } from '../contract/problems.ts';
import type { Unreadable, Workbook, WorkbookCell, WorkbookSheet } from './workbook.ts';

/** The words for each reason a file is no workbook. */
const UNREADABLE: Record<Unreadable['why'], ProblemKey> = {
  notZip: 'problem.workbookNotZip',
  noBook: 'problem.workbookNoBook',
  broken: 'problem.workbookBroken',
  noReader: 'problem.workbookNoReader',
};

/**
 * Returns what a workbook export holds: its one sheet that holds data (the first when none does),
 * a header row then rows, read by the same reader as a CSV export of the same kind, every problem
 * named `file: sheet!row`. A workbook that cannot be read as plain values is refused whole, never
 * guessed at: two sheets holding data (which is the export?), formulas (their saved results may
 * be stale, or missing when the file was not saved by Excel) and merged cells (one value standing
 * for several cells).
 */
export function readWorkbookExport(book: Workbook, ctx: ExportContext): ExportRead {
  const withData = book.sheets.filter((s) => s.rows.some((r) => !isBlank(r)));
  const sheet = withData[0] ?? book.sheets[0];
  const refused = book.unreadable
    ? [problemOf(ctx.path, undefined, undefined, { key: UNREADABLE[book.unreadable.why], params: { detail: book.unreadable.detail ?? '' } })]
    : sheet
      ? refusals(withData, sheet, ctx.path, ctx.problemCap)
      : [problemOf(ctx.path, undefined, undefined, { key: 'problem.noSheet' })];
  const at = { ...ctx, sheet: sheet?.name };
  const header = sheet ? sheet.rows.findIndex((r) => !isBlank(r)) : -1;
  const kind = header >= 0 ? exportKind(sheet!.rows[header].map((c) => text(c, false))) : 'completions';
  const reader = kind === 'totals' ? new TotalsReader(at) : new ExportReader(at);
  if (refused.length > 0) {
    const read = reader.end();
    return { ...read, problems: refused };
  }
  if (header >= 0) feed(sheet!.rows, header, kind === 'totals', reader);
  return reader.end();
}

/** Returns why the workbook cannot be read as plain values, or nothing. */
function refusals(withData: readonly WorkbookSheet[], sheet: WorkbookSheet, path: string, cap?: number) {
  const problems = new FileProblems(path, sheet.name, cap);
  if (withData.length > 1) {
    const names = withData.map((s) => JSON.stringify(s.name)).join(', ');
    problems.add(undefined, undefined, { key: 'problem.sheets', params: { n: withData.length, names } });
  }
  for (const cell of sheet.formulas) {
    problems.add(rowOf(cell), undefined, { key: 'problem.formula', params: { cell } });
  }
  for (const range of sheet.merged) {
    problems.add(rowOf(range), undefined, { key: 'problem.merged', params: { range } });
  }
  return problems.end(null);
}

/** Returns the row number of a cell or range address (`D7`, `A1:B1`). */
const rowOf = (address: string): number => Number(/\d+/.exec(address)?.[0] ?? '1');

/** A row of empty cells (or of blank text) is blank, as a CSV row of empty values is. */
const isBlank = (row: readonly WorkbookCell[]): boolean => row.every((c) => c === null || typeof c === 'string') && isBlankRow(row.map((c) => c ?? ''));

/** Hands the rows from the header on to the reader, as the text a CSV export would hold. */
function feed(rows: readonly WorkbookCell[][], header: number, totals: boolean, sink: RowSink): void {
  const headerCells = rows[header].map((c) => text(c, false));
  const month = totals ? headerCells.findIndex((c) => columnName(c) === TOTALS_COLUMNS[0]) : -1;
  sink.row(headerCells, header + 1);
  for (let r = header + 1; r < rows.length; r++) {
    if (isBlank(rows[r])) continue;
    sink.row(rows[r].map((c, i) => text(c, i === month)), r + 1);
  }
}

/**
 * Returns a cell as the text its CSV export would hold: a date as YYYY-MM-DD (in a totals
 * sheet's month column a date on the 1st, as Excel keeps a month, as YYYY-MM), a number as
 * written in decimal (2.55 stored as 2.5499999999999998 reads 2.55), TRUE or FALSE.
 */
function text(cell: WorkbookCell, monthColumn: boolean): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    const iso = cell.toISOString().slice(0, 10);
    return monthColumn && iso.endsWith('-01') ? iso.slice(0, 7) : iso;
  }
  const centi = Math.round(cell * 100);
  return Math.abs(cell) < 1e13 && Math.abs(cell * 100 - centi) < 1e-6 ? centiToString(centi) : String(cell);
}
