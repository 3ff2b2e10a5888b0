import type { DashboardData } from '../pipeline.ts';
import { columnsIn, type TableModel } from './tables.ts';
import { formatter, type Formatter } from '../format.ts';
import type { PartnerCurrency } from '../aggregate/partner-currency.ts';
import { t } from '../i18n/index.ts';
import type { Lang } from '../contract/programme.ts';

/** Returns the months a partner's latest data covers, `tammikuu 2022 – joulukuu 2023`, or a dash. */
export function monthsCovered(c: Pick<PartnerCurrency, 'firstMonth' | 'lastMonth'>, f: Formatter): string {
  if (!c.firstMonth || !c.lastMonth) return '–';
  return c.firstMonth === c.lastMonth ? f.month(c.firstMonth) : `${f.month(c.firstMonth)} – ${f.month(c.lastMonth)}`;
}

/**
 * Returns the completeness and currency table: for each partner (linked to its own page when
 * `link` is given), its latest data date, that data's age on the as-of date, the months it covers,
 * its number of exports and whether it is behind, said in words.
 */
export function currencyTable(d: Pick<DashboardData, 'currency' | 'programme'>, lang: Lang, link?: (id: string) => string): TableModel {
  const f = formatter(lang);
  const col = columnsIn(lang);
  const rows = d.currency.partners.map((c) => {
    // The short name: the table sits beside the partners' own table (full names) and must print on A4.
    const name = d.programme.partners.find((p) => p.id === c.id)?.shortName ?? c.id;
    const status = c.lastSnapshot === null ? t(lang, 'currency.none') : t(lang, c.behind ? 'currency.behind' : 'currency.current');
    return [name, c.lastSnapshot ? f.date(c.lastSnapshot) : '–', c.daysBehind === null ? '–' : f.number(c.daysBehind), monthsCovered(c, f), f.number(c.exports), status];
  });
  return {
    caption: t(lang, 'currency.title'),
    columns: [col('table.partner', false), col('table.lastSnapshot', false), col('currency.age'), col('currency.months', false), col('currency.exports'), col('currency.status', false)],
    rows,
    foot: null,
    ...(link ? { rowLinks: d.currency.partners.map((c) => link(c.id)) } : {}),
  };
}
