import { sameMonthLastYear, type Candidate } from '../candidate.ts';

/**
 * Seasonal naive (FPP 5.2): each month ahead gets what the same calendar month had a year earlier.
 * The benchmark every other method must beat; it follows no trend and repeats last year's noise.
 */
export const seasonalNaive: Candidate = {
  id: 'seasonal-naive',
  minMonths: 12,
  forecast: (history, months) => months.map((_, i) => sameMonthLastYear(history, i + 1)),
};
