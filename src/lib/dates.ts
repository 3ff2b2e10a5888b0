/** Dates are plain ISO strings (YYYY-MM-DD) and months YYYY-MM: no time zones, no clocks. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const FINNISH = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Returns the ISO date for `YYYY-MM-DD` or Finnish `d.m.yyyy`, or null when the text is not a
 * date or names a day that does not exist (2023-02-30).
 */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const a = ISO.exec(s);
  if (a) {
    [y, m, d] = [Number(a[1]), Number(a[2]), Number(a[3])];
  } else {
    const b = FINNISH.exec(s);
    if (!b) return null;
    [d, m, y] = [Number(b[1]), Number(b[2]), Number(b[3])];
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return iso(y, m, d);
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
