import type { Centi } from '../../src/lib/credits.ts';

/** One course in a partner's catalogue. */
export interface Course {
  partnerId: string;
  /** E.g. `MET-ICT-012`. */
  code: string;
  name: string;
  fieldCode: number;
  /** Course size in hundredths of a credit; a completion earns exactly this. */
  credits: Centi;
  /** Relative number of learners who take it. */
  popularity: number;
}

/**
 * One completion's whole history in the partner's register: when it happened, when it was
 * registered (first appears in exports), and whether it was later withdrawn or corrected.
 */
export interface DemoCompletion {
  /** Creation order; breaks ties so that ids are assigned deterministically. */
  seq: number;
  /** Stable completion id, assigned once the set is final, e.g. `MET-000123`. */
  id: string;
  partnerId: string;
  learnerId: string;
  course: Course;
  /** The true completion date. */
  completedOn: string;
  /** Exports dated on or after this day include the completion (completedOn + 3…30 days). */
  registeredOn: string;
  /** Exports dated on or after this day no longer include it. */
  withdrawnOn?: string;
  /** Exports dated before `correctedOn` showed these wrong values; later ones the true values. */
  recordedWrong?: { correctedOn: string; credits?: Centi; completedOn?: string };
}

/** The export dates of one partner, one per snapshot round, ascending. */
export interface PartnerSchedule {
  partnerId: string;
  dates: string[];
}

/** True when the completion has no withdrawal or correction, so calibration may add or drop it. */
export function isPlain(c: DemoCompletion): boolean {
  return c.withdrawnOn === undefined && c.recordedWrong === undefined;
}

/** True when the partner's export dated `date` lists the completion. */
export function isListedOn(c: DemoCompletion, date: string): boolean {
  return c.registeredOn <= date && (c.withdrawnOn === undefined || date < c.withdrawnOn);
}
