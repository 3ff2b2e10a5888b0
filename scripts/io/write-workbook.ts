import { unzipSync, zipSync } from 'fflate';
import writeExcelFile from 'write-excel-file/node';
import type { PublishedSheet } from '../../src/lib/publish/open-data-workbook.ts';

/**
 * Returns the bytes of an .xlsx file of the sheets, the same bytes for the same sheets: the zip
 * write-excel-file makes stamps every entry with the clock, so the entries are packed again, in
 * the same order, stamped with the data date (a local-time Date, as zip stores local time: the
 * bytes do not depend on the machine's time zone either).
 */
export async function workbookBytes(sheets: readonly PublishedSheet[], asOf: string): Promise<Uint8Array> {
  const withHeader = sheets.map((s) => ({
    ...s,
    // The header row stays in view and reads as one.
    stickyRowsCount: 1,
    data: s.data.map((row, r) => (r === 0 ? row.map((c) => (c ? { ...c, fontWeight: 'bold' as const } : c)) : row)),
  }));
  const made = await writeExcelFile(withHeader as Parameters<typeof writeExcelFile>[0]).toBuffer();
  const [y, m, d] = asOf.split('-').map(Number);
  const mtime = new Date(y, m - 1, d);
  const entries = unzipSync(new Uint8Array(made));
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, [bytes, { mtime }]])), { level: 9 });
}
