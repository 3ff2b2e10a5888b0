/**
 * Credits are held as whole hundredths ("centicredits") so that sums are exact:
 * 0.1 + 0.2 credits is 10 + 20 = 30 hundredths, printed as 0.3.
 */
export type Centi = number;

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
