import { mean } from 'd3-array';
import type { Candidate } from '../candidate.ts';

/** Months the fallback averages: recent enough to reflect the current pace. */
const RECENT_MONTHS = 6;

/**
 * The short-history fallback: the mean of the last (up to) six months, the same for every month
 * ahead. It cannot see the season, so it is used only when no seasonal candidate can run.
 */
export const recentAverage: Candidate = {
  id: 'recent-average',
  minMonths: 1,
  forecast: (history, months) => {
    const recent = mean(history.slice(-RECENT_MONTHS), (m) => m.credits) ?? 0;
    return months.map(() => recent);
  },
};
