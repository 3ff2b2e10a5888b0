/**
 * Prints how every projection candidate and the chosen rule do on simulated programmes whose
 * future is known (tools/projection-testbed): mean absolute error on the credits still to come,
 * relative to the truth, its ratio to seasonal naive's, the bias and the 80 % interval's coverage.
 *
 *   node scripts/bench-projection.ts [--seed 1] [--count 240] [--noise 0.08,0.3] [--growth 1.15,1.8]
 *     [--decline 0.5,0.9] [--season academic|flat|winter|<12 weights>] [--season-strength 1]
 *     [--season-jitter 0.15] [--history 24,36] [--horizon 5,9] [--kinds growing,steady,...] [--by-kind]
 */
import { parseArgs } from 'node:util';
import { ACADEMIC_SEASON, KINDS, simulateProgrammes, type ProgrammeKind, type TestbedOptions } from '../tools/projection-testbed/generate.ts';
import { evaluate, type BenchRow } from '../tools/projection-testbed/evaluate.ts';

const SEASONS: Record<string, readonly number[]> = {
  academic: ACADEMIC_SEASON,
  flat: new Array(12).fill(1),
  // Autumn-heavy: one big December peak, a small spring.
  winter: [1.3, 0.7, 0.6, 0.6, 0.8, 0.7, 0.1, 0.3, 0.9, 1.2, 1.4, 2.2],
};

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '240' },
    noise: { type: 'string' },
    growth: { type: 'string' },
    decline: { type: 'string' },
    season: { type: 'string' },
    'season-strength': { type: 'string' },
    'season-jitter': { type: 'string' },
    history: { type: 'string' },
    horizon: { type: 'string' },
    kinds: { type: 'string' },
    'by-kind': { type: 'boolean', default: false },
  },
});

const pair = (s: string | undefined): [number, number] | undefined => {
  if (s === undefined) return undefined;
  const [a, b] = s.split(',').map(Number);
  return [a, b ?? a];
};
const season = values.season === undefined ? undefined : (SEASONS[values.season] ?? values.season.split(',').map(Number));
const options: TestbedOptions = {
  seed: Number(values.seed),
  count: Number(values.count),
  noise: pair(values.noise),
  growth: pair(values.growth),
  decline: pair(values.decline),
  season,
  seasonStrength: values['season-strength'] === undefined ? undefined : Number(values['season-strength']),
  seasonJitter: values['season-jitter'] === undefined ? undefined : Number(values['season-jitter']),
  historyMonths: pair(values.history),
  horizonMonths: pair(values.horizon),
  kinds: values.kinds === undefined ? undefined : (values.kinds.split(',') as ProgrammeKind[]),
};
const programmes = simulateProgrammes(options);

function print(title: string, rows: BenchRow[]): void {
  console.log(`\n${title}`);
  console.log(['method'.padEnd(16), 'n'.padStart(4), 'MAE %'.padStart(8), '÷ naive'.padStart(8), 'bias %'.padStart(8), 'cover %'.padStart(8)].join(' '));
  for (const r of rows) {
    console.log(
      [
        r.method.padEnd(16),
        String(r.programmes).padStart(4),
        r.maePercent.toFixed(2).padStart(8),
        r.ratioToSeasonalNaive.toFixed(3).padStart(8),
        r.biasPercent.toFixed(2).padStart(8),
        r.coveragePercent.toFixed(2).padStart(8),
      ].join(' '),
    );
  }
  const rule = rows.at(-1);
  if (rule?.chosen) console.log(`chosen: ${Object.entries(rule.chosen).map(([m, n]) => `${m} ${n}`).join(', ')}`);
}

const shown = Object.entries(options).filter(([k, v]) => v !== undefined && k !== 'season').map(([k, v]) => `${k}=${v}`);
print(`${programmes.length} simulated programmes (${shown.join(' ')}${values.season ? ` season=${values.season}` : ''})`, evaluate(programmes));
if (values['by-kind']) for (const kind of options.kinds ?? KINDS) print(kind, evaluate(programmes.filter((p) => p.kind === kind)));
