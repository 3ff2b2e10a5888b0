import { describe, expect, it } from 'vitest';
import { monthRange } from '../../src/lib/dates.ts';
import { localTrend, PHI, seasonFactors } from '../../src/lib/projection/methods/local-trend.ts';
import { movingAverageIndex } from '../../src/lib/projection/methods/moving-average-profile.ts';
import { seasonalIndex } from '../../src/lib/projection/methods/seasonal-profile.ts';
import type { MonthCredits } from '../../src/lib/projection/types.ts';
import { clipToLine, robustWeightedLine, shrunkSlope, weightedLine } from '../../src/lib/projection/methods/weighted-line.ts';
import { cleanHistory } from '../../src/lib/projection/methods/outliers.ts';
import { combine } from '../../src/lib/projection/methods/combination.ts';
import { seasonalNaive } from '../../src/lib/projection/methods/seasonal-naive.ts';

/** Two equal years: 10 credits a month, 20 in December (130 a year): December's share 2/13, the others 1/13. */
const periodic: MonthCredits[] = monthRange('2022-01', '2023-12').map((month) => ({ month, credits: month.endsWith('-12') ? 20 : 10 }));
/** A straight line without season: 100, 110, …, 330 credits over 2022–2023. */
const line: MonthCredits[] = monthRange('2022-01', '2023-12').map((month, t) => ({ month, credits: 100 + 10 * t }));

describe('movingAverageIndex()', () => {
  it('recovers an exact season: December 2/13, every other month 1/13', () => {
    const index = movingAverageIndex(periodic);
    expect(index[11]).toBeCloseTo(2 / 13, 12);
    index.slice(0, 11).forEach((s) => expect(s).toBeCloseTo(1 / 13, 12));
  });

  it('is flat for a straight line: the centred moving average runs along the line', () => {
    movingAverageIndex(line).forEach((s) => expect(s).toBeCloseTo(1 / 12, 12));
    // seasonalIndex() reads the same line as a season: January is 220 of 2023's 3 300 credits and
    // 100 of 2022's 1 860, so its share is (220 / 3300 + 100 / 1860) / 2, under 1/12.
    expect(seasonalIndex(line)[0]).toBeCloseTo((220 / 3300 + 100 / 1860) / 2, 12);
  });
});

describe('weightedLine() and shrunkSlope()', () => {
  it('fits points on a line exactly: level 10, slope 2, no error, nothing shrunk', () => {
    const fit = weightedLine([0, 1, 2].map((t) => ({ t, y: 10 + 2 * t, w: 1 })));
    expect(fit.level).toBeCloseTo(10, 12);
    expect(fit.slope).toBeCloseTo(2, 12);
    expect(fit.slopeError).toBeCloseTo(0, 12);
    expect(shrunkSlope(fit)).toBeCloseTo(2, 12);
  });

  it('fits 10, 14, 12, 16: slope 2 / 1.25 = 1.6, level 13 − 1.6 × 1.5 = 10.6, se² = 1.8 / (2 × 1.25) = 0.72', () => {
    // Mean t 1.5, mean y 13; variance of t 1.25, covariance 2; residuals −0.6, 1.8, −1.8, 0.6 (mean square 1.8).
    const fit = weightedLine([10, 14, 12, 16].map((y, t) => ({ t, y, w: 1 })));
    expect(fit.slope).toBeCloseTo(1.6, 12);
    expect(fit.level).toBeCloseTo(10.6, 12);
    expect(fit.slopeError).toBeCloseTo(Math.sqrt(0.72), 12);
    // Shrunk by its error: 1.6 × 2.56 / (2.56 + 0.72).
    expect(shrunkSlope(fit)).toBeCloseTo((1.6 * 2.56) / 3.28, 12);
  });

  it('weights count: a point of weight 2 pulls the line as two points would', () => {
    const weighted = weightedLine([{ t: 0, y: 10, w: 1 }, { t: 1, y: 14, w: 2 }, { t: 2, y: 12, w: 1 }]);
    const doubled = weightedLine([{ t: 0, y: 10, w: 1 }, { t: 1, y: 14, w: 1 }, { t: 1, y: 14, w: 1 }, { t: 2, y: 12, w: 1 }]);
    expect(weighted.slope).toBeCloseTo(doubled.slope, 12);
    expect(weighted.level).toBeCloseTo(doubled.level, 12);
  });

  it('with under three points there is no slope to trust', () => {
    const fit = weightedLine([{ t: 0, y: 10, w: 1 }, { t: 1, y: 20, w: 1 }]);
    expect(fit.slope).toBe(0);
    expect(shrunkSlope(fit)).toBe(0);
  });
});

