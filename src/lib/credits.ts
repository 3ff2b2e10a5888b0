import { CREDIT_DECIMALS, CREDIT_WHOLE_DIGITS } from './contract/values.ts';
import { digitsAt } from './digits.ts';

/**
 * Credits are held as whole hundredths ("centicredits") so that sums are exact:
 * 0.1 + 0.2 credits is 10 + 20 = 30 hundredths, printed as 0.3.
 */
export type Centi = number;

/**
 * Returns the credits in hundredths for `5`, `2.5` or `2,5` (one to CREDIT_WHOLE_DIGITS digits, then
 * at most CREDIT_DECIMALS decimals after a point or a comma), or null when not such a number. It runs
 * once a row, so it reads digits where the contract's pattern (valuePatterns) would build strings.
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

/** Returns hundredths as a plain machine-readable number: 893700 → 8937, 250 → 2.5. */
export function centiToNumber(c: Centi): number {
  return c / 100;
}

/** Returns hundredths as a decimal-point string with no trailing zeros: 250 → "2.5". */
export function centiToString(c: Centi): string {
  const sign = c < 0 ? '-' : '';
  const a = Math.abs(c);
  const whole = Math.floor(a / 100);
  const frac = a % 100;
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}
