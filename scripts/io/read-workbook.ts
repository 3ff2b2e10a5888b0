import readXlsxFile from 'read-excel-file/node';
import type { Workbook } from '../../src/lib/ingest/workbook.ts';
import { markedWorkbook } from '../../src/lib/ingest/workbook-marks.ts';

/**
 * Returns the sheets of an .xlsx file's bytes, read by read-excel-file, with the formula cells and
 * merged ranges of each (which the pure reader refuses); `unreadable` says why a file is no
 * workbook. Asynchronous, as read-excel-file is: the data folder's workbooks are read before the
 * synchronous loader runs (see openDataFolder).
 */
export async function readWorkbook(bytes: Uint8Array): Promise<Workbook> {
  try {
    const sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return markedWorkbook(sheets, bytes);
  } catch (e) {
    return { sheets: [], unreadable: (e as Error).message };
  }
}
