import type { Centi } from '../credits.ts';
import { parseDate } from '../dates.ts';
import { MAX_CREDITS_PER_COMPLETION, parseCredits, parseWholeNumber } from './values.ts';

/**
 * What a completion's values are, as every path reads them: the export readers (CSV and
 * workbook) and npm run aggregate. Each takes the text as the file holds it (surrounding
 * TRIMMED characters allowed) and returns null when the contract refuses it; the readers then
 * say why, and the aggregate counts the rows.
 */

/** A time of day after a date, as databases and spreadsheets write a date-time: ` 00:00:00`, `T13:30`, ` 9:05:00.000`. */
const TIME_OF_DAY = /^(.+?)(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?$/;

/**
 * Returns the ISO date of a completion's `completed_on` (YYYY-MM-DD or d.m.yyyy, a day that
 * exists, with or without a time of day after it), or null. A workbook's date-time cell gives its
 * day, so a CSV's date-time text does too; the time must be one (23:59:59 at most).
 */
export function completionDay(text: string): string | null {
  const s = text.trim();
  const withTime = TIME_OF_DAY.exec(s);
  if (withTime === null) return parseDate(s);
  const [, day, hours, minutes, seconds = '0'] = withTime;
  return Number(hours) < 24 && Number(minutes) < 60 && Number(seconds) < 60 ? parseDate(day) : null;
}

/** Returns the field code of `field_code` when programme.json lists it (`codes`), or null. */
export function fieldCodeOf(text: string, codes: ReadonlySet<number>): number | null {
  const code = parseWholeNumber(text.trim());
  return codes.has(code) ? code : null;
}

/**
 * Returns a programme's field codes as a person reads them in a message: runs joined by a dash
 * (`1–12`, `1–3, 5, 7–9`), so that a refused code says which ones would do.
 */
export function fieldCodeList(codes: Iterable<number>): string {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}` : b === a + 1 ? `${a}, ${b}` : `${a}–${b}`)).join(', ');
}

/** Returns one completion's credits in hundredths (over 0, at most MAX_CREDITS_PER_COMPLETION), or null. */
export function completionCredits(text: string): Centi | null {
  const centi = parseCredits(text);
  return centi !== null && centi > 0 && centi <= MAX_CREDITS_PER_COMPLETION ? centi : null;
}
