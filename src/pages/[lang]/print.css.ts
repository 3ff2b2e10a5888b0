// One print stylesheet per language, /fi/print.css …: the running footer of printed pages (src/site/print-css.ts).
import type { APIRoute } from 'astro';
import type { Lang } from '../../lib/contract/programme.ts';
import { data } from '../../site/data.ts';
import { printCss } from '../../site/print-css.ts';
import { langPaths } from '../../site/routes.ts';

export const getStaticPaths = langPaths;

export const GET: APIRoute = ({ params, site }) =>
  new Response(printCss(data, params.lang as Lang, site), { headers: { 'content-type': 'text/css; charset=utf-8' } });
