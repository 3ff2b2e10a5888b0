import type { APIRoute } from 'astro';
import { LANGS } from '../lib/contract/programme.ts';
import { absoluteUrl, allPages, refPath } from '../site/routes.ts';
import { data } from '../site/data.ts';

/**
 * The sitemap protocol needs absolute addresses, so the page list is written against SITE_URL
 * when the build knows it, and site-relative otherwise (the tests walk it either way).
 */
export const GET: APIRoute = ({ site }) => {
  const loc = (path: string) => absoluteUrl(path, site);
  const urls = LANGS.flatMap((lang) =>
    allPages(data.programme.partners.map((p) => p.id)).map((page) => {
      const alternates = LANGS.map((l) => `    <xhtml:link rel="alternate" hreflang="${l}" href="${loc(refPath(l, page))}"/>`).join('\n');
      return `  <url>\n    <loc>${loc(refPath(lang, page))}</loc>\n${alternates}\n  </url>`;
    }),
  );
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'content-type': 'application/xml' } });
};
