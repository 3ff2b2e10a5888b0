import { exportKind, type ExportKind } from '../contract/export-header.ts';
import { CsvRows, type RowSink } from './csv-rows.ts';
import { decodeChunks, NotUtf8Error, type Encoding, type ExportBytes } from './decode.ts';

/**
 * Returns what `read` makes of a file read as UTF-8; bytes that are not UTF-8 anywhere in it mean
 * it was saved in Windows-1252 (Excel on Windows), and it is read again from the start in that
 * encoding, with a warning.
 */
export function inEitherEncoding<T extends { warnings: string[] }>(path: string, read: (encoding: Encoding) => T): T {
  try {
    return read('utf-8');
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
  }
  const result = read('windows-1252');
  result.warnings.unshift(`${path}: not valid UTF-8, so read as Windows-1252 (as Excel saves CSV on Windows); check that "ä", "ö" and "å" look right, or save the file as CSV UTF-8`);
  return result;
}

/** Hands every row of a CSV file to `sink`, decoding and splitting it chunk by chunk. */
export function feedCsv(bytes: ExportBytes, encoding: Encoding, sink: RowSink): void {
  const rows = new CsvRows(sink);
  for (const text of decodeChunks(bytes, encoding)) {
    rows.push(text);
    if (rows.stopped) break;
  }
  rows.end();
}

/** Thrown by HeaderSink once it has the header, to stop reading the rest of the file. */
class HeaderFound extends Error {}

/** Keeps the first row that is not blank. */
class HeaderSink implements RowSink {
  cells: string[] | null = null;
  row(values: string[]): void {
    if (values.length === 1 && values[0].trim() === '') return;
    this.cells = values;
    throw new HeaderFound();
  }
  problem(): void {
    throw new HeaderFound();
  }
}

/**
 * Returns the kind of export a CSV file holds, from its header row, reading no further than it.
 * Windows-1252 decodes any bytes, and the column names the kind depends on are ASCII, so the one
 * reading serves a file in either encoding. A header that cannot be read says completions, whose
 * reader then reports what is wrong with it.
 */
export function sniffKind(bytes: ExportBytes): ExportKind {
  const sink = new HeaderSink();
  try {
    feedCsv(bytes, 'windows-1252', sink);
  } catch (e) {
    if (!(e instanceof HeaderFound)) throw e;
  }
  return sink.cells === null ? 'completions' : exportKind(sink.cells);
}
