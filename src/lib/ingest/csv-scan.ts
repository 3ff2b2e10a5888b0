import { bomLength, detectDelimiter, type Delimiter } from './csv-dialect.ts';
import { CUT, isUtf8Range, utf8End, type Encoding } from './encoding.ts';
import { growBytes, growInt32 } from './grow.ts';

export const UNTERMINATED = 'unterminated quoted field: a " opens a value that never closes';
export const STRAY_QUOTE = 'a " inside an unquoted value: put the whole value in quotes and write the " twice ("")';
export const TEXT_AFTER_QUOTE = 'text after a closing quote: a quoted value must end at the delimiter (write a " inside it twice: "")';
/**
 * A record still open after this many bytes is not a row: a quote that never closes would
 * otherwise make the scanner hold (and rescan) the rest of a national-scale file.
 */
export const MAX_RECORD_BYTES = 1 << 20;

/** Receives the records of a CSV text as the scanner finds them. */
export interface RecordSink {
  /** A well-formed record starting on `line`; its values are readable on the scanner until the next call. */
  record(scanner: CsvScanner, line: number): void;
  /** A record starting on `line` that cannot be split into values. */
  problem(line: number, reason: string): void;
}

const INCOMPLETE = -1;
const END = -1;

/** Returns how many line breaks (LF, CRLF or a lone CR, as an editor counts them) are in [a, b). */
function countBreaks(t: Uint8Array, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = t[i];
    if (c === 10 || (c === 13 && t[i + 1] !== 10)) n++;
  }
  return n;
}

/**
 * Splits a CSV file, fed as bytes in chunks of any size, into records (RFC 4180: quoted values may
 * hold delimiters, doubled quotes and line breaks; LF, CRLF or CR end a record). It works on bytes
 * because the CSV structure is ASCII in UTF-8 and Windows-1252 alike: values are not copied or
 * decoded, the sink reads them as ranges of `bytes`, which is what lets a large file be checked
 * without a string per cell. In UTF-8 mode it also checks that every byte is UTF-8 and stops at
 * the first that is not (`notUtf8`), so the file can be read again as Windows-1252. Lines are
 * numbered as an editor numbers them; a record counts from the line where it starts. The
 * delimiter is detected from the header line; a leading byte-order mark is skipped.
 */
export class CsvScanner {
  /** The bytes the current record's ranges point into. */
  bytes = new Uint8Array(0);
  /** Number of values in the current record. */
  count = 0;
  /** Value i is bytes[starts[i], ends[i]), without its quotes. */
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  /** 1 when value i was quoted and holds doubled quotes still to undo. */
  escaped = new Uint8Array(32);
  delimiter: Delimiter | null = null;
  /** True once a byte turned out not to be UTF-8 (UTF-8 mode only); nothing more is scanned. */
  notUtf8 = false;
  readonly encoding: Encoding;

  private readonly sink: RecordSink;
  private readonly utf8: boolean;
  private readonly decoder: TextDecoder;
  private d = 44;
  /** Bytes not scanned yet: an unfinished record carried over, then the newest chunk (bytes past `len` are stale). */
  private buf = new Uint8Array(1 << 16);
  private len = 0;
  private line = 1;
  private nextLine = 1;
  private started = false;
  private stopped = false;
  private openQuote = false;
  private bad = '';

  constructor(sink: RecordSink, encoding: Encoding = 'utf-8') {
    this.sink = sink;
    this.encoding = encoding;
    this.utf8 = encoding === 'utf-8';
    this.decoder = new TextDecoder(encoding);
  }

  /** Scans the next chunk; a record cut by the chunk's end waits for the next one. */
  push(chunk: Uint8Array): void {
    if (this.stopped || chunk.length === 0) return;
    if (this.len + chunk.length > this.buf.length) {
      let size = this.buf.length * 2;
      while (size < this.len + chunk.length) size *= 2;
      this.buf = growBytes(this.buf, size);
    }
    this.buf.set(chunk, this.len);
    this.len += chunk.length;
    this.scan(false);
  }

  /** Scans what is left at the end of the file. */
  end(): void {
    if (!this.stopped && this.len > 0) this.scan(true);
    this.stopped = true;
  }

  /** Returns value i of the current record, decoded, with its doubled quotes undone (not trimmed). */
  value(i: number): string {
    const v = this.decoder.decode(this.bytes.subarray(this.starts[i], this.ends[i]));
    return this.escaped[i] === 1 ? v.replaceAll('""', '"') : v;
  }

  private scan(final: boolean): void {
    const n = this.len;
    const t = this.buf;
    let p = 0;
    if (!this.started) {
      if (n < 3 && !final) return; // not enough yet to tell a byte-order mark
      this.started = true;
      p = bomLength(t, n);
    }
    if (this.delimiter === null) {
      const d = detectDelimiter(t, p, n, final);
      if (d === null) return this.keep(p);
      this.delimiter = d;
      this.d = d.charCodeAt(0);
    }
    this.bytes = t;
    p = this.records(t, p, n, final);
    if (!this.stopped) this.keep(p);
  }

