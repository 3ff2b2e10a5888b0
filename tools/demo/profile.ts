/**
 * The shape of the demonstration data: how big each partner is, which fields it teaches, how
 * large courses are and when in the year people finish them. All of it is assumption.
 */

export interface PartnerProfile {
  /** Prefix of completion ids and course codes, e.g. `MET`. */
  prefix: string;
  /** Relative size: its share of the programme's credits. */
  share: number;
  /** Number of courses in its catalogue. */
  courses: number;
  /** Relative weight of each OKM field (missing = not taught). */
  fields: Readonly<Record<number, number>>;
}

export const PARTNER_PROFILES: Readonly<Record<string, PartnerProfile>> = {
  'haaga-helia': {
    prefix: 'HH', share: 0.21, courses: 32,
    fields: { 5: 36, 7: 22, 12: 14, 1: 8, 3: 6, 11: 4, 4: 3, 2: 2, 8: 2, 6: 1 },
  },
  hamk: {
    prefix: 'HAMK', share: 0.17, courses: 30,
    fields: { 8: 24, 5: 18, 7: 18, 9: 9, 1: 9, 11: 8, 2: 3, 6: 2, 12: 2 },
  },
  laurea: {
    prefix: 'LAU', share: 0.18, courses: 30,
    fields: { 11: 28, 5: 22, 7: 16, 4: 14, 12: 8, 3: 4, 1: 3, 10: 1.5, 2: 1 },
  },
  metropolia: {
    prefix: 'MET', share: 0.3, courses: 44,
    fields: { 7: 30, 8: 18, 11: 16, 5: 10, 2: 5, 3: 4, 1: 3, 4: 3, 12: 3, 6: 2, 10: 1 },
  },
  xamk: {
    prefix: 'XAMK', share: 0.14, courses: 26,
    fields: { 8: 20, 11: 20, 5: 16, 7: 16, 9: 6, 12: 6, 2: 4, 4: 4, 6: 1.5, 3: 2 },
  },
};

/** Course sizes in hundredths of a credit and how often a course has that size. */
export const COURSE_SIZES: readonly { credits: number; weight: number }[] = [
  { credits: 500, weight: 63 },
  { credits: 1000, weight: 9 },
  { credits: 300, weight: 9 },
  { credits: 400, weight: 6 },
  { credits: 200, weight: 7 },
  { credits: 100, weight: 5 },
  { credits: 250, weight: 0.5 },
];

/** Relative completions per calendar month (index 0 = January): peaks at term ends, quiet July. */
export const MONTH_WEIGHTS: readonly number[] = [1.0, 0.6, 0.7, 0.7, 1.4, 1.1, 0.08, 0.25, 0.6, 0.8, 0.9, 1.5];

/** Growth of the programme: the first year ramps up from a slow start, later years run at full pace. */
export function rampFactor(monthsSinceStart: number): number {
  return monthsSinceStart < 9 ? 0.15 + 0.1 * monthsSinceStart : monthsSinceStart < 12 ? 1 : 1.15;
}

/** Relative completions on a day: weekends and the Christmas and midsummer holidays are quiet. */
export function dayWeight(iso: string, weekdayIndex: number): number {
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  let w = weekdayIndex === 0 || weekdayIndex === 6 ? 0.25 : 1;
  if (month === 12 && day >= 22) w *= day >= 24 ? 0.02 : 0.2;
  if (month === 1 && day <= 6) w *= 0.2;
  if (month === 6 && day >= 20) w *= 0.3;
  return w;
}
