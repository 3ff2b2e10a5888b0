import type { Lang } from './contract/programme.ts';

/** The locale each language's numbers, dates and plurals follow. */
export const LOCALE: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
const UNIT: Record<Lang, string> = { fi: 'op', sv: 'sp', en: 'credits' };

export interface Formatter {
  lang: Lang;
  /** `8 937` (fi), `8,937` (en); at most one decimal. */
  number(n: number): string;
  /** `8 937 op`, `8 937 sp`, `8,937 credits`. */
  credits(n: number): string;
  /** A change, its sign shown: `+1 686,5 op`, `−2 op` (the locale's minus), `0 op`. */
  signedCredits(n: number): string;
  /**
   * Credits to the hundredth the exports give them in (`2,55 op`): where a partner reconciles a
   * file with its own sums (npm run validate, the checker page), not on the dashboard.
   */
  exactCredits(n: number): string;
  /** A change to the hundredth, its sign shown: `+2,55 op`. */
  signedExactCredits(n: number): string;
  /** A change without the unit: `+3`, `−2`, `0`. */
  signedNumber(n: number): string;
  /**
   * A range of credits that never breaks across lines: `11 560–12 610 op`. Word joiners (U+2060)
   * hold the dash to both numbers; the thousands separators and the unit's space are no-break.
   */
  creditsRange(low: number, high: number): string;
  /** The unit alone: `op`, `sp`, `credits`. */
  unit: string;
  /** Percent given as 106.4 → `106,4 %` (fi), `106.4%` (en). */
  percent(p: number): string;
  /** A rough percentage, whole: "noin 14 %" needs no decimal that the figure does not have. */
  wholePercent(p: number): string;
  /** ISO date → `15.12.2023` (fi, sv), `15 December 2023` (en). */
  date(iso: string): string;
  /** YYYY-MM → `joulukuu 2023`, `december 2023`, `December 2023`. */
  month(ym: string): string;
  /** YYYY-MM → "in" that month: `joulukuussa 2023`, `i december 2023`, `in December 2023`. */
  inMonth(ym: string): string;
  /** Names joined as a sentence lists them: `A, B ja C`, `A, B och C`, `A, B and C`. */
  list(items: readonly string[]): string;
  /** YYYY-MM → `12/2023` style short month for axes: `joulu 2023`, `dec. 2023`, `Dec 2023`. */
  monthShort(ym: string): string;
}

/**
 * Returns a projected figure rounded to tens: a projection is not precise to the credit and should
 * not look it. Every text and chart label that states a projection rounds through here, so they agree.
 */
export const roughly = (n: number): number => Math.round(n / 10) * 10;

/**
 * Returns a text written by hand (programme.json's description, assumptions, sources) with the spaces
 * inside a number and before its unit made no-break, as the formatter writes them: `8 400 op`,
 * `8 937 sp`, `106,4 %`, `8,400 credits`, so that a phone never ends a line with the `8` of `8 400`.
 * Only a space between digits before a group of three, or after a number before `op`, `sp`, `%`
 * or `credits`, is changed.
 */
export function keepNumbersTogether(text: string): string {
  return text.replace(/(\d) (?=\d{3}(?!\d))/g, '$1\u00a0').replace(/(\d) (?=(op|sp|%|credits)(?![\p{L}\d]))/gu, '$1\u00a0');
}

/**
 * Returns a text without the word joiners (U+2060) creditsRange puts round its dash: they keep a
 * range on one line on a page, and a text used elsewhere (an alt field, an SVG's description)
 * keeps them as invisible characters.
 */
export function plainText(text: string): string {
  return text.replaceAll('\u2060', '');
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Returns "in <month>" from a month's name and year. CLDR has no Finnish inessive, but every
 * Finnish month name is a compound of "kuu" (month), whose inessive is "kuussa".
 */
function inMonthOf(lang: Lang, name: string, year: string): string {
  if (lang === 'fi') return `${name}ssa ${year}`;
  return `${lang === 'sv' ? 'i' : 'in'} ${name} ${year}`;
}

const formatters = new Map<Lang, Formatter>();

/**
 * Returns the one formatter for numbers and dates in a language; every renderer uses it. Made once
 * per language: its eight Intl objects cost far more to build than to use, and the build-time
 * images ask for a formatter for every chart they draw (a tenth of the images' time went here).
 */
export function formatter(lang: Lang): Formatter {
  let f = formatters.get(lang);
  // Frozen, since every caller now shares it.
  if (!f) formatters.set(lang, (f = Object.freeze(makeFormatter(lang))));
  return f;
}

function makeFormatter(lang: Lang): Formatter {
  const locale = LOCALE[lang];
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const exact = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const wholePct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const day =
    lang === 'en'
      ? new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      : new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return {
    lang,
    unit: UNIT[lang],
    number: (n) => num.format(n),
    credits: (n) => `${num.format(n)}\u00a0${UNIT[lang]}`,
    // Intl puts its own minus on a negative number; a gain gets an explicit plus.
    signedCredits: (n) => `${n > 0 ? '+' : ''}${num.format(n)}\u00a0${UNIT[lang]}`,
    exactCredits: (n) => `${exact.format(n)}\u00a0${UNIT[lang]}`,
    signedExactCredits: (n) => `${n > 0 ? '+' : ''}${exact.format(n)}\u00a0${UNIT[lang]}`,
    creditsRange: (low, high) => `${num.format(low)}\u2060–\u2060${num.format(high)}\u00a0${UNIT[lang]}`,
    signedNumber: (n) => `${n > 0 ? '+' : ''}${num.format(n)}`,
    percent: (p) => pct.format(p / 100),
    wholePercent: (p) => wholePct.format(p / 100),
    date: (iso) => day.format(utc(iso)),
    month: (ym) => month.format(utc(`${ym}-01`)),
    monthShort: (ym) => short.format(utc(`${ym}-01`)),
    list: (items) => list.format(items),
    inMonth: (ym) => {
      const parts = month.formatToParts(utc(`${ym}-01`));
      const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '';
      return inMonthOf(lang, part('month'), part('year'));
    },
  };
}
