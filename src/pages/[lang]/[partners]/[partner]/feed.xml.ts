// Each partner's Atom feed in every language, beside its page (/fi/korkeakoulut/metropolia/feed.xml …):
// an entry per export of the partner (src/lib/publish/atom-feed.ts).
import type { APIRoute } from 'astro';
import type { Lang } from '../../../../lib/contract/programme.ts';
import { partnerAtomFeed } from '../../../../lib/publish/atom-feed.ts';
import { data } from '../../../../site/data.ts';
import { partnerFeedPath, partnerPath, partnerStaticPaths } from '../../../../site/routes.ts';

export const getStaticPaths = () => partnerStaticPaths(data.programme.partners.map((p) => p.id));

export const GET: APIRoute = ({ params, site }) => {
  const lang = params.lang as Lang;
  const id = params.partner as string;
  const body = partnerAtomFeed(data, id, lang, { self: partnerFeedPath(lang, id), page: partnerPath(lang, id) }, site);
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
