import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../helpers/run-build.ts';
import { describeFeeds } from './partner-feeds.ts';

// tests/fixtures/partners: target 100, reporting interval 30 days, three partners, as of 30.6.2023.
// - alpha (own target 40): 5 + 5 + 10 + 5 + 5 = 30 credits in 5 completions, learners L1–L4 (4: "<5");
//   exports 31.3., 30.4., 30.6.; months 2023-01…2023-06 (April empty, median 5: no outlier).
// - beta: 31.3. has 5 + 5 + 5 = 15; 30.4. withdraws B3 (March, 5) and adds 2,5 in April: 12,5 credits,
//   3 completions, learners L5, L6 (2: "<5"); nothing on 30.6., so 61 days behind (> 30): provisional.
// - gamma: 2 credits in each month July 2022 – May 2023 (11), 30 in June (3 × 10): 52 credits, 14
//   completions, 14 learners; over its 12 months June is 30 / 2 = 15 × its median month (2), above
//   the rule's 5 × (alpha's and beta's months are under the rule's twelve).
// Total 30 + 12,5 + 52 = 94,5 credits, 22 completions; shares 31,7 %, 13,2 %, 55,0 %.
const work = mkdtempSync(join(tmpdir(), 'dashboard-partners-'));
const env = { data: 'tests/fixtures/partners', generated: join(work, 'generated'), out: join(work, 'dist') };
const read = (p: string) => readFileSync(join(env.out, p), 'utf8');
/** Returns a page's text as a reader gets it: inline tags dropped, blocks apart, entities decoded, spaces collapsed (no-break spaces kept). */
const text = (p: string) =>
  read(p)
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<\/?(span|strong|a|time|code|q|abbr)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/[ \t\r\n]+/g, ' ');
const NB = '\u00a0';
/** Returns the figures of a partner's page by their data-figure key. */
const figures = (p: string) =>
  Object.fromEntries([...read(p).matchAll(/data-figure="(\w+)"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2].replace(/&lt;/g, '<')]));

