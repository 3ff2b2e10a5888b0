// The oEmbed file of an embed page (https://oembed.com/, type "rich"): what a CMS needs to turn a
// pasted link into the chart. It is a static file, so it cannot read maxwidth or maxheight: it
// gives one size: the frame's declared width and the content's height at it.
import { chartImagePath, IMAGE_SCALE, IMAGE_SIZES, SOCIAL_SIZE, socialImagePath } from '../lib/charts/images.ts';
import type { Lang } from '../lib/contract/programme.ts';
import { t } from '../lib/i18n/index.ts';
import type { DashboardData } from '../lib/pipeline.ts';
import { dashboardTitle } from '../lib/view/headline.ts';
import { EMBED_FRAME_WIDTH, embedFrameHeight, embedFrameTitle, embedSnippet } from './embed-snippet.ts';
import { embedName, embedTarget } from './embed-target.ts';
import { embedPath, pagePath, type EmbedKey } from './routes.ts';

/** An oEmbed 1.0 response of type rich, with the optional fields this site fills in. */
interface OembedRich {
  version: '1.0';
  type: 'rich';
  html: string;
  width: number;
  height: number;
  title: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
}

/** The width an oEmbed consumer is offered: the frame's declared width (the wide chart image's CSS width). */
const OEMBED_WIDTH = EMBED_FRAME_WIDTH;
/** How long a consumer may keep the file, in seconds: the published site is rebuilt every night. */
const OEMBED_CACHE_AGE = 86_400;

type EmbedData = Pick<DashboardData, 'programme' | 'aggregates' | 'projection' | 'laterActual'>;

/** Returns the title of an embed page (browser tab, link previews and its oEmbed file). */
export function embedPageTitle(d: EmbedData, lang: Lang, key: EmbedKey): string {
  return key === 'card' ? dashboardTitle(d, lang) : `${embedName(d, lang, key)} – ${d.programme.name[lang]}`;
}

/** Returns what the embed snippet names an embed: the chart's title (after a partner's name), or the headline figures. */
export function embedWhat(d: EmbedData, lang: Lang, key: EmbedKey): string {
  return key === 'card' ? t(lang, 'embed.cardTitle') : embedName(d, lang, key);
}

/** Returns the oEmbed response of an embed page; every address in it is absolute, on `site`. */
export function oembedFor(d: EmbedData, lang: Lang, key: EmbedKey, site: URL): OembedRich {
  const abs = (path: string) => new URL(path, site).href;
  const target = embedTarget(d, lang, key);
  const thumbnail =
    target === null
      ? { path: socialImagePath(lang), ...SOCIAL_SIZE }
      : { path: chartImagePath(lang, target.chart, 'light', 'wide', 'png', target.partner?.id ?? null), width: IMAGE_SIZES.wide.width * IMAGE_SCALE, height: IMAGE_SIZES.wide.height * IMAGE_SCALE };
  return {
    version: '1.0',
    type: 'rich',
    // The snippet the embed control offers in its light theme. A pasted link cannot choose (the
    // file is static, one per page), and most posts are on a white page: following the reader's
    // system setting drew near-black blocks in a light post for a reader in dark mode.
    html: embedSnippet({ origin: site.origin, path: embedPath(lang, key), key, title: embedFrameTitle(d.programme.name[lang], embedWhat(d, lang, key)), theme: 'light' }),
    width: OEMBED_WIDTH,
    height: embedFrameHeight(key),
    title: embedPageTitle(d, lang, key),
    provider_name: d.programme.name[lang],
    provider_url: abs(pagePath(lang, 'dashboard')),
    cache_age: OEMBED_CACHE_AGE,
    thumbnail_url: abs(`/${thumbnail.path}`),
    thumbnail_width: thumbnail.width,
    thumbnail_height: thumbnail.height,
  };
}
