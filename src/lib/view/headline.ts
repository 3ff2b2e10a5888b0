// The headline figures, formatted once for the dashboard's figures, the report and the card embed,
// with the dashboard's own title and description (which the card embed shares).
import type { DashboardData } from '../pipeline.ts';
import { latestChange, type ChangeView } from './change-view.ts';
import { formatter } from '../format.ts';
import { reachedText, targetReached } from './target-reached.ts';
import { t } from '../i18n/index.ts';
import { provisionalNote, type ProvisionalNote } from './provisional.ts';
import type { Lang } from '../contract/programme.ts';

export interface HeadlineView {
  lang: Lang;
  /** The data date, and "Status on …" with it. */
  asOf: string;
  heading: string;
  total: string;
  target: string;
  percent: string;
  /**
   * When the target was reached: its label ("Target reached on", or "Target reached" before a
   * month), the day or "in <month>" formatted, and as an ISO date or month; null before it is.
   * `note` explains, where a report made after that moment still showed less than the target,
   * that the moment is dated by completion dates and became known only from later exports.
   */
  reached: { label: string; text: string; iso: string; note: string | null } | null;
  completions: string;
  /** Distinct learners, "<5" below five (published so), or null where the exports cannot count them. */
  learners: string | null;
  /** What changed since the previous snapshot date; null with a single one. */
  change: ChangeView | null;
  /** The total and the target on a 0–1000 bar whose scale leaves room past the target, so going over it shows. */
  bar: { total: number; target: number };
  /** Said beside the total when some partner's data is behind the reporting interval; null otherwise. */
  provisional: ProvisionalNote | null;
}

/** Returns the headline figures in a language. */
export function headlineView(d: Pick<DashboardData, 'aggregates' | 'history'> & Partial<Pick<DashboardData, 'currency' | 'programme'>>, lang: Lang): HeadlineView {
  const f = formatter(lang);
  const a = d.aggregates;
  const scale = Math.max(a.targetCredits * 1.12, a.totalCredits);
  const reached = targetReached(a);
  return {
    lang,
    asOf: f.date(a.asOf),
    heading: t(lang, 'headline.heading', { date: f.date(a.asOf) }),
    total: f.credits(a.totalCredits),
    target: f.credits(a.targetCredits),
    percent: f.percent(a.percentOfTarget),
    reached: reached && {
      label: t(lang, reached.precision === 'day' ? 'headline.reached' : 'headline.reachedMonth'),
      text: reachedText(reached, f),
      iso: reached.iso,
      note: reachedLaterNote(d.history, a.targetCredits, reached.iso, lang),
    },
    completions: f.number(a.completions),
    learners: a.learners === null ? null : typeof a.learners === 'number' ? f.number(a.learners) : a.learners,
    change: latestChange(d.history, lang),
    bar: { total: Math.round((Math.min(a.totalCredits, scale) / scale) * 1000), target: Math.round((a.targetCredits / scale) * 1000) },
    provisional: provisionalNote(d.currency, d.programme?.partners ?? [], lang),
  };
}

/**
 * Returns the note for a target reached on a date after which a report still showed less than the
 * target (late-registered completions dated earlier pushed it over), naming the latest such
 * report; null when no report contradicts the date.
 */
export function reachedLaterNote(history: DashboardData['history'], target: number, iso: string, lang: Lang): string | null {
  const under = history.filter((r) => r.date.slice(0, iso.length) >= iso && r.reportedCredits < target).at(-1);
  if (!under) return null;
  const f = formatter(lang);
  return t(lang, 'headline.reachedLater', { date: f.date(under.date), reported: f.credits(under.reportedCredits) });
}

/** Returns the dashboard's title: the programme and what the page shows. */
export function dashboardTitle(d: Pick<DashboardData, 'programme'>, lang: Lang): string {
  return t(lang, 'site.title', { programme: d.programme.name[lang] });
}

/** Returns the dashboard's one-line description (search results, link previews, the card embed). */
export function dashboardDescription(d: Pick<DashboardData, 'programme' | 'aggregates'>, lang: Lang): string {
  const f = formatter(lang);
  return t(lang, 'site.description', { programme: d.programme.name[lang], target: f.credits(d.aggregates.targetCredits), asOf: f.date(d.aggregates.asOf) });
}

/** Returns the headline figures in one sentence (`AMKosaaja: 8 937 op, 106,4 % tavoitteesta 8 400 op. Tiedot 31.12.2023.`): the social card's alt text and the card embed's description. */
export function headlineSentence(d: Parameters<typeof headlineView>[0] & Pick<DashboardData, 'programme'>, lang: Lang): string {
  const h = headlineView(d, lang);
  return t(lang, 'social.alt', { programme: d.programme.name[lang], total: h.total, percent: h.percent, target: h.target, date: h.asOf });
}
