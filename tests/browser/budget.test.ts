// The performance budget (README "Performance budget"), measured on dist/ by scripts/budget.ts:
// a phone (412×823) loads each page cold without scrolling, text gzip-compressed as a host serves
// it. At most 10 KB of JS before a chart comes into view; at most 250 KB for the whole first view.
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, formatReport, kb, measureSite, PHONE, type PageMeasure } from '../../scripts/budget.ts';
import { launch } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { DIST } from './a11y-support.ts';

/**
 * Budgets a page is known to break until a page change lands (see the lead's task list). Each
 * entry must still be over budget: once it fits, the test says to remove the entry.
 */
const PENDING: Record<string, ('jsBeforeChart' | 'firstView')[]> = {};

let measures: PageMeasure[] = [];

beforeAll(async () => {
  measures = await measureSite(DIST);
  console.log(formatReport(measures));
}, 120_000);

/**
 * Counts the script bytes a page has received. Each response's size is read asynchronously, so the
 * count waits for every read still pending: a chunk that has just arrived is never missed.
 */
function countScriptBytes(page: Page): () => Promise<number> {
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (r) => {
    if (r.resourceType() === 'script') sizes.push(r.sizes().then((s) => s.responseBodySize));
  });
  return async () => (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

describe('performance budget (phone, first view, gzip)', () => {
  it('measures the dashboard at least', () => {
    expect(measures.map((m) => m.path)).toContain('/fi/');
  });

  for (const path of ['/fi/', '/fi/upota/cumulative/', '/fi/raportti/']) {
    it(`${path}: ≤ ${kb(BUDGET.jsBeforeChart)} of JS before a chart is in view, ≤ ${kb(BUDGET.firstView)} in all`, (ctx) => {
      const m = measures.find((x) => x.path === path);
      if (!m) return ctx.skip(`${path} is not built`);
      const checks = [
        { key: 'jsBeforeChart' as const, value: m.jsBeforeChart, limit: BUDGET.jsBeforeChart },
        { key: 'firstView' as const, value: m.total, limit: BUDGET.firstView },
      ];
      for (const c of checks) {
        if (PENDING[path]?.includes(c.key)) expect(c.value, `${path} ${c.key} now fits its budget: remove it from PENDING`).toBeGreaterThan(c.limit);
        else expect(c.value, `${path} ${c.key}: ${kb(c.value)} > ${kb(c.limit)}\n${formatReport([m], true)}`).toBeLessThanOrEqual(c.limit);
      }
    });
  }

  it('the checker’s code (its page script and the workbook reader) loads on the checker page only', async () => {
    const { url, server } = await serveStatic(DIST);
    const context = await launch({ width: 412, height: 823 });
    try {
      const scriptsOf = async (path: string) => {
        const page = await context.newPage();
        const urls: string[] = [];
        page.on('request', (r) => {
          if (r.resourceType() === 'script') urls.push(r.url());
        });
        await page.goto(url + path, { waitUntil: 'networkidle' });
        await page.close();
        return urls.filter((u) => /CheckPage|read-workbook/.test(u));
      };
      for (const path of ['/fi/', '/fi/avoin-data/', '/fi/raportti/', '/fi/upota/cumulative/']) expect(await scriptsOf(path), path).toEqual([]);
      expect((await scriptsOf('/fi/tarkista/')).length).toBe(2);
    } finally {
      await context.close();
      server.close();
    }
  });

  it('chart.js loads only when a chart is about to be seen', async () => {
    const phone = measures.find((x) => x.path === '/fi/');
    expect(phone?.firstChartTop, 'no chart on /fi/').not.toBeNull();
    // A viewport that ends well above the first chart (the loader looks 100 px ahead).
    const height = Math.min(PHONE.height, (phone?.firstChartTop ?? 0) - 300);
    expect(height, 'the first chart starts too high on /fi/ to leave a view without it').toBeGreaterThanOrEqual(250);
    const { url, server } = await serveStatic(DIST, undefined, { gzip: true });
    const context = await launch({ width: PHONE.width, height, isMobile: true });
    try {
      const page = await context.newPage();
      const scriptBytes = countScriptBytes(page);
      await page.goto(`${url}/fi/`, { waitUntil: 'networkidle' });
      const before = await scriptBytes();
      expect(before, `JS before any chart is near the view: ${kb(before)}`).toBeLessThanOrEqual(BUDGET.jsBeforeChart);
      expect(await page.locator('figure[data-chart] canvas').count()).toBe(0);
      await page.locator('figure[data-chart]').first().scrollIntoViewIfNeeded();
      await page.locator('figure[data-chart]').first().locator('canvas').waitFor({ timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      expect((await scriptBytes()) - before, 'scrolling to a chart loads the chart code').toBeGreaterThan(BUDGET.jsBeforeChart);
    } finally {
      await context.close();
      (server as Server).close();
    }
  });

  for (const reach of ['hover', 'tap'] as const) {
    it(`an embed runs no chart code until the reader reaches for its chart (${reach})`, async () => {
      const { url, server } = await serveStatic(DIST, undefined, { gzip: true });
      const context = await launch({ width: PHONE.width, height: PHONE.height, isMobile: true });
      try {
        const page = await context.newPage();
        const scriptBytes = countScriptBytes(page);
        await page.goto(`${url}/fi/upota/cumulative/`, { waitUntil: 'networkidle' });
        const before = await scriptBytes();
        expect(before, `JS on opening the embed: ${kb(before)}`).toBeLessThanOrEqual(BUDGET.jsBeforeChart);
        expect(await page.locator('figure[data-chart] canvas').count()).toBe(0);
        expect(await page.locator('figure[data-chart] img').first().isVisible(), 'the build-time image shows').toBe(true);
        await page.locator('figure[data-chart] .chart-box')[reach]();
        await page.locator('figure[data-chart] canvas').waitFor({ timeout: 15_000 });
        await page.waitForLoadState('networkidle');
        expect((await scriptBytes()) - before, `${reach} on the chart loads the chart code`).toBeGreaterThan(BUDGET.jsBeforeChart);
      } finally {
        await context.close();
        (server as Server).close();
      }
    });
  }
});

