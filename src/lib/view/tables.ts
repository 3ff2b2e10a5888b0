import { descending, rollup, sum } from 'd3-array';
import type { ChartId } from '../charts/series.ts';
import type { DashboardData } from './dashboard-data.ts';
import { formatter } from '../format.ts';
import { t } from '../i18n/index.ts';
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
}

/** Returns the data table behind a chart, in a language. */
export function chartTable(id: ChartId, d: DashboardData, lang: Lang): TableModel {
  const a = d.aggregates;
  const f = formatter(lang);
  const col = (label: Parameters<typeof t>[1], numeric = true): Column => ({ label: t(lang, label), numeric });
  const share = (c: number) => f.percent(a.totalCredits > 0 ? (c / a.totalCredits) * 100 : 0);
  const caption = t(lang, `chart.${id}.title`);
  if (id === 'cumulative') return cumulativeTable(d, lang);
  if (id === 'monthly') {
    const completions = rollup(a.monthly, (g) => sum(g, (c) => c.completions), (c) => c.month);
    return {
      caption,
      columns: [col('table.month', false), col('table.credits'), col('table.completions')],
      rows: a.cumulative.map((m) => [f.month(m.month), f.number(m.credits), f.number(completions.get(m.month) ?? 0)]),
      foot: [t(lang, 'table.total'), f.number(a.totalCredits), f.number(a.completions)],
    };
  }
  if (id === 'partners') {
    const rows = [...a.partners].sort((x, y) => descending(x.credits, y.credits));
    const name = (id: string) => d.programme.partners.find((p) => p.id === id)?.name[lang] ?? id;
    return {
      caption,
      columns: [col('table.partner', false), col('table.credits'), col('table.share'), col('table.completions'), col('table.lastSnapshot')],
      rows: rows.map((r) => [name(r.id), f.number(r.credits), share(r.credits), f.number(r.completions), r.lastSnapshot ? f.date(r.lastSnapshot) : '–']),
      foot: [t(lang, 'table.total'), f.number(a.totalCredits), share(a.totalCredits), f.number(a.completions), f.date(a.asOf)],
    };
  }
  const rows = [...a.fields].sort((x, y) => descending(x.credits, y.credits) || x.code - y.code);
  const name = (code: number) => d.programme.fields.find((x) => x.code === code)?.name[lang] ?? String(code);
  return {
    caption,
    columns: [col('table.field', false), col('table.credits'), col('table.share'), col('table.completions')],
    rows: rows.map((r) => [name(r.code), f.number(r.credits), share(r.credits), f.number(r.completions)]),
    foot: [t(lang, 'table.total'), f.number(a.totalCredits), share(a.totalCredits), f.number(a.completions)],
  };
}

/** Returns the reporting history: the total as each snapshot date reported it. */
export function snapshotsTable(d: DashboardData, lang: Lang): TableModel {
  const f = formatter(lang);
  return {
    caption: t(lang, 'snapshots.title'),
    columns: [
      { label: t(lang, 'snapshots.date'), numeric: false },
      { label: t(lang, 'snapshots.reported'), numeric: true },
    ],
    rows: d.aggregates.snapshots.map((s) => [f.date(s.date), f.number(s.reportedCredits)]),
    foot: null,
  };
}

/**
 * Returns the cumulative table: actual months, then projected months with their interval; with
 * a frozen origin, the actual values that arrived later stand beside the projection.
 */
function cumulativeTable(d: DashboardData, lang: Lang): TableModel {
  const a = d.aggregates;
  const p = d.projection;
  const f = formatter(lang);
  const col = (label: Parameters<typeof t>[1], numeric = true): Column => ({ label: t(lang, label), numeric });
  const byMonth = new Map(a.cumulative.map((m) => [m.month, m]));
  const projected = new Map((p?.months ?? []).map((m) => [m.month, m]));
  const months = [...new Set([...byMonth.keys(), ...projected.keys()])].sort();
  const columns = [col('table.month', false), col('table.credits'), col('table.cumulative'), col('table.target')];
  if (p) columns.push(col('table.projection'), col('table.interval'));
  return {
    caption: p ? `${t(lang, 'chart.cumulative.title')} (${t(lang, 'table.projectedOn', { date: f.date(p.origin) })})` : t(lang, 'chart.cumulative.title'),
    columns,
    rows: months.map((month) => {
      const m = byMonth.get(month);
      const q = projected.get(month);
      const row = [f.month(month), m ? f.number(m.credits) : '–', m ? f.number(m.cumulativeCredits) : '–', f.number(a.targetCredits)];
      if (p) row.push(q ? f.number(q.central) : '–', q ? `${f.number(q.low)}–${f.number(q.high)}` : '–');
      return row;
    }),
    foot: null,
  };
}

/** Returns the projection's backtest: each re-run of the method from an earlier month against what happened. */
export function backtestTable(d: DashboardData, lang: Lang): TableModel | null {
  const p = d.projection;
  if (!p || p.backtest.length === 0) return null;
  const f = formatter(lang);
  const signed = (n: number) => `${n > 0 ? '+' : ''}${f.percent(n)}`;
  return {
    caption: t(lang, 'method.backtest.title'),
    columns: [
      { label: t(lang, 'method.backtest.origin'), numeric: false },
      { label: t(lang, 'method.backtest.horizon'), numeric: true },
      { label: t(lang, 'method.backtest.predicted'), numeric: true },
      { label: t(lang, 'method.backtest.actual'), numeric: true },
      { label: t(lang, 'method.backtest.error'), numeric: true },
    ],
    rows: p.backtest.map((b) => [f.month(b.origin), f.number(b.horizonMonths), f.number(b.predicted), f.number(b.actual), signed(b.errorPercent)]),
    foot: null,
  };
}

/** Returns the projected months with their interval, or null without a projection. */
export function projectionTable(d: DashboardData, lang: Lang): TableModel | null {
  const p = d.projection;
  if (!p) return null;
  const f = formatter(lang);
  return {
    caption: `${t(lang, 'chart.cumulative.projection')} (${t(lang, 'table.projectedOn', { date: f.date(p.origin) })})`,
    columns: [
      { label: t(lang, 'table.month'), numeric: false },
      { label: t(lang, 'table.projection'), numeric: true },
      { label: t(lang, 'table.interval'), numeric: true },
    ],
    rows: p.months.map((m) => [f.month(m.month), f.number(m.central), `${f.number(m.low)}–${f.number(m.high)}`]),
    foot: null,
  };
}
