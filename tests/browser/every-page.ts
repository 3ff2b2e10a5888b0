// One visit to every built page, as a reader's browser gets it from a host that serves
// public/_headers: the page loads with no console error, failed request, HTTP error or CSP /
// Trusted Types violation; every chart draws and paints; axe-core finds no WCAG 2.1 A or AA
// violation in the light scheme at 1280 px; a Swedish or English page shows no Finnish UI word. These are the checks that depend on a page's own data,
// so every page is opened, once for all of them (a11y-templates.ts opens each template dark and at
// 320 px). The pages are split between two test files (every-page-1/-2) so the two workers share them.
import AxeBuilder from '@axe-core/playwright';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { headersFromFile } from '../helpers/headers-file.ts';
import { langOf, pagesOrFail, scrollThrough, servedSite, waitForCharts } from './a11y-support.ts';
import { finnishWordsOn } from './finnish-words.ts';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core's WCAG 2.1 A and AA rules on the page as it is. AxeBuilder by default opens a new
 * blank page for each run to gather the results of cross-origin frames (axe's finishRun): about
 * half of every run's time here (/fi/ 0.88–1.27 s → 0.46–0.56 s, same passes, nodes and
 * violations), 186 runs in the suite. Its legacy mode runs in the page itself and reaches every
 * same-origin frame the same way; only cross-origin frames go untested, so a page with any frame
 * gets the full run.
 */
export async function runAxe(page: Page): Promise<Awaited<ReturnType<AxeBuilder['analyze']>>> {
  return new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(page.frames().length === 1).analyze();
}

/** One line per violation and node: rule id, impact, the failing element and axe's summary. */
export function describeViolations(path: string, scheme: string, violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${path} [${scheme}] ${v.id} (${v.impact}) ${n.target.join(' ')} – ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ')}`),
  );
}

/** Opens the root redirect without following it: the refresh's navigation is answered with 204. */
export async function openRedirect(page: Page, base: string): Promise<void> {
  await page.route(/\/(fi|sv|en)\/$/, (route) => route.fulfill({ status: 204 }));
  await page.goto(`${base}/`, { waitUntil: 'load' });
  await page.waitForTimeout(300);
}

interface ChartPaint {
  id: string | null;
  canvas: boolean;
  painted: number;
  colours: number;
  label: string;
  pictureHidden: boolean;
}

/** What each chart figure's canvas shows: the share of painted pixels and the colours on it. */
function chartPaint(page: Page): Promise<ChartPaint[]> {
  return page.$$eval('figure[data-chart]', (figures) =>
    figures.map((f) => {
      const canvas = f.querySelector('canvas');
      const picture = f.querySelector('picture');
      if (!canvas) return { id: f.getAttribute('data-chart'), canvas: false, painted: 0, colours: 0, label: '', pictureHidden: false };
      const g = canvas.getContext('2d');
      const { width, height } = canvas;
      const px = g && width && height ? g.getImageData(0, 0, width, height).data : new Uint8ClampedArray();
      let painted = 0;
      const colours = new Set<number>();
      for (let i = 0; i < px.length; i += 4) {
        if (px[i + 3] > 0) {
          painted++;
          // Coarse colour buckets, so antialiasing does not count as colours of its own.
          colours.add(((px[i] >> 5) << 6) | ((px[i + 1] >> 5) << 3) | (px[i + 2] >> 5));
        }
      }
      return {
        id: f.getAttribute('data-chart'),
        canvas: true,
        painted: px.length ? painted / (px.length / 4) : 0,
        colours: colours.size,
        label: canvas.getAttribute('aria-label') ?? '',
        pictureHidden: picture ? getComputedStyle(picture).display === 'none' : true,
      };
    }),
  );
}

/** What the current visit has seen go wrong; requests of an earlier visit are told apart by `visit`. */
interface Watch {
  visit: number;
  path: string;
  problems: string[];
}

/** Records console errors, page errors, policy violations, failed requests and HTTP errors into the current visit. */
async function watchTab(page: Page, watch: Watch): Promise<void> {
  const startedIn = new WeakMap<Request, number>();
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`securitypolicyviolation: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy|Trusted.?Type/i.test(m.text())) watch.problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => watch.problems.push(`page error: ${e.message}`));
  page.on('request', (r) => startedIn.set(r, watch.visit));
  page.on('requestfailed', (r) => {
    // A request of the previous visit cut short by this one's navigation is not this page's.
    if (startedIn.get(r) !== watch.visit) return;
    // The root redirect's navigation to /fi/ is cut short on purpose (openRedirect).
    if (!(watch.path === '/' && r.resourceType() === 'document')) watch.problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) watch.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
}

/** Checks the pages whose index in the sorted list leaves `shard` when divided by `of`. */
export function checkEveryPage(shard: number, of: number): void {
  const pages = pagesOrFail().filter((_, i) => i % of === shard);
  const watch: Watch = { visit: 0, path: '', problems: [] };
  const site = servedSite({ colorScheme: 'light', width: 1280, height: 900, reducedMotion: 'reduce' }, headersFromFile('public/_headers').headers, (page) => watchTab(page, watch));

  describe('every page: loads cleanly under its security headers, every chart paints, axe finds no WCAG 2.1 AA violation (light), no Finnish UI word in Swedish or English', () => {
    for (const path of pages) {
      it(path, async () => {
        await site.visit(async (page) => {
          Object.assign(watch, { visit: watch.visit + 1, path, problems: [] });
          if (path === '/') await openRedirect(page, site.base());
          else {
            await page.goto(site.base() + path, { waitUntil: 'load' });
            await scrollThrough(page);
            expect.soft(await waitForCharts(page), `${path}: charts that never got class "drawn"`).toEqual([]);
            for (const c of await chartPaint(page)) {
              expect.soft(c.canvas, `${path} ${c.id}: has a canvas`).toBe(true);
              // Axes, labels, gridlines and data marks cover far more than 1 % of a drawn chart.
              expect.soft(c.painted, `${path} ${c.id}: share of painted canvas pixels`).toBeGreaterThan(0.01);
              expect.soft(c.colours, `${path} ${c.id}: colours on the canvas (text + data marks)`).toBeGreaterThanOrEqual(2);
              expect.soft(c.label.length, `${path} ${c.id}: canvas has an accessible name`).toBeGreaterThan(10);
              expect.soft(c.pictureHidden, `${path} ${c.id}: the build-time image gives way to the canvas`).toBe(true);
            }
            await page.evaluate(() => window.scrollTo(0, 0));
          }
          const results = await runAxe(page);
          expect.soft(describeViolations(path, 'light', results.violations)).toEqual([]);
          // axe ran over real content (not an empty or error page).
          expect.soft(results.passes.length).toBeGreaterThan(5);
          // After axe: reading the words opens every disclosure.
          if (path !== '/' && langOf(path) !== 'fi') expect.soft(await finnishWordsOn(page), `${path}: Finnish words in the ${langOf(path)} page`).toEqual([]);
          expect([...watch.problems], `${path}: console errors, failed requests, policy violations`).toEqual([]);
        }, { ownTab: path === '/' });
      });
    }
  });
}
