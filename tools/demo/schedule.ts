import { addDays } from './days.ts';
import type { Random } from './random.ts';
import type { PartnerSchedule } from './types.ts';

/**
 * Returns each partner's export dates: one per round, up to three days before the round date,
 * as partners export on slightly different days. In the last round every partner but one
 * exports on the round date itself and that one exports three days early, so the as-of date is
 * the last round date and at least one partner's newest export is older than it.
 */
export function buildSchedule(partnerIds: readonly string[], rounds: readonly string[], rng: Random): PartnerSchedule[] {
  const late = rng.pick(partnerIds);
  return partnerIds.map((partnerId) => ({
    partnerId,
    dates: rounds.map((round, i) => {
      const last = i === rounds.length - 1;
      const early = last ? (partnerId === late && partnerIds.length > 1 ? 3 : 0) : rng.int(0, 3);
      return addDays(round, -early);
    }),
  }));
}
