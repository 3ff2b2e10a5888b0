// Keyboard only: Tab from the top of each language's dashboard reaches the skip link first, the
// language switcher, every chart's data-table disclosure and every embed control, with a visible
// focus indicator on each stop, and no trap (focus cycles back out of the page).
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/lib/i18n/index.ts';
import { LANGS } from '../../src/lib/contract/programme.ts';
import { LANG_NAMES } from '../../src/site/routes.ts';
import { launch } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { DIST, scrollThrough, waitForCharts } from './a11y-support.ts';

interface Stop {
  /** A stable identity of the element (index in document order of all elements). */
  key: number;
  tag: string;
  role: string;
  name: string;
  href: string;
  hreflang: string;
  inEmbed: boolean;
  inChart: string;
  focusVisible: boolean;
  indicator: string;
  inViewport: boolean;
  /** An ancestor that clips its overflow cuts the outline off (a scroll box inside a scroll box of its size). */
  clipped: boolean;
}

const MAX_TABS = 400;
/** Where embed controls live: the embed disclosure next to each chart (and any `.embed` box). */
const EMBED = '.embed, .embed-control, [data-embed-control]';

let base = '';
let server: Server;
/** One browser per colour scheme, a new tab for each test (a browser each cost half a second). */
const contexts = new Map<'light' | 'dark', Promise<BrowserContext>>();

beforeAll(async () => {
  ({ url: base, server } = await serveStatic(DIST));
});

/** Each test's tab is closed after it, so the next test's tab is the only one of its browser. */
const opened: Page[] = [];
afterEach(async () => {
  for (const page of opened.splice(0)) await page.close();
});

afterAll(async () => {
  for (const c of contexts.values()) await (await c).close();
  server?.close();
});

async function open(path: string, colorScheme: 'light' | 'dark'): Promise<Page> {
  // No skip without Chromium: launch() throws saying how to install it.
  if (!contexts.has(colorScheme)) contexts.set(colorScheme, launch({ colorScheme, reducedMotion: 'reduce' }));
  const page = await (await contexts.get(colorScheme)!).newPage();
  opened.push(page);
  await page.goto(base + path, { waitUntil: 'load' });
  // Let the charts draw first (their canvases must not steal or trap focus), then start at the top.
  await scrollThrough(page);
  await waitForCharts(page);
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    (document.activeElement as HTMLElement | null)?.blur();
  });
  return page;
}

/** Describes the focused element: name, role, where it is, and how its focus shows. */
const describeFocus = (page: Page) =>
  page.evaluate((EMBED): Stop | null => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body || e === document.documentElement) return null;
    const cs = getComputedStyle(e);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 ? `outline ${cs.outlineWidth} ${cs.outlineStyle} ${cs.outlineColor}` : '';
    const shadow = cs.boxShadow && cs.boxShadow !== 'none' ? `box-shadow ${cs.boxShadow}` : '';
    const labelledBy = e.getAttribute('aria-labelledby');
    const name =
      e.getAttribute('aria-label') ??
      (labelledBy ? labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : null) ??
      e.textContent ??
      '';
    const r = e.getBoundingClientRect();
    const reach = (outline ? parseFloat(cs.outlineWidth) + Math.max(0, parseFloat(cs.outlineOffset) || 0) : 0) - 0.5;
    let clipped = false;
    for (let a = e.parentElement; a && a !== document.body && reach > 0; a = a.parentElement) {
      const ac = getComputedStyle(a);
      if (ac.overflowX === 'visible' && ac.overflowY === 'visible') continue;
      const b = a.getBoundingClientRect();
      if (r.left - reach < b.left || r.right + reach > b.right || r.top - reach < b.top || r.bottom + reach > b.bottom) clipped = true;
    }
    return {
      clipped,
      key: [...document.querySelectorAll('*')].indexOf(e),
      tag: e.tagName.toLowerCase(),
      role: e.getAttribute('role') ?? '',
      name: name.replace(/\s+/g, ' ').trim(),
      href: e.getAttribute('href') ?? '',
      hreflang: e.getAttribute('hreflang') ?? '',
      inEmbed: !!e.closest(EMBED),
      inChart: e.closest('figure[data-chart]')?.getAttribute('data-chart') ?? '',
      focusVisible: e.matches(':focus-visible'),
      indicator: outline || shadow,
      inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth,
    };
  }, EMBED);

