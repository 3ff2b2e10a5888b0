// What a snapshot date changed, in words: for the headline, the reporting history table and the
// feeds, so that all three say it the same way.
import type { HistoryRow } from '../aggregate/reporting-history.ts';
import { formatter } from '../format.ts';
import { t, tCount } from '../i18n/index.ts';
import type { Lang } from '../contract/programme.ts';

/** A sentence split around the date in it, so that a page can mark the date up (and keep it on one line). */
interface AroundDate {
  before: string;
  after: string;
}

/** The change since the previous snapshot date, formatted for the headline. */
export interface ChangeView {
  /** `+1 686,5 op edellisestä raportoinnista (28.12.2023)`, as the feed says it. */
  credits: string;
  /**
   * The headline's line, which names the previous report first so that the change cannot be read
   * as credits earned in the days between (`Muutos edellisestä raportoinnista (28.12.2023): +1 686,5 op`),
   * around its date.
   */
  creditsAround: AroundDate;
  /** The previous snapshot date, formatted and as an ISO date. */
  since: { text: string; iso: string };
  /** `Edellisestä aineistopäivästä (28.12.2023): 350 uutta, 3 korjattua, 1 poistettu`, or null when no export of the date was compared with an earlier one. */
  counts: string | null;
}

type Count = 'added' | 'corrected' | 'withdrawn';
/** Returns `3 korjattua`, `1 poistettu`: a count of completions with the word that agrees with it. */
function countText(lang: Lang, which: Count, n: number): string {
  return tCount(lang, `change.${which}`, n, { count: formatter(lang).number(n) });
}

/** Returns the counts of a row joined in a list (`120 uutta, 3 korjattua, 1 poistettu`), or null when not compared. */
export function countsText(lang: Lang, row: Pick<HistoryRow, 'added' | 'corrected' | 'withdrawn'>, which: readonly Count[]): string | null {
  if (row.added === null || row.corrected === null || row.withdrawn === null) return null;
  const counts: Record<Count, number> = { added: row.added, corrected: row.corrected, withdrawn: row.withdrawn };
  return which.map((w) => countText(lang, w, counts[w])).join(', ');
}

/** Returns `+1 686,5 op edellisestä raportoinnista (28.12.2023)` for a row with a date before it, else null. */
export function changeSince(lang: Lang, row: Pick<HistoryRow, 'since' | 'creditChange'>): string | null {
  if (row.since === null || row.creditChange === null) return null;
  const f = formatter(lang);
  return t(lang, 'change.since', { change: f.signedCredits(row.creditChange), date: f.date(row.since) });
}

/** Returns the change at the latest snapshot date for the headline, or null with a single snapshot date. */
export function latestChange(history: readonly HistoryRow[], lang: Lang): ChangeView | null {
  const row = history[history.length - 1];
  const credits = row ? changeSince(lang, row) : null;
  if (!row || row.since === null || credits === null) return null;
  const f = formatter(lang);
  const since = f.date(row.since);
  const counts = countsText(lang, row, ['added', 'corrected', 'withdrawn']);
  return {
    credits,
    creditsAround: aroundDate(t(lang, 'headline.change', { change: f.signedCredits(row.creditChange ?? 0), date: since }), since),
    since: { text: since, iso: row.since },
    counts: counts && t(lang, 'change.countsSince', { counts, date: since }),
  };
}

/** Returns the text before and after the (last) date in it. */
function aroundDate(text: string, date: string): AroundDate {
  const at = text.lastIndexOf(date);
  return at < 0 ? { before: text, after: '' } : { before: text.slice(0, at), after: text.slice(at + date.length) };
}
