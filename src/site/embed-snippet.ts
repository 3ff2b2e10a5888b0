// The HTML a site pastes to embed a chart. Built by one function on the server (the snippet is in
// the page without JavaScript) and in the browser (to add the site's origin and the theme).
import { parseEmbedKey, type EmbedKey } from './routes.ts';

export type EmbedTheme = 'auto' | 'light' | 'dark';
export const EMBED_THEMES: readonly EmbedTheme[] = ['auto', 'light', 'dark'];

/** The path of the loader script that sizes embeds to their content. */
const EMBED_LOADER = '/embed.js';

/** A frame's box: near the embed's own shape (width / height), with a floor for phones in pixels. */
interface FrameBox {
  ratio: readonly [number, number];
  minHeight: number;
}
const frameBox = (key: EmbedKey): FrameBox => {
  const { chart } = parseEmbedKey(key);
  return chart === 'card' ? { ratio: [3, 1], minHeight: 500 } : chart === 'fields' ? { ratio: [3, 2], minHeight: 680 } : { ratio: [16, 10], minHeight: 520 };
};

/**
 * The frame's size before (or without) the loader: full width, a box near the embed's own shape,
 * and a floor for phones. The embed page fits itself into any box, so nothing is cut off.
 */
export function embedFrameStyle(key: EmbedKey): string {
  const { ratio, minHeight } = frameBox(key);
  return `display:block;width:100%;aspect-ratio:${ratio[0]}/${ratio[1]};min-height:${minHeight}px;border:0`;
}

/** Returns the height in pixels the frame takes at a width without the loader: its shape, but not below its floor. */
export function embedFrameHeight(key: EmbedKey, width: number): number {
  const { ratio, minHeight } = frameBox(key);
  return Math.max(minHeight, Math.round((width * ratio[1]) / ratio[0]));
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

/** Returns the iframe and loader script tags to paste, two lines. */
export function embedSnippet(o: SnippetOptions): string {
  const src = `${o.origin}${o.path}${o.theme === 'auto' ? '' : `?theme=${o.theme}`}`;
  return [
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(o.title)}" loading="lazy" style="${embedFrameStyle(o.key)}"></iframe>`,
    `<script src="${escapeAttr(`${o.origin}${EMBED_LOADER}`)}" async></script>`,
  ].join('\n');
}
