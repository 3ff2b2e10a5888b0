// Basics every built page must get right in a real browser: the right `lang`, a language switcher
// that keeps the reader on the same page, numbers formatted per language, the accessibility
// statement. What depends on a page's data (`lang`, hreflang) is checked on every page; what depends
// on its template (the switcher) on each template in each language (a11y-support.ts
// pagesOfEachTemplate). Checked in the visits of every-page.ts: loading without errors, every chart
// painting, no Finnish UI text on a Swedish or English page; of a11y-templates.ts: no horizontal
// scrolling at 320 px and at 200 % zoom.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finnishMarkers } from './finnish-words.ts';
import { formatter } from '../../src/lib/format.ts';
import { t } from '../../src/lib/i18n/index.ts';
import { LANGS, type Lang } from '../../src/lib/contract/programme.ts';
import { embedPath, embedSlug, pageForSlug, pagePath, partnerPath, partnerSlug, type EmbedKey } from '../../src/site/routes.ts';
import { launch } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { builtPages, DIST, langOf, pagesOfEachTemplate, pagesOrFail } from './a11y-support.ts';

const pages = pagesOrFail();
// An embed's own page (/fi/upota/cumulative/); the folder's address is the page listing them all.
const isEmbed = (path: string) => path.split('/')[2] === embedSlug(langOf(path)) && path.split('/')[3] !== '';
/** Pages a reader navigates: everything but the root redirect and the embeds. */
const sitePages = pages.filter((p) => p !== '/' && !isEmbed(p));
const templates = pagesOfEachTemplate(pages).filter((p) => p !== '/');

/** The path of the same page in another language, from the route table (null when unknown). */
function counterpart(path: string, to: Lang): string | null {
  const [, , slug, key] = path.split('/');
  if (!slug) return `/${to}/`;
  if (isEmbed(path)) return embedPath(to, key as EmbedKey);
  if (slug === partnerSlug(langOf(path))) return partnerPath(to, key);
  const page = pageForSlug(langOf(path), slug);
  return page ? pagePath(to, page) : null;
}

let base = '';
let server: Server;
let context: BrowserContext | undefined;

beforeAll(async () => {
  ({ url: base, server } = await serveStatic(DIST));
});

afterAll(async () => {
  await context?.close();
  server?.close();
});

/** The browser, started on first use: without Chromium every test fails saying how to install it. */
const ctx = async () => (context ??= await launch({ reducedMotion: 'reduce' }));

