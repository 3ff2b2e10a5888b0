import Papa from 'papaparse';
import type { ProblemReason } from '../contract/problems.ts';

/** A quote that never closes. */
export const UNTERMINATED: ProblemReason = { key: 'problem.unterminated' };
/**
 * Said of an unterminated quote when the reading goes on: the row it opens is lost, and the rows
 * after are read from the line after it, so one stray quote hides no other problem.
 */
export const UNTERMINATED_GOES_ON: ProblemReason = { key: 'problem.unterminatedGoesOn' };
export const STRAY_QUOTE: ProblemReason = { key: 'problem.strayQuote' };
export const TEXT_AFTER_QUOTE: ProblemReason = { key: 'problem.textAfterQuote' };
/**
 * A row still open after this many characters is not a row: a quote that never closes would
 * otherwise make the reader hold (and parse again) the rest of a national-scale file.
 */
export const MAX_ROW_CHARS = 1 << 20;

/** The delimiters partner exports use: comma (most systems), semicolon (Excel in Finnish), tab. */
const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Receives the rows of a CSV text as they are found. */
export interface RowSink {
  /** A well-formed row (its values unquoted, not trimmed) that starts on `line`. */
  row(values: string[], line: number): void;
  /** A row starting on `line` that cannot be split into values. */
  problem(line: number, reason: ProblemReason): void;
}

/**
 * Splits CSV text, pushed in chunks of any size, into rows with the line each starts on, as an
 * editor numbers lines (a quoted value spanning lines counts from its first). papaparse does the
 * splitting (RFC 4180 quoting); this adds what the export contract needs on top of it:
 * - line ends: LF, CRLF and a lone CR are each one line end (papaparse takes one kind a file);
 * - the delimiter, judged from the header line alone (see detectDelimiter);
 * - the quote rules papaparse is lenient about: a quote inside an unquoted value, and text after
 *   a closing quote, are problems, not guesses (see scanRow);
 * - a row cap, so a quote that never closes cannot make it hold a whole large file;
 * - a quote that never closes loses its own row only: reading goes on from the next line.
 * papaparse's Parser is fed chunk by chunk here (as Papa.parse's own streamers do) so that each
 * row's raw text stays at hand for those checks and for counting its lines.
 */
export class CsvRows {
  /** True once a row could not be ended (no line end in MAX_ROW_CHARS): nothing more is read. */
  stopped = false;
  private readonly sink: RowSink;
  private delimiter: Delimiter | null = null;
  /** Text not yet split into rows: an unfinished row, then what came after it. */
  private pending = '';
  /** The line `pending` starts on. */
  line = 1;
  /** A CR that ended a chunk: the LF of a CRLF may start the next one. */
  private heldCr = false;

  constructor(sink: RowSink) {
    this.sink = sink;
  }

  /** Splits the next chunk of text; a row cut by the chunk's end waits for the next one. */
  push(text: string): void {
    if (this.stopped || text.length === 0) return;
    let t = this.heldCr ? `\r${text}` : text;
    this.heldCr = t.endsWith('\r');
    if (this.heldCr) t = t.slice(0, -1);
    this.pending += t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
    this.split(false);
  }

  /** Splits what is left at the end of the text. */
  end(): void {
    if (this.heldCr) this.pending += '\n';
    this.heldCr = false;
    if (!this.stopped) this.split(true);
    this.stopped = true;
  }

  private split(final: boolean): void {
    if (this.delimiter === null) this.delimiter = detectDelimiter(this.pending, final);
    if (this.delimiter === null) return;
    const pass = new Pass(this, this.pending, this.delimiter, final);
    while (pass.run()) if (this.stopped) return;
    if (this.stopped) return;
    this.pending = final ? '' : pass.text.slice(pass.start);
    if (this.pending.length <= MAX_ROW_CHARS) return;
    const lineEnd = this.pending.indexOf('\n');
    if (!this.pending.includes('"') || lineEnd < 0) return this.fail(this.pending.includes('"') ? UNTERMINATED : { key: 'problem.rowTooLong', params: { max: MAX_ROW_CHARS } });
    // An open quote has held this row for too long: it never closes. Go on from the next line.
    this.sink.problem(this.line, UNTERMINATED_GOES_ON);
    this.pending = this.pending.slice(lineEnd + 1);
    this.line++;
    this.split(false);
  }

