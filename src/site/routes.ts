import { LANGS, type Lang } from '../lib/contract/programme.ts';
import { CHART_IDS, type ChartId } from '../lib/view/chart-view.ts';
import { PARTNER_CHART_IDS, type PartnerChartId } from '../lib/view/partner-data.ts';
import type { StringKey } from '../lib/i18n/index.ts';

/** One page of the site: its address in each language, its menu label and its title. */
interface PageDef {
  /** Localised URL slugs: each language reads its own words in the address ('' for the language root). */
  slug: Record<Lang, string>;
  /** The label in the main menu, or null for a page linked from the footer only. */
  nav: StringKey | null;
  title: StringKey;
  /** What the page holds in a sentence (`{programme}: …`): its meta description and link preview. */
  description: StringKey;
}

/**
 * Every page, in menu and sitemap order: the one list that the menu, the language switcher, the
 * sitemap, the static paths and the routes all read.
 */
export const PAGES = {
  dashboard: { slug: { fi: '', sv: '', en: '' }, nav: 'nav.dashboard', title: 'site.title', description: 'site.description' },
  methodology: { slug: { fi: 'menetelma', sv: 'metod', en: 'method' }, nav: 'nav.methodology', title: 'method.title', description: 'method.description' },
  report: { slug: { fi: 'raportti', sv: 'rapport', en: 'report' }, nav: 'nav.report', title: 'report.title', description: 'report.description' },
  data: { slug: { fi: 'avoin-data', sv: 'oppna-data', en: 'open-data' }, nav: 'download.title', title: 'data.title', description: 'data.description' },
  accessibility: { slug: { fi: 'saavutettavuus', sv: 'tillganglighet', en: 'accessibility' }, nav: null, title: 'a11y.title', description: 'a11y.description' },
  check: { slug: { fi: 'tarkista', sv: 'kontrollera', en: 'check' }, nav: null, title: 'check.title', description: 'check.description' },
  // Every embed and ready image in one place; each embed's own page is in this folder (embedPath).
  embeds: { slug: { fi: 'upota', sv: 'inbaddning', en: 'embed' }, nav: null, title: 'embeds.title', description: 'embeds.description' },
} as const satisfies Record<string, PageDef>;

export type PageKey = keyof typeof PAGES;
/** The pages under a slug of their own, i.e. all but the dashboard at the language root. */
export type SlugPageKey = Exclude<PageKey, 'dashboard'>;
export const PAGE_KEYS = Object.keys(PAGES) as PageKey[];
const SLUG_PAGE_KEYS = PAGE_KEYS.filter((k): k is SlugPageKey => k !== 'dashboard');

/** The main menu: the pages that have a menu label, with it. */
export const NAV_PAGES: readonly { page: PageKey; label: StringKey }[] = PAGE_KEYS.flatMap((page) => {
  const label: StringKey | null = PAGES[page].nav;
  return label ? [{ page, label }] : [];
});

/**
 * A partner's chart as an embed, `<partner>-<chart>` (e.g. `haaga-helia-monthly`): chart ids have
 * no hyphen, so the last one splits it, and the programme's embed route serves it unchanged.
 */
export type PartnerEmbedKey = `${string}-${PartnerChartId}`;
export type EmbedKey = ChartId | 'card' | PartnerEmbedKey;
/** Every embed of the programme: one per chart, and the headline card. */
export const EMBED_KEYS: readonly (ChartId | 'card')[] = [...CHART_IDS, 'card'];

/** Returns the embed key of a partner's chart. */
export function partnerEmbedKey(partner: string, chart: PartnerChartId): PartnerEmbedKey {
  return `${partner}-${chart}`;
}

/** Returns what an embed key names: a programme chart or the card (partner null), or a partner's chart. */
export function parseEmbedKey(key: EmbedKey): { partner: string | null; chart: ChartId | 'card' } {
  const cut = key.lastIndexOf('-');
  if (cut < 0) return { partner: null, chart: key as ChartId | 'card' };
  return { partner: key.slice(0, cut), chart: key.slice(cut + 1) as PartnerChartId };
}

/** Returns every embed: the programme's, then each partner's charts. */
export function allEmbedKeys(partnerIds: readonly string[]): EmbedKey[] {
  return [...EMBED_KEYS, ...partnerIds.flatMap((p) => PARTNER_CHART_IDS.map((c) => partnerEmbedKey(p, c)))];
}
const EMBED_SLUG: Record<Lang, string> = PAGES.embeds.slug;

/** Returns the site-absolute path of a page in a language, e.g. `/fi/menetelma/`. */
export function pagePath(lang: Lang, page: PageKey): string {
  const slug = PAGES[page].slug[lang];
  return slug ? `/${lang}/${slug}/` : `/${lang}/`;
}

