// A build that knows its public address (SITE_URL), as the deploy workflows make it: oEmbed files
// beside every embed page, checked against the oEmbed spec (https://oembed.com/, type rich), each
// embed page linking its own; the feeds' links (the partners' too) absolute on the site.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/lib/contract/programme.ts';
import type { DashboardData } from '../../src/lib/pipeline.ts';
import { t } from '../../src/lib/i18n/index.ts';
import { embedSnippet } from '../../src/site/embed-snippet.ts';
import { embedWhat } from '../../src/site/oembed.ts';
import { allEmbedKeys, EMBED_KEYS, embedPath, feedPath, oembedPath, pagePath, partnerFeedPath, partnerPath } from '../../src/site/routes.ts';
import { parseAtom } from '../helpers/atom.ts';
import { checkLinks } from '../helpers/links.ts';
import { pngSize } from '../helpers/png-size.ts';
import { runBuild } from '../helpers/run-build.ts';

const SITE = 'https://example.org';
const tmp = mkdtempSync(join(tmpdir(), 'site-url-'));
const env = { data: 'data', generated: join(tmp, 'generated'), out: join(tmp, 'dist') };
let build: ReturnType<typeof runBuild>;
const before = process.env.SITE_URL;

beforeAll(() => {
  process.env.SITE_URL = SITE;
  build = runBuild(env);
  if (before === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = before;
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('builds, silent about a missing site address (tests/build/workflows.test.ts: the warning without one)', () => {
  expect(build.status, build.stderr).toBe(0);
  expect(build.stdout.split('\n').filter((l) => l.startsWith('warning: SITE_URL'))).toEqual([]);
});

const read = (path: string) => readFileSync(join(env.out, path), 'utf8');
const data = () => JSON.parse(readFileSync(join(env.generated, 'dashboard.json'), 'utf8')) as DashboardData;

/**
 * Returns what is wrong with an oEmbed response of type rich: the fields the spec requires (version
 * 1.0, type, html, width and height in pixels) and the types of the optional ones it names
 * (title, author and provider names and URLs, cache_age in seconds, the thumbnail's URL and size,
 * which come all three or not at all).
 */
function oembedProblems(o: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const isUrl = (v: unknown) => typeof v === 'string' && /^https?:\/\//.test(v) && URL.canParse(v);
  const isPixels = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
  if (o.version !== '1.0') problems.push('version must be "1.0"');
  if (o.type !== 'rich') problems.push('type must be "rich"');
  if (typeof o.html !== 'string' || o.html.trim() === '') problems.push('html is required');
  for (const k of ['width', 'height']) if (!isPixels(o[k])) problems.push(`${k} must be a whole number of pixels`);
  for (const k of ['title', 'author_name', 'provider_name']) if (k in o && typeof o[k] !== 'string') problems.push(`${k} must be text`);
  for (const k of ['author_url', 'provider_url', 'thumbnail_url']) if (k in o && !isUrl(o[k])) problems.push(`${k} must be an absolute URL`);
  if ('cache_age' in o && !(Number.isInteger(o.cache_age) && (o.cache_age as number) >= 0)) problems.push('cache_age must be whole seconds');
  for (const k of ['thumbnail_width', 'thumbnail_height']) if (k in o && !isPixels(o[k])) problems.push(`${k} must be a whole number of pixels`);
  const thumbs = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'].filter((k) => k in o);
  if (thumbs.length !== 0 && thumbs.length !== 3) problems.push('thumbnail_url, thumbnail_width and thumbnail_height come together');
  return problems;
}

describe('a build with SITE_URL', () => {
  it('builds', () => {
    expect(build.status, build.stderr || build.stdout).toBe(0);
    expect(build.stdout).not.toContain('SITE_URL is not set');
  });

  it('the spec check finds what it should', () => {
    expect(oembedProblems({ version: '1.0', type: 'rich', html: '<iframe></iframe>', width: 720, height: 520 })).toEqual([]);
    expect(oembedProblems({ version: 1, type: 'video', width: '720', thumbnail_url: '/a.png', cache_age: 1.5 })).toEqual([
      'version must be "1.0"',
      'type must be "rich"',
      'html is required',
      'width must be a whole number of pixels',
      'height must be a whole number of pixels',
      'thumbnail_url must be an absolute URL',
      'cache_age must be whole seconds',
      'thumbnail_url, thumbnail_width and thumbnail_height come together',
    ]);
  });

  for (const lang of LANGS as readonly Lang[]) {
    it(`${lang}: every embed page links its own oEmbed file, which meets the spec for type rich`, () => {
      const d = data();
      for (const key of EMBED_KEYS) {
        const html = read(join(embedPath(lang, key), 'index.html'));
        const links = [...html.matchAll(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)"/g)];
        expect(links.map((m) => m[1]), embedPath(lang, key)).toEqual([`${SITE}${oembedPath(lang, key)}`]);
        const o = JSON.parse(read(oembedPath(lang, key))) as Record<string, unknown>;
        expect(oembedProblems(o), oembedPath(lang, key)).toEqual([]);
        // The iframe and the loader exactly as the embed control gives them, with absolute addresses.
        const frameTitle = `${d.programme.name[lang]}: ${embedWhat(d, lang, key)}`;
        expect(o.html).toBe(embedSnippet({ origin: SITE, path: embedPath(lang, key), key, title: frameTitle, theme: 'light' }));
        expect(o.html).toContain(`<iframe src="${SITE}${embedPath(lang, key)}?theme=light"`);
        expect(o.html).toContain(`<script src="${SITE}/embed.js" async></script>`);
        expect(o.title).toBe(links[0][2].replace(/&amp;/g, '&'));
        expect(o.provider_name).toBe(d.programme.name[lang]);
        expect(o.provider_url).toBe(`${SITE}${pagePath(lang, 'dashboard')}`);
        expect(o.cache_age).toBe(86_400);
        // The thumbnail is a PNG of the site, of the size stated.
        const thumb = new URL(o.thumbnail_url as string);
        expect(thumb.origin).toBe(SITE);
        expect(pngSize(join(env.out, thumb.pathname))).toEqual({ width: o.thumbnail_width, height: o.thumbnail_height });
      }
    });

    it(`${lang}: each embed control on the dashboard also gives the address WordPress embeds from (its oEmbed)`, () => {
      const html = read(join(pagePath(lang, 'dashboard'), 'index.html'));
      const shown = [...html.matchAll(/<p class="embed-wordpress"[^>]*>\s*([^<]*?)\s*<code data-embed-url[^>]*>([^<]*)<\/code>/g)].map((m) => [m[1].replace(/&#39;/g, "'"), m[2]]);
      expect(shown.sort()).toEqual(EMBED_KEYS.map((key) => [t(lang, 'embed.wordpress'), `${SITE}${embedPath(lang, key)}`]).sort());
    });

    it(`${lang}: the feed's links and the head's feed link are absolute on the site`, () => {
      const feed = parseAtom(read(feedPath(lang)));
      expect(feed.links).toEqual([
        { rel: 'alternate', href: `${SITE}/${lang}/` },
        { rel: 'self', href: `${SITE}${feedPath(lang)}` },
      ]);
      const sources = new Set(data().programme.milestones.flatMap((m) => (m.url ? [m.url] : [])));
      for (const l of feed.entries.flatMap((e) => e.links)) if (!sources.has(l.href)) expect(l.href.startsWith(`${SITE}/${lang}/`), l.href).toBe(true);
      expect(feed.entries.every((e) => e.id.startsWith('tag:example.org,'))).toBe(true);
      expect(read(join(pagePath(lang, 'dashboard'), 'index.html'))).toContain(`<link rel="alternate" type="application/atom+xml" href="${SITE}${feedPath(lang)}"`);
    });

    it(`${lang}: each partner's feed and its page's head link to it are absolute on the site`, () => {
      for (const { id } of data().programme.partners) {
        const feed = parseAtom(read(partnerFeedPath(lang, id)));
        expect(feed.links).toEqual([
          { rel: 'alternate', href: `${SITE}${partnerPath(lang, id)}` },
          { rel: 'self', href: `${SITE}${partnerFeedPath(lang, id)}` },
        ]);
        for (const e of feed.entries) {
          expect(e.links).toEqual([{ rel: 'alternate', href: `${SITE}${partnerPath(lang, id)}#partner-history` }]);
          expect(e.id.startsWith(`tag:example.org,`), e.id).toBe(true);
        }
        expect(read(join(partnerPath(lang, id), 'index.html'))).toContain(`type="application/atom+xml" href="${SITE}${partnerFeedPath(lang, id)}"`);
      }
    });
  }

  it('no broken link: absolute addresses on the site (canonical, hreflang, og:, feeds, sitemap, oEmbed files and their frames) name built files', () => {
    const r = checkLinks(env.out, SITE);
    expect(r.problems).toEqual([]);
    // One oEmbed file per embed page besides the pages and XML files; each page at least names itself (canonical), its language's front page and its stylesheet.
    const embeds = LANGS.length * allEmbedKeys(data().programme.partners.map((p) => p.id)).length;
    expect(r.files).toBeGreaterThanOrEqual(r.pages + embeds);
    expect(r.internal).toBeGreaterThan(r.pages * 3);
  });
});

describe('the printed report knows the site’s address', () => {
  it('prints the method page, the statement and the open data page as full addresses beside their links', () => {
    const html = read('fi/raportti/index.html');
    expect(html).toContain(`data-print-href="${SITE}/fi/menetelma/"`);
    expect(html).toContain(`data-print-href="${SITE}/fi/saavutettavuus/"`);
    // The open data page, not the bare folder /data/ (no index there: a 404).
    expect(html).toContain(`<span class="print-only"> &lt;${SITE}/fi/avoin-data/&gt;</span>`);
  });
});

describe('the embed page’s WordPress advice', () => {
  it('is given with the site’s address (oEmbed), and not without it', () => {
    expect(read('fi/upota/index.html')).toContain('WordPressissä riittää upotuksen osoite omalla rivillään.');
    // dist/ is built without SITE_URL: there is no oEmbed file for WordPress to find.
    expect(readFileSync('dist/fi/upota/index.html', 'utf8')).not.toContain('WordPress');
  });
});
