import { describe, expect, it } from 'vitest';
import { evaluate, RULE } from '../../tools/projection-testbed/evaluate.ts';
import { KINDS, simulateProgrammes } from '../../tools/projection-testbed/generate.ts';
import { simulateProgrammesAlt } from '../../tools/projection-testbed/generate-alt.ts';

const WORLDS = [
  { name: 'generate.ts', simulate: simulateProgrammes },
  { name: 'generate-alt.ts', simulate: simulateProgrammesAlt },
];

for (const { name, simulate } of WORLDS) {
  it(`${name}: 24–36 months of history and 5–9 months to project, every kind, the same for the same seed`, () => {
    const a = simulate({ seed: 1, count: 40 });
    expect(a).toEqual(simulate({ seed: 1, count: 40 }));
    expect(a).not.toEqual(simulate({ seed: 2, count: 40 }));
    for (const p of a) {
      expect(p.history.length).toBeGreaterThanOrEqual(24);
      expect(p.history.length).toBeLessThanOrEqual(36);
      expect(p.future.length).toBeGreaterThanOrEqual(5);
      expect(p.future.length).toBeLessThanOrEqual(9);
    }
    expect(new Set(a.map((p) => p.kind))).toEqual(new Set(KINDS));
  });
}

it('generate-alt.ts completes credits in whole 5-credit courses', () => {
  for (const p of simulateProgrammesAlt({ seed: 1, count: 40 })) {
    for (const m of [...p.history, ...p.future]) expect(m.credits % 5).toBe(0);
  }
});

describe('projection on 240 simulated programmes of generate.ts (seed 1)', () => {
  const rows = evaluate(simulateProgrammes({ seed: 1, count: 240 }));
  const row = (method: string) => rows.find((r) => r.method === method)!;

  it('the chosen rule scores as `npm run bench:projection` prints for seed 1', () => {
    expect(row(RULE)).toEqual({
      method: RULE,
      programmes: 240,
      maePercent: 14.97,
      ratioToSeasonalNaive: 0.692,
      biasPercent: 1.15,
      coveragePercent: 80,
      chosen: { 'local-trend': 227, 'yoy-scaled': 7, 'seasonal-naive': 4, 'seasonal-share': 2 },
    });
    expect(row('seasonal-naive').maePercent).toBe(21.63);
  });

  it('the chosen rule misses by at most 0.8 × what seasonal naive misses, and its 80 % interval holds 70–90 %', () => {
    expect(row(RULE).maePercent).toBeLessThanOrEqual(0.8 * row('seasonal-naive').maePercent);
    expect(row(RULE).coveragePercent).toBeGreaterThanOrEqual(70);
    expect(row(RULE).coveragePercent).toBeLessThanOrEqual(90);
  });
});

describe('projection on 240 simulated programmes of generate-alt.ts (seed 1), a world it was not designed on', () => {
  const rows = evaluate(simulateProgrammesAlt({ seed: 1, count: 240 }));
  const row = (method: string) => rows.find((r) => r.method === method)!;

  it('the chosen rule scores as `npm run bench:projection -- --generator alt` prints for seed 1', () => {
    expect(row(RULE)).toEqual({
      method: RULE,
      programmes: 240,
      maePercent: 24.41,
      ratioToSeasonalNaive: 0.722,
      biasPercent: 6.63,
      coveragePercent: 76.67,
      chosen: { 'local-trend': 229, 'seasonal-naive': 7, 'seasonal-share': 2, 'yoy-scaled': 1, 'damped-share': 1 },
    });
    expect(row('seasonal-naive').maePercent).toBe(33.8);
  });

  it('the chosen rule misses by at most 0.8 × what seasonal naive misses, and its 80 % interval holds 70–90 %', () => {
    expect(row(RULE).maePercent).toBeLessThanOrEqual(0.8 * row('seasonal-naive').maePercent);
    expect(row(RULE).coveragePercent).toBeGreaterThanOrEqual(70);
    expect(row(RULE).coveragePercent).toBeLessThanOrEqual(90);
  });
});
