/** Dates are plain ISO strings (YYYY-MM-DD) and months YYYY-MM: no time zones, no clocks. */
import { digitsAt } from './digits.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Returns the ISO date for `YYYY-MM-DD` or Finnish `d.m.yyyy`, or null when the text is not a
 * date or names a day that does not exist (2023-02-30, or year 0). It runs once a row of every
 * export, so it reads digits where a regular expression would build strings.
 */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const isIso = s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45;
  if (isIso) {
    [y, m, d] = [digitsAt(s, 0, 4), digitsAt(s, 5, 7), digitsAt(s, 8, 10)];
  } else {
    // d.m.yyyy: one or two digits, a dot, one or two digits, a dot, four digits.
    const dot1 = s.indexOf('.');
    const dot2 = s.indexOf('.', dot1 + 1);
    if (dot1 < 1 || dot1 > 2 || dot2 - dot1 < 2 || dot2 - dot1 > 3 || s.length - dot2 !== 5) return null;
    [d, m, y] = [digitsAt(s, 0, dot1), digitsAt(s, dot1 + 1, dot2), digitsAt(s, dot2 + 1, s.length)];
  }
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  // An ISO date is its own answer: no string is built a row.
  return isIso ? s : iso(y, m, d);
}

/** Returns true when the text is already a valid ISO date. */
export function isIsoDate(text: string): boolean {
  return ISO.test(text) && parseDate(text) === text;
}

/** Returns the month (YYYY-MM) of an ISO date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Returns the month after `month`. */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Returns the month before `month`. */
export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Returns every month from `first` to `last` inclusive (empty when last < first). */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) out.push(m);
  return out;
}

/** Returns the last day of a month, as an ISO date. */
export function endOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return iso(y, m, daysInMonth(y, m));
}

/**
 * Returns the number of days from 1970-01-01 to a valid ISO date (negative before it), in
 * integer arithmetic (Howard Hinnant's days_from_civil): day numbers index arrays of days.
 */
export function dayNumber(iso: string): number {
  const y0 = digitsAt(iso, 0, 4);
  const m = digitsAt(iso, 5, 7);
  const d = digitsAt(iso, 8, 10);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Returns the ISO date of a day number (see dayNumber). */
export function isoOfDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return iso(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}
