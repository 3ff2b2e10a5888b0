import { LANGS, type Lang } from '../lib/programme.ts';

export type PageKey = 'dashboard';

/** Localised URL slugs: each language reads its own words in the address. */
const SLUGS: Record<PageKey, Record<Lang, string>> = {
  dashboard: { fi: '', sv: '', en: '' },
};

/** Returns the site-absolute path of a page in a language, e.g. `/fi/`. */
export function pagePath(lang: Lang, page: PageKey): string {
  const slug = SLUGS[page][lang];
  return slug ? `/${lang}/${slug}/` : `/${lang}/`;
}

/** Returns the static paths for a page that exists in every language. */
export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang } }));
}

export const LANG_NAMES: Record<Lang, string> = { fi: 'Suomeksi', sv: 'På svenska', en: 'In English' };
