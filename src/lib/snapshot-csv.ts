import Papa from 'papaparse';
import type { Completion } from './completion.ts';
import { parseCredits } from './credits.ts';
import { detectDialect, stripBom } from './csv-dialect.ts';
import { parseDate } from './dates.ts';
import { quote, type Problem } from './problems.ts';

export const REQUIRED_COLUMNS = ['completion_id', 'completed_on', 'course_code', 'course_name', 'field_code', 'credits'] as const;
export const OPTIONAL_COLUMNS = ['learner_id'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number];

/** A credit above this in one completion is a typing error, not a course (60 op is a whole year). */
export const MAX_CREDITS_PER_COMPLETION = 6000;
/** Problems reported per file before the rest are only counted. */
export const PROBLEM_CAP = 20;

export interface SnapshotContext {
  /** Path shown in messages, as the user would type it. */
  path: string;
  partnerId: string;
  snapshotDate: string;
  programmeStart: string;
  fieldCodes: ReadonlySet<number>;
}

export interface SnapshotRead {
  completions: Completion[];
  problems: Problem[];
}

/**
 * Returns the completions of one partner export and every problem found in it (capped per file,
 * with a final line counting the rest). Lines are numbered as an editor numbers them.
 */
export function readSnapshotCsv(rawText: string, ctx: SnapshotContext): SnapshotRead {
  const text = stripBom(rawText);
  const problems: Problem[] = [];
  let hidden = 0;
  const report = (line: number | undefined, column: string | undefined, reason: string) => {
    if (problems.length < PROBLEM_CAP) problems.push({ path: ctx.path, line, column, reason });
    else hidden++;
  };
  const finish = (completions: Completion[]): SnapshotRead => {
    if (hidden > 0) problems.push({ path: ctx.path, reason: `and ${hidden} more problems in this file` });
    return { completions: problems.length > 0 ? [] : completions, problems };
  };

  if (text.trim() === '') {
    report(undefined, undefined, 'empty file: expected a header row and completions');
    return finish([]);
  }

  const dialect = detectDialect(text);
  const completions: Completion[] = [];
  const seenIds = new Map<string, number>();
  let index: Record<Column, number> | null = null;
  let headerSeen = false;
  let headerWidth = 0;
  let line = 1;
  let cursor = 0;

  Papa.parse<string[]>(text, {
    delimiter: dialect.delimiter,
    newline: dialect.newline,
    quoteChar: '"',
    step: (result) => {
      const startLine = line;
      const end = result.meta.cursor;
      for (let i = cursor; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      cursor = end;
      const record = result.data;
      for (const e of result.errors) {
        if (e.code === 'MissingQuotes') report(startLine, undefined, 'unterminated quoted field: a " opens a value that never closes');
        else if (e.code !== 'UndetectableDelimiter') report(startLine, undefined, e.message);
      }
      if (result.errors.some((e) => e.code === 'MissingQuotes')) return;

      if (!headerSeen) {
        headerSeen = true;
        headerWidth = record.length;
        index = headerIndex(record, (col) => report(1, col, 'missing required column'));
        return;
      }
      // Without the required columns no row can be read; the header problem says it all.
      if (index === null) return;
      if (record.length === 1 && record[0].trim() === '') return; // a blank line
      if (record.length !== headerWidth) {
        report(startLine, undefined, `row has ${record.length} values but the header has ${headerWidth}`);
        return;
      }
      const c = readRow(record, index, startLine, ctx, report);
      if (!c) return;
      const first = seenIds.get(c.id);
      if (first !== undefined) {
        report(startLine, 'completion_id', `duplicate completion_id ${quote(c.id)} (first on line ${first})`);
        return;
      }
      seenIds.set(c.id, startLine);
      completions.push(c);
    },
  });

  return finish(completions);
}

function headerIndex(header: string[], missing: (column: string) => void): Record<Column, number> | null {
  const names = header.map((h) => h.trim().toLowerCase());
  const index = {} as Record<Column, number>;
  let ok = true;
  for (const col of REQUIRED_COLUMNS) {
    const i = names.indexOf(col);
    if (i < 0) {
      missing(col);
      ok = false;
    }
    index[col] = i;
  }
  return ok ? index : null;
}

function readRow(
  record: string[],
  index: Record<Column, number>,
  line: number,
  ctx: SnapshotContext,
  report: (line: number, column: string, reason: string) => void,
): Completion | null {
  let ok = true;
  const fail = (column: string, reason: string) => {
    report(line, column, reason);
    ok = false;
  };
  const value = (col: Column): string => {
    const v = (record[index[col]] ?? '').trim();
    if (v === '') fail(col, 'empty value');
    return v;
  };

  const id = value('completion_id');
  const dateText = value('completed_on');
  const courseCode = value('course_code');
  value('course_name');
  const fieldText = value('field_code');
  const creditsText = value('credits');

  let completedOn = '';
  if (dateText) {
    const d = parseDate(dateText);
    if (d === null) fail('completed_on', `not a date (YYYY-MM-DD or d.m.yyyy) or no such day: ${quote(dateText)}`);
    else if (d > ctx.snapshotDate) fail('completed_on', `${d} is after the snapshot date ${ctx.snapshotDate}`);
    else if (d < ctx.programmeStart) fail('completed_on', `${d} is before the programme start ${ctx.programmeStart}`);
    else completedOn = d;
  }

  let fieldCode = 0;
  if (fieldText) {
    fieldCode = /^\d+$/.test(fieldText) ? Number(fieldText) : NaN;
    if (!ctx.fieldCodes.has(fieldCode)) fail('field_code', `not a field code listed in programme.json: ${quote(fieldText)}`);
  }

  let credits = 0;
  if (creditsText) {
    const c = parseCredits(creditsText);
    if (c === null) {
      if (/^-\d/.test(creditsText) || /^0+([.,]0*)?$/.test(creditsText)) fail('credits', `must be greater than 0: ${quote(creditsText)}`);
      else fail('credits', `not a number with at most two decimals: ${quote(creditsText)}`);
    } else if (c <= 0) fail('credits', `must be greater than 0: ${quote(creditsText)}`);
    else if (c > MAX_CREDITS_PER_COMPLETION) fail('credits', `implausibly large (over 60) for one completion: ${quote(creditsText)}`);
    else credits = c;
  }

  if (!ok) return null;
  return { id, partnerId: ctx.partnerId, completedOn, courseCode, fieldCode, credits };
}
