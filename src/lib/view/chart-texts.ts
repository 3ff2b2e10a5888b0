import { greatest } from 'd3-array';
import type { ChartId, ChartView } from './chart-view.ts';
import { formatter, roughly } from '../format.ts';
import { reachedText } from './target-reached.ts';
import { t, tCount } from '../i18n/index.ts';
import type { Lang } from '../contract/programme.ts';
import type { Projection } from '../projection/types.ts';

/** Returns the chart's title in a language. */
export function chartTitle(id: ChartId, lang: Lang): string {
  return t(lang, `chart.${id}.title`);
}

/** Returns a view's title: the chart's, but a running total without a target says no target. */
export function viewTitle(v: ChartView): string {
  return v.id === 'cumulative' && v.target === null ? t(v.lang, 'chart.cumulative.titleNoTarget') : chartTitle(v.id, v.lang);
}

/** Returns a one-sentence reading of the chart's view, for everyone (alt text too). */
export function chartSummary(v: ChartView): string {
  const f = formatter(v.lang);
  if (v.id === 'cumulative') {
    if (v.target === null) return t(v.lang, 'chart.cumulative.summaryNoTarget', { total: f.credits(v.total), asOf: f.date(v.asOf) });
    const params = { target: f.credits(v.target), total: f.credits(v.total), asOf: f.date(v.asOf) };
    const r = v.reached;
    // "on 8 December 2023" but "in December 2023": the month takes its own sentence in sv and en.
    const text = r
      ? t(v.lang, r.precision === 'day' ? 'chart.cumulative.summaryReached' : 'chart.cumulative.summaryReachedMonth', { ...params, date: reachedText(r, f) })
      : t(v.lang, 'chart.cumulative.summaryNotReached', params);
    const p = projectionSentence(v.projection, v.lang);
    // Made before the as-of date (a frozen origin, or a round still coming in): the sentence says from when.
    const frozen = v.projection && v.projection.origin < v.asOf ? t(v.lang, 'projection.frozen', { origin: f.date(v.projection.origin) }) : null;
    const waiting = v.tooShort ? tCount(v.lang, 'projection.tooShort', v.tooShort.needed, { count: f.number(v.tooShort.needed), months: f.number(v.tooShort.months) }) : null;
    const completeTo = v.tooShort?.completeTo ? t(v.lang, 'projection.completeTo', { origin: f.date(v.tooShort.completeTo) }) : null;
    return [text, p, frozen, waiting, completeTo].filter((s) => s !== null).join(' ');
  }
  if (v.id === 'monthly') {
    const top = greatest(v.rows, (m) => m.credits);
    const text = t(v.lang, 'chart.monthly.summary', { month: top ? f.inMonth(top.month) : '–', credits: f.credits(top?.credits ?? 0) });
    const share = termEndShare(v.rows);
    const terms = share === null ? null : t(v.lang, 'chart.monthly.termEnds', { share: f.percent(share) });
    // The newest bar is short while its completions are still being registered; a reader comparing bars should know.
    const late = v.late && roughly(v.late.credits) > 0 ? t(v.lang, 'chart.monthly.late', { month: f.month(v.late.month), credits: f.credits(roughly(v.late.credits)) }) : null;
    return [text, terms, late].filter((s) => s !== null).join(' ');
  }
  // The view is largest first: the summary names the bar the chart puts on top.
  const top = v.rows[0];
  return t(v.lang, `chart.${v.id}.summary`, { name: top?.label ?? '–', credits: f.credits(top?.credits ?? 0), share: f.percent(top?.share ?? 0) });
}

/**
 * Returns the short text alternative of a chart's image shown right under its summary (the
 * dashboard's, a partner page's): what it is, and where its content is said (WCAG technique G73),
 * so that a screen reader does not read the summary twice, once as text and once as the image.
 */
export function chartImageAltBeside(lang: Lang, title: string): string {
  return t(lang, 'chart.imageDescribed', { title });
}

/** Returns the text alternative of a chart's image: what it is, and its summary. */
export function chartImageAlt(lang: Lang, title: string, summary: string): string {
  return `${t(lang, 'chart.image', { title })}. ${summary}`;
}

/**
 * What the projection sentence needs: where it ends (and whether that is the period's end), its
 * figures, and whether its interval is untested (too few backtests: a set width).
 */
type ProjectionFigures = Pick<Projection, 'horizon' | 'central' | 'low' | 'high'> & { periodEnd?: boolean; untested?: boolean; untried?: boolean; origin?: string; late?: number | null };

/**
 * Returns the plain sentences with the projected figure, its likely range (what the 80 % band
 * means, in words, unless it is a set width nobody could test yet) and why it ends where it does;
 * null when there is no projection. When the
 * chosen method's earlier projections leaned one way (`lean`, see recordLean), a last sentence
 * says so in plain words, for the reader to weigh the figure by.
 */
export function projectionSentence(p: (ProjectionFigures & { lean: number | null }) | null, lang: Lang): string | null {
  if (!p) return null;
  const f = formatter(lang);
  const range = t(lang, p.untested ? 'projection.sentenceUntested' : 'projection.sentence', {
    until: t(lang, p.periodEnd ? 'projection.untilPeriodEnd' : 'projection.until', { date: f.date(p.horizon) }),
    central: f.credits(roughly(p.central)),
    range: f.creditsRange(roughly(p.low), roughly(p.high)),
  });
  // "Eight in ten" describes how the band was measured; until bands measured so have been judged
  // on later months, nothing shows how often they hold, and the sentence says so.
  const tried = !p.untested && p.untried ? ` ${t(lang, 'projection.untried')}` : '';
  // The projection is above what the data date's total and pace alone give; the reader is told why.
  const late = p.late && p.origin && roughly(p.late) > 0 ? ` ${t(lang, 'projection.late', { credits: f.credits(roughly(p.late)), date: f.date(p.origin) })}` : '';
  if (p.lean === null) return `${range}${tried}${late}`;
  return `${range}${tried}${late} ${t(lang, p.lean > 0 ? 'projection.recordHigh' : 'projection.recordLow', { pct: f.wholePercent(Math.abs(p.lean)) })}`;
}

/** The months that end a Finnish academic term (spring: May–June, autumn: December–January). */
const TERM_END_MONTHS = ['05', '06', '12', '01'];
/**
 * Completions "cluster at the end of terms" only over a whole year at least, and where the four
 * term-end months hold 40 % of the credits or more: a third is their even share (the demo's 49,7 %).
 */
const TERM_END_MIN_MONTHS = 12;
const TERM_END_MIN_SHARE = 40;

/**
 * Returns the percentage of credits completed in term-end months, or null when the months do not
 * show completions clustering there: fewer than twelve months, or under 40 % of the credits in the
 * four term-end months. The sentence is said of the data, not assumed of every programme.
 */
export function termEndShare(rows: readonly { month: string; credits: number }[]): number | null {
  const total = rows.reduce((s, m) => s + m.credits, 0);
  if (rows.length < TERM_END_MIN_MONTHS || !(total > 0)) return null;
  const ends = rows.filter((m) => TERM_END_MONTHS.includes(m.month.slice(5, 7))).reduce((s, m) => s + m.credits, 0);
  const share = (100 * ends) / total;
  return share >= TERM_END_MIN_SHARE ? share : null;
}