// One build serves both the pages' tests and the feeds' (tests/build/partner-feeds.ts).
let build: ReturnType<typeof runBuild>;
beforeAll(() => {
  build = runBuild(env);
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a programme of three partners, one behind and one with an outlying month', () => {

  it('builds, and prints each plausibility warning naming its file and month', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const dir = 'tests/fixtures/partners/snapshots';
    expect(build.stdout).toContain(
      `warning: ${dir}/2023-06-30/gamma.csv: 2023-06: 30${NB}credits, 15 × gamma's median month (2${NB}credits over the 12 months 2022-07 to 2023-06); rule: a month above 5 × the partner's median month\n`,
    );
    expect(build.stdout).toContain(
      `warning: ${dir}/2023-04-30/beta.csv: beta's total fell from 15 to 12.5${NB}credits (-2.5) since ${dir}/2023-03-31/beta.csv; months that fell: 2023-03 (-5)\n`,
    );
    expect(build.stdout).toContain(
      `warning: ${dir}/2023-06-30/: 2023-06: reporting round 2023-06-30 has no export from beta (${dir}/2023-04-30/beta.csv), despite earlier exports (latest in brackets); rule: exports that report the same month, or are dated at most 7 days apart, are one round, and a partner that reported before should be in every round\n`,
    );
    // The three are all.
    expect(build.stdout.match(/^warning: tests\//gm)).toHaveLength(3);
  });

  it('publishes partners.csv and each partner’s own rows, byte for byte', () => {
    expect(read('data/partners.csv')).toBe(
      '\ufeffpartner,credits,completions,last_snapshot,days_behind,first_month,last_month,exports,behind\n' +
        'alpha,30,5,2023-06-30,0,2023-01,2023-06,3,false\n' +
        'beta,12.5,3,2023-04-30,61,2023-01,2023-04,2,true\n' +
        'gamma,52,14,2023-06-30,0,2022-07,2023-06,3,false\n',
    );
    expect(read('data/partners/beta.csv')).toBe('\ufeffmonth,partner,field_code,credits,completions\n2023-01,beta,1,5,1\n2023-02,beta,2,5,1\n2023-04,beta,2,2.5,1\n');
    const summary = JSON.parse(read('data/summary.json'));
    expect(summary.reporting).toEqual({ intervalDays: 30, provisional: true, partnersBehind: ['beta'] });
  });

  it('says the headline total is provisional and names the partner behind, in three languages', () => {
    expect(text('fi/index.html')).toContain(
      'Alustava luku. Luku voi vielä muuttua, koska kaikkien korkeakoulujen tiedot eivät ole ajan tasalla. Viimeisin aineisto on yli 30 päivää tilannepäivää vanhempi: Beta (30.4.2023, 61 päivää).',
    );
    expect(text('sv/index.html')).toContain(
      'Preliminär siffra. Siffran kan ännu ändras, eftersom inte alla högskolors uppgifter är aktuella. Den senaste leveransen är mer än 30 dagar äldre än lägesdagen: Beta (30.4.2023, 61 dagar).',
    );
    expect(text('en/index.html')).toContain(
      "Provisional figure. The figure may still change, because not every university's data is up to date. Latest export more than 30 days older than the as-of date: Beta (30 April 2023, 61 days).",
    );
    // The same words in the report and the card embed.
    expect(text('fi/raportti/index.html')).toContain('Alustava luku.');
    expect(text('en/embed/card/index.html')).toContain('Provisional figure.');
    // And the feed's latest entry, which a reader may see alone; the earlier entries say nothing of it.
    const feed = read('fi/feed.xml');
    const entries = feed.split('<entry>').slice(1);
    expect(entries[0]).toContain('Alustava luku. Luku voi vielä muuttua, koska kaikkien korkeakoulujen tiedot eivät ole ajan tasalla. Viimeisin aineisto on yli 30 päivää tilannepäivää vanhempi: Beta (30.4.2023, 61 päivää).');
    expect(entries.filter((e) => e.includes('Alustava luku'))).toHaveLength(1);
  });

  it('lists each partner’s currency on the dashboard, linked to its page', () => {
    const fi = text('fi/index.html');
    expect(fi).toContain('Beta 30.4.2023 61 tammikuu 2023 – huhtikuu 2023 2 Jäljessä');
    expect(fi).toContain('Gamma 30.6.2023 0 heinäkuu 2022 – kesäkuu 2023 3 Ajan tasalla');
    expect(read('fi/index.html')).toContain('<a href="/fi/korkeakoulut/beta/">Beta AMK</a>');
  });

  it('gives each partner a page in every language with its figures, learners under five as "<5"', () => {
    const alpha = figures('fi/korkeakoulut/alpha/index.html');
    expect(alpha).toEqual({ credits: `30${NB}op`, share: `31,7${NB}%`, completions: '5', learners: '<5', target: `40${NB}op` });
    expect(text('fi/korkeakoulut/alpha/index.html')).toContain(`kaikkiaan 94,5${NB}op`);
    expect(text('fi/korkeakoulut/alpha/index.html')).toContain(`75,0${NB}% tavoitteesta`);
    expect(text('fi/korkeakoulut/alpha/index.html')).toContain('Tila: Ajan tasalla.');
    expect(figures('en/universities/gamma/index.html')).toEqual({ credits: `52${NB}credits`, share: '55.0%', completions: '14', learners: '14' });
    expect(figures('sv/hogskolor/beta/index.html')).toEqual({ credits: `12,5${NB}sp`, share: `13,2${NB}%`, completions: '3', learners: '<5' });
    const beta = text('sv/hogskolor/beta/index.html');
    expect(beta).toContain('Status: Försenad.');
    expect(beta).toContain('Preliminär siffra.');
    // Its reporting history: 15 on 31.3., 12,5 on 30.4. (−2,5; one new, one withdrawn).
    expect(text('fi/korkeakoulut/beta/index.html')).toContain('30.4.2023 12,5 3 −2,5 1 0 1');
    for (const page of ['fi/korkeakoulut/alpha/index.html', 'sv/hogskolor/gamma/index.html', 'en/universities/beta/index.html']) {
      expect(read(page)).not.toMatch(/Kurssi|\bL\d+\b|\bG\d+\b/);
    }
  });

  it('draws a target line only for the partner that has a target', () => {
    const series = (p: string) => JSON.parse(/<script type="application\/json" data-series[^>]*>([^<]*)<\/script>/.exec(read(p))![1]);
    expect(series('fi/korkeakoulut/alpha/index.html')).toMatchObject({ kind: 'cumulative', target: 40 });
    expect(series('fi/korkeakoulut/gamma/index.html')).toMatchObject({ kind: 'cumulative', target: null });
    expect(series('fi/korkeakoulut/gamma/index.html').actual).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 52]);
    // beta is behind (latest export 30.4.2023): its months end in April, not at 0 for May and June.
    expect(series('fi/korkeakoulut/beta/index.html').actual).toEqual([0, 0, 0, 0, 0, 0, 5, 10, 10, 12.5]);
    expect(text('fi/korkeakoulut/beta/index.html')).not.toMatch(/touko(kuu)? 2023|kesä(kuu)? 2023/);
    expect(text('fi/korkeakoulut/gamma/index.html')).toContain('Kertyneet opintopisteet Kertyneitä opintopisteitä oli 30.6.2023 mennessä 52');
    // The table under the chart: captioned as the chart is, with a target only where there is one.
    const caption = (p: string) => /<caption[^>]*>([^<]*)/.exec(read(p))![1].trim();
    expect(caption('fi/korkeakoulut/gamma/index.html')).toBe('Kertyneet opintopisteet');
    expect(caption('sv/hogskolor/gamma/index.html')).toBe('Ackumulerade studiepoäng');
    expect(caption('fi/korkeakoulut/alpha/index.html')).toBe('Kertyneet opintopisteet ja tavoite');
  });

  it('offers each partner’s chart images, embeds and CSV, and lists its pages in the sitemap', () => {
    for (const f of ['img/charts/fi/alpha/cumulative-light-wide.png', 'img/charts/sv/beta/monthly-dark-wide.svg', 'img/charts/en/gamma/fields-light-wide.png']) expect(existsSync(join(env.out, f)), f).toBe(true);
    // Both layouts on screen, as the programme's: a phone is shown the narrow WebP. The downloads
    // (PNG, SVG) are the wide layout's only, so no narrow PNG or SVG is drawn, and none is offered.
    for (const theme of ['light', 'dark']) expect(existsSync(join(env.out, `img/charts/fi/alpha/monthly-${theme}-narrow.webp`)), theme).toBe(true);
    for (const format of ['png', 'svg']) expect(existsSync(join(env.out, `img/charts/fi/alpha/monthly-light-narrow.${format}`)), format).toBe(false);
    const page = read('fi/korkeakoulut/alpha/index.html');
    expect(page).toContain('srcset="/img/charts/fi/alpha/monthly-light-narrow.webp"');
    expect(page).not.toMatch(/href="[^"]*-narrow\.(png|svg)"/);
    expect(page).toContain('href="/img/charts/fi/alpha/monthly-dark-wide.svg" download="alpha-monthly-fi-dark-wide.svg"');
    expect(page).toContain('href="/img/charts/fi/alpha/monthly-light-wide.png" download="alpha-monthly-fi-light-wide.png"');
    expect(page).toContain('data-path="/fi/upota/alpha-cumulative/"');
    expect(page).toContain('href="/data/partners/alpha.csv"');
    expect(text('fi/upota/alpha-monthly/index.html')).toContain('Alpha: Opintopisteet kuukausittain');
    // A partner's embed leads to that partner's own rows, and is dated by its latest export: beta's is
    // 30.4.2023, two months before the programme's as-of date, and says so on the embed and the image.
    expect(read('fi/upota/beta-cumulative/index.html')).toContain('href="/data/partners/beta.csv" target="_blank"');
    const betaEmbed = text('fi/upota/beta-cumulative/index.html');
    expect(betaEmbed).toContain('Tiedot 30.4.2023 · Lähde:');
    expect(betaEmbed).toContain(`Kertyneitä opintopisteitä oli 30.4.2023 mennessä 12,5${NB}op.`);
    expect(text('fi/upota/alpha-cumulative/index.html')).toContain('Tiedot 30.6.2023 · Lähde:');
    expect(read('img/charts/en/beta/cumulative-light-wide.svg')).toContain('Data as of 30 April 2023 · Source:');
    // A shared link to a partner's page previews that partner's own chart, with its words.
    const meta = (html: string, key: string) => html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1];
    const beta = read('en/universities/beta/index.html');
    expect(meta(beta, 'og:image')).toBe('/img/charts/en/beta/cumulative-light-wide.png');
    expect(existsSync(join(env.out, 'img/charts/en/beta/cumulative-light-wide.png'))).toBe(true);
    expect(meta(beta, 'og:image:width')).toBe('1440');
    expect(meta(beta, 'og:image:alt')).toContain(`12.5${NB}credits had been completed by 30 April 2023.`);
    const sitemap = read('sitemap.xml');
    for (const path of ['/fi/korkeakoulut/alpha/', '/sv/hogskolor/beta/', '/en/universities/gamma/']) expect(sitemap).toContain(`<loc>${path}</loc>`);
    expect(sitemap).toContain('hreflang="sv" href="/sv/hogskolor/alpha/"');
  });
});

describeFeeds(() => ({ build, env }));
