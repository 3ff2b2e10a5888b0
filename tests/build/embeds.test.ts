// What the communications team reuses, checked in the built dist/: embed pages for every chart
// and language, the loader's size, the chart images and social cards, the embed snippets and
// image downloads beside each chart, the stable open-data copies and their data dictionary.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { creditParts } from '../../src/lib/charts/attribution.ts';
import { chartImagePath, chartImageSize, IMAGE_SCALE, IMAGE_SIZES, SOCIAL_SIZE, socialImagePath, type ImageSize } from '../../src/lib/charts/images.ts';
import { CHART_IDS, type ChartId } from '../../src/lib/view/chart-view.ts';
import type { DashboardData } from '../../src/lib/pipeline.ts';
import { formatter } from '../../src/lib/format.ts';
import { STRINGS, t, type StringKey } from '../../src/lib/i18n/index.ts';
import { jsonPaths, OPEN_DATA_FILES } from '../../src/lib/publish/open-data-dictionary.ts';
import { LANGS } from '../../src/lib/contract/programme.ts';
import { embedDataPath } from '../../src/site/embed-data.ts';
import { headlineView } from '../../src/lib/view/headline.ts';
import { embedFrameTitle, embedSnippet } from '../../src/site/embed-snippet.ts';
import { embedName } from '../../src/site/embed-target.ts';
import { allEmbedKeys, embedPath, pagePath, PAGES } from '../../src/site/routes.ts';
import { pngSize } from '../helpers/png-size.ts';

