import type { Candidate } from '../candidate.ts';
import { seasonalShare } from './seasonal-share.ts';
import { YOY_MONTHS, yearOnYearRatio } from './yoy-scaled.ts';

/** How much of the measured year-on-year growth is carried forward (as a power of the ratio). */
const DAMPING = 0.5;

/**
 * Seasonal share with a damped trend: the seasonal-share projection times the recent year-on-year
 * ratio raised to the power 0.5, so half the measured growth (in log terms) is carried forward.
 * A young programme's growth slows as it fills up; carrying all of it forward overshoots.
 */
export const dampedShare: Candidate = {
  id: 'damped-share',
  minMonths: 12 + YOY_MONTHS,
  forecast: (history, months) => {
    const factor = Math.pow(yearOnYearRatio(history), DAMPING);
    return seasonalShare.forecast(history, months).map((c) => c * factor);
  },
};
