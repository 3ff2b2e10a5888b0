// Each partner's Atom feed, built from tests/fixtures/partners (three partners, worked out in
// tests/build/partners.test.ts): an entry per export of the partner with its totals, its change
// since its own previous export and its counts, in three languages; stable ids; links to the
// partner's page; linked from that page's head and its downloads.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/lib/contract/programme.ts';
import type { DashboardData } from '../../src/lib/pipeline.ts';
import { partnerAtomFeed } from '../../src/lib/publish/atom-feed.ts';
import { feedPath, partnerFeedPath, partnerPath } from '../../src/site/routes.ts';
import { parseAtom, type AtomFeed } from '../helpers/atom.ts';
import type { runBuild } from '../helpers/run-build.ts';

// The exports, by partner (credits, completions; change since its previous export; added, corrected, withdrawn):
// - alpha (own target 40): 31.3. 20 op, 3 (first; 50,0 %); 30.4. 20 op, 3 (0; 0, 0, 0; 50,0 %);
//   30.6. 30 op, 5 (+10; A4 and A5 added: 2, 0, 0; 75,0 %).
// - beta: 31.3. 15 op, 3 (first); 30.4. 12,5 op, 3 (−2,5; B4 added, B3 withdrawn: 1, 0, 1).
// - gamma: 31.3. 18 op, 9 (first); 30.4. 20 op, 10 (+2; 1, 0, 0); 30.6. 52 op, 14 (+32; 4, 0, 0).
/** The build's folders, known once tests/build/partners.test.ts has built. */
let env = { data: '', generated: '', out: '' };
const read = (p: string) => readFileSync(join(env.out, p), 'utf8');
const feedOf = (lang: (typeof LANGS)[number], id: string): AtomFeed => parseAtom(read(partnerFeedPath(lang, id)));
const NB = '\u00a0';
const tag = (lang: string, id: string, key?: string) => `tag:three,2022-07-01:three/${lang}/partners/${id}/feed${key ? `/${key}` : ''}`;
/** The address and text of the page's visible link to a feed. */
const feedAnchor = (html: string) => /<a href="([^"]*feed\.xml)" type="application\/atom\+xml"[^>]*>([^<]*)<\/a>/.exec(html)?.slice(1);
/** An entry's paragraphs as a reader sees them. */
const paragraphs = (content: string) => [...content.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));

