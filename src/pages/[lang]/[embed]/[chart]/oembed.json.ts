// The oEmbed file beside every embed page, /fi/upota/cumulative/oembed.json … Written only when the
// build knows the site address (SITE_URL): oEmbed's addresses must be absolute, so without one
// there is no file and the embed pages link none.
import type { APIRoute } from 'astro';
import type { Lang } from '../../../../lib/contract/programme.ts';
import { data } from '../../../../site/data.ts';
import { oembedFor } from '../../../../site/oembed.ts';
import { embedStaticPaths, type EmbedKey } from '../../../../site/routes.ts';

export const getStaticPaths = () => (import.meta.env.SITE ? embedStaticPaths(data.programme.partners.map((p) => p.id)) : []);

export const GET: APIRoute = ({ params, site }) => {
  if (!site) throw new Error('oEmbed files need the site address (SITE_URL)');
  const body = oembedFor(data, params.lang as Lang, params.chart as EmbedKey, site);
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'content-type': 'application/json+oembed; charset=utf-8' } });
};
