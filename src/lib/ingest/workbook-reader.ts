import { columnName, exportKind, TOTALS_COLUMNS } from '../contract/export-header.ts';
import { centiToString } from '../credits.ts';
import type { RowSink } from './csv-rows.ts';
import type { ExportContext, ExportRead } from './export-read.ts';
import { ExportReader } from './export-reader.ts';
import { FileProblems } from './file-problems.ts';
import { TotalsReader } from './totals-reader.ts';
import type { Workbook, WorkbookCell, WorkbookSheet } from './workbook.ts';

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
    ? [{ path: ctx.path, reason: `cannot be read as an Excel workbook (.xlsx): ${book.unreadable}` }]
    : sheet
      ? refusals(withData, sheet, ctx.path, ctx.problemCap)
      : [{ path: ctx.path, reason: 'the workbook has no sheet' }];
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
    problems.add(undefined, undefined, `${withData.length} sheets hold data (${names}): an export is one sheet, so move the other data to another file or delete it`);
  }
  for (const cell of sheet.formulas) {
    problems.add(rowOf(cell), undefined, `cell ${cell} holds a formula: save the values instead (copy, then paste as values), so the export says what the file shows`);
  }
  for (const range of sheet.merged) {
    problems.add(rowOf(range), undefined, `cells ${range} are merged: unmerge them so that every column has its own name and every cell its own value`);
  }
  return problems.end(null);
}

/** Returns the row number of a cell or range address (`D7`, `A1:B1`). */
const rowOf = (address: string): number => Number(/\d+/.exec(address)?.[0] ?? '1');

const isBlank = (row: readonly WorkbookCell[]): boolean => row.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

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
