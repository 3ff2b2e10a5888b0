import { descending } from 'd3-array';
import type { DashboardData } from '../view/dashboard-data.ts';
import { formatter } from '../format.ts';
import { t } from '../i18n/index.ts';
import type { Lang } from '../contract/programme.ts';

/** Cumulative credits by month, the target, and (when there is one) the projection. */
export interface CumulativeSeries {
  kind: 'cumulative';
  months: string[];
  actual: (number | null)[];
  target: number;
  /** Index in `months` of the month the target was crossed, with the exact date. */
  crossing: { index: number; date: string } | null;
  projection: { central: (number | null)[]; low: (number | null)[]; high: (number | null)[] } | null;
  /** Values that arrived after a frozen projection origin. */
  later: (number | null)[] | null;
  labels: { actual: string; target: string; crossed: string | null; projection: string; band: string; later: string };
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
export type ChartId = 'cumulative' | 'monthly' | 'partners' | 'fields';
export const CHART_IDS: readonly ChartId[] = ['cumulative', 'monthly', 'partners', 'fields'];

/** Returns the cumulative series in a language, extended to the projection horizon when there is one. */
export function cumulativeSeries(d: DashboardData, lang: Lang): CumulativeSeries {
  const a = d.aggregates;
  const p = d.projection;
  const f = formatter(lang);
  const known = a.cumulative.map((m) => m.month);
  const beyond = p ? p.months.map((m) => m.month).filter((m) => m > known[known.length - 1]) : [];
  const months = [...known, ...beyond];
  const originIndex = p ? months.indexOf(p.origin.slice(0, 7)) : -1;
  // With a frozen origin the solid line stops there; what came later is drawn as its own series.
  const frozen = p !== null && d.laterActual.length > 0;
  const actual = months.map((_month, i) => (i < known.length && (!frozen || i <= originIndex) ? a.cumulative[i].cumulativeCredits : null));
  const later = frozen ? months.map((m, i) => (i === originIndex ? p.startCumulative : (d.laterActual.find((l) => l.month === m)?.cumulativeCredits ?? null))) : null;
  const pick = (key: 'central' | 'low' | 'high') =>
    months.map((m, i) => (i === originIndex ? p!.startCumulative : i < originIndex ? null : (p!.months.find((x) => x.month === m)?.[key] ?? null)));
  const crossingMonth = a.targetReachedOn?.slice(0, 7);
  const index = crossingMonth ? months.indexOf(crossingMonth) : -1;
  return {
    kind: 'cumulative',
    months,
    actual,
    target: a.targetCredits,
    crossing: index >= 0 && a.targetReachedOn ? { index, date: a.targetReachedOn } : null,
    projection: p && originIndex >= 0 ? { central: pick('central'), low: pick('low'), high: pick('high') } : null,
    later,
    labels: {
      actual: t(lang, 'chart.cumulative.actual'),
      target: `${t(lang, 'chart.cumulative.target')} ${f.credits(a.targetCredits)}`,
      crossed: a.targetReachedOn ? t(lang, 'chart.cumulative.crossed', { date: f.date(a.targetReachedOn) }) : null,
      projection: t(lang, 'chart.cumulative.projection'),
      band: t(lang, 'chart.cumulative.band'),
      later: t(lang, 'chart.cumulative.later'),
    },
  };
}

/** Returns credits per month in a language. */
export function monthlySeries(d: DashboardData, lang: Lang): BarSeries {
  const f = formatter(lang);
  const cs = d.aggregates.cumulative;
  return {
    kind: 'monthly',
    categories: cs.map((m) => m.month),
    labels: cs.map((m) => f.monthShort(m.month)),
    values: cs.map((m) => m.credits),
    seriesLabel: t(lang, 'chart.monthly.series'),
  };
}

/** Returns credits by partner, largest first. */
export function partnerSeries(d: DashboardData, lang: Lang): BarSeries {
  const rows = [...d.aggregates.partners].sort((x, y) => descending(x.credits, y.credits));
  const name = (id: string) => d.programme.partners.find((p) => p.id === id)?.shortName ?? id;
  return {
    kind: 'partners',
    categories: rows.map((r) => r.id),
    labels: rows.map((r) => name(r.id)),
    values: rows.map((r) => r.credits),
    seriesLabel: t(lang, 'chart.series'),
  };
}

/** Returns credits by field, largest first. */
export function fieldSeries(d: DashboardData, lang: Lang): BarSeries {
  const rows = [...d.aggregates.fields].sort((x, y) => descending(x.credits, y.credits) || x.code - y.code);
  const name = (code: number) => d.programme.fields.find((f) => f.code === code)?.name[lang] ?? String(code);
  return {
    kind: 'fields',
    categories: rows.map((r) => String(r.code)),
    labels: rows.map((r) => name(r.code)),
    values: rows.map((r) => r.credits),
    seriesLabel: t(lang, 'chart.series'),
  };
}

/** Returns the series of a chart. */
export function seriesFor(id: ChartId, d: DashboardData, lang: Lang): Series {
  if (id === 'cumulative') return cumulativeSeries(d, lang);
  if (id === 'monthly') return monthlySeries(d, lang);
  if (id === 'partners') return partnerSeries(d, lang);
  return fieldSeries(d, lang);
}
