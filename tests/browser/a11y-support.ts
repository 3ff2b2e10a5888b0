// Shared by the accessibility, keyboard and page-basics browser tests: which pages the build made,
// how to open one so that every lazy chart has drawn, and what language a path is in.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { LANGS, type Lang } from '../../src/lib/contract/programme.ts';
import { embedSlug, parseEmbedKey, partnerSlug, type EmbedKey } from '../../src/site/routes.ts';
import { launch, networkSettled } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';

/** The built site under test: where `npm run build` wrote it (DASHBOARD_OUT_DIR moves both). */
export const DIST = process.env.DASHBOARD_OUT_DIR ?? 'dist';

/** Returns the URL path of every `index.html` under dist/ (e.g. `/`, `/fi/`, `/fi/menetelma/`), sorted. */
export function builtPages(root = DIST): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      // Images, open data and bundles hold no pages.
      if (e.isDirectory() && !['_astro', 'data', 'img'].includes(e.name)) walk(p);
      else if (e.isFile() && e.name === 'index.html') {
        const rel = relative(root, dir).split(sep).filter(Boolean).join('/');
        out.push(rel ? `/${rel}/` : '/');
      }
    }
  };
  walk(root);
  return out.sort();
}

/** The language a page path is in: its first segment, or Finnish for the root redirect. */
export function langOf(path: string): Lang {
  const first = path.split('/')[1] as Lang;
  return (LANGS as readonly string[]).includes(first) ? first : 'fi';
}

/**
 * Returns the partner a page belongs to: a partner's own page (`/fi/korkeakoulut/hamk/`) or one of
 * its embeds (`/fi/upota/hamk-monthly/`); null for the programme's pages and embeds.
 */
export function partnerOf(path: string): string | null {
  const [, lang, slug, key] = path.split('/') as [string, Lang, string?, string?];
  if (!slug || !key) return null;
  if (slug === partnerSlug(lang)) return key;
  return slug === embedSlug(lang) ? parseEmbedKey(key as EmbedKey).partner : null;
}

/**
 * Returns the pages that show each template once in each language: every programme page and
 * embed, and of the partners' pages and embeds (the same templates over other data) one partner's
 * in each language, a different partner in each. Checks of a template (axe in the dark scheme and
 * at 320 px, reflow, the language switcher, words in the wrong language) open these; checks of a
 * page's own data (every chart paints, axe in the light scheme) open every page. With five
 * partners this is 49 pages of 97, and the suite's browser time follows.
 */
export function pagesOfEachTemplate(pages: readonly string[]): string[] {
  const partners = [...new Set(pages.map(partnerOf).filter((p): p is string => p !== null))].sort();
  return pages.filter((path) => {
    const partner = partnerOf(path);
    return partner === null || partner === partners[LANGS.indexOf(langOf(path)) % partners.length];
  });
}

/**
 * Serves dist/ for the test file (with the given response headers) and returns its address, a
 * browser context started on first use (without Chromium every test fails saying how to install it)
 * and one tab that the file's visits share: opening a new tab per page starts a new renderer
 * process each time, a quarter of a visit's time (23 pages with axe: 32.6 / 30.1 s in new tabs,
 * 24.2 / 23.0 s in one). A visit that throws closes the tab, so the next one starts clean; a visit
 * with `ownTab` (the root redirect, whose refresh must not follow the next visit) gets a tab of its
 * own, closed after it. Everything is closed after the file's tests.
 */
export function servedSite(
  options: Parameters<typeof launch>[0],
  headers?: (path: string) => Record<string, string>,
  prepare?: (page: Page) => Promise<void>,
): { base: () => string; visit: <T>(fn: (page: Page) => Promise<T>, opts?: { ownTab?: boolean }) => Promise<T> } {
  let base = '';
  let server: Server | undefined;
  let context: BrowserContext | undefined;
  let tab: Page | undefined;
  beforeAll(async () => {
    ({ url: base, server } = await serveStatic(DIST, headers));
  });
  afterAll(async () => {
    await context?.close();
    server?.close();
  });
  const ctx = async () => (context ??= await launch(options));
  return {
    base: () => base,
    visit: async (fn, opts = {}) => {
      if (opts.ownTab) {
        const own = await (await ctx()).newPage();
        await prepare?.(own);
        return fn(own).finally(() => own.close());
      }
      if (!tab || tab.isClosed()) {
        tab = await (await ctx()).newPage();
        await prepare?.(tab);
      }
      const page = tab;
      try {
        return await fn(page);
      } catch (e) {
        await page.close();
        throw e;
      }
    },
  };
}

