import { sameMonthLastYear, sumCredits, type Candidate } from '../candidate.ts';
import type { MonthCredits } from '../types.ts';

/** Months the year-on-year ratio compares: the latest half year, recent enough to see a turn. */
export const YOY_MONTHS = 6;

/**
 * Returns the recent year-on-year ratio: credits of the last `months` months over those of the same
 * months a year earlier (1 when the year before had none: no trend can be measured from nothing).
 */
export function yearOnYearRatio(history: readonly MonthCredits[], months = YOY_MONTHS): number {
  const n = history.length;
  const k = Math.min(months, n - 12);
  if (k <= 0) return 1;
  const before = sumCredits(history, n - 12 - k, n - 12);
  return before > 0 ? sumCredits(history, n - k, n) / before : 1;
}

/**
 * Seasonal naive scaled by the recent year-on-year ratio: each month ahead gets the same month a
 * year earlier times how much the last six months grew (or shrank) on the same months a year before.
 */
export const yoyScaled: Candidate = {
  id: 'yoy-scaled',
  minMonths: 12 + YOY_MONTHS,
  forecast: (history, months) => {
    const r = yearOnYearRatio(history);
    return months.map((_, i) => sameMonthLastYear(history, i + 1) * r);
  },
};
