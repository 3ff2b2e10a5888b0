import { dayOfIso, INVALID, isoOfDay, parseCentiAt, parseDayAt, parseUintAt, skipSpace, trimEnd } from './cell-parse.ts';
import type { Completion } from '../contract/completion.ts';
import type { Centi } from '../credits.ts';
import { CsvScanner, type RecordSink } from './csv-scan.ts';
import type { Encoding } from './encoding.ts';
import { changeWarnings, duplicateProblems, mergeByLine, PROBLEM_CAP } from './export-checks.ts';
import { growInt32 } from './grow.ts';
import { KeyList } from './key-list.ts';
import { Learners } from './learners.ts';
import { quote, type Problem } from '../contract/problems.ts';
import type { DayCell } from '../aggregate/resolve-snapshots.ts';
import { readHeader, REQUIRED_COLUMNS } from '../contract/export-header.ts';
import type { ExportIndex, SnapshotContext, SnapshotRead } from './export-read.ts';

// Positions in REQUIRED_COLUMNS.
const [ID, DATE, COURSE, , FIELD, CREDITS] = [0, 1, 2, 3, 4, 5];

/** A credit above this in one completion is a typing error, not a course (60 op is a whole year). */
export const MAX_CREDITS_PER_COMPLETION = 6000;

const ENCODER = new TextEncoder();

/**
 * Checks and sums one partner export as its bytes arrive in chunks: each row is validated and
 * added to day × field cells at once, so a file of millions of rows needs memory for its ids
 * (duplicates and corrections need them, checked once the file is read) but not for its rows.
 * Every problem is kept (capped per file); a file with problems must not be used, and the loader
 * refuses the whole data set.
 */
export class SnapshotReader implements RecordSink {
  private readonly ctx: SnapshotContext;
  private readonly scanner: CsvScanner;
  private readonly problems: Problem[] = [];
  private hiddenProblems = 0;
  private headerSeen = false;
  private width = 0;
  /** Where each required column is, in REQUIRED_COLUMNS order; null when one is missing. */
  private columns: Int32Array | null = null;
  private learnerColumn = -1;
  // Days are numbered from the programme start; a cell is (day − start) × fields + field index.
  private readonly startDay: number;
  private readonly snapDay: number;
  private readonly fields: number;
  /** Field index by code: a table for codes below 65 536 (a Map lookup a row costs), a Map past it. */
  private readonly fieldIndex: Int32Array;
  private readonly largeFields: Map<number, number>;
  private readonly cellCredits: Float64Array;
  private readonly cellCount: Uint32Array;
  private total: Centi = 0;
  // Row k of the export (a valid row, in file order) is id k of `ids`.
  private readonly ids = new KeyList();
  private lines: Int32Array = new Int32Array(1024);
  // Only kept when this export is compared with an older or a newer one (see SnapshotContext.keepForNext).
  private readonly keepRows: boolean;
  private credits: Int32Array = new Int32Array(0);
  private days: Int32Array = new Int32Array(0);
  private learners: Learners | null = null;
  private blankLearners = 0;
  private readonly completions: Completion[] | null;
  // The trimmed range of the value last asked for by span() or key().
  private a = 0;
  private b = 0;
  // The trimmed ranges of the current row's required values, in REQUIRED_COLUMNS order.
  private readonly spanA = new Int32Array(REQUIRED_COLUMNS.length);
  private readonly spanB = new Int32Array(REQUIRED_COLUMNS.length);

  constructor(ctx: SnapshotContext, encoding: Encoding = 'utf-8') {
    this.ctx = ctx;
    this.scanner = new CsvScanner(this, encoding);
    this.startDay = dayOfIso(ctx.programmeStart);
    this.snapDay = dayOfIso(ctx.snapshotDate);
    this.fields = ctx.fieldCodes.length;
    this.fieldIndex = new Int32Array(Math.min(1 << 16, Math.max(0, ...ctx.fieldCodes) + 1)).fill(-1);
    this.largeFields = new Map();
    ctx.fieldCodes.forEach((code, i) => {
      if (code < this.fieldIndex.length) this.fieldIndex[code] = i;
      else this.largeFields.set(code, i);
    });
    const size = Math.max(0, this.snapDay - this.startDay + 1) * this.fields;
    this.cellCredits = new Float64Array(size);
    this.cellCount = new Uint32Array(size);
    this.completions = ctx.keepCompletions ? [] : null;
    this.keepRows = ctx.keepForNext === true || ctx.previous != null;
  }

  /** Reads the next chunk of the file's bytes. */
  push(bytes: Uint8Array): void {
    this.scanner.push(bytes);
  }

  /** True once the bytes turned out not to be UTF-8 (when read as UTF-8): read the file again as Windows-1252. */
  get notUtf8(): boolean {
    return this.scanner.notUtf8;
  }