/** Presses Tab from the top until focus leaves the page or returns to the first stop. */
async function tabThrough(page: Page): Promise<{ stops: Stop[]; cycled: boolean }> {
  const stops: Stop[] = [];
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press('Tab');
    const stop = await describeFocus(page);
    if (!stop) return { stops, cycled: stops.length > 0 };
    if (stops.length > 0 && stop.key === stops[0].key) return { stops, cycled: true };
    stops.push(stop);
  }
  return { stops, cycled: false };
}

/** Every element a keyboard user should be able to reach: visible, enabled, in the tab order. */
const tabbables = (page: Page) =>
  page.evaluate(() => {
    const selector = 'a[href], button:not([disabled]), summary, input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((e) => e.tabIndex >= 0)
      .filter((e) => {
        // Content of a closed <details> (other than its summary) is not reachable until opened.
        const details = e.closest('details');
        if (details && !details.open && e.tagName !== 'SUMMARY') return false;
        if (e.tagName === 'SUMMARY' && e.parentElement?.tagName !== 'DETAILS') return false;
        if (e.closest('[inert], [hidden]')) return false;
        const cs = getComputedStyle(e);
        return cs.visibility !== 'hidden' && cs.display !== 'none' && e.getClientRects().length > 0;
      })
      .map((e) => ({ key: [...document.querySelectorAll('*')].indexOf(e), what: `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)}"` }));
  });

