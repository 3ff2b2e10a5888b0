// A partner's own page, formatted once: its figures against the programme's, how current its data
// is, and its reporting history. The charts come from partner-data.ts through the usual chart views.
import type { Lang, Partner } from '../contract/programme.ts';
import { formatter } from '../format.ts';
import { t } from '../i18n/index.ts';
import { percentOf } from './chart-view.ts';
import type { DashboardData } from '../pipeline.ts';
import { provisionalNote, type ProvisionalNote } from './provisional.ts';
import { CHANGE_COLUMNS, changeCells, columnsIn, type TableModel } from './tables.ts';
import { monthsCovered } from './currency-table.ts';

export interface PartnerPageView {
  lang: Lang;
  partner: Partner;
  title: string;
  lead: string;
  figures: { label: string; value: string; sub: string | null; key: string }[];
  /** Its latest data and the months it covers, or that it has sent none; its status in words. */
  currency: { text: string; status: string; behind: boolean };
  /** The programme's provisional note when this partner is among those behind; null otherwise. */
  provisional: ProvisionalNote | null;
  history: TableModel;
}

/** Returns the view of a partner's page in a language. */
export function partnerPageView(d: Pick<DashboardData, 'programme' | 'aggregates' | 'currency' | 'partnerHistory'>, id: string, lang: Lang): PartnerPageView {
  const f = formatter(lang);
  const a = d.aggregates;
  const partner = d.programme.partners.find((p) => p.id === id);
  if (!partner) throw new Error(`no partner ${id} in programme.json`);
  const own = a.partners.find((p) => p.id === id) ?? { credits: 0, completions: 0, learners: null };
  const c = d.currency.partners.find((p) => p.id === id);
  const name = partner.name[lang];
  const figures: PartnerPageView['figures'] = [
    { key: 'credits', label: t(lang, 'headline.total'), value: f.credits(own.credits), sub: null },
    { key: 'share', label: t(lang, 'partner.share'), value: f.percent(percentOf(own.credits, a.totalCredits)), sub: t(lang, 'partner.shareOf', { total: f.credits(a.totalCredits) }) },
    { key: 'completions', label: t(lang, 'headline.completions'), value: f.number(own.completions), sub: null },
  ];
  // Learner counts as published: below five as "<5", never the exact small number.
  if (own.learners !== null) figures.push({ key: 'learners', label: t(lang, 'partner.learners'), value: typeof own.learners === 'number' ? f.number(own.learners) : own.learners, sub: null });
  if (partner.targetCredits !== undefined)
    figures.push({ key: 'target', label: t(lang, 'partner.target'), value: f.credits(partner.targetCredits), sub: t(lang, 'partner.ofTarget', { percent: f.percent(Math.round(percentOf(own.credits, partner.targetCredits) * 10) / 10) }) });
  const currency =
    c && c.lastSnapshot !== null && c.daysBehind !== null
      ? {
          text: t(lang, 'partner.currencyText', { date: f.date(c.lastSnapshot), days: f.number(c.daysBehind), asOf: f.date(a.asOf), months: monthsCovered(c, f) }),
          status: t(lang, c.behind ? 'currency.behind' : 'currency.current'),
          behind: c.behind,
        }
      : { text: t(lang, 'partner.currencyNone'), status: t(lang, 'currency.none'), behind: true };
  const behindHere = d.currency.behind.includes(id);
  const col = columnsIn(lang);
  const history: TableModel = {
    caption: t(lang, 'partner.historyCaption', { name: partner.shortName }),
    columns: [col('snapshots.date', false), col('partner.historyCredits'), col('table.completions'), ...CHANGE_COLUMNS.map((k) => col(k))],
    rows: (d.partnerHistory[id] ?? []).map((r) => [f.date(r.date), f.number(r.credits), f.number(r.completions), ...changeCells(r, f)]),
    foot: null,
  };
  return {
    lang,
    partner,
    title: `${name} – ${d.programme.name[lang]}`,
    lead: t(lang, 'partner.lead', { name, programme: d.programme.name[lang], asOf: f.date(a.asOf) }),
    figures,
    currency,
    provisional: behindHere ? provisionalNote(d.currency, d.programme.partners, lang) : null,
    history,
  };
}
