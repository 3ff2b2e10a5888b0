// One Atom feed per language, /fi/feed.xml …: every snapshot date and milestone (src/lib/publish/atom-feed.ts).
import type { APIRoute } from 'astro';
import type { Lang } from '../../lib/contract/programme.ts';
import { atomFeed } from '../../lib/publish/atom-feed.ts';
import { data } from '../../site/data.ts';
import { feedPath, langPaths, pagePath } from '../../site/routes.ts';

export const getStaticPaths = langPaths;

export const GET: APIRoute = ({ params, site }) => {
  const lang = params.lang as Lang;
  const body = atomFeed(data, lang, { self: feedPath(lang), dashboard: pagePath(lang, 'dashboard') }, site);
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
