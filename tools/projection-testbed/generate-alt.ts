/**
 * A second, independently designed world of simulated programmes, so that a projection rule tuned
 * on generate.ts is judged on assumptions it was not tuned on. Where generate.ts multiplies a smooth
 * trend, one fixed season and independent lognormal noise, this one has:
 * - levels that are piecewise linear (kinks, not smooth curves), occasional one-off level shifts
 *   (a partner joins or leaves), and a programme whose first month may be only partly run;
 * - a season of its own (peaks of random heights in December, May and June, a quiet July) that
 *   drifts from one academic year to the next, the spring peak sliding between May and June;
 * - monthly noise correlated from month to month (AR(1) in log terms), credits completed in whole
 *   5-credit courses (a Poisson count of courses × 5, so small programmes are noisier), and
 *   reporting slips (part of a month's credits recorded in the next month).
 * It takes the same options as generate.ts, read in its own terms (see each option below).
 */
import { monthRange } from '../../src/lib/dates.ts';
import { createRandom, deriveSeed } from '../demo/random.ts';
import { KINDS, NOISY_STEADY, SPIKE, type SimulatedProgramme, type TestbedOptions } from './generate.ts';

/** Its own academic shape, January first: a December peak, May and June peaks, a quiet July. */
export const ALT_SEASON: readonly number[] = [0.8, 0.7, 0.9, 0.8, 1.6, 1.0, 0.05, 0.15, 0.7, 1.0, 1.1, 1.8];
/** Credits of one course: completions come in whole courses. */
export const COURSE_CREDITS = 5;

/**
 * Returns `options.count` programmes of the alternative world, the same ones for the same options.
 * Options as read here: `noise` is the range of the log sd of the correlated monthly noise (default
 * 0.05–0.25, on top of the course-count noise); `growth` the first year's growth of a growing
 * programme as a factor (linear growth, default 1.1–1.7); `decline` how much of its level a programme
 * winding down keeps after a year of decline (linear, default 0.4–0.9); `seasonJitter` the log sd of
 * the season's drift from one year to the next (default 0.1); `seasonStrength` an exponent on it.
 */
export function simulateProgrammesAlt(options: TestbedOptions): SimulatedProgramme[] {
  const { next: rand, uniform, int, normal } = createRandom(deriveSeed(options.seed, 'testbed-alt'));
  const poisson = (lambda: number) => {
    if (lambda > 40) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
    let k = 0;
    for (let p = rand(), limit = Math.exp(-lambda); p > limit; p *= rand()) k += 1;
    return k;
  };
  const kinds = options.kinds ?? KINDS;
  const [nLo, nHi] = options.historyMonths ?? [24, 36];
  const [hLo, hHi] = options.horizonMonths ?? [5, 9];
  const out: SimulatedProgramme[] = [];
  for (let i = 0; i < options.count; i++) {
    const kind = kinds[i % kinds.length];
    const n = int(nLo, nHi);
    const h = int(hLo, hHi);
    const months = monthRange(`${2018 + int(0, 3)}-${String(int(1, 12)).padStart(2, '0')}`, '2030-12').slice(0, n + h);
    const level = levelFor(kind, n, h, options, uniform, int);
    const season = driftingSeason(months, options, uniform, normal);
    const size = Math.exp(uniform(Math.log(40), Math.log(1500))); // credits a month at level 1
    const [noiseLo, noiseHi] = options.noise ?? [0.05, 0.25];
    const sigma = kind === 'noisy-steady' ? uniform(noiseHi, noiseHi * NOISY_STEADY) : uniform(noiseLo, noiseHi);
    const rho = uniform(0, 0.7);
    let e = sigma * normal();
    const expected = months.map((_, t) => {
      if (t > 0) e = rho * e + Math.sqrt(1 - rho * rho) * sigma * normal();
      return size * level(t) * season[t] * Math.exp(e - (sigma * sigma) / 2);
    });
    if (rand() < 0.5) expected[0] *= uniform(0.2, 0.8); // started mid-month
    if (kind === 'spike') expected[int(0, n - 1)] *= uniform(...SPIKE);
    const credits = expected.map((x) => COURSE_CREDITS * poisson(x / COURSE_CREDITS));
    for (let t = 0; t + 1 < credits.length; t++) {
      if (rand() >= 0.05) continue;
      const slip = COURSE_CREDITS * Math.round((credits[t] * uniform(0.3, 0.7)) / COURSE_CREDITS);
      credits[t] -= slip;
      credits[t + 1] += slip;
    }
    const series = months.map((month, t) => ({ month, credits: credits[t] }));
    out.push({ id: `alt-${kind}-${i}`, kind, history: series.slice(0, n), future: series.slice(n) });
  }
  return out;
}

