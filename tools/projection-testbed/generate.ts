/**
 * Simulated programmes whose future is known, to try projection methods on (seeded, no clocks).
 * Each programme is monthly credits = size × trend(t) × season(calendar month) × noise, cut into a
 * history of 24–36 months and the 5–9 months that follow it (the "future" a method must project).
 * The trends are the four ways a funded programme runs: growing, steady, ramping up to a plateau,
 * winding down. Options let a bench vary the noise, the season's shape and the growth rates, so a
 * method is judged on more than the one world it was tuned on.
 */
import { monthRange } from '../../src/lib/dates.ts';
import type { MonthCredits } from '../../src/lib/projection/types.ts';
import { createRandom } from '../demo/random.ts';

/**
 * The four ways a funded programme runs, and three harder cases of them: a ramp-up that reaches its
 * plateau at the origin (a trend seen in the whole history stops just when the projection starts),
 * a steady programme with high noise, and a steady one with a one-off spike month in its history
 * (a backlog reported at once).
 */
export type ProgrammeKind = 'growing' | 'steady' | 'ramp-up' | 'winding-down' | 'plateau-at-origin' | 'noisy-steady' | 'spike';
export const KINDS: readonly ProgrammeKind[] = ['growing', 'steady', 'ramp-up', 'winding-down', 'plateau-at-origin', 'noisy-steady', 'spike'];

/** How much noisier a noisy-steady programme is than the noise range's upper end: up to 1.8 times. */
export const NOISY_STEADY = 1.8;
/** A spike month carries 2.5–5 times its expected credits. */
export const SPIKE: readonly [number, number] = [2.5, 5];

/** Academic-calendar shape, January first: term-end peaks in December and May–June, a quiet July. */
export const ACADEMIC_SEASON: readonly number[] = [1.0, 0.6, 0.7, 0.7, 1.4, 1.2, 0.08, 0.25, 0.6, 0.8, 0.9, 1.5];

export interface TestbedOptions {
  seed: number;
  count: number;
  /** Range of the monthly noise's log standard deviation (lognormal, mean 1). Default 0.08–0.3. */
  noise?: readonly [number, number];
  /** Range of the yearly growth factor of a growing programme. Default 1.15–1.8. */
  growth?: readonly [number, number];
  /** Range of the yearly decline factor of a programme winding down. Default 0.5–0.9. */
  decline?: readonly [number, number];
  /** Season as relative weights per calendar month, January first. Default ACADEMIC_SEASON. */
  season?: readonly number[];
  /** How much each programme's own season departs from `season` (log sd per month). Default 0.15. */
  seasonJitter?: number;
  /** Exponent on the season: 0 flattens it, 2 sharpens it. Default 1. */
  seasonStrength?: number;
  /** History length range in months. Default 24–36. */
  historyMonths?: readonly [number, number];
  /** Horizon range in months. Default 5–9. */
  horizonMonths?: readonly [number, number];
  kinds?: readonly ProgrammeKind[];
}

export interface SimulatedProgramme {
  id: string;
  kind: ProgrammeKind;
  /** Consecutive months up to the origin month. */
  history: MonthCredits[];
  /** The months after the origin that are to be projected, with what really happened. */
  future: MonthCredits[];
}

/** Returns `options.count` simulated programmes, the same ones for the same options. */
export function simulateProgrammes(options: TestbedOptions): SimulatedProgramme[] {
  const { uniform, int, normal } = createRandom(options.seed);
  const kinds = options.kinds ?? KINDS;
  const [nLo, nHi] = options.historyMonths ?? [24, 36];
  const [hLo, hHi] = options.horizonMonths ?? [5, 9];
  const out: SimulatedProgramme[] = [];
  for (let i = 0; i < options.count; i++) {
    const kind = kinds[i % kinds.length];
    const n = int(nLo, nHi);
    const h = int(hLo, hHi);
    const startYear = 2019 + int(0, 2);
    const startMonth = int(1, 12);
    const first = `${startYear}-${String(startMonth).padStart(2, '0')}`;
    const months = monthRange(first, `${startYear + 6}-12`).slice(0, n + h);
    const season = seasonFor(options, normal);
    const trend = trendFor(kind, n, options, uniform, int);
    const [noiseLo, noiseHi] = options.noise ?? [0.08, 0.3];
    const sigma = kind === 'noisy-steady' ? uniform(noiseHi, noiseHi * NOISY_STEADY) : uniform(noiseLo, noiseHi);
    const size = uniform(60, 1200);
    const spikeAt = kind === 'spike' ? int(0, n - 1) : -1;
    const spike = kind === 'spike' ? uniform(...SPIKE) : 1;
    const series = months.map((month, t) => {
      const noise = Math.exp(sigma * normal() - (sigma * sigma) / 2);
      const credits = size * trend(t) * season[Number(month.slice(5, 7)) - 1] * noise * (t === spikeAt ? spike : 1);
      return { month, credits: Math.round(credits * 2) / 2 };
    });
    out.push({ id: `${kind}-${i}`, kind, history: series.slice(0, n), future: series.slice(n) });
  }
  return out;
}

function seasonFor(options: TestbedOptions, normal: () => number): number[] {
  const base = options.season ?? ACADEMIC_SEASON;
  const jitter = options.seasonJitter ?? 0.15;
  const strength = options.seasonStrength ?? 1;
  const raw = base.map((w) => Math.pow(w, strength) * Math.exp(jitter * normal()));
  const mean = raw.reduce((s, w) => s + w, 0) / raw.length;
  return raw.map((w) => w / mean);
}

/** Returns the level multiplier at month t (0 = first month); n is the history length. */
function trendFor(
  kind: ProgrammeKind,
  n: number,
  options: TestbedOptions,
  uniform: (lo: number, hi: number) => number,
  int: (lo: number, hi: number) => number,
): (t: number) => number {
  if (kind === 'growing') {
    const yearly = uniform(...(options.growth ?? [1.15, 1.8]));
    // Half grow by a constant factor a year, half by a constant amount a month.
    if (uniform(0, 1) < 0.5) return (t) => Math.pow(yearly, t / 12);
    return (t) => 1 + ((yearly - 1) * t) / 12;
  }
  if (kind === 'steady' || kind === 'noisy-steady' || kind === 'spike') {
    const drift = uniform(0.95, 1.05);
    return (t) => Math.pow(drift, t / 12);
  }
  if (kind === 'ramp-up' || kind === 'plateau-at-origin') {
    // From a slow start to a plateau reached somewhere between the first year and after the origin,
    // or (plateau-at-origin) in the last two months of the history.
    const from = uniform(0.1, 0.5);
    const length = kind === 'ramp-up' ? int(6, n + 6) : int(n - 2, n);
    return (t) => {
      const x = Math.min(1, t / length);
      return from + (1 - from) * x * x * (3 - 2 * x);
    };
  }
  // Winding down: steady, then a decline that starts within the last 18 months of history.
  const yearly = uniform(...(options.decline ?? [0.5, 0.9]));
  const start = int(Math.max(6, n - 18), n - 1);
  return (t) => (t <= start ? 1 : Math.pow(yearly, (t - start) / 12));
}