/** Returns the path of an embed page, e.g. `/fi/upota/cumulative/`. */
export function embedPath(lang: Lang, key: EmbedKey): string {
  return `/${lang}/${EMBED_SLUG[lang]}/${key}/`;
}

/** Returns the path of a language's Atom feed, e.g. `/fi/feed.xml`. */
export function feedPath(lang: Lang): string {
  return `/${lang}/feed.xml`;
}

/** Returns the site path of a language's print stylesheet (the running footer of printed pages). */
export function printCssPath(lang: Lang): string {
  return `/${lang}/print.css`;
}

/** Returns the path of an embed's oEmbed file, e.g. `/fi/upota/cumulative/oembed.json`. */
export function oembedPath(lang: Lang, key: EmbedKey): string {
  return `${embedPath(lang, key)}oembed.json`;
}

/** Returns a page's path in every language (its hreflang alternates). */
export function pagePaths(page: PageKey): Record<Lang, string> {
  return inEveryLang((lang) => pagePath(lang, page));
}

/** Returns an embed's path in every language. */
export function embedPaths(key: EmbedKey): Record<Lang, string> {
  return inEveryLang((lang) => embedPath(lang, key));
}

const inEveryLang = (path: (lang: Lang) => string) => Object.fromEntries(LANGS.map((l) => [l, path(l)])) as Record<Lang, string>;

/** Returns the embed folder slug of a language (the `[embed]` route parameter). */
export function embedSlug(lang: Lang): string {
  return EMBED_SLUG[lang];
}

/** Returns the page key a language's slug names, or null. */
export function pageForSlug(lang: Lang, slug: string): PageKey | null {
  return SLUG_PAGE_KEYS.find((k) => PAGES[k].slug[lang] === slug) ?? null;
}

/** Returns the (lang, slug) static paths of every page under a slug, in every language. */
export function slugPaths() {
  return LANGS.flatMap((lang) => SLUG_PAGE_KEYS.map((page) => ({ params: { lang, slug: PAGES[page].slug[lang] }, props: { page } })));
}

/** Returns the static paths of the dashboard, one per language. */
export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang } }));
}

/** Returns the (lang, embed, chart) static paths of every embed in every language, the partners' charts included. */
export function embedStaticPaths(partnerIds: readonly string[] = []) {
  return LANGS.flatMap((lang) => allEmbedKeys(partnerIds).map((chart) => ({ params: { lang, embed: EMBED_SLUG[lang], chart } })));
}

const PARTNER_SLUG: Record<Lang, string> = { fi: 'korkeakoulut', sv: 'hogskolor', en: 'universities' };

/**
 * A page of the site: one of the fixed pages by its key, or a partner's own page, one for each
 * partner that programme.json lists (adding a partner there adds its pages, no code).
 */
export type PageRef = PageKey | { partner: string };

/** Returns the path of a partner's own page, e.g. `/fi/korkeakoulut/metropolia/`. */
export function partnerPath(lang: Lang, id: string): string {
  return `/${lang}/${PARTNER_SLUG[lang]}/${id}/`;
}

/** Returns the path of a partner's Atom feed, beside its page: `/fi/korkeakoulut/metropolia/feed.xml`. */
export function partnerFeedPath(lang: Lang, id: string): string {
  return `${partnerPath(lang, id)}feed.xml`;
}

/** Returns the path of any page in a language. */
export function refPath(lang: Lang, ref: PageRef): string {
  return typeof ref === 'string' ? pagePath(lang, ref) : partnerPath(lang, ref.partner);
}

/** Returns any page's path in every language (its hreflang alternates and language switcher). */
export function refPaths(ref: PageRef): Record<Lang, string> {
  return inEveryLang((lang) => refPath(lang, ref));
}

/** Returns every page, fixed ones first (menu order), then the partners' in programme.json order: the sitemap's list. */
export function allPages(partnerIds: readonly string[]): PageRef[] {
  return [...PAGE_KEYS, ...partnerIds.map((partner) => ({ partner }))];
}

/** Returns the partner folder slug of a language (the `[partners]` route parameter). */
export function partnerSlug(lang: Lang): string {
  return PARTNER_SLUG[lang];
}

/** Returns the (lang, partners, partner) static paths of every partner's page in every language. */
export function partnerStaticPaths(partnerIds: readonly string[]) {
  return LANGS.flatMap((lang) => partnerIds.map((partner) => ({ params: { lang, partners: PARTNER_SLUG[lang], partner } })));
}

/**
 * Returns a site path as an absolute URL when the build knows the site address (SITE_URL), and
 * as it is otherwise.
 */
export function absoluteUrl(path: string, site: URL | undefined): string {
  return site ? new URL(path, site).href : path;
}

export const LANG_NAMES: Record<Lang, string> = { fi: 'Suomeksi', sv: 'På svenska', en: 'In English' };
