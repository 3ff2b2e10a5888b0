/** Day arithmetic on ISO dates (YYYY-MM-DD), in UTC and without reading any clock. */
import { dayNumber, isoOfDayNumber as isoOfDay } from '../../src/lib/dates.ts';

export { dayNumber, isoOfDay };

const MS_PER_DAY = 86_400_000;

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** Returns 0 for Sunday … 6 for Saturday. */
export function weekday(iso: string): number {
  return new Date(dayNumber(iso) * MS_PER_DAY).getUTCDay();
}

/** Returns every date from `first` to `last`, both included. */
export function dateRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = dayNumber(first); d <= dayNumber(last); d++) out.push(isoOfDay(d));
  return out;
}
