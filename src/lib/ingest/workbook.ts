/** One cell as a workbook reader hands it over: text, a number, a truth value, a date, or empty. */
export type WorkbookCell = string | number | boolean | Date | null;

/** One sheet of a workbook: its rows (row k is the sheet's row k + 1) and what cannot be read as values. */
export interface WorkbookSheet {
  name: string;
  rows: WorkbookCell[][];
  /** Cells (`D7`) whose value a formula computes. */
  formulas: string[];
  /** Merged ranges (`A1:B1`). */
  merged: string[];
}

/** A workbook's sheets, in the order Excel shows their tabs. */
export interface Workbook {
  sheets: WorkbookSheet[];
  /** Why the file could not be opened as a workbook at all; then no sheets. */
  unreadable?: Unreadable;
}

/**
 * Why bytes are no workbook: not a zip file (`notZip`), a zip without a workbook in it (`noBook`:
 * an .xls or .ods renamed), a workbook whose XML is broken (`broken`), or a data source that reads
 * none (`noReader`); `detail` is what the unzipper or XML parser said, where one did.
 */
export interface Unreadable {
  why: 'notZip' | 'noBook' | 'broken' | 'noReader';
  detail?: string;
}
