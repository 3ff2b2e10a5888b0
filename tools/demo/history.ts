import { monthOf, monthRange } from '../../src/lib/dates.ts';
import type { CompletionFactory } from './factory.ts';
import { MONTH_WEIGHTS, rampFactor, type PartnerProfile } from './profile.ts';
import type { Random } from './random.ts';
import type { Course, DemoCompletion } from './types.ts';

export interface HistoryPlan {
  partners: readonly { id: string; profile: PartnerProfile }[];
  catalogue: readonly Course[];
  /** First and last possible completion date. */
  start: string;
  end: string;
  /** Credits (hundredths) to spread over the months; calibration makes the total exact later. */
  budget: number;
}

/** Returns each month's share of all completions: seasonal weight × the programme's ramp-up. */
export function monthShares(start: string, end: string): { month: string; share: number }[] {
  const months = monthRange(monthOf(start), monthOf(end));
  const weights = months.map((m, i) => MONTH_WEIGHTS[Number(m.slice(5, 7)) - 1] * rampFactor(i));
  const total = weights.reduce((a, b) => a + b, 0);
  return months.map((month, i) => ({ month, share: weights[i] / total }));
}

/** Returns the weight of each of a partner's courses: its field's weight split by popularity. */
export function courseWeights(courses: readonly Course[], profile: PartnerProfile): Map<Course, number> {
  const popularityByField = new Map<number, number>();
  for (const c of courses) popularityByField.set(c.fieldCode, (popularityByField.get(c.fieldCode) ?? 0) + c.popularity);
  return new Map(courses.map((c) => [c, (profile.fields[c.fieldCode] * c.popularity) / popularityByField.get(c.fieldCode)!]));
}

/**
 * Returns completions month by month until each partner's share of each month's credit budget
 * is used up, in creation order.
 */
export function generateHistory(plan: HistoryPlan, factory: CompletionFactory, rng: Random): DemoCompletion[] {
  const shareSum = plan.partners.reduce((s, p) => s + p.profile.share, 0);
  const out: DemoCompletion[] = [];
  const byPartner = plan.partners.map((p) => {
    const courses = plan.catalogue.filter((c) => c.partnerId === p.id);
    const weights = courseWeights(courses, p.profile);
    return { ...p, courses, weight: (c: Course) => weights.get(c)! };
  });
  for (const { month, share } of monthShares(plan.start, plan.end)) {
    for (const p of byPartner) {
      // A little noise per month and partner, so partners' curves are not scaled copies.
      const budget = plan.budget * share * (p.profile.share / shareSum) * (0.85 + 0.3 * rng.next());
      let used = 0;
      while (used < budget) {
        const c = factory.make(rng.weighted(p.courses, p.weight), month);
        if (!c) break;
        out.push(c);
        used += c.course.credits;
      }
    }
  }
  return out;
}
