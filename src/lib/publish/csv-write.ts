/**
 * Writes CSV that Excel on a Finnish Windows machine opens correctly (UTF-8 with a byte-order
 * mark) and that stays machine-readable (comma delimiter, decimal point, ISO dates).
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Returns a cell that cannot start a spreadsheet formula and survives delimiters and quotes. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // Text that a spreadsheet would evaluate gets a leading apostrophe (OWASP's advice for CSV injection).
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Returns the rows as a CSV document with a BOM, a header row and LF line endings. */
export function toCsv<T>(columns: readonly string[], rows: readonly T[], cells: (row: T) => (string | number | null)[]): string {
  const lines = [columns.join(','), ...rows.map((r) => cells(r).map(csvCell).join(','))];
  return `\ufeff${lines.join('\n')}\n`;
}
