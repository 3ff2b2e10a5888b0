/**
 * Scores the projection on simulated programmes: for every candidate and for the chosen rule, the
 * mean absolute error of the credits still to come relative to the truth, its ratio to seasonal
 * naive's, the signed mean error (negative = under-projected) and how often the 80 % interval held
 * the truth. Pure: the bench prints what this returns, and a unit test pins it for one seed.
 */
import { endOfMonth } from '../../src/lib/dates.ts';
import { project } from '../../src/lib/projection/project.ts';
import type { SimulatedProgramme } from './generate.ts';

export const RULE = 'chosen rule';

export interface BenchRow {
  method: string;
  programmes: number;
  /** Mean of |projected − actual| / actual over the programmes, percent. */
  maePercent: number;
  /** maePercent over seasonal naive's on the same programmes. */
  ratioToSeasonalNaive: number;
  /** Mean of (projected − actual) / actual, percent. */
  biasPercent: number;
  /** Share of programmes whose actual total fell inside the published 80 % interval, percent. */
  coveragePercent: number;
  /** Mean width of that interval (high − low) relative to the credits actually still to come, percent. */
  widthPercent: number;
  /** For the rule: how often each method was chosen. */
  chosen?: Record<string, number>;
}

interface Tally {
  abs: number;
  signed: number;
  covered: number;
  width: number;
  n: number;
}

/** Returns one row per candidate and one for the chosen rule (last), over `programmes`. */
export function evaluate(programmes: readonly SimulatedProgramme[]): BenchRow[] {
  const tallies = new Map<string, Tally>();
  const chosen: Record<string, number> = {};
  const add = (method: string, start: number, central: number, low: number, high: number, truth: number) => {
    const t = tallies.get(method) ?? { abs: 0, signed: 0, covered: 0, width: 0, n: 0 };
    const e = (central - start - truth) / truth;
    t.abs += Math.abs(e);
    t.signed += e;
    // Published values are whole credits, so half a credit of rounding is not a miss.
    if (start + truth >= low - 0.5 && start + truth <= high + 0.5) t.covered += 1;
    t.width += (high - low) / truth;
    t.n += 1;
    tallies.set(method, t);
  };
  for (const p of programmes) {
    const truth = p.future.reduce((s, m) => s + m.credits, 0);
    if (truth <= 0) continue;
    const origin = endOfMonth(p.history[p.history.length - 1].month);
    const horizon = endOfMonth(p.future[p.future.length - 1].month);
    const proj = project({ monthly: p.history, origin, horizon });
    const start = p.history.reduce((s, m) => s + m.credits, 0);
    for (const c of proj.candidates) add(c.method, start, c.central, c.low, c.high, truth);
    add(RULE, start, proj.central, proj.low, proj.high, truth);
    chosen[proj.method] = (chosen[proj.method] ?? 0) + 1;
  }
  const naive = tallies.get('seasonal-naive');
  const naiveMae = naive ? naive.abs / naive.n : NaN;
  return [...tallies.entries()]
    .sort(([a], [b]) => (a === RULE ? 1 : b === RULE ? -1 : 0))
    .map(([method, t]) => ({
      method,
      programmes: t.n,
      maePercent: round2((100 * t.abs) / t.n),
      ratioToSeasonalNaive: round3(t.abs / t.n / naiveMae),
      biasPercent: round2((100 * t.signed) / t.n),
      coveragePercent: round2((100 * t.covered) / t.n),
      widthPercent: round2((100 * t.width) / t.n),
      ...(method === RULE ? { chosen } : {}),
    }));
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
