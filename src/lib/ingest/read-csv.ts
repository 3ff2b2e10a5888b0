import { exportKind, type ExportKind } from '../contract/export-header.ts';
import type { Problem } from '../contract/problems.ts';
import { isBlankRow } from '../contract/values.ts';
import { problemOf } from './file-problems.ts';
import { CsvRows, detectDelimiter, type Delimiter, type RowSink } from './csv-rows.ts';
import { decodeChunks, NotUtf8Error, type Encoding, type ExportBytes } from './decode.ts';

/**
 * Returns what `read` makes of a file read as UTF-8; bytes that are not UTF-8 anywhere in it mean
 * it was saved in Windows-1252 (Excel on Windows), and it is read again from the start in that
 * encoding, with a warning that shows the first word read so, and its line: a person can see at
 * once whether its letters came out right (`Työelämä`) or not (`TyÃ¶elÃ¤mÃ¤`, `Ty?el?m?`).
 */
export function inEitherEncoding<T extends { warnings: Problem[] }>(path: string, open: () => ExportBytes, read: (encoding: Encoding) => T): T {
  try {
    return read('utf-8');
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
  }
  const result = read('windows-1252');
  const sample = firstNonAscii(open());
  result.warnings.unshift(
    sample === null ? problemOf(path, undefined, undefined, { key: 'warning.notUtf8' }) : problemOf(path, undefined, undefined, { key: 'warning.notUtf8Sample', params: sample }),
  );
  return result;
}

/** Characters that end a word in a sample: white space, the delimiters, a quote. */
const WORD_END = /[\s,;"]/;
/** A sample word longer than this is cut (a value with no spaces could be a whole line). */
const SAMPLE_LENGTH = 40;

/**
 * Returns the first word holding a character outside ASCII when the file is read as Windows-1252,
 * and its line as an editor counts lines (LF, CRLF or CR), or null if there is none.
 */
export function firstNonAscii(bytes: ExportBytes): { line: number; word: string } | null {
  let line = 1;
  let carry = '';
  let lastCr = false;
  for (const text of decodeChunks(bytes, 'windows-1252')) {
    const at = text.search(/[^\x00-\x7f]/);
    const upto = at < 0 ? text : text.slice(0, at);
    for (const c of upto) {
      if (c === '\n' && !lastCr) line += 1;
      else if (c === '\r') line += 1;
      lastCr = c === '\r';
    }
    if (at < 0) {
      carry = (carry + text).slice(-SAMPLE_LENGTH);
      continue;
    }
    const before = carry + upto;
    let start = before.length;
    while (start > 0 && !WORD_END.test(before[start - 1])) start -= 1;
    let end = at;
    while (end < text.length && !WORD_END.test(text[end])) end += 1;
    return { line, word: (before.slice(start) + text.slice(at, end)).slice(0, SAMPLE_LENGTH) };
  }
  return null;
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

/** Bytes read from an export's start to find its header row: blank or title rows may come first. */
const SNIFF_BYTES = 1 << 16;

/**
 * Returns the header row of a CSV export, reading no further than it (and its first SNIFF_BYTES
 * at most), or null when none can be read. Read as UTF-8 where the bytes are, as Windows-1252
 * where they are not, as the loader reads the whole file: the names "Suorituspäivä" and
 * "studiepoäng" are not ASCII, and read as Windows-1252 from UTF-8 bytes ("SuorituspÃ¤ivÃ¤") the
 * DuckDB path had found no such column.
 */
export function sniffHeader(bytes: ExportBytes): CsvHeader | null {
  const head = typeof bytes === 'string' || bytes instanceof Uint8Array ? bytes : firstBytes(bytes, SNIFF_BYTES);
  try {
    return headerOf(head, 'utf-8');
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
    return headerOf(head, 'windows-1252');
  }
}

/** Returns copies of the first chunks of `bytes` up to `limit` bytes (a file's reader may reuse its buffer). */
function firstBytes(bytes: Iterable<Uint8Array>, limit: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let n = 0;
  for (const chunk of bytes) {
    out.push(chunk.slice(0, limit - n));
    n += chunk.length;
    if (n >= limit) break;
  }
  return out;
}

function headerOf(bytes: ExportBytes, encoding: Encoding): CsvHeader | null {
  const sink = new HeaderSink();
  let seen = '';
  const rows = new CsvRows(sink);
  try {
    for (const text of decodeChunks(bytes, encoding)) {
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