/** Pages to check: every page dist/ has; fails loudly when there are none (no build, wrong cwd). */
export function pagesOrFail(): string[] {
  const pages = builtPages();
  if (pages.length === 0) throw new Error(`No index.html under ${DIST}/: run \`npm run build\` first (npm test does).`);
  return pages;
}

/**
 * Opens an address and waits for the load event and the web fonts (text is measured in them): for
 * checks of static content, which need neither the lazy charts nor an idle network.
 */
export async function openLoaded(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

/**
 * Goes to an address in an open tab and scrolls through the page so that every lazy chart draws,
 * then waits until every chart figure has the class `drawn` (or the timeout) and returns to the top.
 */
export async function settleAt(page: Page, url: string, opts: { waitForCharts?: boolean } = {}): Promise<void> {
  // 'load', not 'networkidle': scrollThrough waits for the network to settle, after the lazy charts
  // have asked for their code.
  await page.goto(url, { waitUntil: 'load' });
  await scrollThrough(page);
  if (opts.waitForCharts ?? true) await waitForCharts(page);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Scrolls down one viewport at a time to the bottom (lazy content appears), staying at each place
 * for two frames: intersection observers report at the frame after a scroll, so each place is seen.
 */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, Math.floor(window.innerHeight * 0.8));
    const twoFrames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (let y = 0; y <= document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await twoFrames();
    }
  });
  await networkSettled(page);
}

/**
 * Waits until every `figure[data-chart]` has class `drawn`; returns the ids that never drew.
 * Charts that draw when the reader reaches for them (embeds) are pointed at first.
 */
export async function waitForCharts(page: Page, timeout = 10_000): Promise<string[]> {
  for (const box of await page.locator('figure[data-draw="on-reach"] .chart-box').all()) await box.hover();
  const allDrawn = () => page.waitForFunction(() => [...document.querySelectorAll('figure[data-chart]')].every((f) => f.classList.contains('drawn')), undefined, { timeout });
  const undrawn = () => page.$$eval('figure[data-chart]:not(.drawn)', (fs) => fs.map((f) => f.getAttribute('data-chart') ?? '?'));
  try {
    await allDrawn();
    return [];
  } catch {
    // On a busy machine a fast scroll can pass a chart between two frames, so its observer never
    // sees it: bring each undrawn chart into view, as a reader would, and wait once more.
    for (const id of await undrawn()) await page.locator(`figure[data-chart="${id}"]`).first().scrollIntoViewIfNeeded();
    try {
      await allDrawn();
      return [];
    } catch {
      return undrawn();
    }
  }
}

/**
 * Returns what makes a page scroll sideways (WCAG 1.4.10 reflow), one line each: the page wider
 * than the viewport (naming the element that sticks out furthest), and block boxes whose content
 * spills over their edge; nothing when the page reflows. Tables in `.table-scroll` may scroll.
 */
export async function horizontalOverflow(page: Page, path: string): Promise<string[]> {
  const m = await page.evaluate(() => {
    const d = document.documentElement;
    // The widest element that sticks out of the viewport, to name in the failure.
    let culprit = '';
    let right = d.clientWidth;
    for (const e of document.body.querySelectorAll('*')) {
      const r = e.getBoundingClientRect();
      if (r.right > right + 0.5 && !e.closest('.table-scroll')) {
        right = r.right;
        culprit = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;
      }
    }
    // Block boxes whose content sticks out of them (text spilling over a card's edge onto
    // its neighbour), outside the boxes meant to scroll and the drawn media.
    const spilling = [...document.body.querySelectorAll<HTMLElement>('*')]
      .filter((e) => {
        if (e.closest('.table-scroll, svg, canvas, picture, textarea, select')) return false;
        const cs = getComputedStyle(e);
        if (cs.display.startsWith('inline') || cs.display === 'contents' || cs.overflowX !== 'visible') return false;
        return e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1;
      })
      .map((e) => `${e.tagName.toLowerCase()}${typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : ''} (${e.scrollWidth} > ${e.clientWidth})`);
    return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, culprit, right: Math.round(right), spilling };
  });
  const out: string[] = [];
  if (m.scrollWidth > m.clientWidth) out.push(`${path}: scrollWidth ${m.scrollWidth} > ${m.clientWidth} (widest: ${m.culprit || '?'} to ${m.right}px)`);
  if (m.spilling.length > 0) out.push(`${path}: content wider than its box: ${m.spilling.join(', ')}`);
  return out;
}