  /** Returns what the file holds, once all of its bytes have been pushed. */
  end(): SnapshotRead {
    this.scanner.end();
    const { partnerId, snapshotDate: date, path } = this.ctx;
    const index: ExportIndex = { path, ids: this.ids, credits: this.credits, days: this.days, lines: this.lines };
    const duplicates = duplicateProblems(index);
    const problems = mergeByLine(this.problems, duplicates.problems).slice(0, PROBLEM_CAP);
    const more = this.problems.length + this.hiddenProblems + duplicates.count - problems.length;
    if (!this.headerSeen) problems.push({ path, reason: 'empty file: expected a header row and completions' });
    if (more > 0) problems.push({ path, reason: `and ${more} more problems in this file` });
    const warnings = this.ctx.previous ? changeWarnings(index, this.ctx.previous) : [];
    if (this.learners && this.blankLearners > 0) {
      warnings.push(`${path}: learner_id: empty on ${this.blankLearners} row${this.blankLearners === 1 ? '' : 's'}, so learner counts are not published`);
    }
    return {
      export: { date, partnerId, credits: this.total, count: this.ids.size, cells: this.cells() },
      problems,
      warnings,
      index,
      learners: this.blankLearners === 0 ? this.learners : null,
      completions: this.completions,
    };
  }

  record(s: CsvScanner, line: number): void {
    // A blank line (one empty value) is skipped wherever it is.
    if (s.count === 1 && skipSpace(s.bytes, s.starts[0], s.ends[0]) === s.ends[0]) return;
    if (!this.headerSeen) return this.header(s, line);
    if (this.columns === null) return; // without the required columns no row can be read
    if (s.count !== this.width) return this.report(line, undefined, `row has ${s.count} values but the header has ${this.width}`);
    this.row(s, this.columns, line);
  }

  problem(line: number, reason: string): void {
    this.headerSeen = true;
    this.report(line, undefined, reason);
  }

  private report(line: number | undefined, column: string | undefined, reason: string): void {
    if (this.problems.length < PROBLEM_CAP) this.problems.push({ path: this.ctx.path, line, column, reason });
    else this.hiddenProblems++;
  }

  private header(s: CsvScanner, line: number): void {
    this.headerSeen = true;
    this.width = s.count;
    const header = readHeader(Array.from({ length: s.count }, (_, i) => s.value(i)));
    for (const p of header.problems) this.report(line, p.column, p.reason);
    this.columns = header.required;
    this.learnerColumn = header.learner;
    if (this.learnerColumn >= 0 && this.ctx.learners) this.learners = new Learners(this.fields);
  }

  /** Sets a, b to the trimmed range of value i. */
  private span(s: CsvScanner, i: number): void {
    this.a = skipSpace(s.bytes, s.starts[i], s.ends[i]);
    this.b = trimEnd(s.bytes, this.a, s.ends[i]);
  }

  /** Returns value i trimmed, as a string (for quoting a bad value in a message). */
  private text(s: CsvScanner, i: number): string {
    return s.value(i).trim();
  }

  /**
   * Sets a, b to value i as an id and returns the bytes they index: UTF-8, so that the same id in
   * a Windows-1252 export and a UTF-8 one is the same key. Most ids are the file's own bytes; ids
   * with doubled quotes, or non-ASCII ids in Windows-1252, are re-encoded (rare, so slow is fine).
   */
  private key(s: CsvScanner, i: number): Uint8Array {
    this.span(s, i);
    return this.keyIn(s, i);
  }

  /** key() when a, b already hold value i's trimmed range. */
  private keyIn(s: CsvScanner, i: number): Uint8Array {
    if (s.escaped[i] === 0 && (s.encoding === 'utf-8' || isAscii(s.bytes, this.a, this.b))) return s.bytes;
    const v = ENCODER.encode(s.value(i).trim());
    this.a = 0;
    this.b = v.length;
    return v;
  }

