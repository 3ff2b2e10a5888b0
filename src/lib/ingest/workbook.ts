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
  /** Why the file could not be opened as a workbook at all (not a zip, not .xlsx…); then no sheets. */
  unreadable?: string;
}
