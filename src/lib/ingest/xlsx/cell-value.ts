/**
 * Excel's built-in number formats that show a date or a time (ECMA-376 Part 1, 18.8.30, and the
 * East Asian ones that Excel also writes as ids).
 */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * Returns true when a number format shows a date or a time: one of the built-in ids above, or a
 * format code with a day, month, year, hour or second in it once quoted text, escaped
 * characters and bracketed parts (colours, locales) are left out.
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILT_IN_DATES.has(id);
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare);
}

const DAY_MS = 86_400_000;

/**
 * Returns the moment (UTC) of an Excel date serial number. In the 1900 system day 1 is
 * 1900-01-01 and day 60 the 29 February 1900 that never was (Lotus 1-2-3's error, kept by Excel),
 * so serials from 61 on count from 1899-12-30; in the 1904 system day 0 is 1904-01-01.
 */
export function dateOfSerial(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : serial >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return new Date(epoch + Math.round(serial * DAY_MS));
}