  /**
   * Hands every complete record from `p` on to the sink; returns where the first incomplete one
   * starts. (A loop of its own, so that the optimised code for it holds no rarely run paths.)
   */
  private records(t: Uint8Array, p: number, n: number, final: boolean): number {
    while (p < n) {
      const q = this.record(t, p, n, final);
      if (q === INCOMPLETE) break;
      if (this.notUtf8) {
        this.stopped = true;
        break;
      }
      if (this.bad === '') this.sink.record(this, this.line);
      else this.sink.problem(this.line, this.bad);
      if (this.stopped) break;
      this.line = this.nextLine;
      p = q;
    }
    return p;
  }

  /** Holds an unfinished record until more bytes come, unless it has grown past any real row. */
  private keep(from: number): void {
    const n = this.len;
    if (n - from <= MAX_RECORD_BYTES) {
      this.buf.copyWithin(0, from, n);
      this.len = n - from;
      return;
    }
    this.sink.problem(this.line, this.openQuote ? UNTERMINATED : `a row longer than ${MAX_RECORD_BYTES} bytes`);
    this.stopped = true;
  }

  /**
   * Reads one record from `p` into starts/ends/escaped; returns where the next record starts, or
   * INCOMPLETE when the bytes end before the record does and more may come.
   */
  private record(t: Uint8Array, p: number, n: number, final: boolean): number {
    const d = this.d;
    const utf8 = this.utf8;
    let { starts, ends, escaped } = this;
    let count = 0;
    let breaks = 0;
    this.bad = '';
    this.openQuote = false;
    for (;;) {
      if (count === starts.length) {
        this.grow();
        ({ starts, ends, escaped } = this);
      }
      let c = p < n ? t[p] : END;
      if (c === 34) {
        const open = p;
        let esc = 0;
        // Past n the buffer holds old bytes: a quote found there is no quote.
        let k = t.indexOf(34, p + 1);
        // A doubled quote is a quote inside the value: look on for the closing one.
        while (k >= 0 && k + 1 < n && t[k + 1] === 34) {
          esc = 1;
          k = t.indexOf(34, k + 2);
        }
        if (k >= n) k = -1;
        // A quote that is the last byte seen may yet be the first half of a doubled one.
        if (k < 0 || (k + 1 === n && !final)) {
          if (!final) {
            this.openQuote = true;
            return INCOMPLETE;
          }
          this.bad = UNTERMINATED;
          this.stopped = true;
          return n;
        }
        if (utf8 && !isUtf8Range(t, open + 1, k)) {
          this.notUtf8 = true;
          return n;
        }
        breaks += countBreaks(t, open + 1, k);
        starts[count] = open + 1;
        ends[count] = k;
        escaped[count] = esc;
        count++;
        p = k + 1;
        c = p < n ? t[p] : END;
        if (c !== d && c !== 10 && c !== 13 && c !== END) {
          if (this.bad === '') this.bad = TEXT_AFTER_QUOTE;
          while (c !== d && c !== 10 && c !== 13 && c !== END) c = ++p < n ? t[p] : END;
        }
      } else {
        const s = p;
        for (;;) {
          // The hot loop, with no call in it so that it compiles tight: skip ordinary bytes.
          while (c > 34 && c !== d && c < 0x80) c = ++p < n ? t[p] : END;
          if (c === d || c === 10 || c === 13 || c === END) break;
          if (c >= 0x80 && utf8) {
            const e = utf8End(t, p, n);
            if (e === CUT && !final) return INCOMPLETE;
            if (e < 0) {
              this.notUtf8 = true;
              return n;
            }
            p = e - 1;
          } else if (c === 34 && this.bad === '') this.bad = STRAY_QUOTE;
          c = ++p < n ? t[p] : END;
        }
        starts[count] = s;
        ends[count] = p;
        escaped[count] = 0;
        count++;
      }
      if (c === d) {
        p++;
        continue;
      }
      if (c === END) {
        if (!final) return INCOMPLETE;
        this.count = count;
        this.nextLine = this.line + breaks;
        return n;
      }
      if (c === 13) {
        // CR at the very end of a chunk: the LF of a CRLF may be the next chunk's first byte.
        if (p + 1 === n && !final) return INCOMPLETE;
        p += p + 1 < n && t[p + 1] === 10 ? 2 : 1;
      } else p++;
      this.count = count;
      this.nextLine = this.line + breaks + 1;
      return p;
    }
  }

  private grow(): void {
    const size = this.starts.length * 2;
    this.starts = growInt32(this.starts, size);
    this.ends = growInt32(this.ends, size);
    this.escaped = growBytes(this.escaped, size);
  }
}
