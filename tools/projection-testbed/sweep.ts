/**
 * The chosen rule over both simulated worlds (generate.ts and generate-alt.ts), several seeds and a
 * set of variants (noise low and high, mild and strong trends, flat and sharp season, short and
 * long history): for each, its error over seasonal naive's and its interval's coverage, overall and
 * by kind. Pure: the bench prints what this returns.
 */
import { evaluate, RULE } from './evaluate.ts';
import { KINDS, simulateProgrammes, type ProgrammeKind, type SimulatedProgramme, type TestbedOptions } from './generate.ts';
import { simulateProgrammesAlt } from './generate-alt.ts';

export type GeneratorId = 'base' | 'alt';
export const GENERATORS: Record<GeneratorId, (o: TestbedOptions) => SimulatedProgramme[]> = {
  base: simulateProgrammes,
  alt: simulateProgrammesAlt,
};

/** Autumn-heavy: one big December peak, a small spring. */
export const WINTER_SEASON: readonly number[] = [1.3, 0.7, 0.6, 0.6, 0.8, 0.7, 0.1, 0.3, 0.9, 1.2, 1.4, 2.2];

/** The variants every change is judged on, each as the bench flags that make it. */
export const VARIANTS: readonly { name: string; flags: string; options: Partial<TestbedOptions> }[] = [
  { name: 'default', flags: '', options: {} },
  { name: 'noise low', flags: '--noise 0.03,0.1', options: { noise: [0.03, 0.1] } },
  { name: 'noise high', flags: '--noise 0.3,0.5', options: { noise: [0.3, 0.5] } },
  { name: 'mild trends', flags: '--growth 1.05,1.3 --decline 0.8,0.95', options: { growth: [1.05, 1.3], decline: [0.8, 0.95] } },
  { name: 'strong trends', flags: '--growth 1.6,2.5 --decline 0.3,0.6', options: { growth: [1.6, 2.5], decline: [0.3, 0.6] } },
  { name: 'flat season', flags: '--season-strength 0.4', options: { seasonStrength: 0.4 } },
  { name: 'sharp season', flags: '--season-strength 1.8', options: { seasonStrength: 1.8 } },
  { name: 'winter season', flags: '--season winter --season-strength 1.5', options: { season: WINTER_SEASON, seasonStrength: 1.5 } },
  { name: 'short history', flags: '--history 24,26 --horizon 8,9', options: { historyMonths: [24, 26], horizonMonths: [8, 9] } },
];

export interface SweepCell {
  generator: GeneratorId;
  variant: string;
  flags: string;
  /** The rule's MAE over seasonal naive's, one per seed, then for each kind pooled over the seeds. */
  ratios: number[];
  coverages: number[];
  byKind: Record<ProgrammeKind, { ratio: number; coverage: number }>;
}

/** Returns one cell per generator and variant, each over `seeds` (count programmes a seed). */
export function sweep(seeds: readonly number[], count: number, generators: readonly GeneratorId[] = ['base', 'alt']): SweepCell[] {
  const cells: SweepCell[] = [];
  for (const generator of generators) {
    for (const v of VARIANTS) {
      const all: SimulatedProgramme[] = [];
      const ratios: number[] = [];
      const coverages: number[] = [];
      for (const seed of seeds) {
        const programmes = GENERATORS[generator]({ seed, count, ...v.options });
        all.push(...programmes);
        const rule = evaluate(programmes).find((r) => r.method === RULE)!;
        ratios.push(rule.ratioToSeasonalNaive);
        coverages.push(rule.coveragePercent);
      }
      const byKind = Object.fromEntries(
        KINDS.map((kind) => {
          const rule = evaluate(all.filter((p) => p.kind === kind)).find((r) => r.method === RULE)!;
          return [kind, { ratio: rule.ratioToSeasonalNaive, coverage: rule.coveragePercent }];
        }),
      ) as SweepCell['byKind'];
      cells.push({ generator, variant: v.name, flags: v.flags, ratios, coverages, byKind });
    }
  }
  return cells;
}