/** The feeds' tests, over the build that tests/build/partners.test.ts makes of the same fixture. */
export function describeFeeds(built: () => { build: ReturnType<typeof runBuild>; env: typeof env }): void {
  describe('each partner’s Atom feed', () => {
    let build: ReturnType<typeof runBuild>;
    beforeAll(() => {
      ({ build, env } = built());
    });

    it('builds a feed beside each partner’s page in every language', () => {
      expect(build.status, build.stderr).toBe(0);
      for (const lang of LANGS) for (const id of ['alpha', 'beta', 'gamma']) expect(existsSync(join(env.out, partnerFeedPath(lang, id))), `${lang} ${id}`).toBe(true);
      expect(partnerFeedPath('fi', 'alpha')).toBe('/fi/korkeakoulut/alpha/feed.xml');
    });

    it('has an entry per export of the partner, newest first, with ids named by the export date', () => {
      const alpha = feedOf('fi', 'alpha');
      expect(alpha.id).toBe(tag('fi', 'alpha'));
      expect(alpha.title).toBe('Alpha AMK, Kolmen ohjelma: päivitykset');
      expect(alpha.authors).toEqual(['Alpha AMK']);
      expect(alpha.updated).toBe('2023-06-30T00:00:00.000Z');
      expect(alpha.entries.map((e) => [e.id, e.updated])).toEqual([
        [tag('fi', 'alpha', 'snapshot/2023-06-30'), '2023-06-30T00:00:00.000Z'],
        [tag('fi', 'alpha', 'snapshot/2023-04-30'), '2023-04-30T00:00:00.000Z'],
        [tag('fi', 'alpha', 'snapshot/2023-03-31'), '2023-03-31T00:00:00.000Z'],
      ]);
      // Beta sent nothing on 30.6.: its feed ends, and is dated, at its newest export.
      const beta = feedOf('sv', 'beta');
      expect(beta.updated).toBe('2023-04-30T00:00:00.000Z');
      expect(beta.entries.map((e) => e.id)).toEqual([tag('sv', 'beta', 'snapshot/2023-04-30'), tag('sv', 'beta', 'snapshot/2023-03-31')]);
      expect(feedOf('en', 'gamma').entries.map((e) => e.id)).toEqual(['2023-06-30', '2023-04-30', '2023-03-31'].map((d) => tag('en', 'gamma', `snapshot/${d}`)));
    });

    it('says what each export reported and changed, as the programme’s feed says it, in Finnish', () => {
      const [latest, april, first] = feedOf('fi', 'alpha').entries;
      expect(latest.title).toBe(`Alpha AMK, aineistopäivä 30.6.2023: 30${NB}op`);
      expect(paragraphs(latest.content)).toEqual([
        `Alpha AMK raportoi yhteensä 30${NB}op (suorituksia 5), 75,0${NB}% omasta tavoitteestaan 40${NB}op.`,
        `Muutos: +10${NB}op edellisestä aineistopäivästä (30.4.2023).`,
        'Suoritukset korkeakoulun edelliseen aineistoon verrattuna: 2\u00a0uutta, 0\u00a0korjattua, 0\u00a0poistettua.',
        // Read alone in a feed reader, each entry names the source.
        'Lähde: Testilähde',
      ]);
      expect(paragraphs(april.content)).toEqual([
        `Alpha AMK raportoi yhteensä 20${NB}op (suorituksia 3), 50,0${NB}% omasta tavoitteestaan 40${NB}op.`,
        `Muutos: 0${NB}op edellisestä aineistopäivästä (31.3.2023).`,
        'Suoritukset korkeakoulun edelliseen aineistoon verrattuna: 0\u00a0uutta, 0\u00a0korjattua, 0\u00a0poistettua.',
        'Lähde: Testilähde',
      ]);
      expect(paragraphs(first.content)).toEqual([`Alpha AMK raportoi yhteensä 20${NB}op (suorituksia 3), 50,0${NB}% omasta tavoitteestaan 40${NB}op.`, 'Korkeakoulun ensimmäinen aineisto.', 'Lähde: Testilähde']);
      // Gamma has no target of its own: no percentage.
      const gamma = feedOf('fi', 'gamma').entries[0];
      expect(gamma.title).toBe(`Gamma AMK, aineistopäivä 30.6.2023: 52${NB}op`);
      expect(paragraphs(gamma.content)).toEqual([
        `Gamma AMK raportoi yhteensä 52${NB}op (suorituksia 14).`,
        `Muutos: +32${NB}op edellisestä aineistopäivästä (30.4.2023).`,
        'Suoritukset korkeakoulun edelliseen aineistoon verrattuna: 4\u00a0uutta, 0\u00a0korjattua, 0\u00a0poistettua.',
        'Lähde: Testilähde',
      ]);
    });

    it('in Swedish and English', () => {
      const beta = feedOf('sv', 'beta').entries[0];
      expect(beta.title).toBe(`Beta YH, rapporteringsdatum 30.4.2023: 12,5${NB}sp`);
      expect(paragraphs(beta.content)).toEqual([
        `Beta YH rapporterade totalt 12,5${NB}sp (prestationer: 3).`,
        `Förändring: −2,5${NB}sp sedan föregående rapporteringsdatum (31.3.2023).`,
        'Prestationer jämfört med högskolans föregående leverans: 1\u00a0ny, 0\u00a0korrigerade, 1\u00a0borttagen.',
        'Källa: Testilähde (sv)',
      ]);
      expect(paragraphs(feedOf('sv', 'beta').entries[1].content)).toEqual([`Beta YH rapporterade totalt 15${NB}sp (prestationer: 3).`, 'Högskolans första leverans.', 'Källa: Testilähde (sv)']);
      const alpha = feedOf('en', 'alpha');
      expect(alpha.title).toBe('Alpha UAS, Programme of three: updates');
      expect(alpha.entries[0].title).toBe(`Alpha UAS, data date 30 June 2023: 30${NB}credits`);
      expect(paragraphs(alpha.entries[0].content)).toEqual([
        `Alpha UAS reported 30${NB}credits in total (completions: 5), 75.0% of its own target of 40${NB}credits.`,
        `Change: +10${NB}credits since the previous data date (30 April 2023).`,
        "Completions against the university's previous export: 2\u00a0added, 0\u00a0corrected, 0\u00a0withdrawn.",
        'Source: Testilähde (en)',
      ]);
      expect(paragraphs(alpha.entries[2].content)[1]).toBe("The university's first export.");
    });

    it('links the partner’s page and its history, which exist', () => {
      for (const lang of LANGS) {
        const f = feedOf(lang, 'beta');
        expect(f.links).toEqual([
          { rel: 'alternate', href: partnerPath(lang, 'beta') },
          { rel: 'self', href: partnerFeedPath(lang, 'beta') },
        ]);
        for (const e of f.entries) expect(e.links).toEqual([{ rel: 'alternate', href: `${partnerPath(lang, 'beta')}#partner-history` }]);
        expect(read(`${partnerPath(lang, 'beta')}index.html`)).toContain('id="partner-history"');
      }
    });

    it('with the site address, its id is named by the host and its links are absolute', () => {
      const data = JSON.parse(readFileSync(join(env.generated, 'dashboard.json'), 'utf8')) as DashboardData;
      const paths = { self: partnerFeedPath('fi', 'gamma'), page: partnerPath('fi', 'gamma') };
      // The file the build wrote is the function of the data alone: no clock in it.
      expect(read(paths.self)).toBe(partnerAtomFeed(data, 'gamma', 'fi', paths, undefined));
      const f = parseAtom(partnerAtomFeed(data, 'gamma', 'fi', paths, new URL('https://example.org/')));
      expect(f.id).toBe('tag:example.org,2022-07-01:three/fi/partners/gamma/feed');
      expect(f.links.map((l) => l.href)).toEqual(['https://example.org/fi/korkeakoulut/gamma/', 'https://example.org/fi/korkeakoulut/gamma/feed.xml']);
      expect(f.entries[0].links[0].href).toBe('https://example.org/fi/korkeakoulut/gamma/#partner-history');
    });

    it('shows no learner, no completion id, no course name, and no learner count', () => {
      for (const lang of LANGS)
        for (const id of ['alpha', 'beta', 'gamma']) {
          const xml = read(partnerFeedPath(lang, id));
          expect(xml).not.toMatch(/Kurssi|\bL\d+\b|\b[ABG]\d+\b|C\d\b|&lt;5|Oppijoita|Studerande|Learners/);
        }
    });

    it('is linked from the partner’s page: its head (after the language’s feed) and its downloads, in the same words', () => {
      const page = read('fi/korkeakoulut/alpha/index.html');
      const head = page.slice(0, page.indexOf('</head>'));
      expect([...head.matchAll(/<link rel="alternate" type="application\/atom\+xml"[^>]*>/g)].map((m) => m[0])).toEqual([
        `<link rel="alternate" type="application/atom+xml" href="${feedPath('fi')}" title="Päivitykset (Atom-syöte)">`,
        '<link rel="alternate" type="application/atom+xml" href="/fi/korkeakoulut/alpha/feed.xml" title="Alpha: päivitykset (Atom-syöte)">',
      ]);
      expect(feedAnchor(page)).toEqual(['/fi/korkeakoulut/alpha/feed.xml', 'Alpha: päivitykset (Atom-syöte)']);
      expect(feedAnchor(read('en/universities/gamma/index.html'))).toEqual(['/en/universities/gamma/feed.xml', 'Gamma: updates (Atom feed)']);
      expect(read('sv/hogskolor/beta/index.html')).toContain('type="application/atom+xml" href="/sv/hogskolor/beta/feed.xml" title="Beta: uppdateringar (Atom-flöde)"');
    });
  });
}
