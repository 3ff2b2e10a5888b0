// The checker page's workbook reader: read-excel-file's browser entry in place of its Node one,
// marked by the same pure code as the build's (src/lib/ingest/workbook-marks.ts), so a workbook
// reads alike in the browser and in `npm run validate`.
import readXlsxFile from 'read-excel-file/browser';
import type { Workbook } from '../lib/ingest/workbook.ts';
import { markedWorkbook } from '../lib/ingest/workbook-marks.ts';

/** Returns the sheets of an .xlsx file's bytes, or why it is no workbook (`unreadable`). */
export async function readWorkbook(bytes: Uint8Array): Promise<Workbook> {
  try {
    const sheets = await readXlsxFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    return markedWorkbook(sheets, bytes);
  } catch (e) {
    return { sheets: [], unreadable: (e as Error).message };
  }
}