/** Returns the season factor of each month: its own peak heights, drifting from year to year. */
function driftingSeason(
  months: readonly string[],
  options: TestbedOptions,
  uniform: (lo: number, hi: number) => number,
  normal: () => number,
): number[] {
  const strength = options.seasonStrength ?? 1;
  const drift = options.seasonJitter ?? 0.1;
  const base = (options.season ?? ALT_SEASON).map((w) => Math.pow(w, strength));
  const mean = base.reduce((s, w) => s + w, 0) / base.length;
  const weights = base.map((w) => w / mean);
  for (const [m, lo, hi] of [[11, 0.7, 1.4], [4, 0.7, 1.4], [5, 0.6, 1.6]] as const) weights[m] *= uniform(lo, hi);
  const out: number[] = [];
  let academicYear = '';
  for (const month of months) {
    const c = Number(month.slice(5, 7)) - 1;
    // A new academic year (from August) moves each month's weight a little, and the spring peak.
    const year = String(Number(month.slice(0, 4)) - (c < 7 ? 1 : 0));
    if (year !== academicYear) {
      academicYear = year;
      for (let k = 0; k < 12; k++) weights[k] *= Math.exp(drift * normal() - (drift * drift) / 2);
      const slide = uniform(-0.25, 0.25) * Math.min(weights[4], weights[5]);
      weights[4] -= slide;
      weights[5] += slide;
    }
    out.push(weights[c]);
  }
  return out;
}

/** Returns the level at month t (0 = first month): straight segments, and maybe one step. */
function levelFor(
  kind: SimulatedProgramme['kind'],
  n: number,
  h: number,
  options: TestbedOptions,
  uniform: (lo: number, hi: number) => number,
  int: (lo: number, hi: number) => number,
): (t: number) => number {
  let path: (t: number) => number;
  if (kind === 'growing') {
    // Linear growth whose pace changes once, at a kink somewhere in the history.
    const slope = (uniform(...(options.growth ?? [1.1, 1.7])) - 1) / 12;
    const kink = int(6, n);
    const later = slope * uniform(0.3, 1.5);
    path = (t) => 1 + slope * Math.min(t, kink) + later * Math.max(0, t - kink);
  } else if (kind === 'steady' || kind === 'noisy-steady' || kind === 'spike') {
    const slope = uniform(-0.04, 0.04) / 12;
    path = (t) => 1 + slope * t;
  } else if (kind === 'ramp-up' || kind === 'plateau-at-origin') {
    // Straight from a low start to the plateau, reached between month 6 and a little after the origin,
    // or (plateau-at-origin) in the last two months of the history.
    const from = uniform(0.05, 0.4);
    const length = kind === 'ramp-up' ? int(6, n + 4) : int(n - 2, n);
    path = (t) => from + (1 - from) * Math.min(1, t / length);
  } else {
    // Flat, then a straight decline starting 2–18 months before the origin, down to a floor.
    const kept = uniform(...(options.decline ?? [0.4, 0.9]));
    const start = int(Math.max(6, n - 18), n - 2);
    const floor = uniform(0.05, 0.3);
    path = (t) => Math.max(floor, 1 - ((1 - kept) * Math.max(0, t - start)) / 12);
  }
  if (uniform(0, 1) >= 0.25) return path;
  // A one-off level shift: a partner joins or leaves at some month of the history or the future.
  const at = int(3, n + h - 1);
  const step = uniform(0.75, 1.3);
  return (t) => path(t) * (t >= at ? step : 1);
}
