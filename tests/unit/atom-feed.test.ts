import { describe, expect, it } from 'vitest';
import { atomFeed, partnerAtomFeed } from '../../src/lib/publish/atom-feed.ts';
import { build, loadData } from '../../src/lib/pipeline.ts';
import { parseAtom } from '../helpers/atom.ts';
import { CHANGING_SNAPSHOTS } from '../helpers/changing-exports.ts';
import { HEADER, memorySource, tinyProgramme } from '../helpers/memory-source.ts';

const NB = '\u00a0';
const names = (fi: string) => ({ fi, sv: `${fi} (sv)`, en: `${fi} (en)` });
// A name and a milestone title that are not markup, though they look it.
const programme = {
  ...tinyProgramme,
  name: names('Pieni & <ohjelma>'),
  milestones: [{ date: '2023-05-31', credits: 12, source: names('Uutinen'), url: 'https://news.example/1', title: 'Puolet & <b>yli</b>' }],
};
const { data } = build(loadData(memorySource(programme, CHANGING_SNAPSHOTS)));
const paths = { self: '/fi/feed.xml', dashboard: '/fi/' };
const tag = (key: string, host = 'tiny') => `tag:${host},2023-01-01:tiny/fi/feed/${key}`;

// The tiny programme (target 15) reaches its target on 1.6.2023 (4 + 2,5 + 0,1 + 10 = 16,6);
// the reporting history is worked out in tests/helpers/changing-exports.ts.
describe('atomFeed', () => {
  const feed = parseAtom(atomFeed(data, 'fi', paths, undefined));

  it('is an Atom feed with a stable id, an author and the latest data date as its update', () => {
    expect(feed.id).toBe(tag('').slice(0, -1));
    expect(feed.title).toBe('Pieni & <ohjelma>: päivitykset');
    expect(feed.authors).toEqual(['Pieni & <ohjelma>']);
    expect(feed.updated).toBe('2023-07-15T00:00:00.000Z');
  });

  it('has one entry per snapshot date and milestone, newest first, each id named by what it is about', () => {
    expect(feed.entries.map((e) => [e.id, e.updated])).toEqual([
      [tag('snapshot/2023-07-15'), '2023-07-15T00:00:00.000Z'],
      // Reached on 1.6., news on 30.6., the first data date whose total reached it (19,8 op of 15):
      // dated 1.6., the entry had sorted below entries a reader had already seen.
      [tag('target'), '2023-06-30T00:00:00.000Z'],
      [tag('snapshot/2023-06-30'), '2023-06-30T00:00:00.000Z'],
      [tag('milestone/2023-05-31/12'), '2023-05-31T00:00:00.000Z'],
      [tag('snapshot/2023-03-31'), '2023-03-31T00:00:00.000Z'],
    ]);
  });

  it('says what each snapshot date reported and what it changed', () => {
    const [july, , , , march] = feed.entries;
    expect(july.title).toBe(`Aineistopäivä 15.7.2023: 20,6${NB}op`);
    expect(july.titleType).toBe('html');
    expect(july.contentType).toBe('html');
    expect(july.content).toBe(
      `<p>Raportoitu yhteensä 20,6${NB}op, 137,3${NB}% tavoitteesta 15${NB}op.</p>` +
        `<p>Muutos: +0,8${NB}op edellisestä aineistopäivästä (30.6.2023).</p>` +
        '<p>Suoritukset korkeakoulujen edellisiin aineistoihin verrattuna: 1\u00a0uusi, 1\u00a0korjattu, 1\u00a0poistettu.</p>' +
        // Beta alone sent on 15.7.; alpha's figures are its export of 30.6., an earlier round.
        '<p>Aineistot tältä päivämäärältä: Beta. Muiden korkeakoulujen luvut ovat niiden aiemmista aineistoista.</p>' +
        // Read alone in a feed reader, an entry names its source, as a chart image or an embed does.
        '<p>Lähde: Testilähde</p>',
    );
    expect(march.content).toBe(`<p>Raportoitu yhteensä 8,8${NB}op, 58,7${NB}% tavoitteesta 15${NB}op.</p><p>Ensimmäinen aineistopäivä.</p><p>Lähde: Testilähde</p>`);
  });

  it('labels demonstration data in every entry that reports figures, and in its own description', () => {
    const demo = build(loadData(memorySource({ ...programme, demo: true }, CHANGING_SNAPSHOTS))).data;
    const xml = atomFeed(demo, 'fi', paths, undefined);
    const f = parseAtom(xml);
    for (const e of f.entries.filter((x) => !x.id.includes('/milestone/'))) expect(e.content, e.id).toMatch(/<p>Lähde: Testilähde · Demonstraatioaineisto<\/p>$/);
    // A published figure names its own source, and is not demonstration data.
    expect(f.entries[3].content).toBe('<p>Lähde: Uutinen: ”Puolet &amp; &lt;b&gt;yli&lt;/b&gt;”.</p>');
    // The tiny programme gives no demoFacts: no AMKosaaja fact is claimed for it; its target is reached.
    expect(xml).toMatch(/<subtitle>Jokainen aineistopäivä \(mitä raportoitiin ja mikä muuttui\) ja jokainen virstanpylväs\. Demonstraatioaineisto: Yksittäiset suoritukset ja kaikki niistä lasketut luvut – jako korkeakouluittain, aloittain ja kuukausittain, tavoitteen saavuttamispäivä,/);
    expect(atomFeed(data, 'fi', paths, undefined)).toContain('<subtitle>Jokainen aineistopäivä (mitä raportoitiin ja mikä muuttui) ja jokainen virstanpylväs.</subtitle>');
  });

  it('escapes text from the data in its HTML, so a reader shows it as written', () => {
    const milestone = feed.entries[3];
    expect(milestone.title).toBe(`Julkaistu luku: 12${NB}op (toukokuu 2023)`);
    // Finnish quotation marks in a Finnish feed: ” on both sides.
    expect(milestone.content).toBe('<p>Lähde: Uutinen: ”Puolet &amp; &lt;b&gt;yli&lt;/b&gt;”.</p>');
    expect(milestone.links).toEqual([{ rel: 'alternate', href: 'https://news.example/1' }]);
  });

  it('without a site address, links are site paths', () => {
    expect(feed.links).toEqual([
      { rel: 'alternate', href: '/fi/' },
      { rel: 'self', href: '/fi/feed.xml' },
    ]);
    expect(feed.entries[0].links).toEqual([{ rel: 'alternate', href: '/fi/#history-title' }]);
    expect(feed.entries[1].links).toEqual([{ rel: 'alternate', href: '/fi/#chart-cumulative' }]);
  });

  it('with one, links are absolute on it and ids are named by its host', () => {
    const site = parseAtom(atomFeed(data, 'fi', paths, new URL('https://example.org/')));
    expect(site.links.map((l) => l.href)).toEqual(['https://example.org/fi/', 'https://example.org/fi/feed.xml']);
    expect(site.entries[0].links[0].href).toBe('https://example.org/fi/#history-title');
    expect(site.entries[0].id).toBe(tag('snapshot/2023-07-15', 'example.org'));
  });

  it('is the same bytes whenever it is written (no clock in it)', () => {
    const first = atomFeed(data, 'fi', paths, undefined);
    expect(atomFeed(data, 'fi', paths, undefined)).toBe(first);
    expect(first).not.toContain(String(new Date().getUTCFullYear() + 1));
  });

  it('speaks the language asked for', () => {
    const en = parseAtom(atomFeed(data, 'en', { self: '/en/feed.xml', dashboard: '/en/' }, undefined));
    expect(en.entries[0].title).toBe(`Data date 15 July 2023: 20.6${NB}credits`);
    expect(en.entries[1].title).toBe(`The target of 15${NB}credits was reached on 1 June 2023`);
    const sv = parseAtom(atomFeed(data, 'sv', { self: '/sv/feed.xml', dashboard: '/sv/' }, undefined));
    expect(sv.entries[0].content).toContain(`Förändring: +0,8${NB}sp sedan föregående rapporteringsdatum (30.6.2023).`);
  });

  it('names who has sent theirs while a round comes in, and no one once its last export is in, however many days the round took', () => {
    // alpha and beta on 30.6.; alpha on 20.9. and beta on 30.9., ten days apart: both report September, one round.
    const snapshots = {
      '2023-06-30/alpha.csv': [HEADER, 'A1,2023-01-15,C1,K,1,5,L1'].join('\n'),
      '2023-06-30/beta.csv': [HEADER, 'B1,2023-02-15,C1,K,2,2,L5'].join('\n'),
      '2023-09-20/alpha.csv': [HEADER, 'A1,2023-01-15,C1,K,1,5,L1', 'A2,2023-08-15,C1,K,1,1,L2'].join('\n'),
      '2023-09-30/beta.csv': [HEADER, 'B1,2023-02-15,C1,K,2,2,L5', 'B2,2023-09-25,C1,K,2,2,L6'].join('\n'),
    };
    const f = parseAtom(atomFeed(build(loadData(memorySource(tinyProgramme, snapshots))).data, 'fi', paths, undefined));
    const some = (date: string) => f.entries.find((e) => e.id === tag(`snapshot/${date}`))?.content.match(/<p>Aineistot tältä päivämäärältä: [^<]*<\/p>/)?.[0];
    expect(some('2023-09-20')).toBe('<p>Aineistot tältä päivämäärältä: Alpha. Muiden korkeakoulujen luvut ovat niiden aiemmista aineistoista.</p>');
    expect(some('2023-09-30')).toBeUndefined();
    expect(some('2023-06-30')).toBeUndefined();
  });
});

