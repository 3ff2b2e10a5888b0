/**
 * Prints how the chosen rule does on simulated programmes whose future is known
 * (tools/projection-testbed), per regime (kind of programme) and on both generators: mean absolute
 * error on the credits still to come relative to the truth, its ratio to seasonal naive's, the
 * bias, the 80 % interval's coverage and its mean width. `--methods` prints every candidate too.
 *
 *   node scripts/bench-projection.ts [--seed 1] [--count 700] [--noise 0.08,0.3] [--growth 1.15,1.8]
 *     [--decline 0.5,0.9] [--season academic|flat|winter|<12 weights>] [--season-strength 1]
 *     [--season-jitter 0.15] [--history 24,36] [--horizon 5,9] [--kinds growing,steady,...]
 *     [--generator both|base|alt] [--methods [--by-kind]] [--lag 0.45,0.75]
 *   node scripts/bench-projection.ts --sweep [--seeds 1,2,3] [--count 280]
 *
 * `--generator alt` draws the programmes from tools/projection-testbed/generate-alt.ts, a second
 * world built on other assumptions (piecewise-linear levels, level shifts, a drifting season,
 * correlated noise, whole 5-credit courses). `--sweep` prints the chosen rule's error over seasonal
 * naive's and its coverage on both worlds, for each seed and variant (tools/projection-testbed/sweep.ts).
 * `--lag lo,hi` reports each round's own month at a share between lo and hi of its credits and
 * prints, per regime, the rule's error as reported, raised for late registrations, and from the
 * complete figures (tools/projection-testbed/lag.ts).
 */
import { parseArgs } from 'node:util';
import { ACADEMIC_SEASON, KINDS, type ProgrammeKind, type TestbedOptions } from '../tools/projection-testbed/generate.ts';
import { ALT_SEASON } from '../tools/projection-testbed/generate-alt.ts';
import { evaluate, RULE, type BenchRow } from '../tools/projection-testbed/evaluate.ts';
import { evaluateLag, type LagRow } from '../tools/projection-testbed/lag.ts';
import { GENERATORS, sweep, WINTER_SEASON, type GeneratorId, type SweepCell } from '../tools/projection-testbed/sweep.ts';

const SEASONS: Record<string, readonly number[]> = {
  academic: ACADEMIC_SEASON,
  alt: ALT_SEASON,
  flat: new Array(12).fill(1),
  winter: WINTER_SEASON,
};

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string' },
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
    methods: { type: 'boolean', default: false },
    generator: { type: 'string', default: 'both' },
    sweep: { type: 'boolean', default: false },
    seeds: { type: 'string', default: '1,2,3' },
    lag: { type: 'string' },
  },
});

if (values.sweep) {
  printSweep(sweep(values.seeds.split(',').map(Number), Number(values.count ?? 280)));
  process.exit(0);
}
const generators = (values.generator === 'both' ? Object.keys(GENERATORS) : [values.generator]) as GeneratorId[];
for (const g of generators) if (!(g in GENERATORS)) throw new Error(`--generator must be both or one of ${Object.keys(GENERATORS).join(', ')}`);