describe('keyboard only', () => {
  for (const lang of LANGS) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`/${lang}/ (${scheme}): Tab reaches the skip link first, the language links, every table disclosure and embed control, with visible focus`, async () => {
        const page = await open(`/${lang}/`, scheme);
        const { stops, cycled } = await tabThrough(page);
        const names = stops.map((s) => `${s.tag}${s.role ? `[${s.role}]` : ''} "${s.name}"`);

        // 1. The skip link is the very first stop, leads to the main content and shows itself.
        expect(stops[0], 'first Tab stop').toMatchObject({ tag: 'a', href: '#main', name: t(lang, 'nav.skip'), inViewport: true });

        // 2. Every language of the switcher, as a link marked with its language.
        for (const l of LANGS) {
          expect(stops.some((s) => s.tag === 'a' && s.hreflang === l && s.name === LANG_NAMES[l]), `language link ${LANG_NAMES[l]} in ${names.join(' | ')}`).toBe(true);
        }

        // 3. Each chart's data-table disclosure.
        const charts = await page.$$eval('figure[data-chart]', (fs) =>
          fs.map((f) => ({ id: f.getAttribute('data-chart') ?? '', summaries: f.querySelectorAll('details > summary').length })),
        );
        expect(charts.length, 'charts on the dashboard').toBeGreaterThan(0);
        for (const c of charts) {
          expect(c.summaries, `${c.id}: has a <details><summary> with its data table`).toBeGreaterThan(0);
          const reached = stops.filter((s) => s.tag === 'summary' && s.inChart === c.id);
          expect(reached.length, `${c.id}: summaries reached by Tab`).toBe(c.summaries);
          expect(reached.some((s) => s.name.startsWith(t(lang, 'table.show'))), `${c.id}: "${t(lang, 'table.show')}…" reached`).toBe(true);
        }

        // 4. Embed controls (whatever the embed panel offers: buttons, summaries, fields, links).
        const embedControls = await page.$$eval(EMBED, (els) => els.filter((e) => e.matches('summary, button') || e.querySelector('summary, button')).length);
        const embedStops = stops.filter((s) => s.inEmbed);
        if (embedControls > 0) expect(embedStops.length, 'embed controls reached by Tab').toBeGreaterThan(0);

        // 5. Nothing tabbable is left out, and no trap: focus leaves the page or comes round again.
        const reachable = await tabbables(page);
        const reachedKeys = new Set(stops.map((s) => s.key));
        expect(reachable.filter((r) => !reachedKeys.has(r.key)).map((r) => r.what), 'tabbable elements never reached').toEqual([]);
        expect(cycled, `focus cycles out of the page within ${MAX_TABS} Tabs`).toBe(true);

        // 6. Every stop shows a focus indicator (outline or box-shadow) and has a name.
        const invisible = stops.filter((s) => !s.focusVisible || !s.indicator).map((s) => `${s.tag} "${s.name}"`);
        expect(invisible, 'focused elements without a visible indicator').toEqual([]);
        const unnamed = stops.filter((s) => !s.name).map((s) => `${s.tag} ${s.href}`);
        expect(unnamed, 'focusable elements without an accessible name').toEqual([]);
        // Focus scrolls into view: no stop is off screen when focused.
        expect(stops.filter((s) => !s.inViewport).map((s) => `${s.tag} "${s.name}"`), 'focused elements outside the viewport').toEqual([]);
      });
    }
  }

  for (const lang of LANGS) {
    it(`/${lang}/: an embed control opens with the keyboard and every control inside it is reachable with visible focus`, async () => {
      const page = await open(`/${lang}/`, 'light');
      const controls = await page.locator(EMBED).count();
      if (controls === 0) return; // No embed controls in this build: nothing to reach.
      let found = false;
      for (let i = 0; i < MAX_TABS && !found; i++) {
        await page.keyboard.press('Tab');
        found = await page.evaluate((sel) => document.activeElement?.tagName === 'SUMMARY' && !!document.activeElement.closest(sel), EMBED);
      }
      expect(found, 'an embed disclosure is reached by Tab').toBe(true);
      await page.keyboard.press('Enter');
      const inside = await page.evaluate((sel) => {
        const root = document.activeElement!.closest(sel)!;
        root.setAttribute('data-under-test', '');
        return [...root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')]
          .filter((e) => e.tabIndex >= 0 && e.checkVisibility({ visibilityProperty: true }))
          .map((e) => e.tagName.toLowerCase());
      }, EMBED);
      expect(inside.length, 'the opened embed panel has controls').toBeGreaterThan(0);
      const reached: Stop[] = [];
      for (let i = 0; i < inside.length; i++) {
        await page.keyboard.press('Tab');
        const stop = await describeFocus(page);
        const within = await page.evaluate(() => !!document.activeElement?.closest('[data-under-test]'));
        if (!stop || !within) break;
        reached.push(stop);
      }
      expect(reached.map((s) => s.tag), 'controls reached in the opened panel, in order').toEqual(inside);
      expect(reached.filter((s) => !s.focusVisible || !s.indicator || !s.name).map((s) => `${s.tag} "${s.name}"`), 'without visible focus or name').toEqual([]);
    });

    it(`/${lang}/: the skip link moves focus to the main content; Enter and Space open and close a table disclosure`, async () => {
      const page = await open(`/${lang}/`, 'light');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(new URL(page.url()).hash).toBe('#main');

      // Tab onwards to the first chart's disclosure and work it with the keyboard.
      let found = false;
      for (let i = 0; i < 60 && !found; i++) {
        await page.keyboard.press('Tab');
        found = await page.evaluate(() => document.activeElement?.tagName === 'SUMMARY' && !!document.activeElement.closest('figure[data-chart]'));
      }
      expect(found, 'a chart disclosure after the skip link').toBe(true);
      const isOpen = () => page.evaluate(() => (document.activeElement?.parentElement as HTMLDetailsElement).open);
      expect(await isOpen()).toBe(false);
      await page.keyboard.press('Enter');
      expect(await isOpen()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.parentElement?.querySelector('table caption')?.textContent?.trim().length ?? 0)).toBeGreaterThan(0);
      await page.keyboard.press(' ');
      expect(await isOpen()).toBe(false);
    });

    it(`/${lang}/: each chart's table, opened, takes focus with its ring whole (WCAG 2.4.7)`, async () => {
      const page = await open(`/${lang}/`, 'light');
      const summaries = await page.$$('figure[data-chart] > details > summary');
      expect(summaries.length).toBeGreaterThan(0);
      const bad: string[] = [];
      for (const summary of summaries) {
        await summary.focus();
        await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
        const stop = await describeFocus(page);
        if (!stop || stop.role !== 'region' || !stop.focusVisible || !stop.indicator || stop.clipped) bad.push(JSON.stringify(stop));
      }
      expect(bad).toEqual([]);
    });
  }
});
