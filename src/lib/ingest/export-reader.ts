import type { Completion } from '../contract/completion.ts';
import { readHeader, REQUIRED_COLUMNS, writtenHeadings } from '../contract/export-header.ts';
import { quote, type ProblemReason } from '../contract/problems.ts';
import type { Centi } from '../credits.ts';
import { dayNumber, isoOfDayNumber } from '../dates.ts';
import type { DayCell } from '../contract/partner-export.ts';
import { fitsHeader, isBlankRow } from '../contract/values.ts';
import type { RowSink } from './csv-rows.ts';
import type { Encoding, ExportBytes } from './decode.ts';
import { correctionWarnings } from './change-warnings.ts';
import { changeCounts, compareCompletions } from './compare-exports.ts';
import { FileProblems, problemOf } from './file-problems.ts';
import { feedCsv, inEitherEncoding } from './read-csv.ts';
import type { ExportContext, ExportIndex, ExportRead } from './export-read.ts';
import { Learners } from './learners.ts';
import { CompletionValues, isRefusal } from './completion-values.ts';

const EMPTY: ProblemReason = { key: 'problem.empty' };

// Positions in REQUIRED_COLUMNS.
const [ID, DATE, COURSE, NAME, FIELD, CREDITS] = [0, 1, 2, 3, 4, 5];


/**
 * Returns what one export of completions holds, read as UTF-8 or, failing that, as Windows-1252
 * (see inEitherEncoding).
 */
export function readCompletions(open: () => ExportBytes, ctx: ExportContext): ExportRead {
  return inEitherEncoding(ctx.path, open, (encoding) => readIn(open, ctx, encoding));
}

/** Thrown when completion ids stop coming in order in an export read without keeping them. */
class IdsOutOfOrder extends Error {}

/**
 * Returns the export read in one encoding. An export compared with no other, whose ids come in
 * order, needs no id kept: none can repeat. Its ids are kept, and the file read again from the
 * start, only once they turn out not to be in order (so such a file is read one and a bit times).
 */
function readIn(open: () => ExportBytes, ctx: ExportContext, encoding: Encoding): ExportRead {
  const compared = ctx.keepForNext === true || ctx.previous != null;
  if (!compared) {
    try {
      return readAs(open(), ctx, encoding, false);
    } catch (e) {
      if (!(e instanceof IdsOutOfOrder)) throw e;
    }
  }
  return readAs(open(), ctx, encoding, true);
}

function readAs(bytes: ExportBytes, ctx: ExportContext, encoding: Encoding, keepIds: boolean): ExportRead {
  const reader = new ExportReader(ctx, keepIds);
  feedCsv(bytes, encoding, reader);
  return reader.end();
}

/**
 * Checks and sums one export row by row, as its text arrives: each row is validated and added to
 * day × field cells at once, so a large file needs memory for its ids (duplicates and corrections
 * need them) but not for its rows. Every problem is kept (capped per file); a file with problems
 * must not be used, and the loader refuses the whole data set.
 */
export class ExportReader implements RowSink {
  private readonly ctx: ExportContext;
  private readonly problems: FileProblems;
  private headerSeen = false;
  /** Rows after a readable header, blank ones not counted: none means the export lists nothing. */
  private rowsSeen = 0;
  private width = 0;
  /** Where each required column is, in REQUIRED_COLUMNS order; null when the header cannot be used. */
  private columns: number[] | null = null;
  private learnerColumn = -1;
  // Cell (day − programme start) × fields + field index: credits in hundredths, and completions.
  private readonly startDay: number;
  private readonly cellCredits: number[];
  private readonly cellCount: number[];
  private total: Centi = 0;
  private readonly index: ExportIndex;
  /** Keep every completion_id and its line (see readIn); else only the last, to see that they come in order. */
  private readonly keepIds: boolean;
  private lastId = '';
  private count = 0;
  /** Every completion_id so far, once they are out of order (see isRepeat). */
  private seen: Set<string> | null = null;
  // Only kept when this export is compared with an older or a newer one.
  private readonly keepRows: boolean;
  private learners: Learners | null = null;
  private readonly learnersAsked: boolean;
  /** The learner_id column is there and asked for: its blanks are counted (and its ids, unless ctx.learnerIds is false). */
  private learnerColumnRead = false;
  private blankLearners = 0;
  private readonly completions: Completion[] | null;
  /** Each distinct date, field code and credits text judged once. */
  private readonly values: CompletionValues;

