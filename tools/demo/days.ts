/** Day arithmetic on ISO dates (YYYY-MM-DD), in UTC and without reading any clock. */

const MS_PER_DAY = 86_400_000;

/** Returns the number of days since 1970-01-01. */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

/** Returns the ISO date of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

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
