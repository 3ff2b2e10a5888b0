import { descending } from 'd3-array';
import type { ChartId } from './charts/series.ts';
import type { DashboardData } from './dashboard-data.ts';
import { formatter } from './format.ts';
import { t } from './i18n/index.ts';
import type { Lang } from './programme.ts';

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
  if (id === 'cumulative' || id === 'monthly') {
    return {
      caption,
      columns: [col('table.month', false), col('table.credits'), col('table.cumulative'), col('table.target')],
      rows: a.cumulative.map((m) => [f.month(m.month), f.number(m.credits), f.number(m.cumulativeCredits), f.number(a.targetCredits)]),
      foot: null,
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