  constructor(ctx: ExportContext, keepIds = true) {
    this.ctx = ctx;
    this.keepIds = keepIds;
    this.problems = new FileProblems(ctx.path, ctx.sheet, ctx.problemCap);
    this.values = new CompletionValues(ctx.programmeStart, ctx.snapshotDate, ctx.fieldCodes);
    this.startDay = dayNumber(ctx.programmeStart);
    const cells = Math.max(0, dayNumber(ctx.snapshotDate) - this.startDay + 1) * ctx.fieldCodes.length;
    this.cellCredits = new Array<number>(cells).fill(0);
    this.cellCount = new Array<number>(cells).fill(0);
    this.index = { path: ctx.path, ...(ctx.sheet === undefined ? {} : { sheet: ctx.sheet }), ids: [], lines: [], credits: [], days: [] };
    this.keepRows = ctx.keepForNext === true || ctx.previous != null;
    this.learnersAsked = ctx.learners === true;
    this.completions = ctx.keepCompletions ? [] : null;
  }

  /** Returns what the file holds, once all of it has been read. */
  end(): ExportRead {
    const { partnerId, snapshotDate: date, path } = this.ctx;
    const problems = this.problems.end(!this.headerSeen ? { key: 'problem.emptyCompletions' } : this.columns !== null && this.rowsSeen === 0 ? { key: 'problem.noCompletions' } : null);
    const previous = this.ctx.previous;
    const diff = previous ? compareCompletions(previous, this.index) : null;
    const warnings = diff && previous ? correctionWarnings(diff, { path: this.index.path, sheet: this.index.sheet }, previous.path) : [];
    if (this.learnerColumnRead && this.blankLearners > 0) {
      const key = this.blankLearners === 1 ? 'warning.blankLearnersOne' : 'warning.blankLearnersMany';
      warnings.push(problemOf(path, undefined, 'learner_id', { key, params: { n: this.blankLearners } }));
    }
    return {
      export: { date, partnerId, credits: this.total, count: this.count, cells: this.cells(), ...(diff ? { change: changeCounts(diff) } : {}) },
      problems,
      warnings,
      index: this.index,
      learners: this.blankLearners === 0 ? this.learners : null,
      completions: this.completions,
    };
  }

  row(values: string[], line: number): void {
    if (isBlankRow(values)) return;
    if (!this.headerSeen) return this.header(values, line);
    if (this.columns === null) return; // without the required columns no row can be read
    this.rowsSeen++;
    if (!fitsHeader(values, this.width)) return this.report(line, undefined, { key: 'problem.width', params: { values: values.length, width: this.width } });
    this.completion(values, this.columns, line);
  }

  problem(line: number, reason: ProblemReason): void {
    this.headerSeen = true;
    this.rowsSeen++;
    this.report(line, undefined, reason);
  }

  private report(line: number | undefined, column: string | undefined, reason: ProblemReason): void {
    this.problems.add(line, column, reason);
  }

  private header(values: string[], line: number): void {
    this.headerSeen = true;
    this.width = values.length;
    const header = readHeader(values);
    this.problems.useHeadings(writtenHeadings(values));
    for (const p of header.problems) this.report(line, p.column, p.reason);
    this.columns = header.required;
    this.learnerColumn = header.learner;
    this.learnerColumnRead = this.learnerColumn >= 0 && this.learnersAsked;
    if (this.learnerColumnRead && this.ctx.learnerIds !== false) this.learners = new Learners();
  }

