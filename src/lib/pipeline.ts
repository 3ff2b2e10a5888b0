// The data flow of a build, in the order it runs (each step a stage of src/lib):
//   ingest      read and check every export, compare each with the partner's previous one
//   aggregate   each partner's newest export per snapshot date → totals, months, fields, learners
//   projection  from the months known at the origin to the horizon, with its scorecard, and those
//               of earlier rounds against what was reported since (its record)
//   history     what each snapshot date reported and changed; each partner's exports and currency
//   (plausibility warnings, changes/plausibility.ts, are read off the exports as loaded)
//   → Summary (summary.json) and DashboardData (what every page presents).
// Scripts call this file and write what it returns; publish/ and view/ only present it.
import { ascending } from 'd3-array';
import { aggregate, cumulativeByMonth, type Aggregates } from './aggregate/aggregate.ts';
import { countLearners } from './aggregate/learner-counts.ts';
import { reportingHistory, type HistoryRow } from './aggregate/reporting-history.ts';
import { partnerCurrency, type Currency, type PartnerCurrency } from './aggregate/partner-currency.ts';
import { partnerHistory, type PartnerHistoryRow } from './aggregate/partner-history.ts';
import { plausibilityOf, type PlausibilityWarning } from './changes/plausibility.ts';
import { endsMonth, reportingRounds, roundMonthEnd } from './changes/rounds.ts';
import { resolveSnapshots, type Resolved } from './aggregate/resolve-snapshots.ts';
import type { PartnerExport } from './contract/partner-export.ts';
import type { Programme } from './contract/programme.ts';
import { monthOf } from './dates.ts';
import { readExports, type DataSource, type ExportWithCompletions, type ReadExports, type ReadOptions } from './ingest/read-exports.ts';
import { MIN_HISTORY_MONTHS, project } from './projection/project.ts';
import { comparedMonth, projectionRecord, type RecordRow } from './projection/record.ts';
import { lateRegistrations } from './projection/late.ts';
import type { MonthCredits, Projection, RoundMonth } from './projection/types.ts';

/** The exports as read, and what they add up to. */
interface LoadedData<E extends PartnerExport = PartnerExport> extends ReadExports<E> {
  resolved: Resolved;
  aggregates: Aggregates;
  /** Plausibility warnings (a month far off, a total that fell, a partner missing from a round): about the data as a whole. */
  plausibility: PlausibilityWarning[];
}

/** Cumulative credits that arrived after a frozen projection origin, to set against it. */
interface LaterActual {
  month: string;
  cumulativeCredits: number;
}

/** Everything the pages present, precomputed at build time; pages compute nothing themselves. */
export interface DashboardData {
  programme: Programme;
  aggregates: Aggregates;
  projection: Projection | null;
  /** Months after a frozen origin with what really happened (empty when the origin is the as-of date). */
  laterActual: LaterActual[];
  /** The date the projection is made from, or would be were the history up to it long enough (projectionOrigin). */
  projectionOrigin: string;
  /** The projections made at earlier reporting rounds against what has been reported since (projection/record.ts). */
  record: RecordRow[];
  /** The reporting history, each snapshot date with what changed since the one before. */
  history: HistoryRow[];
  /** Each partner's newest export against the as-of date, and whether the total is provisional. */
  currency: Currency;
  /** Each partner's exports with their totals and corrections, by partner id (its page's reporting history). */
  partnerHistory: Record<string, PartnerHistoryRow[]>;
}

/** summary.json's `reporting`: the interval, and whether the total is provisional because of the partners behind it. */
interface ReportingSummary {
  intervalDays: number;
  provisional: boolean;
  partnersBehind: string[];
}

/** summary.json's `change`: the latest snapshot date against the one before it. */
interface ChangeSummary {
  since: string;
  credits: number | null;
  added: number | null;
  withdrawn: number | null;
  corrected: number | null;
}

/**
 * summary.json's `projection`: the chosen method's figures at the horizon and its row of the
 * scorecard (projection-methods.csv), every error relative to the actual credits, negative = too low.
 */
interface ProjectionSummary {
  origin: string;
  horizon: string;
  central: number;
  low: number;
  high: number;
  method: string;
  backtests: number;
  meanAbsErrorPercent: number | null;
  biasPercent: number | null;
  intervalCoveragePercent: number | null;
  /** Credits completed by the origin and expected to be registered later, included in the projection (projection/late.ts): 0 when nothing is raised (the rounds' months did not grow, or the month had nothing reported), null without an estimate. */
  lateCredits: number | null;
}

