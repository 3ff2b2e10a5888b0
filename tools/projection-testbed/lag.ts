/**
 * Reporting lag on simulated programmes: what the raise for late registrations (src/lib/projection/
 * late.ts) gains where the truth is known. The programmes report in rounds at the end of every third
 * month counting back from the origin; a round's own month is reported at a random share of its
 * credits (the rest is registered later), every earlier month in full. Each programme is projected
 * three ways: from the figures as reported (the short month taken as it is), raised by the earlier
 * rounds' growth, and from the complete figures nobody has at the origin (the bound).
 */
import { endOfMonth } from '../../src/lib/dates.ts';
import { project } from '../../src/lib/projection/project.ts';
import type { MonthCredits, RoundMonth } from '../../src/lib/projection/types.ts';
import { createRandom } from '../demo/random.ts';
import type { SimulatedProgramme } from './generate.ts';

export const LAG_WAYS = ['as reported', 'raised', 'complete'] as const;
export type LagWay = (typeof LAG_WAYS)[number];

/** A programme as its rounds reported it at the origin. */
export interface Lagged {
  /** The history with the origin month at its reported share. */
  reported: MonthCredits[];
  /** Each earlier round's own month, oldest first: at its share then, in full now. */
  rounds: RoundMonth[];
}

/** Months between reporting rounds. */
const ROUND_MONTHS = 3;

/** Returns the programme's history as reported at the origin, each round's own month at a share drawn from `share`. */
export function withReportingLag(history: readonly MonthCredits[], share: () => number): Lagged {
  const last = history.length - 1;
  const rounds: RoundMonth[] = [];
  for (let i = last - ROUND_MONTHS; i >= 0; i -= ROUND_MONTHS) rounds.unshift({ month: history[i].month, then: history[i].credits * share(), now: history[i].credits });
  const reported = history.map((m, i) => (i === last ? { month: m.month, credits: m.credits * share() } : { ...m }));
  return { reported, rounds };
}

export interface LagRow {
  way: LagWay;
  programmes: number;
  /** Mean |projected − actual| over the credits still to come from the reported start, percent. */
  maePercent: number;
  /** Mean signed error, percent (negative: too low). */
  biasPercent: number;
  /** Share of programmes whose actual total fell inside the 80 % interval, percent. */
  coveragePercent: number;
}

/** Returns the three ways' figures over `programmes`, each round's month reported at a share uniform in `share` (seeded per programme). */
export function evaluateLag(programmes: readonly SimulatedProgramme[], share: readonly [number, number], seed: number): LagRow[] {
  const tally = new Map<LagWay, { abs: number; signed: number; covered: number; n: number }>(LAG_WAYS.map((w) => [w, { abs: 0, signed: 0, covered: 0, n: 0 }]));
  for (const p of programmes) {
    // Each programme's own draws, so that a regime's rows and the whole set's agree programme by programme.
    const { uniform } = createRandom(seed ^ idHash(p.id));
    const lagged = withReportingLag(p.history, () => uniform(share[0], share[1]));
    const total = [...p.history, ...p.future].reduce((s, m) => s + m.credits, 0);
    const start = lagged.reported.reduce((s, m) => s + m.credits, 0);
    const toCome = total - start;
    if (toCome <= 0) continue;
    const input = { origin: endOfMonth(p.history[p.history.length - 1].month), horizon: endOfMonth(p.future[p.future.length - 1].month) };
    const ways: Record<LagWay, ReturnType<typeof project>> = {
      'as reported': project({ ...input, monthly: lagged.reported }),
      raised: project({ ...input, monthly: lagged.reported, earlierRounds: lagged.rounds }),
      complete: project({ ...input, monthly: p.history }),
    };
    for (const way of LAG_WAYS) {
      const t = tally.get(way)!;
      const { central, low, high } = ways[way];
      t.abs += Math.abs(central - total) / toCome;
      t.signed += (central - total) / toCome;
      if (total >= low - 0.5 && total <= high + 0.5) t.covered += 1;
      t.n += 1;
    }
  }
  return LAG_WAYS.map((way) => {
    const t = tally.get(way)!;
    return { way, programmes: t.n, maePercent: round2((100 * t.abs) / t.n), biasPercent: round2((100 * t.signed) / t.n), coveragePercent: round2((100 * t.covered) / t.n) };
  });
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** FNV-1a of a programme's id: a seed of its own. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
