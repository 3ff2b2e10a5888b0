// The Atom feeds in the built dist/: one per language, valid Atom to a strict XML parser, an entry
// per snapshot date and milestone with stable ids, linked from the head of every page; and one per
// partner beside its page (worked out on a fixture in tests/build/partner-feeds.test.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/lib/contract/programme.ts';
import { t } from '../../src/lib/i18n/index.ts';
import type { DashboardData } from '../../src/lib/pipeline.ts';
import { feedPath, partnerFeedPath, partnerPath } from '../../src/site/routes.ts';
import { parseAtom } from '../helpers/atom.ts';

// `npm test` builds dist/ from the shipped data before running these (without SITE_URL; with it,
// every link is expected absolute on the site, as tests/build/site-url.test.ts checks too).
const DIST = 'dist';
const SITE = process.env.SITE_URL ? new URL(process.env.SITE_URL) : undefined;
/** A site path as the build writes it: absolute on the site when it knows its address. */
const url = (path: string) => (SITE ? new URL(path, SITE).href : path);
/** The site path of a link the build wrote. */
const local = (href: string) => (SITE ? new URL(href).pathname + new URL(href).hash : href);
const data = JSON.parse(readFileSync('src/generated/dashboard.json', 'utf8')) as DashboardData;
const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
const NB = '\u00a0';
/** The file a site path stands for: a folder's index.html, the fragment dropped. */
const fileOf = (path: string) => join(DIST, path.replace(/#.*$/, '').replace(/\/$/, '/index.html'));

describe('the Atom feeds', () => {
  for (const lang of LANGS) {
    const feed = () => parseAtom(readFileSync(join(DIST, feedPath(lang)), 'utf8'));

    it(`${feedPath(lang)} parses as Atom, with an entry per snapshot date, milestone and the target reached`, () => {
      const f = feed();
      expect(f.authors).toEqual([data.programme.name[lang]]);
      expect(f.updated).toBe(`${data.aggregates.asOf}T00:00:00.000Z`);
      const snapshots = data.history.map((h) => `snapshot/${h.date}`);
      const milestones = data.programme.milestones.map((m) => `milestone/${m.date}/${m.credits}`);
      const keys = [...snapshots, ...milestones, ...(data.aggregates.targetReachedMonth ? ['target'] : [])];
      expect(f.entries.map((e) => e.id).sort()).toEqual(keys.map((k) => `tag:${SITE?.hostname ?? data.programme.id},${data.programme.period.start}:${data.programme.id}/${lang}/feed/${k}`).sort());
      for (const e of f.entries) {
        expect(e.title, e.id).not.toBe('');
        expect(e.updated, e.id).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\.000Z$/);
        expect(e.content, e.id).toMatch(/^<p>/);
      }
    });

    it(`${feedPath(lang)}: its links lead to pages of the site that exist, or to a milestone's own source`, () => {
      const f = feed();
      expect(f.links).toEqual([
        { rel: 'alternate', href: url(`/${lang}/`) },
        { rel: 'self', href: url(feedPath(lang)) },
      ]);
      const sources = new Set(data.programme.milestones.flatMap((m) => (m.url ? [m.url] : [])));
      for (const e of f.entries)
        for (const l of e.links) {
          if (sources.has(l.href)) continue;
          expect(l.href.startsWith(url('/')), e.id).toBe(true);
          expect(existsSync(fileOf(local(l.href))), l.href).toBe(true);
        }
    });
  }

  it('the latest snapshot entry says what changed since 28.12.2023', () => {
    const latest = parseAtom(readFileSync(join(DIST, feedPath('fi')), 'utf8')).entries.find((e) => e.id.endsWith('/snapshot/2023-12-31'));
    expect(latest?.title).toBe(`Aineistopäivä 31.12.2023: 8${NB}937${NB}op`);
    expect(latest?.content).toContain(`<p>Muutos: +1${NB}686,5${NB}op edellisestä aineistopäivästä (28.12.2023).</p>`);
    expect(latest?.content).toContain('2\u00a0korjattua, 0\u00a0poistettua');
  });

  it('the dashboard lists its feed among the open data, where a reader sees it, and the demonstration label is in each entry', () => {
    for (const lang of LANGS) {
      const html = readFileSync(join(DIST, lang, 'index.html'), 'utf8');
      const downloads = html.slice(html.indexOf('id="downloads-title"'), html.indexOf('</section>', html.indexOf('id="downloads-title"')));
      expect(downloads).toContain(`<li><a href="${feedPath(lang)}" type="application/atom+xml">${t(lang, 'feed.link')}</a></li>`);
      const feed = parseAtom(readFileSync(join(DIST, feedPath(lang)), 'utf8'));
      const reporting = feed.entries.filter((e) => !e.id.includes('/milestone/'));
      expect(reporting.length).toBeGreaterThan(10);
      // The demo's source names the demonstration data itself, so it is said once.
      for (const e of reporting) expect(e.content, e.id).toContain(`<p>${t(lang, 'footer.source', { source: data.programme.source[lang] })}</p>`);
    }
  });

  it('every page links its language’s feed from its head, and a partner’s page its own feed after it', () => {
    const pages = walk(DIST).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    let partnerPages = 0;
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const lang = /<html lang="(\w+)"/.exec(html)?.[1] as (typeof LANGS)[number];
      const head = html.slice(0, html.indexOf('</head>'));
      const links = [...head.matchAll(/<link rel="alternate" type="application\/atom\+xml"( hreflang="\w+")? href="([^"]+)" title="([^"]+)"/g)];
      const partner = data.programme.partners.find((p) => fileOf(partnerPath(lang, p.id)) === page);
      if (partner) partnerPages++;
      // No hreflang on a feed's link: hreflang names a page's language versions (Lighthouse's SEO audit fails a relative one).
      const own = partner ? [[undefined, url(partnerFeedPath(lang, partner.id)), t(lang, 'feed.partner.link', { name: partner.shortName })]] : [];
      expect(links.map((m) => [m[1], m[2], m[3]]), relative(DIST, page)).toEqual([[undefined, url(feedPath(lang)), t(lang, 'feed.link')], ...own]);
    }
    expect(partnerPages).toBe(LANGS.length * data.programme.partners.length);
  });

  it('each partner’s feed parses as Atom, with an entry per export of the partner, linking its page', () => {
    for (const lang of LANGS)
      for (const p of data.programme.partners) {
        const f = parseAtom(readFileSync(join(DIST, partnerFeedPath(lang, p.id)), 'utf8'));
        expect(f.entries.map((e) => e.updated.slice(0, 10))).toEqual((data.partnerHistory[p.id] ?? []).map((r) => r.date).reverse());
        for (const e of f.entries) expect(existsSync(fileOf(local(e.links[0].href))), e.links[0].href).toBe(true);
      }
  });

  it('without SITE_URL there is no oEmbed file and no oEmbed link (its addresses must be absolute)', () => {
    if (SITE) return;
    expect(walk(DIST).filter((f) => f.endsWith('oembed.json'))).toEqual([]);
    for (const page of walk(DIST).filter((f) => f.endsWith('.html'))) expect(readFileSync(page, 'utf8'), page).not.toContain('json+oembed');
  });
});