describe('language', () => {
  it('the root redirect is Finnish and leads to /fi/', async () => {
    const html = readFileSync(`${DIST}/index.html`, 'utf8');
    expect(html).toMatch(/<html[^>]*\slang="fi"/);
    expect(html).toMatch(/http-equiv="refresh"[^>]*url=\/fi\//);
    expect(html).toMatch(/<a href="\/fi\/">/);
  });

  for (const path of pages.filter((p) => p !== '/')) {
    it(`${path}: <html lang="${langOf(path)}">, and the same page exists in every language`, async () => {
      const html = readFileSync(`${DIST}${path}index.html`, 'utf8');
      expect(html.match(/<html[^>]*\slang="([^"]+)"/)?.[1]).toBe(langOf(path));
      for (const l of LANGS) expect(pages, `${path} in ${l}`).toContain(counterpart(path, l));
    });
  }

  it('every language has the same number of pages', () => {
    const counts = LANGS.map((l) => pages.filter((p) => p.startsWith(`/${l}/`)).length);
    expect(new Set(counts).size).toBe(1);
  });

  for (const path of sitePages) {
    it(`${path}: hreflang alternates, when present, name every language version of this page`, async () => {
      const html = readFileSync(`${DIST}${path}index.html`, 'utf8');
      const alternates = [...html.matchAll(/<link\b[^>]*rel="alternate"[^>]*>/g)]
        .map((m) => ({ lang: m[0].match(/hreflang="([^"]+)"/)?.[1], href: m[0].match(/href="([^"]+)"/)?.[1] }))
        .filter((a) => a.lang);
      if (alternates.length === 0) return; // Not added (yet): reported to the lead, not a WCAG requirement.
      for (const l of LANGS) {
        const a = alternates.find((x) => x.lang === l);
        expect(a, `${path}: <link rel="alternate" hreflang="${l}">`).toBeDefined();
        expect(new URL(a!.href!, 'https://example.org').pathname).toBe(counterpart(path, l));
      }
    });
  }

  for (const path of templates.filter((p) => !isEmbed(p))) {
    it(`${path}: the language switcher links to this page in every language, and following it lands there`, async () => {
      const lang = langOf(path);
      const page = await (await ctx()).newPage();
      try {
        await page.goto(base + path, { waitUntil: 'domcontentloaded' });
        const nav = page.getByRole('navigation', { name: t(lang, 'nav.language'), exact: true });
        expect(await nav.count(), `${path}: one language navigation`).toBe(1);
        for (const l of LANGS) {
          const link = nav.locator(`a[hreflang="${l}"]`);
          expect(await link.getAttribute('href'), `${path} → ${l}`).toBe(counterpart(path, l));
          expect(await link.getAttribute('lang'), `${path} → ${l}: link text is marked as ${l}`).toBe(l);
        }
        expect(await nav.locator('[aria-current]').getAttribute('hreflang'), `${path}: current language marked`).toBe(lang);
        // Follow one link by clicking, as a reader would: fi → sv, sv → en, en → fi.
        const next = LANGS[(LANGS.indexOf(lang) + 1) % LANGS.length];
        await Promise.all([page.waitForURL(`**${counterpart(path, next)}`), nav.locator(`a[hreflang="${next}"]`).click()]);
        expect(new URL(page.url()).pathname).toBe(counterpart(path, next));
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(next);
      } finally {
        await page.close();
      }
    });
  }
});

describe('Swedish and English pages carry no Finnish UI text', () => {
  // Each Swedish and English page is read for them in its every-page.ts visit.
  it('the marker list is substantial', () => {
    expect(finnishMarkers().length).toBeGreaterThan(30);
  });
});

describe('numbers are formatted per language', () => {
  const text = (path: string) =>
    readFileSync(`${DIST}${path}index.html`, 'utf8')
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;|&#160;|&#xa0;/gi, '\u00a0');

  it('/en/: 8,937 with a comma, never with a space', () => {
    const en = text('/en/');
    expect(en).toContain('8,937');
    expect(en).toContain('8,937\u00a0credits');
    expect(en).not.toMatch(/8[ \u00a0\u202f]937/);
    expect(en).not.toMatch(/\d[ \u00a0]op\b/);
  });

  it('/sv/: 8 937 sp with no-break spaces', () => {
    const sv = text('/sv/');
    expect(sv).toContain('8\u00a0937\u00a0sp');
    expect(sv).not.toContain('8,937');
    expect(sv).not.toMatch(/\d[ \u00a0]op\b/);
  });

  it('/fi/: 8 937 op and 106,4 % with no-break spaces', () => {
    const fi = text('/fi/');
    expect(fi).toContain('8\u00a0937\u00a0op');
    expect(fi).toContain('106,4\u00a0%');
    expect(fi).not.toContain('8,937');
  });

  it('rendered in the browser too: /en/ visible text', async () => {
    const page = await (await ctx()).newPage();
    try {
      await page.goto(`${base}/en/`, { waitUntil: 'domcontentloaded' });
      const visible = await page.evaluate(() => document.body.innerText);
      expect(visible).toContain('8,937');
      expect(visible).not.toMatch(/8[ \u00a0\u202f]937/);
    } finally {
      await page.close();
    }
  });
});

describe('the accessibility statement (Act 306/2019)', () => {
  const programme = JSON.parse(readFileSync(process.env.DASHBOARD_DATA_DIR ? `${process.env.DASHBOARD_DATA_DIR}/programme.json` : 'data/programme.json', 'utf8')) as {
    contact: { email: string | null; note?: string };
    accessibilityAssessed?: string;
  };

  for (const lang of LANGS) {
    const path = pagePath(lang, 'accessibility');

    it(`${path} exists and has what the Act requires`, async () => {
      expect(builtPages(), `${path} is not built: route 'accessibility' through src/pages/[lang]/[slug].astro`).toContain(path);
      const page = await (await ctx()).newPage();
      try {
        await page.goto(base + path, { waitUntil: 'domcontentloaded' });
        expect((await page.locator('main h1').innerText()).trim()).toBe(t(lang, 'a11y.title'));
        const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
        const has = (s: string) => expect(text, `${path} says: ${s}`).toContain(s.replace(/\s+/g, ' '));
        has(t(lang, 'a11y.status.body')); // compliance status
        has(t(lang, 'a11y.issues.charts')); // known shortcomings
        has(t(lang, 'a11y.issues.intro')); // and why they are not accessible: not fixed yet, no burden claimed
        has(t(lang, 'a11y.assessment.body', { date: formatter(lang).date(programme.accessibilityAssessed!) })); // date and method
        has(t(lang, 'a11y.feedback.reply')); // the 14-day reply
        has(t(lang, 'a11y.authority.name')); // supervising authority
        has('saavutettavuus@traficom.fi');
        // The authority's site in the reader's language.
        const site = { fi: 'saavutettavuusvaatimukset.fi', sv: 'tillganglighetskrav.fi', en: 'webaccessibility.fi' }[lang];
        expect(await page.locator(`main a[href="https://www.${site}/"]`).count(), `${path} links to www.${site}`).toBe(1);
        has(t(lang, 'a11y.review.body')); // yearly review
        if (programme.contact.email) {
          expect(await page.locator(`main a[href="mailto:${programme.contact.email}"]`).count()).toBeGreaterThan(0);
        } else {
          has(t(lang, 'a11y.feedback.missing'));
          // No address is made up while none is published.
          expect(await page.locator('main a[href^="mailto:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['mailto:saavutettavuus@traficom.fi']);
        }
      } finally {
        await page.close();
      }
    });
  }

  for (const path of sitePages) {
    it(`${path}: links to the accessibility statement in its language`, () => {
      const html = readFileSync(`${DIST}${path}index.html`, 'utf8');
      const hrefs = [...html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]);
      expect(hrefs, `${path}: a link to ${pagePath(langOf(path), 'accessibility')} (e.g. in SiteFooter.astro)`).toContain(pagePath(langOf(path), 'accessibility'));
    });
  }
});

describe('the method page shows the projection scorecard', () => {
  const methods = readFileSync(`${DIST}/data/projection-methods.csv`, 'utf8').replace(/^\ufeff/, '').trimEnd().split('\n').slice(1).map((l) => l.split(','));

  for (const lang of LANGS) {
    const path = pagePath(lang, 'methodology');
    it(`${path}: a visible table named by its caption, one row per method, the chosen one marked`, async () => {
      const page = await (await ctx()).newPage();
      try {
        await page.goto(base + path, { waitUntil: 'domcontentloaded' });
        const table = page.getByRole('table', { name: t(lang, 'method.scorecard.caption'), exact: true });
        await table.scrollIntoViewIfNeeded();
        expect(await table.isVisible(), `${path}: scorecard table visible`).toBe(true);
        const heads = await table.locator('tbody th[scope="row"]').allInnerTexts();
        expect(heads).toHaveLength(methods.length);
        const chosen = methods.findIndex((m) => m[1] === 'true');
        expect(heads[chosen]).toMatch(new RegExp(`${t(lang, 'method.scorecard.chosenMark', { method: '.+' }).replace(/[()]/g, '\\$&')}$`));
        expect(await table.locator('thead th').count()).toBe(5);
      } finally {
        await page.close();
      }
    });
  }
});
