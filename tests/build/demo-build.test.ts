import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm test` builds dist/ from the shipped data before running these.
const read = (p: string) => readFileSync(`dist/${p}`, 'utf8');
const json = (p: string) => JSON.parse(read(p)) as Record<string, unknown>;

describe('the demo build (dist/)', () => {
  it('links the projection’s method right after the sentence that gives its figures, in every language', () => {
    for (const [page, href, words] of [['fi/index.html', '/fi/menetelma/', 'Miten ennuste lasketaan'], ['sv/index.html', '/sv/metod/', 'Hur prognosen beräknas'], ['en/index.html', '/en/method/', 'How the projection is made']]) {
      const summary = /<figure[^>]*id="chart-cumulative"[\s\S]*?<p class="chart-summary"[^>]*>([\s\S]*?)<\/p>/.exec(read(page))![1].replace(/ data-astro-cid-\w+/g, '');
      expect(summary, page).toMatch(new RegExp(`80${'\u00a0'}?%.*<a href="${href}">${words}</a>$`));
    }
  });

  it('publishes summary.json with the published December 2023 total and the target', () => {
    const s = json('data/summary.json');
    expect(s.programme).toBe('amkosaaja');
    expect(s.asOf).toBe('2023-12-31');
    expect(s.demo).toBe(true);
    expect(s.totalCredits).toBe(8937);
    expect(s.targetCredits).toBe(8400);
    expect(s.percentOfTarget).toBe(106.4);
    expect(String(s.targetReachedOn)).toMatch(/^2023-12-\d\d$/);
    expect(s.targetReachedMonth).toBe('2023-12');
  });

  it('publishes the same files under the as-of date for citation', () => {
    for (const f of ['summary.json', 'cumulative.csv', 'monthly.csv', 'snapshots.csv']) {
      expect(read(`data/2023-12-31/${f}`)).toBe(read(`data/${f}`));
    }
  });

  it('cumulative.csv runs every month from January 2022 to December 2023 and ends at 8937', () => {
    const lines = read('data/cumulative.csv').replace(/^\ufeff/, '').trim().split('\n');
    expect(lines[0]).toBe('month,credits,cumulative_credits,target_credits');
    expect(lines).toHaveLength(1 + 24);
    expect(lines[1].startsWith('2022-01,')).toBe(true);
    expect(lines[24]).toMatch(/^2023-12,[\d.]+,8937,8400$/);
  });

  it('the Finnish page shows the headline figures formatted for Finnish readers', () => {
    const html = read('fi/index.html');
    expect(html).toContain('<html lang="fi"');
    expect(html).toContain('8\u00a0937\u00a0op');
    expect(html).toContain('106,4\u00a0%');
    expect(html).toContain('Demonstraatioaineisto');
    expect(html).toMatch(/Tiedot 31\.12\.2023/);
    expect(html).toMatch(/ylittivät 8\u00a0400\u00a0op:n tavoitteen \d{1,2}\.12\.2023/);
    // programme.json's own words, typed with plain spaces, keep a number whole on a phone too.
    expect(html).toContain('Vain tavoite (8\u00a0400\u00a0op) ja joulukuun 2023 kokonaismäärä (8\u00a0937\u00a0op)');
    expect(read('sv/index.html')).toContain('Endast målet (8\u00a0400\u00a0sp) och totalen i december 2023 (8\u00a0937\u00a0sp)');
    // The footer's open-data line names six files, and leads to the page describing all of them (the projection's too).
    expect(html).toContain('<span class="no-print"> · <a href="/fi/avoin-data/">kaikki tiedostot (myös ennuste ja sen testit) ja niiden sarakkeet</a></span>');
  });

  it('the headline says what changed since the previous snapshot date, 28.12.2023, in every language and in the report', () => {
    // 7 250,5 op reported on 28.12.2023, 8 937 op on 31.12.2023; two completions corrected that day.
    const change = (page: string) => /<span class="sub change"[^>]*data-change="credits"[^>]*>([\s\S]*?)<\/span>/.exec(read(page))?.[1].replace(/<[^>]+>/g, '');
    const counts = (page: string) => /data-change="counts"[^>]*>([^<]*)</.exec(read(page))?.[1];
    // The previous report is named first: "+1 686,5 op 28.12.2023 jälkeen" read as credits earned in three days.
    expect(change('fi/index.html')).toBe('Ero edellisenä aineistopäivänä (28.12.2023) raportoituun kokonaismäärään: +1\u00a0686,5\u00a0op');
    // 350 new completions that day, two corrected, none withdrawn; each count held to its word.
    expect(counts('fi/index.html')).toBe('Edellisestä aineistopäivästä (28.12.2023): 350\u00a0uutta, 2\u00a0korjattua, 0\u00a0poistettua');
    expect(change('sv/index.html')).toBe('Skillnad mot totalen som rapporterades den 28.12.2023: +1\u00a0686,5\u00a0sp');
    expect(counts('sv/index.html')).toBe('Sedan föregående rapporteringsdatum (28.12.2023): 350\u00a0nya, 2\u00a0korrigerade, 0\u00a0borttagna');
    expect(change('en/index.html')).toBe('Difference from the total reported on 28 December 2023: +1,686.5\u00a0credits');
    expect(counts('en/index.html')).toBe('Since the previous data date (28 December 2023): 350\u00a0added, 2\u00a0corrected, 0\u00a0withdrawn');
    expect(change('fi/raportti/index.html')).toBe('Ero edellisenä aineistopäivänä (28.12.2023) raportoituun kokonaismäärään: +1\u00a0686,5\u00a0op');
    expect(/<time datetime="2023-12-28"[^>]*>28\.12\.2023<\/time>/.test(read('fi/index.html'))).toBe(true);
  });

  it('the target date beside a report that still showed less is explained in place, and the words agree', () => {
    // Reached 8.12.2023 by completion dates, yet 7 250,5 op was reported on 28.12.2023.
    const note = (page: string) => /data-note="reached"[^>]*>([^<]*)</.exec(read(page))?.[1];
    for (const page of ['fi/index.html', 'fi/raportti/index.html']) expect(note(page)).toContain('28.12.2023 raportoitu kokonaismäärä oli vasta 7\u00a0250,5\u00a0op');
    expect(note('sv/index.html')).toContain('den 28.12.2023 var bara 7\u00a0250,5\u00a0sp');
    expect(note('en/index.html')).toContain('the total reported on 28 December 2023 was only 7,250.5\u00a0credits');
    const fi = read('fi/index.html');
    expect(fi).toContain('Eniten opintopisteitä kertyi toukokuussa 2023');
    expect(fi).not.toContain('kertyi toukokuu 2023');
    // One rounding of the projection: the sentence and the chart's label both say about 12 670.
    expect(fi).toContain('noin 12\u00a0670\u00a0op');
    expect(fi).toContain('Ennuste noin 12\u00a0670\u00a0op');
    expect(fi).not.toContain('12\u00a0669\u00a0op');
  });

  it('the open-data page says why the fields\' learner counts add up to more than the total, which they do', () => {
    const s = JSON.parse(read('data/summary.json')) as { learners: number; fields: { learners: number | string | null }[] };
    const fields = s.fields.reduce((sum, f) => sum + (typeof f.learners === 'number' ? f.learners : 0), 0);
    expect(fields).toBeGreaterThan(s.learners); // 1 639 against 1 154: a learner counts in each field of their completions
    expect(read('en/open-data/index.html').replace(/&#39;/g, "'")).toContain("A learner with completions in several fields is counted in each of them, so the fields' counts add up to more than the total.");
  });

  it('summary.json gives the change since 28.12.2023', () => {
    expect(json('data/summary.json').change).toEqual({ since: '2023-12-28', credits: 1686.5, added: 350, withdrawn: 0, corrected: 2 });
  });

  it('the root page leads to /fi/ without JavaScript', () => {
    expect(read('index.html')).toContain('content="0; url=/fi/"');
  });

  it('every chart has its build-time images in light and dark', () => {
    for (const chart of ['cumulative', 'monthly', 'partners', 'fields'])
      for (const theme of ['light', 'dark'])
        for (const size of ['wide', 'narrow'])
          for (const format of ['png', 'webp']) expect(existsSync(`dist/img/charts/fi/${chart}-${theme}-${size}.${format}`)).toBe(true);
  });
});
