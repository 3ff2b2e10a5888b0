import type { Programme } from '../contract/programme.ts';
import { Learners } from '../ingest/learners.ts';

/** Exact distinct-learner counts over the current truth; null where some export has no learner ids. */
export interface LearnerCounts {
  total: number | null;
  byPartner: Map<string, number | null>;
  byField: Map<number, number | null>;
}

/**
 * Returns the distinct learners in each partner's newest export (`newest`: partner → its
 * learners, or null when that export has no learner ids), in all and per field. Learners are
 * counted across partners, so one person studying at two universities counts once in the total.
 */
export function countLearners(programme: Programme, newest: ReadonlyMap<string, Learners | null>): LearnerCounts {
  const all = [...newest.values()];
  const byPartner = new Map(programme.partners.map((p) => [p.id, newest.get(p.id)?.size ?? null]));
  if (all.length === 0 || all.some((l) => l === null)) {
    return { total: null, byPartner, byField: new Map(programme.fields.map((f) => [f.code, null])) };
  }
  const together = new Learners();
  for (const l of all as Learners[]) together.merge(l);
  return { total: together.size, byPartner, byField: new Map(programme.fields.map((f, i) => [f.code, together.inField(i)])) };
}
