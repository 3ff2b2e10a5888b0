import { describe, expect, it } from 'vitest';
import { monthRange } from '../../src/lib/dates.ts';
import { rollingBacktest } from '../../src/lib/projection/backtest.ts';
import { CANDIDATES } from '../../src/lib/projection/candidates.ts';
import { consecutiveHistory, historyUpTo } from '../../src/lib/projection/history.ts';
import { bandBacktests, intervalBand, lowerForDecline, quantileType6 } from '../../src/lib/projection/interval.ts';
import { project } from '../../src/lib/projection/project.ts';
import { seasonalShare } from '../../src/lib/projection/methods/seasonal-share.ts';
import { seasonalIndex } from '../../src/lib/projection/methods/seasonal-profile.ts';
import type { MonthCredits, Projection } from '../../src/lib/projection/types.ts';
import { mulberry32 } from '../../tools/demo/random.ts';

/** Academic-calendar shape, January first: term ends peak (Dec–Jan, May–Jun), July almost empty. */
const PROFILE = [1.6, 0.8, 0.7, 0.8, 1.5, 1.7, 0.05, 0.3, 0.7, 0.9, 1.2, 1.75];

/** Standard normal draws from a uniform PRNG (Box–Muller). */
function gaussian(rand: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Monthly credits = base × profile × lognormal noise with mean 1 (sigma 0 gives the exact pattern). */
function seasonalSeries(first: string, last: string, base: number, sigma = 0, rand = mulberry32(1)): MonthCredits[] {
  const z = gaussian(rand);
  return monthRange(first, last).map((month) => ({
    month,
    credits: base * PROFILE[Number(month.slice(5, 7)) - 1] * Math.exp(sigma * z() - (sigma * sigma) / 2),
  }));
}

const total = (ms: readonly MonthCredits[]): number => ms.reduce((s, m) => s + m.credits, 0);
const relativeWidth = (p: Projection): number => (p.high - p.low) / (p.central - p.startCumulative);

describe('project()', () => {
  it('project() on an exact seasonal series is within 1 % of the truth at the horizon', () => {
    const series = seasonalSeries('2021-01', '2024-07', 300);
    const p = project({ monthly: historyUpTo(series, '2023-12-31'), origin: '2023-12-31', horizon: '2024-07-31' });
    const truth = total(series);
    // Every candidate re-projects an exact pattern exactly, so which one is taken does not matter here.
    expect(Math.abs(p.central - truth) / truth).toBeLessThan(0.01);
    // The peaks and the quiet July are reproduced month by month, not just in the total.
    const increments = p.months.map((m, i) => m.central - (i === 0 ? p.startCumulative : p.months[i - 1].central));
    increments.forEach((inc, i) => expect(inc).toBeCloseTo(300 * PROFILE[i], -0.5));
  });

  it('a flat series projects flat: every month adds the flat value', () => {
    const flat = monthRange('2022-01', '2023-12').map((month) => ({ month, credits: 100 }));
    const p = project({ monthly: flat, origin: '2023-12-31', horizon: '2024-07-31' });
    expect(p.startCumulative).toBe(2400);
    p.months.forEach((m, i) => expect(m.central).toBe(2400 + 100 * (i + 1)));
    // A history without surprises backtests perfectly, so the interval has nothing to add.
    expect(p.scorecard.find((r) => r.chosen)?.mean_abs_error_percent).toBe(0);
    expect(p.low).toBe(p.central);
    expect(p.high).toBe(p.central);
  });

  it("under 12 months of history takes the 'recent-average' fallback, says so, and widens the interval", () => {
    const long = seasonalSeries('2021-01', '2023-12', 300, 0.2, mulberry32(7));
    const short = long.slice(-9);
    const pLong = project({ monthly: long, origin: '2023-12-31', horizon: '2024-07-31' });
    const pShort = project({ monthly: short, origin: '2023-12-31', horizon: '2024-07-31' });
    expect(pLong.method).toBe('combination');
    expect(pLong.notes).toBeUndefined();
    expect(pShort.method).toBe('recent-average');
    expect(pShort.historyMonths).toBe(9);
    expect(pShort.notes).toContain('recent-average-fallback');
    expect(relativeWidth(pShort)).toBeGreaterThan(relativeWidth(pLong));
    // At least the default factor 1.25 raised to the power 1.5: from 0.72 to 1.40 times the central.
    expect(relativeWidth(pShort)).toBeGreaterThanOrEqual(1.25 ** 1.5 - 1.25 ** -1.5 - 0.01);
  });

  it('the fallback projects the mean of the last six months for every month ahead', () => {
    const monthly = [10, 20, 30, 40, 50, 60, 70, 80].map((credits, i) => ({ month: `2023-0${i + 1}`, credits }));
    const p = project({ monthly, origin: '2023-08-31', horizon: '2023-10-31' });
    expect(p.months.map((m) => m.central)).toEqual([360 + 55, 360 + 110]);
  });

  it('the 80 % interval covers the held-out truth in 70–90 % of 200 noisy seasonal series', () => {
    const rand = mulberry32(2024);
    let covered = 0;
    const runs = 200;
    for (let i = 0; i < runs; i++) {
      const base = 200 + 600 * rand();
      const sigma = 0.15 + 0.25 * rand();
      const series = seasonalSeries('2020-01', '2023-12', base, sigma, rand);
      const p = project({ monthly: series.slice(0, 36), origin: '2022-12-31', horizon: '2023-07-31' });
      const truth = total(series.slice(0, 43));
      // Published values are whole credits, so half a credit of rounding is not a miss.
      if (truth >= p.low - 0.5 && truth <= p.high + 0.5) covered += 1;
    }
    expect(covered / runs).toBeGreaterThanOrEqual(0.7);
    expect(covered / runs).toBeLessThanOrEqual(0.9);
  });

  it('after a ramp-up year the interval widens but its low end stays above the start', () => {
    // Credits grow linearly over the first year, then follow the season: early backtests miss badly.
    const monthly = monthRange('2022-03', '2023-12').map((month, i) => ({
      month,
      credits: Math.round(400 * Math.min(1, (i + 1) / 12) * PROFILE[Number(month.slice(5, 7)) - 1]),
    }));
    const p = project({ monthly, origin: '2023-12-31', horizon: '2024-07-31' });
    // A method that cannot follow the ramp misses it badly; the chosen one's band must stay sane either way.
    const share = p.candidates.find((c) => c.method === 'seasonal-share')!;
    expect(share.backtest.some((b) => Math.abs(b.predicted - b.actual) > 0.2 * b.actual)).toBe(true);
    expect(p.low).toBeGreaterThan(p.startCumulative);
    expect(p.low).toBeLessThan(p.central);
    expect(p.high).toBeGreaterThan(p.central);
  });

  it('a frozen origin ignores later data', () => {
    const series = seasonalSeries('2021-01', '2023-12', 250, 0.25, mulberry32(3));
    const input = { origin: '2022-12-31', horizon: '2023-07-31' };
    const frozen = project({ ...input, monthly: historyUpTo(series, input.origin) });
    const withLater = project({ ...input, monthly: series });
    expect(withLater).toEqual(frozen);
    expect(frozen.historyMonths).toBe(24);
  });

  it('keeps low ≤ central ≤ high, low ≥ the start, and months consecutive to the horizon month', () => {
    const cases: Projection[] = [
      project({ monthly: seasonalSeries('2021-01', '2023-12', 300, 0.3, mulberry32(5)), origin: '2023-12-31', horizon: '2024-07-31' }),
      project({ monthly: seasonalSeries('2023-03', '2023-12', 300, 0.3, mulberry32(6)), origin: '2023-12-31', horizon: '2024-07-31' }),
      project({ monthly: seasonalSeries('2022-09', '2023-11', 80, 0.6, mulberry32(8)), origin: '2023-11-15', horizon: '2024-06-30' }),
    ];
    for (const p of cases) {
      const origin = p.origin.slice(0, 7);
      const expected = monthRange(origin, p.horizon.slice(0, 7)).slice(1);
      expect(p.months.map((m) => m.month)).toEqual(expected);
      let previous = p.startCumulative;
      for (const m of p.months) {
        expect(m.low).toBeLessThanOrEqual(m.central);
        expect(m.central).toBeLessThanOrEqual(m.high);
        expect(m.low).toBeGreaterThanOrEqual(p.startCumulative);
        expect(m.central).toBeGreaterThanOrEqual(previous);
        previous = m.central;
      }
      const last = p.months[p.months.length - 1];
      expect([p.low, p.central, p.high]).toEqual([last.low, last.central, last.high]);
      expect(p.interval).toBe(0.8);
    }
  });

  it('a mid-month origin takes its month as complete and notes it', () => {
    const series = seasonalSeries('2022-01', '2023-11', 300);
    const p = project({ monthly: series, origin: '2023-11-15', horizon: '2024-01-31' });
    expect(p.startCumulative).toBe(Math.round(total(series)));
    expect(p.months.map((m) => m.month)).toEqual(['2023-12', '2024-01']);
    expect(p.notes).toContain('partial-origin-month');
  });

  it('with under five backtests it uses the default factor 1.25 (0.8–1.25 × central) and notes it', () => {
    const series = seasonalSeries('2022-11', '2023-12', 300, 0.2, mulberry32(9));
    const p = project({ monthly: series, origin: '2023-12-31', horizon: '2024-07-31' });
    expect(p.method).toBe('seasonal-share');
    expect(p.backtest).toHaveLength(2);
    expect(p.notes).toEqual(['default-interval']);
    expect(relativeWidth(p)).toBeCloseTo(1.25 - 0.8, 1);
  });

  it('a horizon inside the origin month projects nothing and has no backtests', () => {
    const p = project({ monthly: seasonalSeries('2022-01', '2023-12', 300), origin: '2023-12-31', horizon: '2023-12-31' });
    expect(p.months).toEqual([]);
    expect([p.low, p.central, p.high]).toEqual([p.startCumulative, p.startCumulative, p.startCumulative]);
    expect(p.backtest).toEqual([]);
  });

  it('publishes backtests in whole credits, with no error field of its own (the published one is (predicted − actual) / actual)', () => {
    const series = seasonalSeries('2021-01', '2023-12', 300, 0.25, mulberry32(4));
    const p = project({ monthly: series, origin: '2023-12-31', horizon: '2024-07-31' });
    // The chosen method is re-run from the first month it has enough history for, to the 35th of 36.
    const needs = CANDIDATES.find((c) => c.id === p.method)!.minMonths;
    expect(p.backtest.length).toBe(36 - needs);
    expect(p.backtest[0]).toMatchObject({ method: p.method, origin: series[needs - 1].month, horizonMonths: 7 });
    expect(p.backtest[p.backtest.length - 1]).toMatchObject({ origin: '2023-11', horizonMonths: 1 });
    for (const b of p.backtest) {
      expect(Number.isInteger(b.predicted) && Number.isInteger(b.actual)).toBe(true);
      expect(Object.keys(b).sort()).toEqual(['actual', 'horizonMonths', 'method', 'origin', 'predicted']);
    }
    expect(p).not.toHaveProperty('backtestMape');
  });
});

describe('projection helpers', () => {
  it('historyUpTo() drops months after the origin month and sorts', () => {
    const ms = [{ month: '2024-01', credits: 3 }, { month: '2023-11', credits: 1 }, { month: '2023-12', credits: 2 }];
    expect(historyUpTo(ms, '2023-12-15').map((m) => m.month)).toEqual(['2023-11', '2023-12']);
  });

  it('consecutiveHistory() counts a missing month as zero credits, up to the origin month', () => {
    const ms = [{ month: '2023-10', credits: 5 }, { month: '2023-12', credits: 7 }];
    expect(consecutiveHistory(ms, '2024-01')).toEqual([
      { month: '2023-10', credits: 5 },
      { month: '2023-11', credits: 0 },
      { month: '2023-12', credits: 7 },
      { month: '2024-01', credits: 0 },
    ]);
  });

  it("seasonalIndex() recovers the profile's shares and sums to 1", () => {
    const index = seasonalIndex(seasonalSeries('2021-07', '2023-12', 100, 0));
    const sum = PROFILE.reduce((s, x) => s + x, 0);
    index.forEach((share, i) => expect(share).toBeCloseTo(PROFILE[i] / sum, 10));
  });

  it('seasonalIndex() is flat when no full year has credits', () => {
    expect(seasonalIndex(monthRange('2023-01', '2023-12').map((month) => ({ month, credits: 0 })))).toEqual(
      new Array(12).fill(1 / 12),
    );
  });

  it('rollingBacktest() leaves out re-runs that projected nothing', () => {
    const zeros = monthRange('2022-01', '2023-06').map((month) => ({ month, credits: 0 }));
    expect(rollingBacktest(seasonalShare, zeros, 7)).toEqual([]);
  });

  it('intervalBand() is the factor 80 % of backtests stayed within, at rank 0.8 × (n + 1) read between ranks, applied both ways', () => {
    // Misses as factors, sorted: 1, 1.1, 1.1, 1.2, 1.25, 1.5; rank 0.8 × 7 = 5.6, so 0.6 of the way
    // from the 5th (1.25) to the 6th (1.5) in logs: f = 1.25^0.4 × 1.5^0.6 = 1.3945.
    const band = intervalBand([0.8, 1.1, 1, 10 / 11, 1.2, 1.5], 'seasonal-share');
    expect(band.high).toBeCloseTo(1.25 ** 0.4 * 1.5 ** 0.6, 10);
    expect(band.high).toBeCloseTo(1.3945, 4);
    expect(band.low).toBeCloseTo(1 / band.high, 10);
    expect(band.isDefault).toBe(false);
  });

  it('quantileType6() reads rank p × (n + 1) between neighbouring ranks and holds at the ends', () => {
    // 1…12: rank 0.8 × 13 = 10.4, so 10 + 0.4 × (11 − 10) = 10.4.
    expect(quantileType6([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.8)).toBeCloseTo(10.4, 10);
    // Five values: rank 4.8, 0.8 of the way from 4th (40) to 5th (50) = 48; whole rank 0.5 × 6 = 3 is the 3rd.
    expect(quantileType6([10, 20, 30, 40, 50], 0.8)).toBeCloseTo(48, 10);
    expect(quantileType6([10, 20, 30, 40, 50], 0.5)).toBe(30);
    // Rank past either end: the largest or the smallest; none: 0.
    expect(quantileType6([10, 20, 30], 0.9)).toBe(30);
    expect(quantileType6([10, 20, 30], 0.1)).toBe(10);
    expect(quantileType6([], 0.8)).toBe(0);
  });

  it('intervalBand() counts a backtest where nothing was completed as a tenfold miss', () => {
    const band = intervalBand([0, 0, 0, 0, 0], 'seasonal-share');
    expect(band.low).toBeCloseTo(0.1, 10);
    expect(band.high).toBeCloseTo(10, 10);
  });

  it('bandBacktests() keeps the backtests that ran the whole horizon when there are five, else all', () => {
    const bt = (origin: string, horizonMonths: number) => ({ method: 'local-trend' as const, origin, horizonMonths, predicted: 100, actual: 100 });
    const five = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05'].map((o) => bt(o, 7));
    const cut = [bt('2023-06', 6), bt('2023-07', 5)];
    expect(bandBacktests([...five, ...cut], 7)).toEqual(five);
    expect(bandBacktests([...five.slice(1), ...cut], 7)).toEqual([...five.slice(1), ...cut]);
  });

  it('lowerForDecline() lowers only the low end, by the square of the last six months over the same six a year earlier', () => {
    const band = { low: 0.8, high: 1.25, isDefault: false };
    // 2022-07…12: 6 × 100 = 600 credits; 2023-07…12: 6 × 70 = 420; 420 / 600 = 0.7, so low 0.8 × 0.7² = 0.392.
    const declining = monthRange('2022-07', '2023-12').map((month) => ({ month, credits: month >= '2023-07' ? 70 : 100 }));
    const lowered = lowerForDecline(band, declining);
    expect(lowered.low).toBeCloseTo(0.392, 10);
    expect(lowered.high).toBe(1.25);
    // Growing (120 against 100): unchanged; 17 months: too short to compare; nothing a year earlier: unchanged.
    const growing = declining.map((m) => ({ ...m, credits: m.month >= '2023-07' ? 120 : 100 }));
    expect(lowerForDecline(band, growing)).toEqual(band);
    expect(lowerForDecline(band, declining.slice(1))).toEqual(band);
    expect(lowerForDecline(band, declining.map((m) => ({ ...m, credits: m.month <= '2022-12' ? 0 : m.credits })))).toEqual(band);
  });

  it('intervalBand() widens the fallback to at least 1.25 to the power 1.5', () => {
    const band = intervalBand([], 'recent-average');
    expect(band.isDefault).toBe(true);
    expect(band.high).toBeCloseTo(1.25 ** 1.5, 10);
    expect(band.low).toBeCloseTo(1.25 ** -1.5, 10);
  });
});