describe('robustWeightedLine()', () => {
  it('pulls a one-off spike back to three robust standard deviations before refitting', () => {
    // Nine months of 10 credits and one of 100 in the middle (t = 4): by symmetry the slope is 0 and
    // the first fit's level the mean, 180 / 9 = 20. Residuals: −10 eight times and +80; the median
    // absolute residual is 10, so the limit is 3 × 1.4826 × 10 = 44.478 and the spike becomes
    // 20 + 44.478 = 64.478. The refit's level: (8 × 10 + 64.478) / 9 = 16.0531, not 20.
    const points = [10, 10, 10, 10, 100, 10, 10, 10, 10].map((y, t) => ({ t, y, w: 1 }));
    expect(weightedLine(points).level).toBeCloseTo(20, 12);
    const fit = robustWeightedLine(points);
    expect(fit.slope).toBeCloseTo(0, 12);
    expect(fit.level).toBeCloseTo((80 + 20 + 3 * 1.4826 * 10) / 9, 12);
  });

  it('leaves a line without outliers as it is', () => {
    const points = [10, 14, 12, 16].map((y, t) => ({ t, y, w: 1 }));
    expect(robustWeightedLine(points)).toEqual(weightedLine(points));
  });
});

describe('clipToLine() and cleanHistory()', () => {
  it('moves only the point beyond 3 robust standard deviations, to that distance', () => {
    // Line 20 flat; residuals −10 eight times and +80: limit 3 × 1.4826 × 10 = 44.478, so 100 → 64.478.
    const points = [10, 10, 10, 10, 100, 10, 10, 10, 10].map((y, t) => ({ t, y, w: 1 }));
    const clipped = clipToLine(points, { level: 20, slope: 0, slopeError: 1 });
    expect(clipped[4].y).toBeCloseTo(20 + 3 * 1.4826 * 10, 12);
    expect(clipped.filter((_, t) => t !== 4)).toEqual(points.filter((_, t) => t !== 4));
  });

  it('returns a history without one-off months unchanged', () => {
    expect(cleanHistory(periodic)).toEqual(periodic);
  });

  it('pulls a one-off high month down, leaves every other month, and the combination sees it pulled', () => {
    // 10 credits a month over 2021–2023, a backlog of 100 reported in June 2023.
    const spiky = monthRange('2021-01', '2023-12').map((month) => ({ month, credits: month === '2023-06' ? 100 : 10 }));
    const cleaned = cleanHistory(spiky);
    const june = cleaned.find((m) => m.month === '2023-06')!.credits;
    expect(june).toBeLessThan(50);
    expect(june).toBeGreaterThan(10);
    // The other Junes look low beside June's raised season factor, but are not pulled up.
    expect(cleaned.filter((m) => m.month !== '2023-06')).toEqual(spiky.filter((m) => m.month !== '2023-06'));
    // Seasonal naive alone repeats the 100; inside the combination it repeats the pulled-back June.
    const months = monthRange('2024-01', '2024-06');
    expect(seasonalNaive.forecast(spiky, months).at(-1)).toBe(100);
    expect(combine('combination', [seasonalNaive]).forecast(spiky, months).at(-1)).toBe(june);
  });

  it('never pulls a low month up: a month with nothing reported stays at nothing', () => {
    const gap = monthRange('2021-01', '2023-12').map((month) => ({ month, credits: month === '2023-03' ? 0 : 10 }));
    const cleaned = cleanHistory(gap);
    expect(cleaned.find((m) => m.month === '2023-03')!.credits).toBe(0);
    cleaned.forEach((m) => expect(m.credits).toBeLessThanOrEqual(10));
    // Known side effect: the empty March lowers March's season factor, so on this noiseless series the
    // other two Marches stand out above the line and are pulled down a little (to about 7.4–7.8).
    expect(cleaned.filter((m, i) => m.credits !== gap[i].credits).map((m) => m.month)).toEqual(['2021-03', '2022-03']);
  });
});

describe('localTrend', () => {
  it('seasonFactors() of an exact season: December 24/13, every other month 12/13 (mean 1)', () => {
    const f = seasonFactors(periodic);
    expect(f[11]).toBeCloseTo(24 / 13, 12);
    f.slice(0, 11).forEach((x) => expect(x).toBeCloseTo(12 / 13, 12));
  });

  it('repeats an exact season without trend: 10, 10, 10 in spring and 20 in December', () => {
    localTrend.forecast(periodic, ['2024-01', '2024-02', '2024-03']).forEach((c) => expect(c).toBeCloseTo(10, 9));
    expect(localTrend.forecast(periodic, monthRange('2024-01', '2024-12')).at(-1)).toBeCloseTo(20, 9);
  });

  it('carries its trend forward damped: each month ahead adds 0.9 times the step of the month before', () => {
    // A programme that grows by one credit a month more in 2023 than in 2022; divided by its season
    // factors, month k ahead is level + slope × (0.9 + 0.9² + … + 0.9^k), so the steps shrink by 0.9.
    const rising = periodic.map((m, t) => ({ ...m, credits: m.credits + Math.max(0, t - 11) }));
    const months = ['2024-01', '2024-02', '2024-03', '2024-04'];
    const season = seasonFactors(rising);
    const pace = localTrend.forecast(rising, months).map((c, i) => c / season[i]);
    expect(PHI).toBe(0.9);
    expect(pace[1] - pace[0]).toBeGreaterThan(0);
    expect((pace[2] - pace[1]) / (pace[1] - pace[0])).toBeCloseTo(0.9, 9);
    expect((pace[3] - pace[2]) / (pace[2] - pace[1])).toBeCloseTo(0.9, 9);
  });
});
