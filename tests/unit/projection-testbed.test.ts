import { describe, expect, it } from 'vitest';
import { evaluate, RULE } from '../../tools/projection-testbed/evaluate.ts';
import { simulateProgrammes } from '../../tools/projection-testbed/generate.ts';

describe('projection on 240 simulated programmes (tools/projection-testbed, seed 1)', () => {
  const rows = evaluate(simulateProgrammes({ seed: 1, count: 240 }));
  const row = (method: string) => rows.find((r) => r.method === method)!;

  it('simulateProgrammes() gives 24–36 months of history and 5–9 months to project, the same for the same seed', () => {
    const a = simulateProgrammes({ seed: 1, count: 40 });
    expect(a).toEqual(simulateProgrammes({ seed: 1, count: 40 }));
    for (const p of a) {
      expect(p.history.length).toBeGreaterThanOrEqual(24);
      expect(p.history.length).toBeLessThanOrEqual(36);
      expect(p.future.length).toBeGreaterThanOrEqual(5);
      expect(p.future.length).toBeLessThanOrEqual(9);
    }
    expect(new Set(a.map((p) => p.kind))).toEqual(new Set(['growing', 'steady', 'ramp-up', 'winding-down']));
  });

  it('the chosen rule scores as `npm run bench:projection` prints for seed 1', () => {
    expect(row(RULE)).toEqual({
      method: RULE,
      programmes: 240,
      maePercent: 15.88,
      ratioToSeasonalNaive: 0.734,
      biasPercent: 2.94,
      coveragePercent: 78.75,
      chosen: { 'damped-share': 199, 'seasonal-naive': 12, 'yoy-scaled': 16, 'seasonal-share': 8, 'holt-winters': 5 },
    });
    expect(row('seasonal-naive').maePercent).toBe(21.63);
  });

  it('the chosen rule misses by at most 0.8 × what seasonal naive misses, and its 80 % interval holds 70–90 %', () => {
    expect(row(RULE).maePercent).toBeLessThanOrEqual(0.8 * row('seasonal-naive').maePercent);
    expect(row(RULE).coveragePercent).toBeGreaterThanOrEqual(70);
    expect(row(RULE).coveragePercent).toBeLessThanOrEqual(90);
  });
});
