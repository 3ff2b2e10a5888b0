import { readTotalsHeader, TOTALS_COLUMNS, writtenHeadings } from '../contract/export-header.ts';
import { quote, type ProblemReason } from '../contract/problems.ts';
import { fieldCodeList, fieldCodeOf } from '../contract/value-rules.ts';
import { fitsHeader, isBlankRow, isCreditsWithUnit, MAX_CREDITS_PER_COMPLETION, parseCredits, parseWholeNumber } from '../contract/values.ts';
import { centiToString, type Centi } from '../credits.ts';
import { endOfMonth, monthOf } from '../dates.ts';
import type { DayCell } from '../contract/partner-export.ts';
import type { RowSink } from './csv-rows.ts';
import type { ExportBytes } from './decode.ts';
import type { ExportContext, ExportRead } from './export-read.ts';
import { FileProblems } from './file-problems.ts';
import { parseMonth } from './parse-month.ts';
import { feedCsv, inEitherEncoding } from './read-csv.ts';
import { monthFieldKey } from './compare-exports.ts';

// Positions in TOTALS_COLUMNS.
const [MONTH, FIELD, CREDITS, COUNT] = [0, 1, 2, 3];

/** Returns what one monthly-totals CSV export holds (UTF-8 or Windows-1252, every CSV dialect). */
export function readTotals(open: () => ExportBytes, ctx: ExportContext): ExportRead {
  return inEitherEncoding(ctx.path, open, (encoding) => {
    const reader = new TotalsReader(ctx);
    feedCsv(open(), encoding, reader);
    return reader.end();
  });
}

/**
 * Returns the day a month's totals are placed on: its last day, or the snapshot date in the
 * snapshot's own month (the totals of a month not yet over are known only up to that day), so
 * that no cell lies after its export's date. Which day it is changes no published figure but
 * the date the target was reached, which a month of totals cannot tell (see targetReached).
 */
function dayOfMonthTotals(month: string, snapshotDate: string): string {
  return month === monthOf(snapshotDate) ? snapshotDate : endOfMonth(month);
}

/**
 * Checks and sums one monthly-totals export row by row: one row a month × field with its credits
 * and completions. Each row becomes one day cell marked `monthly`. Problems as the completions
 * reader reports them (capped per file).
 */
export class TotalsReader implements RowSink {
  private readonly ctx: ExportContext;
  private readonly problems: FileProblems;
  private readonly fieldIndex: Map<number, number>;
  private readonly fieldCodes: ReadonlySet<number>;
  private readonly firstMonth: string;
  private readonly lastMonth: string;
  private headerSeen = false;
  /** Rows after a readable header, blank ones not counted: none means the export lists nothing. */
  private rowsSeen = 0;
  private width = 0;
  private columns: number[] | null = null;
  /** The line of each month × field row, by monthFieldKey: a repeat names the first. */
  private readonly lines = new Map<string, number>();
  private readonly cells: DayCell[] = [];
  private total: Centi = 0;
  private count = 0;

  constructor(ctx: ExportContext) {
    this.ctx = ctx;
    this.problems = new FileProblems(ctx.path, ctx.sheet, ctx.problemCap);
    this.fieldIndex = new Map(ctx.fieldCodes.map((code, i) => [code, i]));
    this.fieldCodes = new Set(ctx.fieldCodes);
    this.firstMonth = monthOf(ctx.programmeStart);
    this.lastMonth = monthOf(ctx.snapshotDate);
  }

  /** Returns what the file holds, once all of it has been read. */
  end(): ExportRead {
    const { partnerId, snapshotDate: date, path, sheet, fieldCodes } = this.ctx;
    const order = (c: DayCell) => fieldCodes.indexOf(c.fieldCode);
    const cells = [...this.cells].sort((a, b) => (a.completedOn < b.completedOn ? -1 : a.completedOn > b.completedOn ? 1 : order(a) - order(b)));
    const index = { path, ...(sheet === undefined ? {} : { sheet }), ids: [...this.lines.keys()], lines: [...this.lines.values()], credits: [], days: [] };
    return {
      export: { date, partnerId, credits: this.total, count: this.count, cells, kind: 'totals' },
      problems: this.problems.end(!this.headerSeen ? { key: 'problem.emptyTotals' } : this.columns !== null && this.rowsSeen === 0 ? { key: 'problem.noTotals' } : null),
      warnings: [],
      index,
      learners: null,
      completions: null,
      lines: this.lines,
    };
  }

