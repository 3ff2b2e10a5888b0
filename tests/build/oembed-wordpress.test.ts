// An embed page's address pasted into WordPress: WordPress discovers the oEmbed file, keeps from
// its `html` only what wp_filter_oembed_result() allows (tests/helpers/wp-oembed.ts), and frames
// that. The frame must keep its address, its size and its title; so must the snippet the
// dashboard offers when it is pasted into a CMS that filters the same way.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/lib/contract/programme.ts';
import type { DashboardData } from '../../src/lib/pipeline.ts';
import { EMBED_FRAME_HEIGHT, embedFrameTitle, embedSnippet } from '../../src/site/embed-snippet.ts';
import { embedWhat, oembedFor } from '../../src/site/oembed.ts';
import { embedPath, EMBED_KEYS, oembedPath } from '../../src/site/routes.ts';
import { wpFilterOembedResult, wpKses, WP_OEMBED_ALLOWED } from '../helpers/wp-oembed.ts';

const data = JSON.parse(readFileSync('src/generated/dashboard.json', 'utf8')) as DashboardData;
const SITE = new URL('https://tilanne.example.fi/');
const SECRET = 'Ab3dE6gH9k';

/** The attributes of the one iframe in html, by name. */
function frameAttrs(html: string): Record<string, string> {
  const tags = [...html.matchAll(/<iframe\b([^>]*)><\/iframe>/g)];
  expect(tags).toHaveLength(1);
  return Object.fromEntries([...tags[0][1].matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&').replace(/&quot;/g, '"')]));
}

describe("the WordPress filter (mirrored from wp_filter_oembed_result)", () => {
  it('keeps an untrusted iframe\'s address but not its handlers, and sandboxes it with a secret, as WordPress\'s own test expects', () => {
    const html = '<p></p><iframe onload="alert(1)" src="http://example.com/sample-page/"></iframe>';
    expect(wpFilterOembedResult(html, SECRET)).toBe(
      `<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="http://example.com/sample-page/#?secret=${SECRET}" data-secret="${SECRET}"></iframe>`,
    );
  });
  it('drops style, script and unknown attributes; shows nothing without an iframe', () => {
    expect(wpKses('<iframe src="https://x.fi/" style="height:9px" width="10" loading="lazy"></iframe><script src="https://x.fi/e.js" async></script>', WP_OEMBED_ALLOWED)).toBe(
      '<iframe src="https://x.fi/" width="10"></iframe>',
    );
    expect(wpFilterOembedResult('<div>chart</div><script src="https://x.fi/e.js"></script>', SECRET)).toBeNull();
  });
});

describe('every oEmbed html, through the WordPress filter', () => {
  for (const lang of LANGS)
    for (const key of EMBED_KEYS) {
      it(`${oembedPath(lang, key)}: the frame keeps its address, size and title`, () => {
        const oembed = oembedFor(data, lang, key, SITE);
        expect(oembed.width).toBe(720);
        expect(oembed.height).toBe(EMBED_FRAME_HEIGHT[key]);
        const filtered = wpFilterOembedResult(oembed.html, SECRET);
        expect(filtered, oembed.html).not.toBeNull();
        const a = frameAttrs(filtered!);
        // Light: a pasted link cannot choose, and a light post with a dark frame is what a reader in dark mode got.
        expect(a.src).toBe(`${new URL(embedPath(lang, key), SITE).href}?theme=light#?secret=${SECRET}`);
        expect(a.width).toBe(String(oembed.width));
        expect(a.height).toBe(String(oembed.height));
        expect(a.title).toBe(embedFrameTitle(data.programme.name[lang], embedWhat(data, lang, key)));
        expect(a.sandbox).toBe('allow-scripts');
        // WordPress drops the style (border:0): the frame's own attribute keeps the browser's border off.
        expect(a.style).toBeUndefined();
        expect(a.frameborder).toBe('0');
      });
    }

  it('the snippet the dashboard offers survives the same filter with the same frame', () => {
    for (const key of EMBED_KEYS) {
      const snippet = embedSnippet({ origin: SITE.origin, path: embedPath('fi', key), key, title: 'AMKosaaja', theme: 'auto' });
      const a = frameAttrs(wpFilterOembedResult(snippet, SECRET)!);
      expect([a.src, a.width, a.height]).toEqual([`${SITE.origin}${embedPath('fi', key)}#?secret=${SECRET}`, '720', String(EMBED_FRAME_HEIGHT[key])]);
    }
  });

  it('the oEmbed files in dist/ (built with SITE_URL) are these responses', () => {
    const file = join('dist', oembedPath('fi', 'card'));
    if (!existsSync(file)) return; // a local build without SITE_URL writes none (see site-url.test.ts)
    const written = JSON.parse(readFileSync(file, 'utf8')) as { html: string; height: number; width: number };
    expect([written.width, written.height]).toEqual([720, EMBED_FRAME_HEIGHT.card]);
    expect(frameAttrs(wpFilterOembedResult(written.html, SECRET)!).height).toBe(String(EMBED_FRAME_HEIGHT.card));
  });
});
