import type { Centi } from '../credits.ts';

/** One accepted course completion, as published aggregates need it (no learner, no course name). */
export interface Completion {
  id: string;
  partnerId: string;
  /** ISO date. */
  completedOn: string;
  courseCode: string;
  fieldCode: number;
  credits: Centi;
}