/**
 * The published summary (summary.json): the figures a citation needs, in a stable shape and key
 * order (summaryOf sets it). Learners: counts of 1 to 4 people are published as the string "<5".
 */
export type Summary = Pick<
  Aggregates,
  'programme' | 'asOf' | 'demo' | 'targetCredits' | 'totalCredits' | 'percentOfTarget' | 'completions' | 'targetReachedOn' | 'targetReachedMonth' | 'learners' | 'partners' | 'fields'
> & {
  change: ChangeSummary | null;
  projection: ProjectionSummary | null;
  reporting: ReportingSummary;
};

/** What a build publishes and presents. */
export interface Built {
  loaded: LoadedData;
  data: DashboardData;
  summary: Summary;
}

/**
 * Returns the exports read and checked, resolved per snapshot date and aggregated, or throws a
 * DataError listing every problem. The cheap part of the flow: `validate`, the bench and the
 * tests stop here.
 */
export function loadData(source: DataSource, options?: ReadOptions & { keepCompletions?: false }): LoadedData;
export function loadData(source: DataSource, options: ReadOptions & { keepCompletions: true }): LoadedData<ExportWithCompletions>;
export function loadData(source: DataSource, options: ReadOptions = {}): LoadedData {
  const read = readExports(source, options);
  const resolved = resolveSnapshots(read.exports);
  return { ...read, resolved, aggregates: aggregate(read.programme, resolved, countLearners(read.programme, read.learners)), plausibility: plausibilityOf(read) };
}

/** Returns the whole flow for a data folder: the data as loaded, the page data and summary.json. */
export function runPipeline(source: DataSource): Built {
  return build(loadData(source));
}

/** Returns the page data and the summary of data already loaded. */
export function build(loaded: LoadedData): Built {
  const { programme, aggregates } = loaded;
  const currency = partnerCurrency(programme, loaded.exports, aggregates.asOf);
  const dataDate = projectionOrigin(programme, loaded.exports, aggregates.asOf, currency);
  const at: RoundPoint = { origin: roundMonthEnd(dataDate), data: dataDate };
  const rounds = earlierRounds(loaded, dataDate);
  const reportedAt = reportedMonths(loaded);
  const projection = projectionFor(loaded, at, rounds, reportedAt);
  const earlier = rounds.flatMap((r) => projectionFor(loaded, r, rounds, reportedAt) ?? []);
  // At the programme's last round there is no projection, but its month may still be short.
  const late = projection ? (projection.late ?? null) : lateRegistrations(historyAt(at, reportedAt) ?? [], earlierRoundMonths(loaded, at, rounds, reportedAt));
  const record = projectionRecord(earlier, aggregates.cumulative, comparedMonth(at.origin, late));
  const originMonth = projection ? monthOf(projection.origin) : null;
  const laterActual = originMonth
    ? aggregates.cumulative.filter((m) => m.month > originMonth).map((m) => ({ month: m.month, cumulativeCredits: m.cumulativeCredits }))
    : [];
  const history = reportingHistory(aggregates.snapshots, loaded.exports);
  const data: DashboardData = { programme, aggregates, projection, laterActual, projectionOrigin: at.origin, record, history, currency, partnerHistory: partnerHistory(loaded.exports) };
  return { loaded, data, summary: summaryOf(aggregates, history, projection, currency) };
}

/**
 * Returns the date the projection is made from: the as-of date, or programme.json's
 * `projectionOrigin` when earlier, or, while a reporting round is still coming in, the end of the
 * latest complete round (lastCompleteRound): one partner's January export beside the others'
 * December ones left January nearly empty, and the projection made from it fell 700 op below the
 * last one, its backtests 'running 600 % high'. A frozen origin sees the rounds as they stood on
 * its date: frozen between two rounds, it had read the months since the earlier one as empty.
 */
