// The checker page's workbook reader: the build's own pure reader (src/lib/ingest/xlsx/), in a
// chunk of its own so that a page that is never given a workbook parses none of it first.
import type { Workbook } from '../lib/ingest/workbook.ts';
import { readXlsx } from '../lib/ingest/xlsx/read-xlsx.ts';

/** Returns the sheets of an .xlsx file's bytes, or why it is no workbook (`unreadable`). */
export function readWorkbook(bytes: Uint8Array): Workbook {
  return readXlsx(bytes);
}
