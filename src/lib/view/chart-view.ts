// One view model per chart: the rows it shows, in display order and named in the page language,
// made once from the page data. The chart's series (charts/series.ts), its data table
// (tables.ts) and its summary sentence (chart-texts.ts) all read the same view, so the three can
// never sort or name a row differently.
import { descending, rollup, sum } from 'd3-array';
import type { Lang } from '../contract/programme.ts';
import { monthOf } from '../dates.ts';
import { MIN_HISTORY_MONTHS } from '../projection/project.ts';
import { recordLean } from '../projection/scorecard.ts';
import { MIN_BACKTESTS } from '../projection/interval.ts';
import type { Projection, ScorecardRow } from '../projection/types.ts';
import type { DashboardData } from '../pipeline.ts';
import { targetReached, type TargetReached } from './target-reached.ts';

/** The charts the dashboard shows, in page order; every renderer and page takes this list. */
export type ChartId = 'cumulative' | 'monthly' | 'partners' | 'fields';
export const CHART_IDS: readonly ChartId[] = ['cumulative', 'monthly', 'partners', 'fields'];

/** What the chart views read of the page data (a DashboardData is one). */
export interface ChartData {
  /**
   * `period` tells whether the projection runs to the end of the programme period, and
   * `projectionHorizon` whether one is wanted at all (both optional: hand-made data, a partner's).
   */
  programme: Pick<DashboardData['programme'], 'partners' | 'fields'> & { period?: { end: string }; projectionHorizon?: string };
  /** The target is null for a part without one of its own (a partner's page, see partner-data.ts). */
  aggregates: Pick<DashboardData['aggregates'], 'asOf' | 'totalCredits' | 'completions' | 'targetReachedOn' | 'targetReachedMonth' | 'partners' | 'fields' | 'cumulative' | 'monthly'> & { targetCredits: number | null };
  projection: (Pick<Projection, 'origin' | 'horizon' | 'startCumulative' | 'months' | 'central' | 'low' | 'high'> & Partial<Pick<Projection, 'scorecard' | 'notes' | 'late'>>) | null;
  laterActual: DashboardData['laterActual'];
  /** When absent (hand-made data, a partner's), the projection would be made from the as-of date. */
  projectionOrigin?: DashboardData['projectionOrigin'];
}

/** One month of the cumulative chart: what was counted, and what was projected for it. */
interface CumulativeRow {
  month: string;
  /** The month's credits and the running total; null for a month still to come. */
  credits: number | null;
  cumulative: number | null;
  projected: { central: number; low: number; high: number } | null;
}

/** The running total against the target, from the period start to the projection horizon. */
export interface CumulativeView {
  id: 'cumulative';
  lang: Lang;
  rows: CumulativeRow[];
  /** The target line, or null where there is none (no line, no column, no crossing). */
  target: number | null;
  total: number;
  asOf: string;
  /** When the running total first reached the target (the day, or only the month), or null. */
  reached: TargetReached | null;
  projection: {
    origin: string;
    horizon: string;
    /** The running total the projection starts from (at its origin month). */
    start: number;
    central: number;
    low: number;
    high: number;
    /** The origin was frozen before the as-of date: the months after it were counted as well. */
    frozen: boolean;
    /** How the chosen method's earlier projections leaned, whole percent (positive: ran high), or null (scorecard.ts recordLean). */
    lean: number | null;
    /** The horizon is the end of the programme period (which is why the projection stops there). */
    periodEnd: boolean;
    /** Too few backtests to measure the interval: its width is the default, not a tested 80 %. */
    untested: boolean;
    /**
     * Measured, but not yet tried: under five of the chosen method's backtests were judged against a
     * band measured from the ones before them (the rest against the set default), so nothing yet
     * shows how often a band measured this way holds what comes later.
     */
    untried: boolean;
    /** Credits completed by the origin but expected to be registered only later, included in the projection (projection/late.ts), or null. */
    late: number | null;
  } | null;
  /** No projection yet, for want of history: the months there are and the months one needs; else null. */
  tooShort: { months: number; needed: number; completeTo: string | null } | null;
}

/** Credits and completions of each month, in calendar order. */
export interface MonthlyView {
  id: 'monthly';
  lang: Lang;
  rows: { month: string; credits: number; completions: number }[];
  total: number;
  completions: number;
  /** The newest month's credits the projection expects to be registered later (projection/late.ts), or null. */
  late: { month: string; credits: number } | null;
}

/** One partner or field of a breakdown. */
interface BreakdownRow {
  /** The partner id or the field code. */
  key: string;
  /** The short name: on the chart's axis and in its summary. */
  label: string;
  /** The full name: in the data table. */
  name: string;
  credits: number;
  completions: number;
  /** Percent of all credits. */
  share: number;
  /** The partner's latest export (partners only). */
  lastSnapshot?: string | null;
}

/** Credits by partner or by field, largest first. */
export interface BreakdownView {
  id: 'partners' | 'fields';
  lang: Lang;
  rows: BreakdownRow[];
  total: number;
  completions: number;
  asOf: string;
}

export type ChartView = CumulativeView | MonthlyView | BreakdownView;
/** The view of each chart, by id. */
interface ChartViews {
  cumulative: CumulativeView;
  monthly: MonthlyView;
  partners: BreakdownView;
  fields: BreakdownView;
}

/** Returns `part` as a percentage of `whole` (0 when there is nothing to share). */
export const percentOf = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

/**
 * Returns, when a projection is wanted but the history up to its origin is too short for one, the
 * months there are and the months needed, and the origin when a round still coming in put it
 * before the as-of date (the page then says up to when every partner's data is in).
 */
