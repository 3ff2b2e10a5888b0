/**
 * Reads numbers and dates straight from a range of a CSV file's bytes, without making a string per
 * cell: at national scale (millions of rows) the cells that only need checking and summing are
 * parsed from byte values (digits, '.', ',' and '-' are the same bytes in UTF-8 and Windows-1252),
 * and a string is made only for the few values that are quoted in a message. Each function
 * accepts exactly what its string-based twin in credits.ts / dates.ts accepts.
 */
import type { Centi } from '../credits.ts';

/** A range's value is not a valid date / number. */
export const INVALID = -1;

const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * Returns the first index in [a, b) that is not a space (b when there is none). Spaces are ASCII
 * white space and the no-break space spreadsheets like to leave: C2 A0 in UTF-8, A0 in Windows-1252
 * (a lone A0 cannot start a UTF-8 value, so reading it as Windows-1252 is safe).
 */
export function skipSpace(t: Uint8Array, a: number, b: number): number {
  while (a < b) {
    const c = t[a];
    if (isAsciiSpace(c) || c === 0xa0) a++;
    else if (c === 0xc2 && a + 1 < b && t[a + 1] === 0xa0) a += 2;
    else break;
  }
  return a;
}

/** Returns the index after the last non-space byte in [a, b) (a when there is none); see skipSpace. */
export function trimEnd(t: Uint8Array, a: number, b: number): number {
  while (b > a) {
    const c = t[b - 1];
    if (isAsciiSpace(c)) b--;
    // A0 after a byte above 7F is the end of a UTF-8 character such as "à" (C3 A0): keep it.
    else if (c === 0xa0 && b - 2 >= a && t[b - 2] === 0xc2) b -= 2;
    else if (c === 0xa0 && (b - 2 < a || t[b - 2] < 0x80)) b--;
    else break;
  }
  return b;
}

const digit = (c: number): number => c - 48;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Returns credits in hundredths for `5`, `2.5` or `2,5` in the trimmed range [a, b), or INVALID
 * when it is not such a number. Values above 60 credits still parse, to be refused by the caller
 * with a message that says why.
 */
export function parseCentiAt(t: Uint8Array, a: number, b: number): Centi {
  let i = a;
  let whole = 0;
  while (i < b && isDigit(t[i])) {
    whole = whole * 10 + digit(t[i]);
    i++;
  }
  // One to six digits before the separator, as parseCredits: more is no credit count at all.
  if (i === a || i - a > 6) return INVALID;
  if (i === b) return whole * 100;
  const sep = t[i];
  if (sep !== 46 && sep !== 44) return INVALID;
  i++;
  if (b - i < 1 || b - i > 2) return INVALID;
  const d1 = t[i];
  if (!isDigit(d1)) return INVALID;
  let frac = digit(d1) * 10;
  if (b - i === 2) {
    const d2 = t[i + 1];
    if (!isDigit(d2)) return INVALID;
    frac += digit(d2);
  }
  return whole * 100 + frac;
}

/** Returns the non-negative whole number written with digits only in [a, b), or INVALID. */
export function parseUintAt(t: Uint8Array, a: number, b: number): number {
  if (a === b || b - a > 9) return INVALID;
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = t[i];
    if (!isDigit(c)) return INVALID;
    n = n * 10 + digit(c);
  }
  return n;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Returns a day number (days since 0000-03-01) for a real calendar day of year 1 or later, or
 * INVALID. Day numbers compare like dates and index arrays of days directly.
 */
export function dayNumber(y: number, m: number, d: number): number {
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return INVALID;
  // Howard Hinnant's days_from_civil for years ≥ 0, in integer arithmetic (it runs once a row).
  const yy = m <= 2 ? y - 1 : y;
  const doy = (((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) | 0) + d - 1;
  return yy * 365 + (yy >> 2) - ((yy / 100) | 0) + ((yy / 400) | 0) + doy;
}

/** Returns the ISO date of a day number. */
export function isoOfDay(n: number): string {
  const era = Math.floor(n / 146097);
  const doe = n - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Returns the day number of an ISO date known to be valid (from programme.json or a folder name). */
export function dayOfIso(iso: string): number {
  return dayNumber(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** Returns the day number for `YYYY-MM-DD` or Finnish `d.m.yyyy` in the trimmed range [a, b), or INVALID. */
export function parseDayAt(t: Uint8Array, a: number, b: number): number {
  if (b - a === 10 && t[a + 4] === 45 && t[a + 7] === 45) {
    const y = parseUintAt(t, a, a + 4);
    const m = parseUintAt(t, a + 5, a + 7);
    const d = parseUintAt(t, a + 8, a + 10);
    return y < 0 || m < 0 || d < 0 ? INVALID : dayNumber(y, m, d);
  }
  // d.m.yyyy: one or two digits, a dot, one or two digits, a dot, four digits.
  let dot1 = a;
  while (dot1 < b && t[dot1] !== 46) dot1++;
  let dot2 = dot1 + 1;
  while (dot2 < b && t[dot2] !== 46) dot2++;
  if (dot2 >= b || dot1 - a > 2 || dot2 - dot1 - 1 > 2 || b - dot2 - 1 !== 4) return INVALID;
  const d = parseUintAt(t, a, dot1);
  const m = parseUintAt(t, dot1 + 1, dot2);
  const y = parseUintAt(t, dot2 + 1, b);
  return y < 0 || m < 0 || d < 0 ? INVALID : dayNumber(y, m, d);
}