function projectionOrigin(programme: Programme, exports: readonly PartnerExport[], asOf: string, currency: Currency): string {
  const frozen = programme.projectionOrigin && programme.projectionOrigin < asOf ? programme.projectionOrigin : null;
  const known = frozen ? exports.filter((e) => e.date <= frozen) : exports;
  const complete = lastCompleteRound(known, frozen ? partnerCurrency(programme, known, frozen) : currency);
  const asked = frozen ?? asOf;
  return complete !== null && complete < asked ? complete : asked;
}

/** Where a projection starts: the month end it projects from (changes/rounds.ts roundMonthEnd), and the date of the data it reads. */
interface RoundPoint {
  origin: string;
  data: string;
}

/** An earlier reporting round: where the dashboard would have projected from at its end, and the partners that sent an export in it. */
interface EarlierRound extends RoundPoint {
  partners: ReadonlySet<string>;
}

/**
 * Returns the earlier reporting rounds, oldest first, each with the date of the data the dashboard
 * would have projected from at its end, found as the build finds today's from the exports it then
 * had, and the month end that data reports. Dates within a round are left out: on the demo's first
 * round, one partner's export alone had projected 816 op for December 2023.
 */
function earlierRounds(loaded: Pick<LoadedData, 'programme' | 'exports'>, data: string): EarlierRound[] {
  const { programme, exports } = loaded;
  const sorted = [...exports].sort((a, b) => ascending(a.date, b.date));
  const dates = reportingRounds(sorted).map((round) => round[round.length - 1].date).filter((d) => d < data);
  const points = new Set(
    dates.map((d) => {
      const then = exports.filter((e) => e.date <= d);
      return projectionOrigin(programme, then, d, partnerCurrency(programme, then, d));
    }),
  );
  return [...points]
    .filter((d) => d < data)
    .sort(ascending)
    .map((d) => ({ origin: roundMonthEnd(d), data: d, partners: new Set((reportingRounds(sorted.filter((e) => e.date <= d)).at(-1) ?? []).map((e) => e.partnerId)) }));
}

/** Credits per month from the period start to a date's month, as the exports on or before it report them. */
type ReportedAt = (date: string, partners?: ReadonlySet<string>) => MonthCredits[] | null;

/** Returns a memo of ReportedAt, of every partner's exports or of `partners`' only (null: none). */
function reportedMonths(loaded: Pick<LoadedData, 'programme' | 'exports'>): ReportedAt {
  const memo = new Map<string, MonthCredits[] | null>();
  return (date, partners) => {
    const key = partners ? `${date} ${[...partners].sort().join()}` : date;
    if (!memo.has(key)) {
      const known = resolveSnapshots(loaded.exports.filter((e) => e.date <= date && (!partners || partners.has(e.partnerId))));
      const months = cumulativeByMonth(known.current, monthOf(loaded.programme.period.start), monthOf(date)).map((m) => ({ month: m.month, credits: m.credits }));
      memo.set(key, known.asOf === '' ? null : months);
    }
    return memo.get(key)!;
  };
}

/** Returns the credits per month up to the month of `at.origin`, as the exports up to `at.data` report them (null: none). */
function historyAt(at: RoundPoint, reportedAt: ReportedAt, partners?: ReadonlySet<string>): MonthCredits[] | null {
  return reportedAt(at.data, partners)?.filter((m) => m.month <= monthOf(at.origin)) ?? null;
}

/**
 * Returns the own month of each earlier round that ended in its month's last week, as reported then
 * and at `at` by the partners that sent an export in that round and again after it: a partner
 * that joined later (with its back history) or skipped the round is no growth of its month, nor is
 * one that has sent nothing since (its month would read as never growing). None when `at` itself
 * does not end its month (changes/rounds.ts endsMonth).
 */
function earlierRoundMonths(loaded: Pick<LoadedData, 'exports'>, at: RoundPoint, rounds: readonly EarlierRound[], reportedAt: ReportedAt): RoundMonth[] {
  if (!endsMonth(at.origin)) return [];
  return rounds
    .filter((r) => monthOf(r.origin) < monthOf(at.origin) && endsMonth(r.origin))
    .flatMap((r) => {
      const partners = new Set(loaded.exports.filter((e) => r.partners.has(e.partnerId) && e.date > r.data && e.date <= at.data).map((e) => e.partnerId));
      const month = monthOf(r.origin);
      const then = reportedAt(r.data, partners)?.find((m) => m.month === month);
      const now = reportedAt(at.data, partners)?.find((m) => m.month === month);
      return partners.size > 0 && then && now ? [{ month, then: then.credits, now: now.credits }] : [];
    });
}