// A partner whose name looks like markup, and one that has sent nothing yet.
describe('partnerAtomFeed', () => {
  const three = {
    ...tinyProgramme,
    partners: [{ ...tinyProgramme.partners[0], name: names('Alpha & <AMK>') }, tinyProgramme.partners[1], { id: 'gamma', code: '00003', shortName: 'Gamma', name: names('Gamma AMK') }],
  };
  const { data: d } = build(loadData(memorySource(three, CHANGING_SNAPSHOTS)));
  const at = (id: string) => ({ self: `/fi/korkeakoulut/${id}/feed.xml`, page: `/fi/korkeakoulut/${id}/` });

  it('has an entry per export of the partner, newest first, naming it in plain text however its name looks', () => {
    const xml = partnerAtomFeed(d, 'alpha', 'fi', at('alpha'), undefined);
    const f = parseAtom(xml);
    expect(f.title).toBe(`Alpha & <AMK>, ${tinyProgramme.name.fi}: päivitykset`);
    // Alpha exported on 31.3. and 30.6. (not on 15.7.): 8,5 then 16,5 credits (+8; A4\u00a0added, A1 and A2\u00a0corrected, A3\u00a0withdrawn).
    expect(f.updated).toBe('2023-06-30T00:00:00.000Z');
    expect(f.entries.map((e) => e.id)).toEqual(['tag:tiny,2023-01-01:tiny/fi/partners/alpha/feed/snapshot/2023-06-30', 'tag:tiny,2023-01-01:tiny/fi/partners/alpha/feed/snapshot/2023-03-31']);
    const [june, march] = f.entries;
    expect(june.title).toBe(`Alpha &amp; &lt;AMK&gt;, aineistopäivä 30.6.2023: 16,5${NB}op`);
    expect(june.content).toBe(
      `<p>Alpha &amp; &lt;AMK&gt; raportoi yhteensä 16,5${NB}op (suorituksia 3).</p>` +
        `<p>Muutos: +8${NB}op edellisestä aineistopäivästä (31.3.2023).</p>` +
        '<p>Suoritukset korkeakoulun edelliseen aineistoon verrattuna: 1\u00a0uusi, 2\u00a0korjattua, 1\u00a0poistettu.</p><p>Lähde: Testilähde</p>',
    );
    expect(march.content).toBe(`<p>Alpha &amp; &lt;AMK&gt; raportoi yhteensä 8,5${NB}op (suorituksia 3).</p><p>Korkeakoulun ensimmäinen aineisto.</p><p>Lähde: Testilähde</p>`);
    expect(june.links).toEqual([{ rel: 'alternate', href: '/fi/korkeakoulut/alpha/#partner-history' }]);
  });

  it('of a partner that has sent nothing has no entry, and is dated by the as-of date', () => {
    const f = parseAtom(partnerAtomFeed(d, 'gamma', 'fi', at('gamma'), undefined));
    expect(f.entries).toEqual([]);
    expect(f.updated).toBe(`${d.aggregates.asOf}T00:00:00.000Z`);
    expect(f.id).toBe('tag:tiny,2023-01-01:tiny/fi/partners/gamma/feed');
  });

  it('refuses a partner programme.json does not list', () => {
    expect(() => partnerAtomFeed(d, 'delta', 'fi', at('delta'), undefined)).toThrow('no partner delta in programme.json');
  });
});
