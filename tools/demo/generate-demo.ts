import { targetReachedOn } from '../../src/lib/aggregate/aggregate.ts';
import type { Completion } from '../../src/lib/contract/completion.ts';
import { monthOf } from '../../src/lib/dates.ts';
import type { Programme } from '../../src/lib/contract/programme.ts';
import { buildCatalogue } from './catalogue.ts';
import { calibrate } from './calibrate.ts';
import { createFactory } from './factory.ts';
import { courseWeights, generateHistory, monthShares } from './history.ts';
import { cmp } from './order.ts';
import { PARTNER_PROFILES } from './profile.ts';
import { createRandom, deriveSeed } from './random.ts';
import { renderExports, type DemoFile } from './render.ts';
import { applyRevisions, type RevisionCounts } from './revisions.ts';
import { buildSchedule } from './schedule.ts';
import type { Course, DemoCompletion } from './types.ts';

export interface DemoOptions extends RevisionCounts {
  seed: number;
  /** Exact credits in every partner's newest export together. */
  totalCredits: number;
  /** Credits the running total first reaches in the month of the last round. */
  targetCredits: number;
  /** Snapshot rounds, ascending; every partner exports once per round, the last is the as-of date. */
  rounds: string[];
  /** Each field gets at least this many completions in the newest exports. */
  minCompletionsPerField: number;
}

export interface DemoSummary {
  asOf: string;
  files: number;
  /** Completions in every partner's newest export. */
  completions: number;
  totalCredits: number;
  targetReachedOn: string | null;
  learners: number;
  withdrawn: number;
  corrected: number;
  calibration: { added: number; removed: number };
}

export interface DemoResult {
  files: DemoFile[];
  summary: DemoSummary;
}

/**
 * Share of the total given to the monthly budgets: each month × partner budget overshoots by
 * about half a course, and calibration should have little left to add or remove.
 */
const BUDGET_FACTOR = 0.98;

/** The seed of the committed demonstration data. */
export const DEMO_SEED = 8937;

/**
 * Returns the options of the committed data: the published December 2023 total (8 937 credits),
 * first passing the programme's target in December 2023, snapshots every term and a mid-autumn one.
 */
export function defaultDemoOptions(programme: Programme): DemoOptions {
  return {
    seed: DEMO_SEED,
    totalCredits: 8937,
    targetCredits: programme.targetCredits,
    rounds: ['2022-06-30', '2022-12-31', '2023-06-30', '2023-09-30', '2023-12-31'],
    withdrawals: 6,
    creditCorrections: 4,
    dateCorrections: 4,
    minCompletionsPerField: 3,
  };
}

/** Returns every partner export of the demonstration data, a pure function of its arguments. */
export function generateDemo(programme: Programme, options: DemoOptions): DemoResult {
  const { rounds } = options;
  if (rounds.length < 2 || rounds.some((d, i) => i > 0 && d <= rounds[i - 1])) throw new Error('rounds: need two or more dates, ascending');
  if (rounds[0] <= programme.period.start) throw new Error('rounds: the first must be after the programme start');
  if (!(options.totalCredits > options.targetCredits)) throw new Error('totalCredits must exceed targetCredits');
  const rng = (label: string) => createRandom(deriveSeed(options.seed, label));
  const partners = programme.partners.map((p) => {
    const profile = PARTNER_PROFILES[p.id];
    if (!profile) throw new Error(`no demo profile for partner ${p.id}`);
    return { id: p.id, profile };
  });
  const fieldCodes = programme.fields.map((f) => f.code);
  const asOf = rounds[rounds.length - 1];
  const finalMonth = monthOf(asOf);

  const catalogue = buildCatalogue(partners, fieldCodes, rng('catalogue'));
  const schedules = buildSchedule(partners.map((p) => p.id), rounds, rng('schedule'));
  const factory = createFactory(rng('completions'), programme.period.start, asOf);
  const history = generateHistory(
    { partners, catalogue, start: programme.period.start, end: asOf, budget: options.totalCredits * 100 * BUDGET_FACTOR },
    factory,
    rng('history'),
  );
  applyRevisions(history, schedules, options, `${finalMonth}-01`, rng('revisions'));

  const finalDate = new Map(schedules.map((s) => [s.partnerId, s.dates[s.dates.length - 1]]));
  const globalWeight = courseWeightsForAll(partners, catalogue);
  const calibrationRng = rng('calibration');
  const calibrated = calibrate(
    history,
    {
      total: Math.round(options.totalCredits * 100),
      target: Math.round(options.targetCredits * 100),
      finalMonth,
      minPerField: options.minCompletionsPerField,
      fieldCodes,
    },
    {
      factory,
      rng: calibrationRng,
      finalDate,
      earlierMonths: monthShares(programme.period.start, asOf).filter((m) => m.month < finalMonth),
      pickCourse: (accept) => calibrationRng.weighted(catalogue.filter(accept), (c) => globalWeight.get(c)!),
    },
  );

  // Completions registered after the partner's newest export are in no file: leave them out.
  const pool = calibrated.pool.filter((c) => c.registeredOn <= finalDate.get(c.partnerId)!);
  assignIds(pool, partners);
  const files = renderExports(pool, schedules);
  return { files, summary: summarise(files, pool, finalDate, options, calibrated) };
}

