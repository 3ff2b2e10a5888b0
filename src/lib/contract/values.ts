import type { Centi } from '../credits.ts';
import { digitsAt } from '../digits.ts';

/**
 * What a number in an export is, each limit written once: parseCredits and parseWholeNumber read
 * by them, and value-rules.ts says with them what a completion's date, field code and credits
 * are. The readers (completions and monthly totals, CSV and workbook) and `npm run aggregate`
 * (which hands DuckDB's distinct texts to value-rules.ts) all judge a value with that code, so no
 * rule has a second copy to drift.
 */

/** Credits: up to this many digits before the point or comma (999 999 is far above any total a row holds). */
const CREDIT_WHOLE_DIGITS = 6;
/** Credits: at most this many decimals (hundredths are what the sums are kept in). */
const CREDIT_DECIMALS = 2;
/** A credit above this, in hundredths, in one completion is a typing error, not a course (60 op is a whole year). */
export const MAX_CREDITS_PER_COMPLETION = 6000;
/** A field code or a count of completions: a whole number of at most this many digits, no sign, no point. */
const WHOLE_NUMBER_DIGITS = 9;

/**
 * What is trimmed from around every value: what String.prototype.trim removes (ECMAScript
 * WhiteSpace and LineTerminator), as code point ranges, so that another engine trims alike.
 */
export const TRIMMED: readonly (readonly [number, number])[] = [
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029],
  [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];

/**
 * Returns the credits in hundredths for `5`, `2.5` or `2,5` (one to CREDIT_WHOLE_DIGITS digits, then
 * at most CREDIT_DECIMALS decimals after a point or a comma), or null when not such a number. It runs
 * once a row, so it reads digits where a regular expression would build strings.
 */
export function parseCredits(text: string): Centi | null {
  const s = text.trim();
  const point = s.indexOf('.');
  const sep = point >= 0 ? point : s.indexOf(',');
  const whole = digitsAt(s, 0, sep < 0 ? s.length : sep);
  if (whole < 0 || (sep < 0 ? s.length : sep) > CREDIT_WHOLE_DIGITS) return null;
  if (sep < 0) return whole * 100;
  const decimals = s.length - sep - 1;
  const frac = digitsAt(s, sep + 1, s.length);
  if (frac < 0 || decimals > CREDIT_DECIMALS) return null;
  return whole * 100 + frac * 10 ** (CREDIT_DECIMALS - decimals);
}

/** Returns the whole number (0 up) that `text` writes in at most WHOLE_NUMBER_DIGITS ASCII digits, or -1. */
export function parseWholeNumber(text: string): number {
  if (text.length === 0 || text.length > WHOLE_NUMBER_DIGITS) return -1;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Whether a row of an export is blank, and skipped wherever it is: every value empty once trimmed.
 * A spreadsheet saves a row whose cells were once used as delimiters only (`;;;;;;`); a workbook's
 * reader skips such a row too, and `npm run aggregate` by the same rule (contract_blank in aggregate.sql).
 */
export function isBlankRow(values: readonly string[]): boolean {
  return values.every((v) => v.trim() === '');
}

/**
 * Whether a row has the header's width. Values past it that are empty (delimiters at the end of
 * the line, as some programs write every row) are no values: DuckDB's CSV reader reads such a row
 * so too, and `npm run aggregate` must accept exactly what the build accepts. A value of spaces
 * there is a value.
 */
export function fitsHeader(values: readonly string[], width: number): boolean {
  return values.length === width || (values.length > width && values.slice(width).every((v) => v === ''));
}

/**
 * Whether refused credits are a number with its unit after it (`5 op`, `2,5 sp`, `5 ECTS`): the
 * number alone would do, and the message says so. The unit is never read as part of a value.
 */
export function isCreditsWithUnit(text: string): boolean {
  const m = /^(.*?)\s*(op|sp|ects|cr|credits?|opintopistettä|studiepoäng)\.?$/i.exec(text.trim());
  return m !== null && m[1] !== '' && parseCredits(m[1]) !== null;
}

/** Returns every character of TRIMMED, for an engine that trims by a list of characters (DuckDB's trim). */
export function trimmedCharacters(): string {
  let out = '';
  for (const [a, b] of TRIMMED) for (let c = a; c <= b; c++) out += String.fromCodePoint(c);
  return out;
}
