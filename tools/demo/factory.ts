import { endOfMonth } from '../../src/lib/dates.ts';
import { addDays, dateRange, dayNumber, weekday } from './days.ts';
import { dayWeight } from './profile.ts';
import type { Random } from './random.ts';
import type { Course, DemoCompletion } from './types.ts';

/** Makes completions: picks learners (some take several courses), dates and registration lags. */
export interface CompletionFactory {
  /**
   * A completion of `course` on a day of `month` (and within `from`–`to`), registered 3–30 days
   * later but no later than `registeredBy`; null when no day fits.
   */
  make(course: Course, month: string, window?: { from?: string; to?: string; registeredBy?: string }): DemoCompletion | null;
}

export const MIN_LAG_DAYS = 3;
export const MAX_LAG_DAYS = 30;
/** Chance that a completion is by a learner not seen before at that partner. */
const NEW_LEARNER = 0.58;
/** No learner takes more courses than this in the demo. */
const MAX_PER_LEARNER = 10;

export function createFactory(rng: Random, earliest: string, latest: string): CompletionFactory {
  const usedIds = new Set<string>();
  const learnersByPartner = new Map<string, string[]>();
  const taken = new Set<string>();
  const perLearner = new Map<string, number>();
  let seq = 0;

  const newLearner = (): string => {
    let id: string;
    do id = `L-${rng.hex(6)}`;
    while (usedIds.has(id));
    usedIds.add(id);
    return id;
  };

  const learnerFor = (partnerId: string, courseCode: string): string => {
    const seen = learnersByPartner.get(partnerId) ?? [];
    learnersByPartner.set(partnerId, seen);
    // Drawing from past completions' learners favours those who already took several courses.
    for (let attempt = 0; attempt < 4 && seen.length > 0 && !rng.chance(NEW_LEARNER); attempt++) {
      const id = rng.pick(seen);
      if (!taken.has(`${id} ${courseCode}`) && (perLearner.get(id) ?? 0) < MAX_PER_LEARNER) return remember(seen, id, courseCode);
    }
    return remember(seen, newLearner(), courseCode);
  };

  const remember = (seen: string[], id: string, courseCode: string): string => {
    seen.push(id);
    perLearner.set(id, (perLearner.get(id) ?? 0) + 1);
    taken.add(`${id} ${courseCode}`);
    return id;
  };

  return {
    make(course, month, window = {}) {
      const lastDay = window.registeredBy ? addDays(window.registeredBy, -MIN_LAG_DAYS) : latest;
      const from = [earliest, `${month}-01`, window.from ?? earliest].reduce((a, b) => (a > b ? a : b));
      const to = [latest, endOfMonth(month), window.to ?? latest, lastDay].reduce((a, b) => (a < b ? a : b));
      if (from > to) return null;
      const days = dateRange(from, to);
      const completedOn = rng.weighted(days, (d) => dayWeight(d, weekday(d)));
      const room = window.registeredBy ? dayNumber(window.registeredBy) - dayNumber(completedOn) : MAX_LAG_DAYS;
      const maxLag = Math.min(MAX_LAG_DAYS, room);
      const lag = MIN_LAG_DAYS + Math.floor((maxLag - MIN_LAG_DAYS + 1) * rng.next() ** 1.6);
      return {
        seq: seq++,
        id: '',
        partnerId: course.partnerId,
        learnerId: learnerFor(course.partnerId, course.code),
        course,
        completedOn,
        registeredOn: addDays(completedOn, lag),
      };
    },
  };
}
