import { greatest } from 'd3-array';
import type { ChartId } from '../charts/series.ts';
import type { DashboardData } from './dashboard-data.ts';
import { formatter } from '../format.ts';
import { t } from '../i18n/index.ts';
import type { Lang } from '../contract/programme.ts';

/** Returns the chart's title in a language. */
export function chartTitle(id: ChartId, lang: Lang): string {
  return t(lang, `chart.${id}.title`);
}

/** Returns a one-sentence reading of the chart, generated from the data, for everyone (alt text too). */
export function chartSummary(id: ChartId, d: DashboardData, lang: Lang): string {
  const a = d.aggregates;
  const f = formatter(lang);
  const share = (credits: number) => f.percent(a.totalCredits > 0 ? (credits / a.totalCredits) * 100 : 0);
  if (id === 'cumulative') {
    const params = { target: f.credits(a.targetCredits), total: f.credits(a.totalCredits), asOf: f.date(a.asOf) };
    const text = a.targetReachedOn
      ? t(lang, 'chart.cumulative.summaryReached', { ...params, date: f.date(a.targetReachedOn) })
      : t(lang, 'chart.cumulative.summaryNotReached', params);
    const p = projectionSentence(d, lang);
    return p ? `${text} ${p}` : text;
  }
  if (id === 'monthly') {
    const top = greatest(a.cumulative, (m) => m.credits);
    return t(lang, 'chart.monthly.summary', { month: top ? f.month(top.month) : '–', credits: f.credits(top?.credits ?? 0) });
  }
  if (id === 'partners') {
    const top = greatest(a.partners, (p) => p.credits);
    const name = d.programme.partners.find((p) => p.id === top?.id)?.shortName ?? '–';
    return t(lang, 'chart.partners.summary', { name, credits: f.credits(top?.credits ?? 0), share: share(top?.credits ?? 0) });
  }
  const top = greatest(a.fields, (x) => x.credits);
  const name = d.programme.fields.find((x) => x.code === top?.code)?.name[lang] ?? '–';
  return t(lang, 'chart.fields.summary', { name, credits: f.credits(top?.credits ?? 0), share: share(top?.credits ?? 0) });
}

/** Returns values rounded to tens: a projection is not precise to the credit, and should not look it. */
const roughly = (n: number) => Math.round(n / 10) * 10;

/** Returns the one plain sentence with the projected range, or null when there is no projection. */
export function projectionSentence(d: DashboardData, lang: Lang): string | null {
  const p = d.projection;
  if (!p) return null;
  const f = formatter(lang);
  return t(lang, 'projection.sentence', {
    horizon: f.date(p.horizon),
    central: f.credits(roughly(p.central)),
    low: f.number(roughly(p.low)),
    high: f.credits(roughly(p.high)),
  });
}