  private completion(values: string[], col: number[], line: number): void {
    // The six values as locals, not an array a row: a row's own work is a good part of the check's.
    const id = values[col[ID]].trim();
    const dateText = values[col[DATE]].trim();
    const course = values[col[COURSE]].trim();
    const name = values[col[NAME]].trim();
    const fieldText = values[col[FIELD]].trim();
    const creditText = values[col[CREDITS]].trim();
    let empty = false;
    if (id === '' || dateText === '' || course === '' || name === '' || fieldText === '' || creditText === '') {
      [id, dateText, course, name, fieldText, creditText].forEach((v, c) => v === '' && this.report(line, REQUIRED_COLUMNS[c], EMPTY));
      empty = true;
    }
    // Every value is checked even when another is wrong, so one pass finds every problem.
    const day = dateText === '' ? null : this.accepted(this.values.day(dateText), line, 'completed_on');
    const field = fieldText === '' ? null : this.accepted(this.values.field(fieldText), line, 'field_code');
    const centi = creditText === '' ? null : this.accepted(this.values.credit(creditText), line, 'credits');
    if (empty || day === null || field === null || centi === null) return;

    if (!this.keepIds) {
      if (this.count > 0 && !(id > this.lastId)) throw new IdsOutOfOrder();
      this.lastId = id;
    } else if (this.isRepeat(id)) {
      const { ids, lines } = this.index;
      this.report(line, 'completion_id', { key: 'problem.duplicateId', params: { id: quote(id), first: lines[ids.indexOf(id)] } });
      return;
    } else {
      this.index.ids.push(id);
      this.index.lines.push(line);
    }
    this.count++;
    if (this.keepRows) {
      this.index.credits.push(centi);
      this.index.days.push(day.iso);
    }
    this.total += centi;
    const cell = day.offset * this.ctx.fieldCodes.length + field;
    this.cellCredits[cell] += centi;
    this.cellCount[cell]++;

    if (this.learnerColumnRead) {
      const learner = values[this.learnerColumn].trim();
      if (learner === '') this.blankLearners++;
      else this.learners?.add(learner, field);
    }
    if (this.completions) {
      this.completions.push({ id, partnerId: this.ctx.partnerId, completedOn: day.iso, courseCode: course, fieldCode: this.ctx.fieldCodes[field], credits: centi });
    }
  }

  /**
   * Returns true when an earlier row has this completion_id. While every id sorts after the one
   * before it (a register's export, numbered as completions come) no id can repeat, so the set
   * that finds a repeat is made only once the order breaks: adding every id to a set was over
   * half of the pipeline's own time on a million rows (npm run bench).
   */
  private isRepeat(id: string): boolean {
    const ids = this.index.ids;
    if (this.seen === null) {
      if (ids.length === 0 || id > ids[ids.length - 1]) return false;
      this.seen = new Set(ids);
    }
    return this.seen.size === this.seen.add(id).size;
  }

  /** Returns the value a verdict accepts, or null after reporting why it refuses it. */
  private accepted<T>(verdict: T | ProblemReason, line: number, column: string): T | null {
    if (!isRefusal(verdict)) return verdict;
    this.report(line, column, verdict);
    return null;
  }

  /** Returns the non-empty day × field cells, by day then field. */
  private cells(): DayCell[] {
    const { partnerId, fieldCodes } = this.ctx;
    const out: DayCell[] = [];
    for (let cell = 0; cell < this.cellCount.length; cell++) {
      if (this.cellCount[cell] === 0) continue;
      const f = cell % fieldCodes.length;
      const completedOn = isoOfDayNumber(this.startDay + (cell - f) / fieldCodes.length);
      out.push({ partnerId, completedOn, fieldCode: fieldCodes[f], credits: this.cellCredits[cell], completions: this.cellCount[cell] });
    }
    return out;
  }
}
