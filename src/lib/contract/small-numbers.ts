/**
 * A published learner count: a number from 5 up, or "<5". Fewer than five people could be told
 * apart (and a count of 1 in a field is a person), so small counts are only published as "<5";
 * 0 stays 0, as it says nothing about anyone and the completions beside it are 0 too.
 */
export type LearnerCount = number | '<5';

/** Below this, a count of people is published as "<5". */
const SMALL_COUNT = 5;

/** Returns the count as it may be published. */
export function suppressSmall(n: number): LearnerCount {
  return n > 0 && n < SMALL_COUNT ? '<5' : n;
}
