import { percentOf, type ChartView, type CumulativeView } from './chart-view.ts';
import { viewTitle } from './chart-texts.ts';
import type { DashboardData } from '../pipeline.ts';
import { formatter, type Formatter } from '../format.ts';
import { publishedErrorPercent } from '../projection/backtest.ts';
import { t, type StringKey } from '../i18n/index.ts';
import type { Lang } from '../contract/programme.ts';

export interface Column {
  label: string;
  numeric: boolean;
}

/** A table ready to render: every cell already formatted for the language. */
export interface TableModel {
  caption: string;
  columns: Column[];
  rows: string[][];
  foot: string[] | null;
  /** A link for each row's first cell (its row header), e.g. to a partner's own page; none when absent. */
  rowLinks?: (string | null)[];
}

/** Returns a column maker for a language: numeric columns (right-aligned) unless told otherwise. */
export const columnsIn =
  (lang: Lang) =>
  (label: StringKey, numeric = true): Column => ({ label: t(lang, label), numeric });

/** Returns the data table behind a chart: the rows of its view, every value formatted. */
export function chartTable(v: ChartView): TableModel {
  if (v.id === 'cumulative') return cumulativeTable(v);
  const f = formatter(v.lang);
  const col = columnsIn(v.lang);
  const total = t(v.lang, 'table.total');
  const caption = t(v.lang, `chart.${v.id}.title`);
  if (v.id === 'monthly') {
    return {
      caption,
      columns: [col('table.month', false), col('table.credits'), col('table.completions')],
      rows: v.rows.map((r) => [f.month(r.month), f.number(r.credits), f.number(r.completions)]),
      foot: [total, f.number(v.total), f.number(v.completions)],
    };
  }
  const share = f.percent(percentOf(v.total, v.total));
  if (v.id === 'partners') {
    return {
      caption,
      columns: [col('table.partner', false), col('table.credits'), col('table.share'), col('table.completions'), col('table.lastSnapshot')],
      rows: v.rows.map((r) => [r.name, f.number(r.credits), f.percent(r.share), f.number(r.completions), r.lastSnapshot ? f.date(r.lastSnapshot) : '–']),
      foot: [total, f.number(v.total), share, f.number(v.completions), f.date(v.asOf)],
    };
  }
  return {
    caption,
    columns: [col('table.field', false), col('table.credits'), col('table.share'), col('table.completions')],
    rows: v.rows.map((r) => [r.name, f.number(r.credits), f.percent(r.share), f.number(r.completions)]),
    foot: [total, f.number(v.total), share, f.number(v.completions)],
  };
}

/** What one reporting date changed: its credits against the date before, the completions added, corrected and withdrawn. */
interface DateChange {
  creditChange: number | null;
  added: number | null;
  corrected: number | null;
  withdrawn: number | null;
}

/** The four change columns of a reporting history (the programme's, or one partner's). */
export const CHANGE_COLUMNS = ['snapshots.change', 'snapshots.added', 'snapshots.corrected', 'snapshots.withdrawn'] as const;

/** Returns a reporting date's change cells, a dash where there was nothing to compare with. */
export function changeCells(r: DateChange, f: Formatter): string[] {
  const n = (x: number | null) => (x === null ? '–' : f.number(x));
  return [r.creditChange === null ? '–' : f.signedNumber(r.creditChange), n(r.added), n(r.corrected), n(r.withdrawn)];
}

/**
 * Returns the reporting history: the total as each snapshot date reported it, its change since
 * the date before, and the completions the exports of that date added, corrected and withdrew.
 */
export function snapshotsTable(d: Pick<DashboardData, 'history'>, lang: Lang): TableModel {
  const f = formatter(lang);
  const col = columnsIn(lang);
  return {
    caption: t(lang, 'snapshots.title'),
    columns: [col('snapshots.date', false), col('snapshots.reported'), ...CHANGE_COLUMNS.map((k) => col(k))],
    rows: d.history.map((r) => [f.date(r.date), f.number(r.reportedCredits), ...changeCells(r, f)]),
    foot: null,
  };
}

/** Returns the caption of a table of the projection: its title and the date it was made on. */
const projectedCaption = (v: CumulativeView, title: string, origin: string) => `${title} (${t(v.lang, 'table.projectedOn', { date: formatter(v.lang).date(origin) })})`;

/**
 * Returns the cumulative table: actual months, then projected months with their interval; with
 * a frozen origin, the actual values that arrived later stand beside the projection.
 */
function cumulativeTable(v: CumulativeView): TableModel {
  const p = v.projection;
  const f = formatter(v.lang);
  const col = columnsIn(v.lang);
  // A partner without a target of its own has a running total only: the title says no target.
  const title = viewTitle(v);
  const target = v.target;
  const columns = [col('table.month', false), col('table.credits'), col('table.cumulative'), ...(target === null ? [] : [col('table.target')])];
  if (p) columns.push(col('table.projection'), col('table.interval'));
  const n = (x: number | null) => (x === null ? '–' : f.number(x));
  return {
    caption: p ? projectedCaption(v, title, p.origin) : title,
    columns,
    rows: v.rows.map((r) => {
      const row = [f.month(r.month), n(r.credits), n(r.cumulative), ...(target === null ? [] : [f.number(target)])];
      if (p) row.push(r.projected ? f.number(r.projected.central) : '–', r.projected ? interval(f, r.projected) : '–');
      return row;
    }),
    foot: null,
  };
}

/** Returns an interval's cell: `11 560–12 610`. */
export const interval = (f: ReturnType<typeof formatter>, q: { low: number; high: number }) => `${f.number(q.low)}–${f.number(q.high)}`;

/** Returns the chosen method's backtests: each re-run from an earlier month against what happened, the error as published. */
export function backtestTable(d: DashboardData, lang: Lang): TableModel | null {
  const p = d.projection;
  if (!p || p.backtest.length === 0) return null;
  const f = formatter(lang);
  const signed = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${f.percent(n)}`);
  const col = columnsIn(lang);
  return {
    caption: t(lang, 'method.backtest.title'),
    columns: [col('method.backtest.origin', false), col('method.backtest.horizon'), col('method.backtest.predicted'), col('method.backtest.actual'), col('method.backtest.error')],
    rows: p.backtest.map((b) => [f.month(b.origin), f.number(b.horizonMonths), f.number(b.predicted), f.number(b.actual), signed(publishedErrorPercent(b))]),
    foot: null,
  };
}

/** Returns the projected months with their interval, or null without a projection. */
export function projectionTable(v: CumulativeView): TableModel | null {
  const p = v.projection;
  if (!p) return null;
  const f = formatter(v.lang);
  const col = columnsIn(v.lang);
  return {
    // Not "Ennuste (Ennuste laadittu …)": the title and the date in one phrase.
    caption: t(v.lang, 'table.projectionCaption', { date: f.date(p.origin) }),
    columns: [col('table.month', false), col('table.projection'), col('table.interval')],
    rows: v.rows.flatMap((r) => (r.projected ? [[f.month(r.month), f.number(r.projected.central), interval(f, r.projected)]] : [])),
    foot: null,
  };
}
