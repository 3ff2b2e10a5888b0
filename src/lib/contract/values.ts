/**
 * What a value of an export is, each rule written once. The readers (completions and monthly
 * totals, CSV and workbook) parse with parseCredits, parseDate and parseWholeNumber, which are
 * built on the limits below; `npm run aggregate` hands DuckDB the patterns of valuePatterns, made
 * from the same limits, so that both accept the same text (tests/unit/contract-values.test.ts
 * holds the parsers to the patterns; tests/build/aggregate-differential.test.ts both paths).
 */

/** Credits: up to this many digits before the point or comma (999 999 is far above any total a row holds). */
export const CREDIT_WHOLE_DIGITS = 6;
/** Credits: at most this many decimals (hundredths are what the sums are kept in). */
export const CREDIT_DECIMALS = 2;
/** A credit above this, in hundredths, in one completion is a typing error, not a course (60 op is a whole year). */
export const MAX_CREDITS_PER_COMPLETION = 6000;
/** A field code or a count of completions: a whole number of at most this many digits, no sign, no point. */
export const WHOLE_NUMBER_DIGITS = 9;

/**
 * What is trimmed from around every value: what String.prototype.trim removes (ECMAScript
 * WhiteSpace and LineTerminator), as code point ranges, so that another engine trims alike.
 */
export const TRIMMED: readonly (readonly [number, number])[] = [
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029],
  [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];

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

/** The value patterns, unanchored and untrimmed; each has one capturing group: the value itself. */
export interface ValuePatterns {
  credits: string;
  wholeNumber: string;
  isoDate: string;
  finnishDate: string;
  /** Any text (a completion id), its surrounding TRIMMED characters left out of the group. */
  trimmed: string;
  /** Only TRIMMED characters, or nothing: an empty value. */
  blank: string;
}

/**
 * Returns the contract's patterns in a regular-expression dialect: `js` (a RegExp with the `u`
 * flag) or `re2` (DuckDB's regexp_* functions). Each matches a whole value with the characters
 * that are trimmed around it and captures the value as the readers see it.
 */
export function valuePatterns(dialect: 'js' | 're2'): ValuePatterns {
  const cp = (n: number) => (dialect === 'js' ? `\\u{${n.toString(16)}}` : `\\x{${n.toString(16)}}`);
  const ws = `[${TRIMMED.map(([a, b]) => (a === b ? cp(a) : `${cp(a)}-${cp(b)}`)).join('')}]`;
  const whole = (p: string) => `^${ws}*(${p})${ws}*$`;
  const d = '[0-9]';
  return {
    credits: whole(`${d}{1,${CREDIT_WHOLE_DIGITS}}(?:[.,]${d}{1,${CREDIT_DECIMALS}})?`),
    wholeNumber: whole(`${d}{1,${WHOLE_NUMBER_DIGITS}}`),
    isoDate: whole(`${d}{4}-${d}{2}-${d}{2}`),
    finnishDate: whole(`${d}{1,2}\\.${d}{1,2}\\.${d}{4}`),
    // [\s\S] rather than `.`: an id may hold a line end (a quoted value), which `.` skips.
    trimmed: `^${ws}*([\\s\\S]*?)${ws}*$`,
    blank: `^${ws}*$`,
  };
}