/** Returns each course's share of all completions: partner share × its weight within the partner. */
function courseWeightsForAll(
  partners: readonly { id: string; profile: (typeof PARTNER_PROFILES)[string] }[],
  catalogue: readonly Course[],
): Map<Course, number> {
  const out = new Map<Course, number>();
  for (const p of partners) {
    const weights = courseWeights(catalogue.filter((c) => c.partnerId === p.id), p.profile);
    const sum = [...weights.values()].reduce((a, b) => a + b, 0);
    for (const [c, w] of weights) out.set(c, (p.profile.share * w) / sum);
  }
  return out;
}

/** Numbers each partner's completions in the order they were registered: `MET-000001`, … */
function assignIds(pool: DemoCompletion[], partners: readonly { id: string; profile: { prefix: string } }[]): void {
  for (const p of partners) {
    pool
      .filter((c) => c.partnerId === p.id)
      .sort((a, b) => cmp(a.registeredOn, b.registeredOn) || cmp(a.completedOn, b.completedOn) || a.seq - b.seq)
      .forEach((c, i) => {
        c.id = `${p.profile.prefix}-${String(i + 1).padStart(6, '0')}`;
      });
  }
}

function summarise(
  files: readonly DemoFile[],
  pool: readonly DemoCompletion[],
  finalDate: ReadonlyMap<string, string>,
  options: DemoOptions,
  calibrated: { added: number; removed: number },
): DemoSummary {
  const newest = files.filter((f) => finalDate.get(f.partnerId) === f.date);
  const current: Completion[] = newest.flatMap((f) =>
    f.rows.map((r) => ({ id: r.id, partnerId: f.partnerId, completedOn: r.completedOn, courseCode: r.courseCode, fieldCode: r.fieldCode, credits: r.credits })),
  );
  const total = current.reduce((s, c) => s + c.credits, 0);
  const reached = targetReachedOn(current, Math.round(options.targetCredits * 100));
  const asOf = options.rounds[options.rounds.length - 1];
  if (total !== Math.round(options.totalCredits * 100) || reached === null || monthOf(reached) !== monthOf(asOf)) {
    throw new Error(`calibration failed: total ${total / 100}, target reached on ${reached}`);
  }
  return {
    asOf,
    files: files.length,
    completions: current.length,
    totalCredits: total / 100,
    targetReachedOn: reached,
    learners: new Set(pool.map((c) => c.learnerId)).size,
    withdrawn: pool.filter((c) => c.withdrawnOn !== undefined).length,
    corrected: pool.filter((c) => c.recordedWrong !== undefined).length,
    calibration: { added: calibrated.added, removed: calibrated.removed },
  };
}
