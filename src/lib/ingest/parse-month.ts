/**
 * Returns the month (YYYY-MM) for `2023-10`, `10/2023` or `10.2023` (the month in one or two
 * digits), or null when the text is not such a month. The last two are how a Finnish
 * spreadsheet or register report writes a month.
 */
export function parseMonth(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{2})$/.exec(s);
  const local = iso ? null : /^(\d{1,2})[./](\d{4})$/.exec(s);
  const [y, m] = iso ? [iso[1], iso[2]] : local ? [local[2], local[1]] : ['', ''];
  const month = Number(m);
  if (y === '' || month < 1 || month > 12 || Number(y) < 1) return null;
  return `${y}-${String(month).padStart(2, '0')}`;
}
