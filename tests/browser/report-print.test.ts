import type { Server } from 'node:http';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';

const REPORTS = { fi: '/fi/raportti/', sv: '/sv/rapport/', en: '/en/report/' } as const;

/** Returns the number of pages in a PDF by counting its page objects. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('the funder’s report prints on A4', () => {
  let context: BrowserContext;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    ({ url: base, server } = await serveStatic('dist'));
    context = await launch();
  });
  afterAll(async () => {
    await context?.close();
    server?.close();
  });

  for (const [lang, path] of Object.entries(REPORTS)) {
    it(`${path} prints to at most 3 A4 pages with every chart, figure and table present`, async () => {
      const page = await context.newPage();
      await page.goto(base + path, { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
      const state = await page.evaluate(() => ({
        images: [...document.querySelectorAll<HTMLImageElement>('.report-figure img')].map((i) => i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width > 0),
        figures: [...document.querySelectorAll('[data-figure]')].map((e) => e.textContent?.trim()),
        // What changed since the previous snapshot date prints with the figures.
        changes: [...document.querySelectorAll<HTMLElement>('[data-change]')].map((e) => e.getBoundingClientRect().height > 0 && (e.textContent ?? '').trim() !== ''),
        tables: document.querySelectorAll('.report table').length,
        navHidden: getComputedStyle(document.querySelector('.site-header')!).display === 'none',
      }));
      expect(state.images).toEqual([true, true, true, true]);
      expect(state.figures.length).toBe(4);
      expect(state.changes).toEqual([true, true]);
      expect(state.tables).toBeGreaterThanOrEqual(5);
      expect(state.navHidden).toBe(true);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      const pages = pdfPages(pdf);
      expect(pages, `${lang} report pages`).toBeGreaterThanOrEqual(1);
      expect(pages, `${lang} report pages`).toBeLessThanOrEqual(3);
      await page.close();
    });
  }
});
