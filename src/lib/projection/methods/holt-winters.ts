import type { Candidate } from '../candidate.ts';
import { calendarMonth, seasonalIndex, YEAR } from './seasonal-profile.ts';
import type { MonthCredits } from '../types.ts';

/** Smoothing parameters of Holt–Winters with a damped trend and multiplicative season. */
interface HoltWintersParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/** The small grid searched, by one-step-ahead squared error over the history. */
const HW_GRID: readonly HoltWintersParams[] = [0.1, 0.3, 0.5].flatMap((alpha) =>
  [0.02, 0.1, 0.2].flatMap((beta) => [0.05, 0.2].flatMap((gamma) => [0.8, 0.9].map((phi) => ({ alpha, beta, gamma, phi })))),
);

interface State {
  level: number;
  trend: number;
  /** Seasonal factor per calendar month (0 = January), mean about 1. */
  season: number[];
  sse: number;
}

/**
 * Returns the filter run over the whole history. Start: the season from the average seasonal
 * shares (×12), the level from the first year's deseasonalised mean, the trend from how the second
 * year's mean differs from the first's (none with under two years).
 */
function runHoltWinters(history: readonly MonthCredits[], p: HoltWintersParams): State {
  const season = seasonalIndex(history).map((s) => s * YEAR);
  const deseasonalised = history.map((m) => {
    const s = season[calendarMonth(m.month)];
    return s > 0 ? m.credits / s : 0;
  });
  const meanOf = (from: number, to: number) => deseasonalised.slice(from, to).reduce((a, b) => a + b, 0) / (to - from);
  const first = meanOf(0, YEAR);
  let trend = history.length >= 2 * YEAR ? (meanOf(YEAR, 2 * YEAR) - first) / YEAR : 0;
  let level = first - 6.5 * trend; // the level just before the first month
  let sse = 0;
  for (const m of history) {
    const c = calendarMonth(m.month);
    const s = season[c];
    const expected = level + p.phi * trend;
    const e = m.credits - expected * s;
    sse += e * e;
    const previous = level;
    level = Math.max(0, s > 0.05 ? p.alpha * (m.credits / s) + (1 - p.alpha) * expected : expected);
    trend = p.beta * (level - previous) + (1 - p.beta) * p.phi * trend;
    if (level > 0) season[c] = p.gamma * (m.credits / level) + (1 - p.gamma) * s;
  }
  return { level, trend, season, sse };
}

/**
 * Holt–Winters (FPP 8.3) with a damped additive trend and multiplicative season; its four smoothing
 * parameters are those of a small grid that best predicted each month one ahead over the history.
 */
export const holtWinters: Candidate = {
  id: 'holt-winters',
  minMonths: 2 * YEAR,
  forecast: (history, months) => {
    let best: State | null = null;
    let bestParams = HW_GRID[0];
    for (const p of HW_GRID) {
      const run = runHoltWinters(history, p);
      if (best === null || run.sse < best.sse) [best, bestParams] = [run, p];
    }
    const { level, trend, season } = best!;
    let damped = 0;
    let phiK = 1;
    return months.map((month) => {
      phiK *= bestParams.phi;
      damped += phiK;
      return Math.max(0, (level + damped * trend) * season[calendarMonth(month)]);
    });
  },
};