/**
 * Returns the projection as it would have been made at `at`: only snapshots on or before its data
 * date count, so a frozen origin ignores everything that arrived later, and the months after its
 * origin month are left to the chart's actual line. The origin month is raised by the late
 * registrations the earlier rounds' own months had (late.ts).
 */
function projectionFor(loaded: Pick<LoadedData, 'programme' | 'exports'>, at: RoundPoint, rounds: readonly EarlierRound[], reportedAt: ReportedAt): Projection | null {
  const { programme } = loaded;
  if (monthOf(programme.projectionHorizon) <= monthOf(at.origin)) return null;
  const history = historyAt(at, reportedAt);
  if (history === null || history.length < MIN_HISTORY_MONTHS) return null;
  return project({ monthly: history, origin: at.origin, horizon: programme.projectionHorizon, earlierRounds: earlierRoundMonths(loaded, at, rounds, reportedAt) });
}

/**
 * Returns the last date of the newest reporting round (changes/rounds.ts) in which
 * every partner expected sent an export, or null when none is. Expected in a round are the partners
 * reporting on time (partnerCurrency) and those that took part in the round before it: a partner
 * whose export is late is waited for one round, as a projection made from a month it has not
 * reported yet reads its silence as a collapse (the demo's dated folder of 28.12.2023, one partner's
 * December beside four partners' September, projected 9 715 op where the round before gave 12 210,
 * between 7 292 and 23 149, its backtests 'running 340 % high'). One that missed a whole round may
 * have stopped reporting and is not waited for again: its total is marked provisional instead.
 */
export function lastCompleteRound(exports: readonly Pick<PartnerExport, 'date' | 'partnerId'>[], currency: { partners: readonly Pick<PartnerCurrency, 'id' | 'lastSnapshot' | 'behind'>[] }): string | null {
  const onTime = currency.partners.filter((p) => p.lastSnapshot !== null && !p.behind).map((p) => p.id);
  const rounds = reportingRounds([...exports].sort((a, b) => ascending(a.date, b.date)));
  for (let i = rounds.length - 1; i >= 0; i--) {
    const present = new Set(rounds[i].map((e) => e.partnerId));
    const expected = [...onTime, ...(rounds[i - 1] ?? []).map((e) => e.partnerId)];
    if (expected.every((id) => present.has(id))) return rounds[i][rounds[i].length - 1].date;
  }
  return null;
}

/** Returns summary.json's figures: the aggregates', the latest change and the projection's. */
export function summaryOf(a: Aggregates, history: readonly HistoryRow[], projection: Projection | null, currency: Currency): Summary {
  return {
    programme: a.programme,
    asOf: a.asOf,
    demo: a.demo,
    targetCredits: a.targetCredits,
    totalCredits: a.totalCredits,
    percentOfTarget: a.percentOfTarget,
    completions: a.completions,
    targetReachedOn: a.targetReachedOn,
    targetReachedMonth: a.targetReachedMonth,
    learners: a.learners,
    partners: a.partners,
    fields: a.fields,
    change: changeSummary(history),
    projection: projection && projectionSummary(projection),
    reporting: { intervalDays: currency.intervalDays, provisional: currency.provisional, partnersBehind: currency.behind },
  };
}

/** Returns the latest snapshot date against the one before it, or null with one snapshot date. */
function changeSummary(history: readonly HistoryRow[]): ChangeSummary | null {
  const last = history[history.length - 1];
  if (!last || last.since === null) return null;
  return { since: last.since, credits: last.creditChange, added: last.added, withdrawn: last.withdrawn, corrected: last.corrected };
}

function projectionSummary(p: Projection): ProjectionSummary {
  const row = p.scorecard.find((r) => r.chosen);
  return {
    origin: p.origin,
    horizon: p.horizon,
    central: p.central,
    low: p.low,
    high: p.high,
    method: p.method,
    backtests: row?.backtests ?? 0,
    meanAbsErrorPercent: row?.mean_abs_error_percent ?? null,
    biasPercent: row?.bias_percent ?? null,
    intervalCoveragePercent: row?.interval_coverage_percent ?? null,
    lateCredits: p.late ? Math.round(p.late.expected - p.late.reported) : null,
  };
}
