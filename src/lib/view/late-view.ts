import { formatter } from '../format.ts';
import { t } from '../i18n/index.ts';
import type { Lang } from '../contract/programme.ts';
import type { Projection } from '../projection/types.ts';
import { columnsIn, type TableModel } from './tables.ts';

/** The late registrations the projection adds to its origin month, as the method page shows them. */
export interface LateView {
  /** What was added, or that nothing was and why. */
  text: string;
  /** Each earlier round's own month, as reported then and as known at the origin (null without an estimate). */
  table: TableModel | null;
}

/**
 * Returns the origin month's raise for late registrations (projection/late.ts) with the rounds it was
 * measured on; when nothing was raised, why: no round to measure on under the rules, rounds whose
 * months did not grow, or a month with nothing reported to scale.
 */
export function lateView(p: Pick<Projection, 'origin' | 'late'>, lang: Lang): LateView {
  const late = p.late;
  if (!late) return { text: t(lang, 'late.none'), table: null };
  const f = formatter(lang);
  const col = columnsIn(lang);
  const growth = (then: number, now: number) => (then > 0 ? f.percent((now / then - 1) * 100) : '–');
  const then = late.rounds.reduce((s, r) => s + r.then, 0);
  const now = late.rounds.reduce((s, r) => s + r.now, 0);
  const params = { month: f.month(late.month), origin: f.date(p.origin), reported: f.credits(late.reported), growth: growth(then, now) };
  const text =
    late.unraised === null
      ? t(lang, late.factor <= 1 ? 'late.noGrowth' : 'late.nothingReported', params)
      : t(lang, 'late.current', {
          ...params,
          expected: f.credits(Math.round(late.expected)),
          added: f.credits(Math.round(late.expected - late.reported)),
          range: f.creditsRange(Math.round(late.low - late.reported), Math.round(late.high - late.reported)),
          unraised: f.credits(late.unraised),
        });
  return {
    text,
    table: {
      caption: t(lang, 'late.caption'),
      columns: [col('late.round', false), col('late.then'), col('late.now'), col('late.growth')],
      rows: late.rounds.map((r) => [f.month(r.month), f.number(r.then), f.number(r.now), growth(r.then, r.now)]),
      foot: [t(lang, 'table.total'), f.number(then), f.number(now), growth(then, now)],
    },
  };
}
