// The dashboard works without JavaScript: every chart's build-time image loads, its text is no
// smaller on a phone than the canvas's 12 px, and nothing scrolls sideways, on a desktop and on
// phones. Screenshots go to /tmp/shots/ for a human to look at.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { DIST } from './a11y-support.ts';
import { IMAGE_SCALE } from '../../src/lib/charts/images.ts';

const SHOTS = '/tmp/shots';
let base = '';
let server: Server;

beforeAll(async () => {
  ({ url: base, server } = await serveStatic(DIST));
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => server?.close());

describe('the checker without JavaScript', () => {
  it('says it needs JavaScript instead of offering a form that does nothing', async () => {
    const context = await launch({ javaScriptEnabled: false, width: 360, height: 900 });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/fi/tarkista/`, { waitUntil: 'networkidle' });
      expect(await page.locator('#checker').isVisible()).toBe(false);
      const note = page.locator('p.check-bad');
      expect(await note.isVisible()).toBe(true);
      expect(await note.innerText()).toMatch(/^Tarkistus tehdään selaimessasi JavaScriptillä, joka ei nyt ole käytössä\./);
    } finally {
      await context.close();
    }
  });
});

describe('/fi/ without JavaScript', () => {
  for (const width of [1280, 360, 320]) {
    it(`${width} px: every chart image loads, no horizontal scrolling`, async () => {
      const context = await launch({ javaScriptEnabled: false, width, height: 900 });
      try {
        const page = await context.newPage();
        await page.goto(`${base}/fi/`, { waitUntil: 'networkidle' });
        // Lazy images load as they near the viewport: scroll down with the wheel (no page script runs).
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0; y < height; y += 600) {
          await page.mouse.wheel(0, 600);
          await page.waitForTimeout(60);
        }
        await page.waitForLoadState('networkidle');
        const charts = await page.$$eval('figure[data-chart]', (figures) =>
          figures.map((f) => {
            const img = f.querySelector('img');
            // The image fills its box as `object-fit: contain` does: the smaller of the two ratios.
            const box = img?.getBoundingClientRect();
            const shown = img && box && img.naturalWidth > 0 ? Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight) : 0;
            return { id: f.getAttribute('data-chart'), found: !!img, loaded: !!img && img.complete && img.naturalWidth > 0, src: img?.currentSrc ?? '', canvas: !!f.querySelector('canvas'), shown };
          }),
        );
        expect(charts.length).toBeGreaterThanOrEqual(4);
        for (const c of charts) {
          expect(c.found && c.loaded, `chart ${c.id}: image ${c.src || '(none)'} did not load`).toBe(true);
          expect(c.canvas, `chart ${c.id} drew a canvas without JavaScript?`).toBe(false);
          // A phone's image is drawn with 12 px type at IMAGE_SCALE pixels a CSS pixel: shown at
          // least at that size, its type is at least 12 px.
          if (width <= 640) expect(c.shown * IMAGE_SCALE, `chart ${c.id}: ${c.src} is shown at ${(c.shown * IMAGE_SCALE).toFixed(2)}× its drawn size, so its 12 px type is smaller`).toBeGreaterThanOrEqual(1);
        }
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
        expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: `${SHOTS}/fi-${width}-light-nojs.png`, fullPage: true });
      } finally {
        await context.close();
      }
    });
  }
});
