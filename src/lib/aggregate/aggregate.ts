import { ascending, rollup, sum } from 'd3-array';
import { centiToNumber, type Centi } from '../credits.ts';
import { monthOf, monthRange } from '../dates.ts';
import { suppressSmall, type LearnerCount } from '../contract/small-numbers.ts';
import type { LearnerCounts } from './learner-counts.ts';
import type { Programme } from '../contract/programme.ts';
import type { Resolved } from './resolve-snapshots.ts';

/** What sums need of a completion or a day cell (a day cell stands for `completions` of them). */
type Dated = { completedOn: string; credits: Centi };
/** A day cell, or a month's totals standing on one day of it (`monthly`). */
type Placed = Dated & { monthly?: true };

interface MonthTotal {
  month: string;
  credits: number;
  cumulativeCredits: number;
}

interface MonthlyCell {
  month: string;
  partner: string;
  fieldCode: number;
  credits: number;
  completions: number;
}

export interface Aggregates {
  programme: string;
  asOf: string;
  demo: boolean;
  targetCredits: number;
  totalCredits: number;
  /** Total as a percentage of the target, to one decimal. */
  percentOfTarget: number;
  completions: number;
  /**
   * Date of the completion that first took the cumulative total to the target, or null: null too
   * when monthly totals stand behind that month, and the day is not known (see targetReachedMonth).
   */
  targetReachedOn: string | null;
  /** The month (YYYY-MM) the cumulative total first reached the target, or null: exact from totals too. */
  targetReachedMonth: string | null;
  /** The partners whose newest export is monthly totals: their learners, and so the total's and the fields', are not known. */
  totalsPartners: string[];
  /**
   * Distinct learners over the current truth, counts below 5 published as "<5"; null when some
   * partner's newest export has no learner_id column, or is monthly totals (which carry no learners;
   * per partner: when that partner's has none).
   */
  learners: LearnerCount | null;
  partners: { id: string; credits: number; completions: number; learners: LearnerCount | null; lastSnapshot: string | null }[];
  fields: { code: number; credits: number; completions: number; learners: LearnerCount | null }[];
  /** Every month from the period start to the as-of month. */
  cumulative: MonthTotal[];
  /** Every non-empty month × partner × field, sorted. */
  monthly: MonthlyCell[];
  /** Total as reported at each snapshot date. */
  snapshots: { date: string; reportedCredits: number }[];
}

/** Credits and completions of a group of cells. */
type CentiSums = { credits: Centi; completions: number };
/** A month × partner × field cell, credits still in hundredths. */
type MonthFieldSums = CentiSums & { month: string; partner: string; fieldCode: number };

const credits = (cs: readonly { credits: Centi }[]): Centi => sum(cs, (c) => c.credits);
const count = (cs: readonly CentiSums[]): number => sum(cs, (c) => c.completions);
const totals = (g: readonly CentiSums[]): CentiSums => ({ credits: credits(g), completions: count(g) });
const published = (n: number | null | undefined): LearnerCount | null => (n === null || n === undefined ? null : suppressSmall(n));

/** Returns the date on which the running total of completions first reaches `target` hundredths. */
export function targetReachedOn(completions: readonly Dated[], target: Centi): string | null {
  const byDate = [...rollup(completions, credits, (c) => c.completedOn)].sort((a, b) => ascending(a[0], b[0]));
  let running = 0;
  for (const [date, c] of byDate) {
    running += c;
    if (running >= target) return date;
  }
  return null;
}

/**
 * Returns the day and the month on which the running total first reaches `target` hundredths. A
 * month's totals stand on one day of it, which is not the day they were earned: the month is
 * exact all the same (every earlier month is summed whole before it), but the day is given only
 * when no monthly totals fall in that month (its days are then all known), else null.
 */
export function targetReached(cells: readonly Placed[], target: Centi): { on: string | null; month: string | null } {
  const on = targetReachedOn(cells, target);
  if (on === null) return { on: null, month: null };
  const month = monthOf(on);
  const byMonth = cells.some((c) => c.monthly === true && monthOf(c.completedOn) === month);
  return { on: byMonth ? null : on, month };
}

/** Returns the month-by-month totals and running total from `first` to `last` month. */
export function cumulativeByMonth(completions: readonly Dated[], first: string, last: string): MonthTotal[] {
  return runningTotals(rollup(completions, credits, (c) => monthOf(c.completedOn)), first, last);
}

function runningTotals(byMonth: Map<string, Centi>, first: string, last: string): MonthTotal[] {
  let running = 0;
  return monthRange(first, last).map((month) => {
    const c = byMonth.get(month) ?? 0;
    running += c;
    return { month, credits: centiToNumber(c), cumulativeCredits: centiToNumber(running) };
  });
}

/**
 * Returns every aggregate the pages and the open data files show, from resolved snapshots and
 * (when known) the exact learner counts, which are published with small counts suppressed.
 */
export function aggregate(programme: Programme, resolved: Resolved, learners: LearnerCounts | null = null): Aggregates {
  const cs = resolved.current;
  const target = Math.round(programme.targetCredits * 100);
  // The day cells (days × partners × fields: tens of thousands at national scale) are summed once
  // into month cells (some hundred times fewer); every total but the target date comes from those.
  // A loop with one Map, not a three-level rollup: on 44 000 cells it takes a third of the time.
  const byKey = new Map<string, MonthFieldSums>();
  for (const c of cs) {
    const month = monthOf(c.completedOn);
    const key = `${month} ${c.partnerId} ${c.fieldCode}`;
    const cell = byKey.get(key);
    if (cell === undefined) byKey.set(key, { month, partner: c.partnerId, fieldCode: c.fieldCode, credits: c.credits, completions: c.completions });
    else {
      cell.credits += c.credits;
      cell.completions += c.completions;
    }
  }
  const months = [...byKey.values()];
  months.sort((a, b) => ascending(a.month, b.month) || ascending(a.partner, b.partner) || a.fieldCode - b.fieldCode);
  const monthly: MonthlyCell[] = months.map((c) => ({ ...c, credits: centiToNumber(c.credits) }));
  const total = credits(months);
  const byPartner = rollup(months, totals, (c) => c.partner);
  const byField = rollup(months, totals, (c) => c.fieldCode);
  const reached = targetReached(cs, target);

  return {
    programme: programme.id,
    asOf: resolved.asOf,
    demo: programme.demo,
    targetCredits: programme.targetCredits,
    totalCredits: centiToNumber(total),
    percentOfTarget: Math.round((total / target) * 1000) / 10,
    completions: count(months),
    targetReachedOn: reached.on,
    targetReachedMonth: reached.month,
    learners: published(learners?.total),
    totalsPartners: resolved.totalsPartners,
    partners: programme.partners.map((p) => ({
      id: p.id,
      credits: centiToNumber(byPartner.get(p.id)?.credits ?? 0),
      completions: byPartner.get(p.id)?.completions ?? 0,
      learners: published(learners?.byPartner.get(p.id)),
      lastSnapshot: resolved.lastSnapshot.get(p.id) ?? null,
    })),
    fields: programme.fields.map((f) => ({
      code: f.code,
      credits: centiToNumber(byField.get(f.code)?.credits ?? 0),
      completions: byField.get(f.code)?.completions ?? 0,
      learners: published(learners?.byField.get(f.code)),
    })),
    cumulative: runningTotals(rollup(months, credits, (c) => c.month), monthOf(programme.period.start), monthOf(resolved.asOf)),
    monthly,
    snapshots: resolved.reported.map((r) => ({ date: r.date, reportedCredits: centiToNumber(r.credits) })),
  };
}
