import { exportKind, type ExportKind } from '../contract/export-header.ts';
import type { Problem } from '../contract/problems.ts';
import { isBlankRow } from '../contract/values.ts';
import { problemOf } from './file-problems.ts';
import { CsvRows, detectDelimiter, type Delimiter, type RowSink } from './csv-rows.ts';
import { decodeChunks, NotUtf8Error, type Encoding, type ExportBytes } from './decode.ts';

/**
 * Returns what `read` makes of a file read as UTF-8; bytes that are not UTF-8 anywhere in it mean
 * it was saved in Windows-1252 (Excel on Windows), and it is read again from the start in that
 * encoding, with a warning.
 */
export function inEitherEncoding<T extends { warnings: Problem[] }>(path: string, read: (encoding: Encoding) => T): T {
  try {
    return read('utf-8');
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
  }
  const result = read('windows-1252');
  result.warnings.unshift(problemOf(path, undefined, undefined, { key: 'warning.notUtf8' }));
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

/** Keeps the first row that is not blank, and its line. */
class HeaderSink implements RowSink {
  cells: string[] | null = null;
  line = 0;
  row(values: string[], line: number): void {
    if (isBlankRow(values)) return;
    this.cells = values;
    this.line = line;
    throw new HeaderFound();
  }
  problem(): void {
    throw new HeaderFound();
  }
}

/** A CSV export's header row as the readers find it, and the dialect it sets for the rows after it. */
interface CsvHeader {
  cells: string[];
  /** The line it is on (blank lines may come before it). */
  line: number;
  delimiter: Delimiter;
  /** How its line ends (a file that ends at the header: LF). */
  newline: '\n' | '\r\n' | '\r';
}

/**
 * Returns the header row of a CSV export, reading no further than it, or null when none can be
 * read. Windows-1252 decodes any bytes, and the column names that matter are ASCII, so the one
 * reading serves a file in either encoding.
 */
export function sniffHeader(bytes: ExportBytes): CsvHeader | null {
  const sink = new HeaderSink();
  let seen = '';
  const rows = new CsvRows(sink);
  try {
    for (const text of decodeChunks(bytes, 'windows-1252')) {
      if (seen.length < 1 << 16) seen += text;
      rows.push(text);
      if (rows.stopped) break;
    }
    rows.end();
  } catch (e) {
    if (!(e instanceof HeaderFound)) throw e;
  }
  if (sink.cells === null) return null;
  const lf = seen.search(/\r\n|\r|\n/);
  const newline = lf < 0 || seen[lf] === '\n' ? '\n' : seen[lf + 1] === '\n' ? '\r\n' : '\r';
  return { cells: sink.cells, line: sink.line, delimiter: detectDelimiter(seen.replace(/\r\n?/g, '\n'), true)!, newline };
}

/**
 * Returns the kind of export a CSV file holds, from its header row. A header that cannot be read
 * says completions, whose reader then reports what is wrong with it.
 */
export function sniffKind(bytes: ExportBytes): ExportKind {
  const header = sniffHeader(bytes);
  return header === null ? 'completions' : exportKind(header.cells);
}