  row(values: string[], line: number): void {
    if (isBlankRow(values)) return;
    if (!this.headerSeen) return this.header(values, line);
    if (this.columns === null) return;
    this.rowsSeen++;
    if (!fitsHeader(values, this.width)) return this.problems.add(line, undefined, { key: 'problem.width', params: { values: values.length, width: this.width } });
    this.totals(this.columns.map((c) => values[c].trim()), line);
  }

  problem(line: number, reason: ProblemReason): void {
    this.headerSeen = true;
    this.rowsSeen++;
    this.problems.add(line, undefined, reason);
  }

  private header(values: string[], line: number): void {
    this.headerSeen = true;
    this.width = values.length;
    const header = readTotalsHeader(values);
    this.problems.useHeadings(writtenHeadings(values));
    for (const p of header.problems) this.problems.add(line, p.column, p.reason);
    this.columns = header.required;
  }

  private totals(v: string[], line: number): void {
    let empty = 0;
    v.forEach((value, c) => {
      if (value !== '') return;
      this.problems.add(line, TOTALS_COLUMNS[c], { key: 'problem.empty' });
      empty++;
    });
    // Every value is checked even when another is wrong, so one pass finds every problem.
    const month = v[MONTH] === '' ? null : this.month(v[MONTH], line);
    const field = v[FIELD] === '' ? -1 : this.field(v[FIELD], line);
    const centi = v[CREDITS] === '' ? null : this.centi(v[CREDITS], line);
    const completions = v[COUNT] === '' ? null : this.completions(v[COUNT], line);
    if (empty > 0 || month === null || field < 0 || centi === null || completions === null) return;
    if (centi > completions * MAX_CREDITS_PER_COMPLETION) {
      return this.problems.add(line, 'credits', { key: 'problem.overPerCompletion', params: { credits: v[CREDITS], n: completions, max: centiToString(MAX_CREDITS_PER_COMPLETION) } });
    }
    const fieldCode = this.ctx.fieldCodes[field];
    const key = monthFieldKey(month, fieldCode);
    const first = this.lines.get(key);
    if (first !== undefined) return this.problems.add(line, 'month', { key: 'problem.monthTwice', params: { month, field: fieldCode, first } });
    this.lines.set(key, line);
    this.total += centi;
    this.count += completions;
    const completedOn = dayOfMonthTotals(month, this.ctx.snapshotDate);
    this.cells.push({ partnerId: this.ctx.partnerId, completedOn, fieldCode, credits: centi, completions, monthly: true });
  }

  private month(text: string, line: number): string | null {
    const month = parseMonth(text);
    if (month === null) this.problems.add(line, 'month', { key: 'problem.notMonth', params: { value: quote(text) } });
    else if (month < this.firstMonth) this.problems.add(line, 'month', { key: 'problem.beforeStart', params: { when: month, start: this.ctx.programmeStart } });
    else if (month > this.lastMonth) this.problems.add(line, 'month', { key: 'problem.monthAfterSnapshot', params: { month, snapshot: this.ctx.snapshotDate } });
    else return month;
    return null;
  }

  private field(text: string, line: number): number {
    const code = fieldCodeOf(text, this.fieldCodes);
    const field = code === null ? -1 : this.fieldIndex.get(code)!;
    if (field < 0) this.problems.add(line, 'field_code', { key: 'problem.notField', params: { value: quote(text), codes: fieldCodeList(this.fieldCodes) } });
    return field;
  }

  private centi(text: string, line: number): Centi | null {
    const centi = parseCredits(text);
    if (centi !== null && centi > 0) return centi;
    const value = quote(text);
    if (centi === 0 || /^-\d/.test(text)) this.problems.add(line, 'credits', { key: 'problem.notPositive', params: { value } });
    else this.problems.add(line, 'credits', { key: isCreditsWithUnit(text) ? 'problem.creditsUnit' : 'problem.notNumber', params: { value } });
    return null;
  }

  private completions(text: string, line: number): number | null {
    const n = parseWholeNumber(text);
    if (n >= 1) return n;
    this.problems.add(line, 'completions', { key: 'problem.notCount', params: { value: quote(text) } });
    return null;
  }
}
