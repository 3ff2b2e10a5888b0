// The words that mark the headline total as provisional and name the partners behind: said in
// text, so that it reaches a reader who cannot tell a colour, a screen reader and a printout alike.
import type { Currency } from '../aggregate/partner-currency.ts';
import type { Lang, Partner } from '../contract/programme.ts';
import { formatter } from '../format.ts';
import { t } from '../i18n/index.ts';

export interface ProvisionalNote {
  /** "Alustava luku", "Preliminär siffra", "Provisional figure". */
  label: string;
  /** Why, with each partner behind named, its latest data date and its age in days. */
  text: string;
}

/** Returns the note for a provisional total, or null when every partner's data is current. */
export function provisionalNote(currency: Currency | undefined, partners: readonly Pick<Partner, 'id' | 'shortName'>[], lang: Lang): ProvisionalNote | null {
  if (!currency?.provisional) return null;
  const f = formatter(lang);
  const items = currency.partners
    .filter((p) => p.behind)
    .map((p) => {
      const name = partners.find((x) => x.id === p.id)?.shortName ?? p.id;
      return p.lastSnapshot === null || p.daysBehind === null
        ? t(lang, 'provisional.itemNone', { name })
        : t(lang, 'provisional.item', { name, date: f.date(p.lastSnapshot), days: f.number(p.daysBehind) });
    });
  return { label: t(lang, 'provisional.label'), text: t(lang, 'provisional.text', { days: f.number(currency.intervalDays), partners: f.list(items) }) };
}
