// The running footer of every printed page: the programme, the site's address and the data date,
// in @page margin boxes (Chromium 131+), which sit in the page margin and so never cover the text
// as a repeated fixed element would. Margin boxes take only literal text, and the pages' policy
// (style-src 'self') allows no inline style, so each language gets this small stylesheet.
import { formatter } from '../lib/format.ts';
import { t } from '../lib/i18n/index.ts';
import type { Lang } from '../lib/contract/programme.ts';
import type { DashboardData } from '../lib/pipeline.ts';
import { absoluteUrl, pagePath } from './routes.ts';

/** Returns a CSS string literal of any text (quotes, backslashes and line breaks escaped). */
export const cssString = (text: string): string => `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r]/g, ' ')}"`;

/**
 * Returns the running footer's text: `AMKosaaja · Demonstraatioaineisto · https://…/fi/ · Tiedot
 * 31.12.2023`. Every page says it is demonstration data, as a page forwarded alone must. Without
 * the site address (SITE_URL) the build cannot know it, and the footer leaves it out.
 */
export function printFooterText(d: Pick<DashboardData, 'programme' | 'aggregates'>, lang: Lang, site: URL | undefined): string {
  const parts = [
    d.programme.name[lang],
    d.programme.demo ? t(lang, 'demo.title') : null,
    site ? absoluteUrl(pagePath(lang, 'dashboard'), site) : null,
    t(lang, 'footer.asOf', { date: formatter(lang).date(d.aggregates.asOf) }),
  ];
  return parts.filter((p) => p !== null).join(' · ');
}

/** Returns the print stylesheet of a language: the footer's text in the bottom-left margin box. */
export function printCss(d: Pick<DashboardData, 'programme' | 'aggregates'>, lang: Lang, site: URL | undefined): string {
  return `@page { @bottom-left { content: ${cssString(printFooterText(d, lang, site))}; font: 8pt system-ui, sans-serif; color: #333; } }\n`;
}