function tooShort(d: ChartData): CumulativeView['tooShort'] {
  const a = d.aggregates;
  const origin = d.projectionOrigin ?? a.asOf;
  if (d.programme.projectionHorizon === undefined || monthOf(d.programme.projectionHorizon) <= monthOf(a.asOf)) return null;
  const months = a.cumulative.filter((m) => m.month <= monthOf(origin)).length;
  return months < MIN_HISTORY_MONTHS ? { months, needed: MIN_HISTORY_MONTHS, completeTo: origin < a.asOf ? origin : null } : null;
}

/** Returns the cumulative view: counted months, then the projected ones up to the horizon. */
export function cumulativeView(d: ChartData, lang: Lang): CumulativeView {
  const a = d.aggregates;
  const p = d.projection;
  const counted = new Map(a.cumulative.map((m) => [m.month, m]));
  const projected = new Map((p?.months ?? []).map((m) => [m.month, m]));
  const months = [...new Set([...counted.keys(), ...projected.keys()])].sort();
  return {
    id: 'cumulative',
    lang,
    rows: months.map((month) => {
      const m = counted.get(month);
      const q = projected.get(month);
      return { month, credits: m?.credits ?? null, cumulative: m?.cumulativeCredits ?? null, projected: q ? { central: q.central, low: q.low, high: q.high } : null };
    }),
    target: a.targetCredits,
    total: a.totalCredits,
    asOf: a.asOf,
    reached: targetReached(a),
    tooShort: p === null ? tooShort(d) : null,
    projection: p && {
      origin: p.origin,
      horizon: p.horizon,
      start: p.startCumulative,
      central: p.central,
      low: p.low,
      high: p.high,
      frozen: d.laterActual.length > 0,
      lean: recordLean(p.scorecard ?? []),
      periodEnd: d.programme.period?.end === p.horizon,
      untested: p.notes?.includes('default-interval') ?? false,
      untried: untried(p.scorecard),
      late: p.late ? p.late.expected - p.late.reported : null,
    },
  };
}

/** Returns whether the chosen method's measured band was judged on under five of its backtests (see `untried`). */
function untried(rows: readonly ScorecardRow[] | undefined): boolean {
  const chosen = rows?.find((r) => r.chosen);
  return chosen !== undefined && chosen.backtests - chosen.interval_default_backtests < MIN_BACKTESTS;
}

/**
 * Returns the credits the projection expects still to be registered for the newest month shown, or
 * null when it expects none for it (none estimated, or a projection made at an earlier month).
 */
function lateInNewestMonth(d: ChartData): { month: string; credits: number } | null {
  const late = d.projection?.late;
  const newest = d.aggregates.cumulative.at(-1)?.month;
  const shown = d.aggregates.cumulative.at(-1)?.credits ?? 0;
  // Against the bar as shown: exports since the origin may have brought part of what was expected.
  return late && late.month === newest ? { month: late.month, credits: Math.max(0, late.expected - shown) } : null;
}

/** Returns the monthly view: every month from the period start to the as-of month. */
function monthlyView(d: ChartData, lang: Lang): MonthlyView {
  const a = d.aggregates;
  const completions = rollup(a.monthly, (g) => sum(g, (c) => c.completions), (c) => c.month);
  return {
    id: 'monthly',
    lang,
    rows: a.cumulative.map((m) => ({ month: m.month, credits: m.credits, completions: completions.get(m.month) ?? 0 })),
    total: a.totalCredits,
    completions: a.completions,
    late: lateInNewestMonth(d),
  };
}

/** Returns credits by partner, largest first (ties keep the programme's order). */
function partnersView(d: ChartData, lang: Lang): BreakdownView {
  const a = d.aggregates;
  const rows = a.partners.map((r): BreakdownRow => {
    const partner = d.programme.partners.find((p) => p.id === r.id);
    const { credits, completions, lastSnapshot } = r;
    return { key: r.id, label: partner?.shortName ?? r.id, name: partner?.name[lang] ?? r.id, credits, completions, share: percentOf(credits, a.totalCredits), lastSnapshot };
  });
  return breakdown('partners', lang, rows.sort((x, y) => descending(x.credits, y.credits)), d);
}

/** Returns credits by field, largest first (ties by field code). */
function fieldsView(d: ChartData, lang: Lang): BreakdownView {
  const a = d.aggregates;
  const rows = [...a.fields].sort((x, y) => descending(x.credits, y.credits) || x.code - y.code).map((r): BreakdownRow => {
    const name = d.programme.fields.find((x) => x.code === r.code)?.name[lang] ?? String(r.code);
    return { key: String(r.code), label: name, name, credits: r.credits, completions: r.completions, share: percentOf(r.credits, a.totalCredits) };
  });
  return breakdown('fields', lang, rows, d);
}

function breakdown(id: BreakdownView['id'], lang: Lang, rows: BreakdownRow[], d: ChartData): BreakdownView {
  return { id, lang, rows, total: d.aggregates.totalCredits, completions: d.aggregates.completions, asOf: d.aggregates.asOf };
}

const VIEWS: { [K in ChartId]: (d: ChartData, lang: Lang) => ChartViews[K] } = {
  cumulative: cumulativeView,
  monthly: monthlyView,
  partners: partnersView,
  fields: fieldsView,
};

/** Returns the view of one chart in a language. */
export function chartView<K extends ChartId>(id: K, d: ChartData, lang: Lang): ChartViews[K] {
  return VIEWS[id](d, lang);
}

