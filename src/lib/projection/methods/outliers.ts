import type { MonthCredits } from '../types.ts';
import { seasonFactors } from './local-trend.ts';
import { calendarMonth } from './seasonal-profile.ts';
import { clipToLine, weightedLine } from './weighted-line.ts';

/**
 * Returns the history with one-off high months pulled back toward the programme's usual pace, in the
 * spirit of tsclean() in Hyndman's forecast package (outliers found from the residuals of a seasonal
 * decomposition, and replaced): each month's credits over its season factor (seasonFactors()) give
 * its pace, a straight line is fitted to the paces of the whole history, and a month above the line
 * by more than 3 robust standard deviations keeps only the credits that put it at that distance
 * (clipToLine). Only high months: a backlog reported at once is a known event, and pulling a low
 * month up would add credits nobody reported (also, the backlog raises its calendar month's season
 * factor, so the same month of other years looks low). Every other month is returned as it was.
 */
export function cleanHistory(history: readonly MonthCredits[]): MonthCredits[] {
  if (history.length < 3) return [...history];
  const factors = seasonFactors(history);
  const season = history.map((m) => factors[calendarMonth(m.month)]);
  const points = history.map((m, t) => ({ t, y: season[t] > 0 ? m.credits / season[t] : 0, w: 1 }));
  const clipped = clipToLine(points, weightedLine(points));
  return history.map((m, t) => (clipped[t].y < points[t].y && season[t] > 0 ? { month: m.month, credits: clipped[t].y * season[t] } : m));
}