// `npm test` builds dist/ from the shipped data before running these.
const DIST = 'dist';
const read = (p: string) => readFileSync(join(DIST, p), 'utf8');
const page = (path: string) => read(join(path, 'index.html'));
const data = JSON.parse(readFileSync('src/generated/dashboard.json', 'utf8')) as DashboardData;
const asOf = data.aggregates.asOf;
const EMBEDS: (ChartId | 'card')[] = [...CHART_IDS, 'card'];
/** HTML text as the browser shows it: entities decoded, no-break spaces kept. */
const text = (html: string) => html.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Returns the pixel size of a lossy WebP file (a plain 'VP8 ' or an extended 'VP8X' one), or null when it is not one. */
function webpSize(file: string): { width: number; height: number } | null {
  const b = readFileSync(file);
  if (b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return null;
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8X') return { width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
  if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  return null;
}

describe('embed pages', () => {
  for (const lang of LANGS) {
    const f = formatter(lang);
    for (const key of EMBEDS) {
      it(`${embedPath(lang, key)} has the title, as-of date, source, demo label and a way back, and no site chrome`, () => {
        const html = page(embedPath(lang, key));
        const shown = text(html);
        expect(html).toContain(`<html lang="${lang}" class="embed"`);
        expect(shown).toContain(t(lang, 'footer.asOf', { date: f.date(asOf) }));
        expect(shown).toContain(data.programme.source[lang]);
        // One credit line: the demonstration label once, not in a second notice.
        const credit = shown.match(/<footer class="embed-credit"[^>]*>\s*<p>(.*?)<\/p>/s)![1].replace(/<[^>]+>/g, '');
        expect(credit).toBe(creditParts(data, lang).join(' · '));
        // (The head's preview words say it as well: a shared link travels without the page.)
        const body = shown.slice(shown.indexOf('<body'));
        if (data.programme.demo) expect(body.toLowerCase().split(t(lang, 'demo.title').toLowerCase())).toHaveLength(2);
        // The data behind it, one click away.
        expect(html).toContain(`<a href="${embedDataPath(key)}" target="_blank" rel="noopener">${t(lang, 'embed.data')}`);
        expect(existsSync(join(DIST, embedDataPath(key)))).toBe(true);
        expect(html).toMatch(new RegExp(`<a href="${pagePath(lang, 'dashboard')}#[\\w-]+" target="_blank" rel="noopener">`));
        expect(html).toContain('<script src="/embed-frame.js"></script>');
        // Indexable: Lighthouse's SEO audit asks it, and an embed leads back to the dashboard.
        expect(html).not.toContain('noindex');
        expect(html).not.toContain('site-header');
        expect(html).not.toContain('site-footer');
        if (key === 'card') {
          expect(shown).toContain(f.credits(data.aggregates.totalCredits));
          expect(shown).toContain(f.percent(data.aggregates.percentOfTarget));
        } else {
          expect(shown).toContain(t(lang, `chart.${key}.title`));
          expect(html).toContain(`data-chart="${key}"`);
          expect(html).toContain('data-series');
          for (const theme of ['light', 'dark'] as const) expect(html).toContain(`/${chartImagePath(lang, key, theme, 'wide', 'webp')}`);
        }
      });
    }
  }

  it('load nothing from another host', () => {
    for (const lang of LANGS)
      for (const key of EMBEDS) {
        const html = page(embedPath(lang, key));
        for (const m of html.matchAll(/\s(?:src|srcset|poster)="([^"]*)"|<link\b[^>]*\shref="([^"]*)"/g)) {
          const url = m[1] ?? m[2];
          expect(url, `${embedPath(lang, key)} loads ${url}`).not.toMatch(/^(?:[a-z]+:)?\/\//i);
        }
      }
  });
});

describe('the loader /embed.js', () => {
  const loader = readFileSync('public/embed.js');
  it('is shipped as written and stays under 1 KB gzipped', () => {
    expect(readFileSync(join(DIST, 'embed.js')).equals(loader)).toBe(true);
    const gz = gzipSync(loader, { level: 9 }).length;
    expect(gz).toBeLessThan(1024);
  });
  it('and the embed-side script is small too, and both are plain scripts (no modules, no eval)', () => {
    const frame = readFileSync('public/embed-frame.js');
    expect(readFileSync(join(DIST, 'embed-frame.js')).equals(frame)).toBe(true);
    expect(gzipSync(frame, { level: 9 }).length).toBeLessThan(1024);
    for (const src of [loader.toString(), frame.toString()]) {
      expect(src).not.toMatch(/\b(?:import|export)\b|\beval\(|new Function|innerHTML|document\.write/);
    }
  });
  it('checks the origin of every message before it resizes a frame', () => {
    const src = loader.toString();
    expect(src).toMatch(/contentWindow !== e\.source/);
    expect(src).toMatch(/origin\(f\) !== e\.origin/);
  });
});

describe('chart images and social cards', () => {
  const png = (p: string) => join(DIST, p);
  for (const lang of LANGS)
    for (const chart of CHART_IDS)
      for (const size of Object.keys(IMAGE_SIZES) as ImageSize[]) {
        it(`${lang} ${chart} ${size}: light and dark PNGs at 2× of the stated size, and different`, () => {
          const want = chartImageSize(chart, size);
          const light = chartImagePath(lang, chart, 'light', size);
          const dark = chartImagePath(lang, chart, 'dark', size);
          for (const p of [light, dark]) expect(pngSize(png(p))).toEqual({ width: want.width * IMAGE_SCALE, height: want.height * IMAGE_SCALE });
          expect(readFileSync(png(light)).equals(readFileSync(png(dark)))).toBe(false);
        });
        it(`${lang} ${chart} ${size}: the WebP pages show has its stated size (a phone's: the narrowest phone's chart box) in fewer bytes than the PNG`, () => {
          const want = chartImageSize(chart, size, 'webp');
          for (const theme of ['light', 'dark'] as const) {
            const webp = png(chartImagePath(lang, chart, theme, size, 'webp'));
            expect(webpSize(webp), webp).toEqual({ width: want.width * IMAGE_SCALE, height: want.height * IMAGE_SCALE });
            expect(statSync(webp).size).toBeLessThan(statSync(png(chartImagePath(lang, chart, theme, size))).size);
          }
        });
      }

  it('the stated sizes: 1440×720 wide, 720×600 narrow (720×1120 for the tall field chart)', () => {
    expect(chartImageSize('cumulative', 'wide')).toEqual({ width: 720, height: 360 });
    expect(chartImageSize('cumulative', 'narrow')).toEqual({ width: 360, height: 300 });
    expect(chartImageSize('fields', 'narrow')).toEqual({ width: 360, height: 560 });
    // A phone's screen image: the same shapes at the width of the chart box on a 320 px screen.
    expect(chartImageSize('cumulative', 'narrow', 'webp')).toEqual({ width: 258, height: 215 });
    expect(chartImageSize('fields', 'narrow', 'webp')).toEqual({ width: 258, height: 401 });
    expect(chartImageSize('fields', 'wide', 'webp')).toEqual({ width: 720, height: 360 });
    expect(IMAGE_SCALE).toBe(2);
  });

  it('every language has a 1200×630 social card, and they differ by language', () => {
    const cards = LANGS.map((lang) => socialImagePath(lang));
    for (const c of cards) expect(pngSize(png(c))).toEqual(SOCIAL_SIZE);
    expect(new Set(cards.map((c) => readFileSync(png(c)).toString('base64'))).size).toBe(LANGS.length);
  });

  it('the credit line drawn into each image names the as-of date, the source and the demo label once', () => {
    const parts = creditParts(data, 'fi');
    expect(parts[0]).toBe('Tiedot 31.12.2023');
    expect(parts[1]).toBe(`Lähde: ${data.programme.source.fi}`);
    // The shipped source names the demonstration data itself, so no second label follows it.
    expect(parts.join(' · ').toLowerCase().match(/demonstraatioaineisto/g)).toHaveLength(data.programme.demo ? 1 : 0);
    const plain = { ...data, programme: { ...data.programme, demo: true, source: { ...data.programme.source, fi: 'AMKosaaja-hanke' } } };
    expect(creditParts(plain, 'fi')).toEqual(['Tiedot 31.12.2023', 'Lähde: AMKosaaja-hanke', 'Demonstraatioaineisto']);
  });
});

describe('social tags', () => {
  const meta = (html: string, key: string) => html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1];
  const local = (url: string) => (process.env.SITE_URL ? new URL(url).pathname : url);

  it('every other page says what it holds in its description, not its title again', () => {
    for (const lang of LANGS)
      for (const key of ['methodology', 'report', 'data', 'accessibility', 'check', 'embeds'] as const) {
        const html = page(pagePath(lang, key));
        const said = t(lang, PAGES[key].description, { programme: data.programme.name[lang] });
        expect(said, `${lang} ${key}`).toMatch(/^AMKosaaja: .+\.$/);
        for (const name of ['description', 'og:description']) expect(text(meta(html, name) ?? ''), `${lang} ${key} ${name}`).toBe(`${t(lang, 'demo.title')}. ${said}`);
      }
    expect(t('fi', PAGES.methodology.description, { programme: 'AMKosaaja' })).toBe('AMKosaaja: miten opintopisteet lasketaan ja aineistot tarkistetaan, miten ennuste tehdään ja kuinka hyvin se olisi aiemmin osunut.');
  });

  it('the dashboard in every language points at its social card, with size and alt text', () => {
    for (const lang of LANGS) {
      const html = page(pagePath(lang, 'dashboard'));
      const image = meta(html, 'og:image')!;
      expect(local(image)).toBe(`/${socialImagePath(lang)}`);
      expect(existsSync(join(DIST, local(image)))).toBe(true);
      expect(meta(html, 'og:image:width')).toBe('1200');
      expect(meta(html, 'og:image:height')).toBe('630');
      expect(meta(html, 'twitter:card')).toBe('summary_large_image');
      expect(text(meta(html, 'og:image:alt') ?? '')).toContain(formatter(lang).credits(data.aggregates.totalCredits));
      // A shared link's words say what its image says: demonstration data, first (a preview cuts the rest).
      for (const key of ['description', 'og:description', 'twitter:description', 'og:image:alt', 'twitter:image:alt'])
        expect(text(meta(html, key) ?? ''), `${lang} ${key}`).toMatch(new RegExp(`^${t(lang, 'demo.title')}\\. `));
      expect(meta(html, 'og:locale')).toBe({ fi: 'fi_FI', sv: 'sv_FI', en: 'en_GB' }[lang]);
    }
  });

  it('a chart embed shares its chart, the card embed the social card', () => {
    for (const lang of LANGS) {
      // The card's words are its figures (it shows no projection), as the social card's alt text.
      const h = headlineView(data, lang);
      expect(text(meta(page(embedPath(lang, 'card')), 'description') ?? '')).toBe(
        `${t(lang, 'demo.title')}. ${t(lang, 'social.alt', { programme: data.programme.name[lang], total: h.total, percent: h.percent, target: h.target, date: h.asOf })}`,
      );
      expect(local(meta(page(embedPath(lang, 'cumulative')), 'og:image')!)).toBe(`/${chartImagePath(lang, 'cumulative', 'light', 'wide')}`);
      expect(local(meta(page(embedPath(lang, 'card')), 'og:image')!)).toBe(`/${socialImagePath(lang)}`);
    }
  });
});

describe('beside every chart on the dashboard', () => {
  for (const lang of LANGS) {
    it(`${lang}: an embed snippet with a frame title and the loader, and PNG and SVG downloads that exist`, () => {
      const html = page(pagePath(lang, 'dashboard'));
      for (const key of EMBEDS) {
        const title = key === 'card' ? t(lang, 'embed.cardTitle') : t(lang, `chart.${key}.title`);
        const snippet = embedSnippet({ origin: '', path: embedPath(lang, key), key, title: `${data.programme.name[lang]}: ${title}`, theme: 'light' });
        // Shown in a read-only text box, so it works without JavaScript.
        const box = html.match(new RegExp(`<textarea id="embed-${key}-${lang}-code"[^>]*readonly[^>]*>([^<]*)</textarea>`));
        expect(box, `${lang} ${key} snippet box`).not.toBeNull();
        expect(text(box![1])).toBe(snippet);
        expect(snippet).toContain('title="');
        expect(snippet).toContain('<script src="/embed.js" async></script>');
        expect(existsSync(join(DIST, embedPath(lang, key), 'index.html'))).toBe(true);
        expect(html).toContain(`<label class="embed-code-label" for="embed-${key}-${lang}-code"`);
      }
      for (const chart of CHART_IDS)
        for (const theme of ['light', 'dark'] as const)
          for (const size of Object.keys(IMAGE_SIZES) as ImageSize[]) {
            const href = `/${chartImagePath(lang, chart, theme, size)}`;
            expect(html).toContain(`href="${href}" download="${chart}-${lang}-${theme}-${size}.png"`);
            // The vector image beside it, for print and design work.
            const svg = `/${chartImagePath(lang, chart, theme, size, 'svg')}`;
            expect(html).toContain(`href="${svg}" download="${chart}-${lang}-${theme}-${size}.svg" type="image/svg+xml"`);
          }
      // Every image link on the page resolves to a file in dist/.
      const images = [...html.matchAll(/href="(\/img\/charts\/[^"]+)"/g)].map((m) => m[1]);
      expect(images.filter((h) => h.endsWith('.svg'))).toHaveLength(CHART_IDS.length * 4);
      for (const href of images) expect(existsSync(join(DIST, href)), href).toBe(true);
    });
  }
});

describe('the page of every embed and image (/fi/upota/)', () => {
  const partners = data.programme.partners;
  for (const lang of LANGS) {
    const f = formatter(lang);
    it(`${pagePath(lang, 'embeds')}: each embed once, under its own heading, with its snippet, a preview link and its images`, () => {
      const html = page(pagePath(lang, 'embeds'));
      const shown = text(html);
      expect(shown).toContain(t(lang, 'embeds.lead', { date: f.date(asOf) }));
      const keys = allEmbedKeys(partners.map((p) => p.id));
      // 5 programme embeds and 3 for each of the five partners.
      expect(keys).toHaveLength(5 + 3 * partners.length);
      const boxes = [...html.matchAll(/<textarea id="embed-([^"]+)-(?:fi|sv|en)-code"/g)].map((m) => m[1]);
      expect(boxes.sort()).toEqual([...keys].sort());
      // The page's scoped styles add attributes to its own elements: read them without.
      const bare = shown.replace(/ data-astro-cid-\w+/g, '');
      const headings = new Map([...bare.matchAll(/<h3 id="embed-([^"]+)-title">([^<]*)<\/h3>/g)].map((m) => [m[1], m[2]]));
      for (const key of keys) {
        const name = embedName(data, lang, key);
        expect(headings.get(key), `${key} heading`).toBe(name);
        const snippet = embedSnippet({ origin: '', path: embedPath(lang, key), key, title: embedFrameTitle(data.programme.name[lang], name), theme: 'light' });
        expect(text(html.match(new RegExp(`<textarea id="embed-${key}-${lang}-code"[^>]*>([^<]*)</textarea>`))![1])).toBe(snippet);
        expect(bare).toContain(`<a href="${embedPath(lang, key)}">${t(lang, 'embeds.preview')}<span class="visually-hidden">: ${name}</span></a>`);
      }
      // A partner's images are its own: Xamk's monthly chart links Xamk's PNG.
      const xamk = partners.find((p) => p.id === 'xamk')!;
      expect(bare).toContain(`href="/${chartImagePath(lang, 'monthly', 'light', 'wide', 'png', xamk.id)}" download="xamk-monthly-${lang}-light-wide.png"`);
      // The social card, ready to post, in its stated size.
      expect(bare).toContain(`<a href="/${socialImagePath(lang)}" download="${data.programme.id}-${lang}-headline.png">${t(lang, 'embeds.socialImage')}</a> <span class="px">(1200 × 630)</span>`);
      for (const href of [...html.matchAll(/(?:href|src)="(\/img\/[^"]+)"/g)].map((m) => m[1])) expect(existsSync(join(DIST, href)), href).toBe(true);
      // Each image's text alternative, ready to paste with it: the preview's own, labelled demonstration data first
      // (without the word joiners that keep a range on one line on the page).
      const alts = [...bare.matchAll(/<details class="alt-text">\s*<summary>[^<]*<span class="visually-hidden">: ([^<]*)<\/span><\/summary>\s*<p>([^<]*)<\/p>/g)].map((m) => [m[1], m[2]]);
      expect(alts).toHaveLength(keys.length); // the card's (its sharing image) and each chart's
      const previews = new Set([...bare.matchAll(/<img [^>]*alt="([^"]*)"/g)].map((m) => m[1].replaceAll('\u2060', '')));
      for (const [name, alt] of alts) {
        expect(alt, name).toMatch(new RegExp(`^${t(lang, 'demo.title')}\\. `));
        expect(previews.has(alt.slice(t(lang, 'demo.title').length + 2)), `${name}: the preview's alt`).toBe(true);
      }
    });
    it(`${lang}: every page's footer leads to it, and the embed folder's address is that page`, () => {
      expect(page(pagePath(lang, 'dashboard')).replace(/ data-astro-cid-\w+/g, '')).toContain(`<a href="${pagePath(lang, 'embeds')}">${t(lang, 'embeds.title')}</a>`);
      expect(page(pagePath(lang, 'methodology')).replace(/ data-astro-cid-\w+/g, '')).toContain(`<a href="${pagePath(lang, 'embeds')}">${t(lang, 'embeds.title')}</a>`);
      expect(embedPath(lang, 'cumulative').startsWith(pagePath(lang, 'embeds'))).toBe(true);
    });
  }
});

describe('open data', () => {
  const published = readdirSync(join(DIST, 'data'), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();

  it('the dated copy equals the latest, file by file', () => {
    expect(published.length).toBeGreaterThan(0);
    expect(readdirSync(join(DIST, 'data', asOf), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort()).toEqual(published);
    for (const f of published) expect(read(`data/${asOf}/${f}`), f).toBe(read(`data/${f}`));
    expect(read(`data/${asOf}/summary.json`)).toBe(read('data/summary.json'));
  });

  it('every earlier data date keeps its folder, rebuilt from the exports up to it, and the open data page lists it', () => {
    // The reporting history: 15 data dates, 27.6.2022 … 31.12.2023; on 28.12.2023 only Xamk had sent its December export.
    const dates = data.history.map((h) => h.date);
    expect(dates).toHaveLength(15);
    for (const h of data.history) {
      expect(readdirSync(join(DIST, 'data', h.date)).sort(), h.date).toEqual([...published, 'partners'].sort());
      const summary = JSON.parse(read(`data/${h.date}/summary.json`));
      expect([summary.asOf, summary.totalCredits], h.date).toEqual([h.date, h.reportedCredits]);
    }
    expect(JSON.parse(read('data/2023-12-28/summary.json'))).toMatchObject({ asOf: '2023-12-28', totalCredits: 7250.5, targetReachedOn: null });
    const page = read(`${pagePath('fi', 'data').slice(1)}index.html`).replace(/ data-astro-cid-\w+/g, '');
    expect(page).toContain(`<li><a href="/data/2023-12-28/summary.json">28.12.2023</a> (7${'\u00a0'}250,5${'\u00a0'}op)</li>`);
    expect(page).not.toContain('<a href="/data/2023-12-31/summary.json">31.12.2023</a>');
  });

  it('every published file is in the data dictionary, and the dictionary lists its columns exactly', () => {
    expect(published).toEqual(OPEN_DATA_FILES.filter((d) => !d.withProjection || data.projection).map((d) => d.file).sort());
    for (const doc of OPEN_DATA_FILES) {
      if (!published.includes(doc.file)) continue;
      const body = read(`data/${doc.file}`);
      if (doc.format === 'xlsx') continue; // its sheets: tests/build/open-data-workbook.test.ts
      if (doc.format === 'csv') {
        expect(body.startsWith('\ufeff'), `${doc.file} has a BOM`).toBe(true);
        expect(body.slice(1).split('\n')[0].split(','), doc.file).toEqual(doc.columns.map((c) => c.name));
      } else {
        expect(jsonPaths(JSON.parse(body)).sort(), doc.file).toEqual(doc.columns.map((c) => c.name).sort());
      }
    }
  });

  it('every dictionary text exists in all three languages, translated', () => {
    const keys = OPEN_DATA_FILES.flatMap((d) => [d.description, ...d.columns.flatMap((c) => [c.type, c.meaning])]);
    for (const key of new Set<StringKey>(keys))
      for (const lang of LANGS) expect(STRINGS[lang][key], `${lang} ${key}`).toBeTruthy();
    const own = (Object.keys(STRINGS.fi) as StringKey[]).filter((k) => /^(data|embed|download\.image|social)\./.test(k));
    for (const k of own) for (const lang of ['sv', 'en'] as const) expect(STRINGS[lang][k], `${lang} ${k} is still Finnish`).not.toBe(STRINGS.fi[k]);
  });

  for (const lang of LANGS) {
    it(`${pagePath(lang, 'data')} documents every file, links latest and dated copies, and names the licence`, () => {
      const html = page(pagePath(lang, 'data'));
      // Scoped styles add data-astro-cid attributes, so tags are matched with room for them.
      const has = (re: RegExp, what: string) => expect(re.test(html), `${pagePath(lang, 'data')} lacks ${what}`).toBe(true);
      const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      has(new RegExp(`<a href="${esc(data.programme.licence.url)}" rel="license"[^>]*>${esc(data.programme.licence.name)}</a>`), 'the licence link');
      for (const f of published) {
        has(new RegExp(`href="/data/${esc(f)}"`), `the link to /data/${f}`);
        has(new RegExp(`href="/data/${asOf}/${esc(f)}"`), `the link to /data/${asOf}/${f}`);
        const doc = OPEN_DATA_FILES.find((d) => d.file === f)!;
        for (const c of doc.columns) has(new RegExp(`<code[^>]*>${esc(c.name)}</code>`), `${f}: ${c.name}`);
      }
      for (const p of data.programme.partners) expect(text(html).includes(p.name[lang]), p.name[lang]).toBe(true);
    });
  }
});

describe('a chart on the dashboard, for a screen reader', () => {
  for (const lang of LANGS) {
    it(`${lang}: its image says where its content is, instead of repeating the summary just read`, () => {
      const html = page(pagePath(lang, 'dashboard'));
      for (const id of CHART_IDS) {
        const figure = html.match(new RegExp(`<figure[^>]*id="chart-${id}"[\\s\\S]*?</figure>`))![0];
        const summary = text(figure.match(/<p class="chart-summary"[^>]*>([\s\S]*?)<\/p>/)![1].replace(/<a [\s\S]*$/, '')).trim();
        const alt = text(figure.match(/<img [^>]*alt="([^"]*)"/)![1]);
        expect(alt, id).toBe(t(lang, 'chart.imageDescribed', { title: t(lang, `chart.${id}.title`) }));
        expect(alt, id).not.toContain(summary.slice(0, 40));
      }
    });
  }
});

describe('text made to be used elsewhere', () => {
  it('has no word joiner (U+2060) in a preview’s meta or the alt text to paste: a social site keeps it as an invisible character', () => {
    const pages = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pages(join(dir, e.name)) : e.name === 'index.html' ? [join(dir, e.name)] : []));
    const found: string[] = [];
    let ranges = 0;
    for (const file of pages(DIST)) {
      const html = readFileSync(file, 'utf8');
      for (const m of html.matchAll(/<meta [^>]*content="([^"]*)"/g)) if (m[1].includes('\u2060')) found.push(`${file}: ${m[0].slice(0, 60)}`);
      for (const m of html.matchAll(/<details class="alt-text"[^>]*>([\s\S]*?)<\/details>/g)) {
        if (m[1].includes('\u2060')) found.push(`${file}: alt text`);
        // The projection's range is in them, so the check has something to find.
        if (/\d–\d/.test(m[1])) ranges++;
      }
    }
    // Nor the downloadable SVGs' descriptions (a vector image is used in other documents).
    const svgs = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? svgs(join(dir, e.name)) : e.name.endsWith('.svg') ? [join(dir, e.name)] : []));
    const described = svgs(join(DIST, 'img/charts')).filter((f) => /<desc>[^<]*\d–\d/.test(readFileSync(f, 'utf8')));
    expect(described.length).toBeGreaterThan(0);
    for (const f of svgs(join(DIST, 'img/charts'))) if (readFileSync(f, 'utf8').includes('\u2060')) found.push(f);
    expect(found).toEqual([]);
    expect(ranges).toBeGreaterThan(0);
  });
});