  private row(s: CsvScanner, col: Int32Array, line: number): void {
    // The trimmed range of every required value, found once; an empty one is a problem.
    const t = s.bytes;
    const { starts, ends } = s;
    let empty = 0;
    for (let c = 0; c < col.length; c++) {
      const a = skipSpace(t, starts[col[c]], ends[col[c]]);
      const b = trimEnd(t, a, ends[col[c]]);
      this.spanA[c] = a;
      this.spanB[c] = b;
      if (a < b) continue;
      this.report(line, REQUIRED_COLUMNS[c], 'empty value');
      empty++;
    }
    // Every value is checked even when another is wrong, so one pass finds every problem.
    const day = this.day(s, line);
    const field = this.field(s, line);
    const centi = this.centi(s, line);
    if (empty > 0 || day === INVALID || field < 0 || centi === INVALID) return;

    // Duplicates and corrections are looked for once the whole file is read (see end()).
    const k = this.ids.size;
    this.a = this.spanA[ID];
    this.b = this.spanB[ID];
    const id = this.keyIn(s, col[ID]);
    this.ids.push(id, this.a, this.b);
    if (k === this.lines.length) this.lines = growInt32(this.lines, Math.max(1024, 2 * k));
    this.lines[k] = line;
    if (this.keepRows) {
      if (k === this.credits.length) {
        this.credits = growInt32(this.credits, Math.max(1024, 2 * k));
        this.days = growInt32(this.days, Math.max(1024, 2 * k));
      }
      this.credits[k] = centi;
      this.days[k] = day;
    }
    this.total += centi;
    const cell = (day - this.startDay) * this.fields + field;
    this.cellCredits[cell] += centi;
    this.cellCount[cell]++;

    if (this.learners) {
      const learner = this.key(s, this.learnerColumn);
      if (this.a === this.b) this.blankLearners++;
      else this.learners.add(learner, this.a, this.b, field);
    }
    if (this.completions) this.keepCompletion(s, col, day, field, centi);
  }

  /** Keeps the row as a Completion object (only asked for on small data: tests). */
  private keepCompletion(s: CsvScanner, col: Int32Array, day: number, field: number, credits: Centi): void {
    const { partnerId, fieldCodes } = this.ctx;
    const completion = { id: this.text(s, col[ID]), partnerId, completedOn: isoOfDay(day), courseCode: this.text(s, col[COURSE]), fieldCode: fieldCodes[field], credits };
    this.completions!.push(completion);
  }

  /** Returns the day number of the completion date, or INVALID after reporting why (an empty one is reported already). */
  private day(s: CsvScanner, line: number): number {
    const a = this.spanA[DATE];
    const b = this.spanB[DATE];
    if (a === b) return INVALID;
    const day = parseDayAt(s.bytes, a, b);
    if (day === INVALID) this.report(line, 'completed_on', `not a date (YYYY-MM-DD or d.m.yyyy) or no such day: ${quote(this.text(s, this.columns![DATE]))}`);
    else if (day > this.snapDay) this.report(line, 'completed_on', `${isoOfDay(day)} is after the snapshot date ${this.ctx.snapshotDate}`);
    else if (day < this.startDay) this.report(line, 'completed_on', `${isoOfDay(day)} is before the programme start ${this.ctx.programmeStart}`);
    else return day;
    return INVALID;
  }

  /** Returns the index of the field code in programme.json, or -1 after reporting why. */
  private field(s: CsvScanner, line: number): number {
    const a = this.spanA[FIELD];
    const b = this.spanB[FIELD];
    if (a === b) return -1;
    const code = parseUintAt(s.bytes, a, b);
    const field = code < 0 ? -1 : code < this.fieldIndex.length ? this.fieldIndex[code] : (this.largeFields.get(code) ?? -1);
    if (field < 0) this.report(line, 'field_code', `not a field code listed in programme.json: ${quote(this.text(s, this.columns![FIELD]))}`);
    return field;
  }

  /** Returns the credits in hundredths, or INVALID after reporting why. */
  private centi(s: CsvScanner, line: number): Centi {
    const a = this.spanA[CREDITS];
    const b = this.spanB[CREDITS];
    if (a === b) return INVALID;
    const centi = parseCentiAt(s.bytes, a, b);
    if (centi > 0 && centi <= MAX_CREDITS_PER_COMPLETION) return centi;
    const v = this.text(s, this.columns![CREDITS]);
    if (centi > MAX_CREDITS_PER_COMPLETION) this.report(line, 'credits', `implausibly large (over 60) for one completion: ${quote(v)}`);
    else if (centi === 0 || /^-\d/.test(v) || /^0+([.,]0*)?$/.test(v)) this.report(line, 'credits', `must be greater than 0: ${quote(v)}`);
    else this.report(line, 'credits', `not a number with at most two decimals: ${quote(v)}`);
    return INVALID;
  }

  /** Returns the non-empty day × field cells, by day then field. */
  private cells(): DayCell[] {
    const out: DayCell[] = [];
    let day = -1;
    let iso = '';
    for (let cell = 0; cell < this.cellCount.length; cell++) {
      if (this.cellCount[cell] === 0) continue;
      const f = cell % this.fields;
      if (day !== (cell - f) / this.fields) {
        day = (cell - f) / this.fields;
        iso = isoOfDay(this.startDay + day);
      }
      out.push({
        partnerId: this.ctx.partnerId,
        completedOn: iso,
        fieldCode: this.ctx.fieldCodes[f],
        credits: this.cellCredits[cell],
        completions: this.cellCount[cell],
      });
    }
    return out;
  }
}

/** Returns true when t[a, b) is ASCII, and so the same bytes in Windows-1252 and UTF-8. */
function isAscii(t: Uint8Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (t[i] >= 0x80) return false;
  return true;
}