  /** Hands on the row that starts on the current line (or its quoting problem). */
  emit(values: string[], problem: ProblemReason | null): void {
    if (problem) this.sink.problem(this.line, problem);
    else this.sink.row(values, this.line);
  }

  /** Reports the badly quoted row at text[start]; returns where the next row starts. */
  bad(scan: RowScan, text: string, start: number): number {
    if (scan.problem === UNTERMINATED) {
      // The quote's row is lost; the lines after its first are read as rows of their own.
      const lineEnd = text.indexOf('\n', start);
      this.sink.problem(this.line, lineEnd < 0 ? UNTERMINATED : UNTERMINATED_GOES_ON);
      if (lineEnd < 0) return text.length;
      this.line++;
      return lineEnd + 1;
    }
    this.sink.problem(this.line, scan.problem ?? TEXT_AFTER_QUOTE);
    this.line += countBreaks(text, start, scan.end);
    return scan.end;
  }

  private fail(reason: ProblemReason): void {
    this.sink.problem(this.line, reason);
    this.stopped = true;
  }
}

/**
 * One papaparse pass over the text at hand: its parser, and where the row being read starts. A
 * row papaparse misreads (text after a closing quote) aborts the parser; the pass then goes on
 * with a new one from where the contract ends that row.
 */
class Pass {
  text: string;
  /** Where the row being read starts. */
  start = 0;
  /** Where rows start again after one that papaparse could not end where the contract does, or -1. */
  private resume = -1;
  private readonly rows: CsvRows;
  private readonly d: Delimiter;
  private readonly final: boolean;
  private nextQuote: number;
  private parser: Papa.Parser;

  constructor(rows: CsvRows, text: string, d: Delimiter, final: boolean) {
    this.rows = rows;
    this.text = text;
    this.d = d;
    this.final = final;
    this.nextQuote = text.indexOf('"');
    this.parser = this.newParser();
  }

  /** Parses the text from `start`, handing every whole row on; returns true when it must run again (from a row papaparse misread). */
  run(): boolean {
    if (this.resume >= 0) {
      // An aborted parser stays aborted: go on from `resume` with a new one.
      this.text = this.text.slice(this.resume);
      [this.start, this.resume, this.nextQuote] = [0, -1, this.text.indexOf('"')];
      this.parser = this.newParser();
    }
    if (this.nextQuote < 0) return this.runUnquoted();
    const result = this.parser.parse(this.text, 0, !this.final) as Papa.ParseResult<string[]>;
    // A row held back for more text may already show text after a closing quote.
    if (this.resume < 0 && !this.rows.stopped && result.errors.some((e) => e.code === 'InvalidQuotes')) {
      const scan = scanRow(this.text, this.start, this.d, this.final);
      if (scan !== null) this.resume = this.rows.bad(scan, this.text, this.start);
    }
    return this.resume >= 0;
  }

  /**
   * Parses text that holds no quote: every row is one line and breaks no quote rule, so papaparse
   * splits all of it at once, without a step call and its result object a row (those were most
   * of the parsing's cost on 100 000 rows). A row cut by the text's end waits for more.
   */
  private runUnquoted(): false {
    const end = this.final ? this.text.length : this.text.lastIndexOf('\n') + 1;
    if (end === 0) return false;
    const parser = new Papa.Parser({ delimiter: this.d, newline: '\n' });
    const rows = (parser.parse(end === this.text.length ? this.text : this.text.slice(0, end), 0, !this.final) as Papa.ParseResult<string[]>).data;
    for (const values of rows) {
      this.rows.emit(values, null);
      this.rows.line++;
    }
    this.start = end;
    return false;
  }

