import { chartView, type BreakdownView, type ChartData, type ChartId, type ChartView, type CumulativeView, type MonthlyView } from '../view/chart-view.ts';
import { formatter, roughly } from '../format.ts';
import { reachedMonth, reachedText } from '../view/target-reached.ts';
import { t } from '../i18n/index.ts';
import type { Lang } from '../contract/programme.ts';

// A chart's series is what the drawing needs of its view (view/chart-view.ts), already in the
// page language: it travels in the page as JSON, and chartConfig() turns it into a chart.

/** Cumulative credits by month, the target, and (when there is one) the projection. */
export interface CumulativeSeries {
  kind: 'cumulative';
  months: string[];
  actual: (number | null)[];
  /** Null: no target line (a partner without a target of its own). */
  target: number | null;
  /** Index in `months` of the month the target was crossed, with the day (or only the month, YYYY-MM, when no more is known). */
  crossing: { index: number; date: string } | null;
  projection: { central: (number | null)[]; low: (number | null)[]; high: (number | null)[] } | null;
  /** Values that arrived after a frozen projection origin. */
  later: (number | null)[] | null;
  /** `projectionEnd`: the label at the projection's end, rounded as the summary sentence rounds it. */
  labels: { actual: string; target: string; crossed: string | null; projection: string; projectionEnd: string | null; band: string; later: string };
}

/** One value per category, in display order. */
export interface BarSeries {
  kind: 'monthly' | 'partners' | 'fields';
  categories: string[];
  /** Axis labels; months are shown as short month names. */
  labels: string[];
  values: number[];
  seriesLabel: string;
}

export type Series = CumulativeSeries | BarSeries;

/** Returns the cumulative series, extended to the projection horizon when there is one. */
export function cumulativeSeries(v: CumulativeView): CumulativeSeries {
  const f = formatter(v.lang);
  const p = v.projection;
  const months = v.rows.map((r) => r.month);
  const originIndex = p ? months.indexOf(p.origin.slice(0, 7)) : -1;
  // With a frozen origin the solid line stops there; what came later is drawn as its own series.
  const frozen = p !== null && p.frozen;
  const actual = v.rows.map((r, i) => (!frozen || i <= originIndex ? r.cumulative : null));
  const later = frozen ? v.rows.map((r, i) => (i === originIndex ? p.start : i > originIndex ? r.cumulative : null)) : null;
  const pick = (key: 'central' | 'low' | 'high') =>
    v.rows.map((r, i) => (i === originIndex ? p!.start : i < originIndex ? null : (r.projected?.[key] ?? null)));
  const r = v.reached;
  const index = r ? months.indexOf(reachedMonth(r)) : -1;
  return {
    kind: 'cumulative',
    months,
    actual,
    target: v.target,
    crossing: index >= 0 && r ? { index, date: r.iso } : null,
    projection: p && originIndex >= 0 ? { central: pick('central'), low: pick('low'), high: pick('high') } : null,
    later,
    labels: {
      actual: t(v.lang, 'chart.cumulative.actual'),
      target: v.target === null ? '' : `${t(v.lang, 'chart.cumulative.target')} ${f.credits(v.target)}`,
      // "Tavoite ylittyi 8.12.2023" and "… joulukuussa 2023" read alike: one string serves both.
      crossed: r ? t(v.lang, 'chart.cumulative.crossed', { date: reachedText(r, f) }) : null,
      projection: t(v.lang, 'chart.cumulative.projection'),
      projectionEnd: p ? t(v.lang, 'chart.cumulative.projectionEnd', { credits: f.credits(roughly(p.central)) }) : null,
      band: t(v.lang, p?.untested ? 'chart.cumulative.bandUntested' : 'chart.cumulative.band'),
      later: t(v.lang, 'chart.cumulative.later'),
    },
  };
}

/** Returns credits per month. */
function monthlySeries(v: MonthlyView): BarSeries {
  const f = formatter(v.lang);
  return {
    kind: 'monthly',
    categories: v.rows.map((r) => r.month),
    labels: v.rows.map((r) => f.monthShort(r.month)),
    values: v.rows.map((r) => r.credits),
    seriesLabel: t(v.lang, 'chart.monthly.series'),
  };
}

/** Returns credits by partner or by field, in the view's order, named by the short names. */
function breakdownSeries(v: BreakdownView): BarSeries {
  return {
    kind: v.id,
    categories: v.rows.map((r) => r.key),
    labels: v.rows.map((r) => r.label),
    values: v.rows.map((r) => r.credits),
    seriesLabel: t(v.lang, 'chart.series'),
  };
}

/** Returns the series of a chart's view. */
export function chartSeries(v: ChartView): Series {
  if (v.id === 'cumulative') return cumulativeSeries(v);
  if (v.id === 'monthly') return monthlySeries(v);
  return breakdownSeries(v);
}

/** Returns the series of a chart in a language. */
export function seriesFor(id: ChartId, d: ChartData, lang: Lang): Series {
  return chartSeries(chartView(id, d, lang));
}

/** Returns a series as JSON for a `<script type="application/json">` block ("<" escaped, so no text can close it). */
export function seriesJson(series: Series): string {
  return JSON.stringify(series).replace(/</g, '\\u003c');
}
