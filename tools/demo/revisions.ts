import type { Random } from './random.ts';
import { isPlain, type DemoCompletion, type PartnerSchedule } from './types.ts';

export interface RevisionCounts {
  /** Completions listed in some export and missing from the partner's later ones. */
  withdrawals: number;
  /** Completions first listed with wrong credits, corrected in a later export. */
  creditCorrections: number;
  /** Completions first listed with a wrong date (the registration day), corrected later. */
  dateCorrections: number;
}

/**
 * Marks a few completions as withdrawn or first recorded wrongly. Each is listed in at least one
 * export before the change, and the change shows from the partner's next export on. Only
 * completions before `before` (the calibration month) are touched.
 */
export function applyRevisions(
  pool: readonly DemoCompletion[],
  schedules: readonly PartnerSchedule[],
  counts: RevisionCounts,
  before: string,
  rng: Random,
): void {
  const datesOf = new Map(schedules.map((s) => [s.partnerId, s.dates]));
  /** Index of an export (not the last) listing `c`, and the next export's date. */
  const change = (c: DemoCompletion): { shownOn: string; changedOn: string } => {
    const dates = datesOf.get(c.partnerId)!;
    const first = dates.findIndex((d) => d >= c.registeredOn);
    const k = rng.int(first, dates.length - 2);
    return { shownOn: dates[k], changedOn: dates[k + 1] };
  };
  const candidates = rng.shuffle(
    pool.filter((c) => {
      const dates = datesOf.get(c.partnerId)!;
      return isPlain(c) && c.completedOn < before && c.registeredOn <= dates[dates.length - 2];
    }),
  );
  const take = (): DemoCompletion => {
    const c = candidates.pop();
    if (!c) throw new Error('too few completions to withdraw or correct');
    return c;
  };

  for (let i = 0; i < counts.withdrawals; i++) {
    const c = take();
    c.withdrawnOn = change(c).changedOn;
  }
  for (let i = 0; i < counts.creditCorrections; i++) {
    const c = take();
    const size = c.course.credits;
    const wrong = size <= 100 ? size + 100 : rng.chance(0.5) ? size - 100 : size + 100;
    c.recordedWrong = { correctedOn: change(c).changedOn, credits: wrong };
  }
  for (let i = 0; i < counts.dateCorrections; i++) {
    const c = take();
    c.recordedWrong = { correctedOn: change(c).changedOn, completedOn: c.registeredOn };
  }
}