  private newParser(): Papa.Parser {
    // The Parser calls step with the row only; it is stopped through its own abort().
    return new Papa.Parser({ delimiter: this.d, newline: '\n', step: (r: Papa.ParseStepResult<string[][]>) => this.step(r) });
  }

  private step(r: Papa.ParseStepResult<string[][]>): void {
    const { text, start, d } = this;
    const end = r.meta.cursor;
    const code = r.errors[0]?.code;
    if (code === 'InvalidQuotes' || code === 'MissingQuotes') {
      // papaparse reads on past text after a closing quote to another quote; the contract ends the row at its line end.
      const scan = scanRow(text, start, d, this.final);
      if (scan !== null) this.resume = this.rows.bad(scan, text, start); // else: wait for the rest of the row
      this.parser.abort();
      return;
    }
    if (this.nextQuote >= 0 && this.nextQuote < start) this.nextQuote = text.indexOf('"', start);
    const quoted = this.nextQuote >= 0 && this.nextQuote < end;
    this.rows.emit(r.data[0], quoted ? (scanRow(text, start, d, true)?.problem ?? null) : null);
    // Only a quoted value holds a line end: a row without a quote is one line.
    this.rows.line += quoted ? countBreaks(text, start, end) : 1;
    this.start = end;
  }
}

/** Returns how many line ends are in text[a, b). */
function countBreaks(text: string, a: number, b: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', a); i >= 0 && i < b; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Where a row ends (after its line end) and the first thing wrong with its quotes. */
interface RowScan {
  end: number;
  problem: ProblemReason | null;
}

/**
 * Returns where the row that starts at text[a] ends by the contract's quote rules, and the first
 * rule it breaks; null when the text ends first and more may follow (`final` false). A value is
 * either quoted from its first character to a closing quote that the delimiter or the line end
 * follows, with "" for a quote inside, or holds no quote at all. papaparse reads a stray quote as
 * a character, skips spaces after a closing quote and reads on past other text after one, where
 * a person made a mistake: only rows with a quote in them are scanned here.
 */
export function scanRow(text: string, a: number, d: Delimiter, final: boolean): RowScan | null {
  let problem: ProblemReason | null = null;
  let i = a;
  for (;;) {
    const quoted = text[i] === '"';
    if (quoted) {
      let k = text.indexOf('"', i + 1);
      while (k >= 0 && text[k + 1] === '"') k = text.indexOf('"', k + 2);
      // A quote that ends the text so far may be the first half of a doubled one.
      if (!final && (k < 0 || k === text.length - 1)) return null;
      if (k < 0) return { end: text.length, problem: UNTERMINATED };
      i = k + 1;
      if (i < text.length && text[i] !== d && text[i] !== '\n') problem ??= TEXT_AFTER_QUOTE;
    }
    // The rest of the value: all of an unquoted one, or what follows a closing quote.
    for (; i < text.length && text[i] !== d && text[i] !== '\n'; i++) if (text[i] === '"' && !quoted) problem ??= STRAY_QUOTE;
    if (i >= text.length) return final ? { end: text.length, problem } : null;
    if (text[i] === '\n') return { end: i + 1, problem };
    i++;
  }
}

/**
 * Returns the delimiter of a CSV text, judged from its header line, which names known columns and
 * so holds no quoted delimiters in practice (quoted parts are skipped anyway): the most frequent of
 * comma, semicolon and tab, comma on a tie. Returns null while the header line is not complete
 * and more text may follow (`final` false).
 */
export function detectDelimiter(text: string, final: boolean): Delimiter | null {
  const counts = [0, 0, 0];
  let inQuotes = false;
  // Blank lines before the header say nothing about the delimiter.
  let i = 0;
  while (i < text.length && text[i] === '\n') i++;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === '\n') break;
    else {
      const k = DELIMITERS.indexOf(c as Delimiter);
      if (k >= 0) counts[k]++;
    }
  }
  if (i === text.length && !final) return null;
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return DELIMITERS[best];
}
