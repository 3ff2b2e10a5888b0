import { sumCredits, type Candidate } from '../candidate.ts';
import { calendarMonth, seasonalIndex, YEAR } from './seasonal-profile.ts';

/**
 * Seasonal share (the method used before the candidates were compared): each calendar month's
 * average share of a year's credits times the credits of the last 12 months. No trend is extended.
 */
export const seasonalShare: Candidate = {
  id: 'seasonal-share',
  minMonths: YEAR,
  forecast: (history, months) => {
    const index = seasonalIndex(history);
    const level = sumCredits(history, history.length - YEAR, history.length);
    return months.map((m) => level * index[calendarMonth(m)]);
  },
};