const pair = (s: string | undefined): [number, number] | undefined => {
  if (s === undefined) return undefined;
  const [a, b] = s.split(',').map(Number);
  return [a, b ?? a];
};
const season = values.season === undefined ? undefined : (SEASONS[values.season] ?? values.season.split(',').map(Number));
const options: TestbedOptions = {
  seed: Number(values.seed),
  // 100 programmes a regime by default: with fewer, a regime's ratio moves by ±0.05 from seed to seed.
  count: Number(values.count ?? 700),
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

/** Returns one row's figures as the bench prints them, after its label: n, MAE, ÷ naive, bias, coverage, width. */
function figures(r: BenchRow): string[] {
  return [
    String(r.programmes).padStart(4),
    r.maePercent.toFixed(2).padStart(7),
    r.ratioToSeasonalNaive.toFixed(3).padStart(8),
    r.biasPercent.toFixed(2).padStart(7),
    r.coveragePercent.toFixed(1).padStart(8),
    r.widthPercent.toFixed(1).padStart(8),
  ];
}
const FIGURE_HEADS = ['n'.padStart(4), 'MAE %'.padStart(7), '÷ naive'.padStart(8), 'bias %'.padStart(7), 'cover %'.padStart(8), 'width %'.padStart(8)];

function print(title: string, rows: BenchRow[]): void {
  console.log(`\n${title}`);
  console.log(['method'.padEnd(16), ...FIGURE_HEADS].join(' '));
  for (const r of rows) console.log([r.method.padEnd(16), ...figures(r)].join(' '));
  const rule = rows.at(-1);
  if (rule?.chosen) console.log(`chosen: ${Object.entries(rule.chosen).map(([m, n]) => `${m} ${n}`).join(', ')}`);
}

const shown = Object.entries(options).filter(([k, v]) => v !== undefined && k !== 'season').map(([k, v]) => `${k}=${v}`);
for (const generator of generators) {
  const programmes = GENERATORS[generator](options);
  const title = `${programmes.length} simulated programmes (generator=${generator} ${shown.join(' ')}${values.season ? ` season=${values.season}` : ''})`;
  if (values.lag !== undefined) printLag(title, programmes, pair(values.lag)!);
  else if (values.methods) {
    print(title, evaluate(programmes));
    if (values['by-kind']) for (const kind of options.kinds ?? KINDS) print(kind, evaluate(programmes.filter((p) => p.kind === kind)));
  } else printRegimes(title, programmes);
}

/** Prints the chosen rule per regime and over all: the figures the projection is judged on. */
function printRegimes(title: string, programmes: ReturnType<(typeof GENERATORS)['base']>): void {
  console.log(`\n${title}: the chosen rule per regime`);
  console.log(['regime'.padEnd(18), ...FIGURE_HEADS, '  chosen'].join(' '));
  const regimes = [...(options.kinds ?? KINDS), 'all'];
  for (const regime of regimes) {
    const rows = evaluate(regime === 'all' ? programmes : programmes.filter((p) => p.kind === regime));
    const r = rows.find((x) => x.method === RULE);
    if (!r) continue;
    const chosen = Object.entries(r.chosen ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([m, n]) => `${m} ${n}`).join(', ');
    console.log([regime.padEnd(18), ...figures(r), `  ${chosen}`].join(' '));
  }
}

function printSweep(cells: SweepCell[]): void {
  const f = (x: number) => x.toFixed(3);
  const p = (x: number) => x.toFixed(1);
  console.log(`chosen rule: MAE ÷ seasonal naive's (per seed ${values.seeds}), coverage % (per seed); by kind pooled over the seeds: ratio / coverage`);
  console.log(['gen'.padEnd(5), 'variant'.padEnd(14), '÷ naive'.padEnd(20), 'cover %'.padEnd(17), ...KINDS.map((k) => k.padEnd(17))].join(' '));
  for (const c of cells) {
    const kinds = KINDS.map((k) => `${f(c.byKind[k].ratio)}/${p(c.byKind[k].coverage)}`.padEnd(17));
    console.log([c.generator.padEnd(5), c.variant.padEnd(14), c.ratios.map(f).join(' ').padEnd(20), c.coverages.map(p).join(' ').padEnd(17), ...kinds].join(' '));
  }
  const ratios = cells.flatMap((c) => c.ratios);
  const covers = cells.flatMap((c) => c.coverages);
  console.log(`worst ÷ naive ${f(Math.max(...ratios))}, mean ${f(ratios.reduce((a, b) => a + b, 0) / ratios.length)}; coverage ${p(Math.min(...covers))}–${p(Math.max(...covers))} %`);
}

/** Prints, per regime, the rule's error and coverage from the figures as reported, raised, and complete. */
function printLag(title: string, programmes: ReturnType<(typeof GENERATORS)['base']>, share: [number, number]): void {
  console.log(`\n${title}: each round's own month reported at ${share[0]}–${share[1]} of its credits; MAE % / bias % / cover %`);
  const cell = (r: LagRow | undefined) => (r ? `${r.maePercent.toFixed(2)} / ${r.biasPercent.toFixed(2)} / ${r.coveragePercent.toFixed(1)}` : '–').padEnd(24);
  console.log(['regime'.padEnd(18), 'as reported'.padEnd(24), 'raised'.padEnd(24), 'complete'.padEnd(24)].join(' '));
  for (const regime of [...(options.kinds ?? KINDS), 'all']) {
    const rows = evaluateLag(regime === 'all' ? programmes : programmes.filter((p) => p.kind === regime), share, options.seed);
    console.log([regime.padEnd(18), ...rows.map(cell)].join(' '));
  }
}
