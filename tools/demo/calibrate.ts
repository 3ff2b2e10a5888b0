import type { Centi } from '../../src/lib/credits.ts';
import type { CompletionFactory } from './factory.ts';
import type { Random } from './random.ts';
import { isListedOn, isPlain, type Course, type DemoCompletion } from './types.ts';

export interface CalibrationGoal {
  /** Exact total of every partner's newest export, in hundredths. */
  total: Centi;
  /** Running total that must first be reached in `finalMonth`, in hundredths. */
  target: Centi;
  /** Month of the as-of date, YYYY-MM. */
  finalMonth: string;
  /** Each field needs at least this many completions in the newest exports. */
  minPerField: number;
  fieldCodes: readonly number[];
}

export interface CalibrationContext {
  factory: CompletionFactory;
  rng: Random;
  /** Date of each partner's newest export. */
  finalDate: ReadonlyMap<string, string>;
  /** Months before the final month, with their share of completions. */
  earlierMonths: readonly { month: string; share: number }[];
  /** Picks a course as the generator would, among those that pass `accept`. */
  pickCourse(accept: (c: Course) => boolean): Course;
}

/** Before the final month the running total stays this far (hundredths) below the target. */
const BELOW_TARGET = { most: 40_000, least: 10_000 };
/** The final month is first trimmed to at least this much below what it needs, then filled exactly. */
const FILL_ROOM = 1_000;

/**
 * Returns the pool with plain completions added or removed so that the newest exports hold
 * exactly `goal.total` credits and the running total first reaches `goal.target` in the final
 * month. Deterministic for a given pool and random stream; never touches revised completions.
 */
export function calibrate(pool: readonly DemoCompletion[], goal: CalibrationGoal, ctx: CalibrationContext): {
  pool: DemoCompletion[];
  added: number;
  removed: number;
} {
  const { factory, rng } = ctx;
  const monthStart = `${goal.finalMonth}-01`;
  const visible = (c: DemoCompletion) => isListedOn(c, ctx.finalDate.get(c.partnerId)!);
  const all = [...pool];
  const dropped = new Set<DemoCompletion>();
  let added = 0;
  const fieldCount = new Map<number, number>();
  for (const c of all) if (visible(c)) fieldCount.set(c.course.fieldCode, (fieldCount.get(c.course.fieldCode) ?? 0) + 1);

  const add = (course: Course, month: string): DemoCompletion => {
    const c = factory.make(course, month, { registeredBy: ctx.finalDate.get(course.partnerId) });
    if (!c) throw new Error(`no day in ${month} lets ${course.code} be registered by the last export`);
    all.push(c);
    added++;
    fieldCount.set(course.fieldCode, (fieldCount.get(course.fieldCode) ?? 0) + 1);
    return c;
  };
  const earlierMonth = () => rng.weighted(ctx.earlierMonths, (m) => m.share).month;
  const removable = (inFinalMonth: boolean) =>
    rng.shuffle(
      all.filter((c) => isPlain(c) && visible(c) && !dropped.has(c) && (c.completedOn >= monthStart) === inFinalMonth),
    );

  // Every field shows up, however small.
  for (const field of goal.fieldCodes) {
    while ((fieldCount.get(field) ?? 0) < goal.minPerField) add(ctx.pickCourse((c) => c.fieldCode === field), earlierMonth());
  }

  // Before the final month: a running total comfortably below the target.
  const creditsOf = (inFinalMonth: boolean) =>
    all.reduce((s, c) => (visible(c) && !dropped.has(c) && (c.completedOn >= monthStart) === inFinalMonth ? s + c.course.credits : s), 0);
  let before = creditsOf(false);
  const removeFrom = (inFinalMonth: boolean, keepAbove: number, current: number): number => {
    const candidates = removable(inFinalMonth);
    while (current > keepAbove) {
      const c = candidates.pop();
      if (!c) throw new Error('calibration ran out of completions to remove');
      if (!inFinalMonth && fieldCount.get(c.course.fieldCode)! <= goal.minPerField) continue;
      dropped.add(c);
      fieldCount.set(c.course.fieldCode, fieldCount.get(c.course.fieldCode)! - 1);
      current -= c.course.credits;
    }
    return current;
  };
  before = removeFrom(false, goal.target - BELOW_TARGET.least, before);
  while (before < goal.target - BELOW_TARGET.most) before += add(ctx.pickCourse(() => true), earlierMonth()).course.credits;

  // The final month: trim, then fill the exact gap with courses whose sizes fit it.
  const need = goal.total - before;
  let gap = need - removeFrom(true, need - FILL_ROOM, creditsOf(true));
  while (gap > 0) {
    const half = gap % 100 !== 0;
    const fits = (c: Course) => c.credits <= gap && (half ? c.credits % 100 !== 0 : c.credits % 100 === 0);
    gap -= add(ctx.pickCourse(fits), goal.finalMonth).course.credits;
  }
  if (gap !== 0) throw new Error(`calibration overshot the total by ${-gap} hundredths`);

  return { pool: all.filter((c) => !dropped.has(c)), added, removed: dropped.size };
}
