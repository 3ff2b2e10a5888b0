// The HTML a site pastes to embed a chart. Built by one function on the server (the snippet is in
// the page without JavaScript) and in the browser (to add the site's origin and the theme).
import type { ChartId } from '../lib/view/chart-view.ts';
import { parseEmbedKey, type EmbedKey } from './routes.ts';

export type EmbedTheme = 'auto' | 'light' | 'dark';
/**
 * The themes a snippet offers, its default first: light, as oEmbed's, since most sites that paste
 * a snippet are light whatever their reader's setting ("auto" had put a dark block in the middle
 * of a white news post for every reader in dark mode).
 */
export const EMBED_THEMES: readonly EmbedTheme[] = ['light', 'dark', 'auto'];
/** The theme of a snippet nobody has chosen one for. */
export const DEFAULT_EMBED_THEME: EmbedTheme = EMBED_THEMES[0];

/** The path of the loader script that sizes embeds to their content. */
const EMBED_LOADER = '/embed.js';

/** The width an embed's frame is declared at (the wide chart image's CSS width). */
export const EMBED_FRAME_WIDTH = 720;

/**
 * Each embed's content height in CSS pixels at EMBED_FRAME_WIDTH, laid out by its content, in
 * the language whose words take the most lines: measured in Chromium (tests/browser/
 * embed-wordpress.test.ts holds them to the built pages). A chart's content grows with the width
 * (its box keeps a 2:1 shape); the headline card's does not. A partner's chart has the layout of
 * the programme's chart of the same kind.
 */
export const EMBED_FRAME_HEIGHT: Record<ChartId | 'card', number> = { cumulative: 623, monthly: 563, partners: 502, fields: 502, card: 268 };

/**
 * The frame's box before (or without) the loader: full width, as tall as the content at the
 * declared width, and for a chart the same shape when wider (never lower on a phone, where the
 * embed fits itself into the box). The card's words wrap onto more lines as it narrows, which no
 * shape expresses: it keeps its height, with a floor that grows as the reader's screen narrows
 * (a frame on a phone is about as wide as the screen: measured at 264–704 px wide in the three
 * languages, from 428 px of content at 264 px to 268 px at 664 px, the floor stays above it).
 */
export function embedFrameStyle(key: EmbedKey): string {
  const h = embedFrameHeight(key);
  const box = parseEmbedKey(key).chart === 'card' ? `height:${h}px;min-height:calc(545px - 40vw)` : `height:auto;aspect-ratio:${EMBED_FRAME_WIDTH}/${h};min-height:${h}px`;
  return `display:block;width:100%;${box};border:0`;
}

/** Returns the height in pixels a frame of the declared width has without the loader. */
export function embedFrameHeight(key: EmbedKey): number {
  return EMBED_FRAME_HEIGHT[parseEmbedKey(key).chart];
}

/** Returns what a screen reader announces for the frame: the programme, then what is embedded. */
export function embedFrameTitle(programme: string, what: string): string {
  return `${programme}: ${what}`;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface SnippetOptions {
  /** `https://example.org`, or '' for site-relative addresses. */
  origin: string;
  /** The embed page's path, e.g. `/fi/upota/cumulative/`. */
  path: string;
  key: EmbedKey;
  /** What a screen reader announces for the frame. */
  title: string;
  theme: EmbedTheme;
}

/**
 * Returns the iframe and loader script tags to paste, two lines. The frame works alone: a CMS
 * that keeps only `src`, `width`, `height`, `title` and `frameborder` (WordPress does, for an
 * oEmbed) still gets the content's size and no browser border (`frameborder`, obsolete in HTML
 * but the one border setting WordPress keeps: it drops `style`); the style makes it full-width,
 * and the loader sizes it to its content.
 */
export function embedSnippet(o: SnippetOptions): string {
  const src = `${o.origin}${o.path}${o.theme === 'auto' ? '' : `?theme=${o.theme}`}`;
  return [
    `<iframe src="${escapeAttr(src)}" width="${EMBED_FRAME_WIDTH}" height="${embedFrameHeight(o.key)}" title="${escapeAttr(o.title)}" frameborder="0" loading="lazy" style="${embedFrameStyle(o.key)}"></iframe>`,
    `<script src="${escapeAttr(`${o.origin}${EMBED_LOADER}`)}" async></script>`,
  ].join('\n');
}
