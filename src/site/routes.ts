import { LANGS, type Lang } from '../lib/contract/programme.ts';
import type { ChartId } from '../lib/charts/series.ts';

export type PageKey = 'dashboard' | 'methodology' | 'data' | 'accessibility' | 'report';
export type EmbedKey = ChartId | 'card';

/** Localised URL slugs: each language reads its own words in the address. */
const SLUGS: Record<PageKey, Record<Lang, string>> = {
  dashboard: { fi: '', sv: '', en: '' },
  methodology: { fi: 'menetelma', sv: 'metod', en: 'method' },
  data: { fi: 'avoin-data', sv: 'oppna-data', en: 'open-data' },
  accessibility: { fi: 'saavutettavuus', sv: 'tillganglighet', en: 'accessibility' },
  report: { fi: 'raportti', sv: 'rapport', en: 'report' },
};
const EMBED_SLUG: Record<Lang, string> = { fi: 'upota', sv: 'inbaddning', en: 'embed' };

/** Returns the site-absolute path of a page in a language, e.g. `/fi/menetelma/`. */
export function pagePath(lang: Lang, page: PageKey): string {
  const slug = SLUGS[page][lang];
  return slug ? `/${lang}/${slug}/` : `/${lang}/`;
}

/** Returns the path of an embed page, e.g. `/fi/upota/cumulative/`. */
export function embedPath(lang: Lang, key: EmbedKey): string {
  return `/${lang}/${EMBED_SLUG[lang]}/${key}/`;
}

/** Returns the embed folder slug of a language (the `[embed]` route parameter). */
export function embedSlug(lang: Lang): string {
  return EMBED_SLUG[lang];
}

/** Returns the page key a language's slug names, or null. */
export function pageForSlug(lang: Lang, slug: string): PageKey | null {
  return (Object.keys(SLUGS) as PageKey[]).find((k) => SLUGS[k][lang] === slug && slug !== '') ?? null;
}

/** Returns (lang, slug) static paths for the given pages in every language. */
export function slugPaths(pages: readonly PageKey[]) {
  return LANGS.flatMap((lang) => pages.map((page) => ({ params: { lang, slug: SLUGS[page][lang] }, props: { page } })));
}

/** Returns the static paths for a page that exists in every language. */
export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang } }));
}

export const LANG_NAMES: Record<Lang, string> = { fi: 'Suomeksi', sv: 'På svenska', en: 'In English' };
