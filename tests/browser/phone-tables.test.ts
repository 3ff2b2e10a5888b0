// A phone shows everything (issue 23): at 360 px every column of every table can be read — the
// table fits, or stacks its rows as "column: value" lines — with every <details> opened; the
// reporting history is collapsed on the dashboard; a number range never breaks at its dash.
import type { Server } from 'node:http';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { DIST, openLoaded, pagesOfEachTemplate, pagesOrFail } from './a11y-support.ts';

// A table's columns are its template's: each template in each language is enough.
const pages = pagesOfEachTemplate(pagesOrFail()).filter((p) => p !== '/');
let base = '';
let server: Server;
let context: BrowserContext;

beforeAll(async () => {
  ({ url: base, server } = await serveStatic(DIST));
  context = await launch({ width: 360, height: 800, isMobile: true, deviceScaleFactor: 2 });
});
afterAll(async () => {
  await context?.close();
  server?.close();
});

describe('at 320 px (WCAG 1.4.10)', () => {
  it('a table shown as "column: value" lines is never wider than its box (the scorecard was 317 px in 288)', async () => {
    const narrow = await launch({ width: 320, height: 800, isMobile: true, deviceScaleFactor: 2 });
    const wide: string[] = [];
    try {
      for (const path of pages) {
        const page = await openLoaded(narrow, base + path);
        const found = await page.evaluate(() => {
          for (const d of document.querySelectorAll('details')) d.open = true;
          return [...document.querySelectorAll<HTMLTableElement>('table.stack')].flatMap((table) => {
            const box = table.parentElement!;
            const over = table.getBoundingClientRect().width - box.clientWidth;
            return over > 1 ? [`${table.caption?.textContent?.trim()}: ${Math.round(table.getBoundingClientRect().width)} px in ${box.clientWidth}`] : [];
          });
        });
        wide.push(...found.map((f) => `${path} ${f}`));
        await page.close();
      }
    } finally {
      await narrow.close();
    }
    expect(wide).toEqual([]);
  });
});

describe('at 360 px', () => {
  it('every table shows every column within the screen, on each template', async () => {
    const problems: string[] = [];
    for (const path of pages) {
      const page = await openLoaded(context, base + path);
      const found = await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('table')].flatMap((table) => {
          const name = table.caption?.textContent?.trim() ?? '(no caption)';
          // Each header and each cell of the first and the last row, as a reader would look for it.
          const rows = [...table.rows].filter((r) => r.offsetParent !== null || getComputedStyle(r).display !== 'none');
          const cells = [rows[1], rows.at(-1)].filter(Boolean).flatMap((r) => [...r!.cells]);
          return cells.flatMap((cell, i) => {
            const box = cell.getBoundingClientRect();
            if (box.width === 0) return [];
            return box.left < -1 || box.right > width + 1 ? [`${name}: cell ${i} "${cell.textContent?.trim()}" at ${Math.round(box.left)}–${Math.round(box.right)} px`] : [];
          });
        });
      });
      problems.push(...found.map((f) => `${path} ${f}`));
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('a stacked table’s total row names the column of each value, as its other rows do', async () => {
    const bare: string[] = [];
    for (const path of pages) {
      const page = await openLoaded(context, base + path);
      const found = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLTableElement>('table.stack')].flatMap((table) =>
          [...(table.tFoot?.querySelectorAll('td') ?? [])].flatMap((td) => {
            const label = getComputedStyle(td, '::before').content;
            return td.textContent?.trim() && (label === 'none' || label === '""' || label === 'normal') ? [`${table.caption?.textContent?.trim()}: "${td.textContent.trim()}"`] : [];
          }),
        ),
      );
      bare.push(...found.map((f) => `${path} ${f}`));
      await page.close();
    }
    expect(bare).toEqual([]);
  });

  it('the dashboard keeps the reporting history collapsed, off the main path', async () => {
    for (const lang of ['fi', 'sv', 'en']) {
      const page = await openLoaded(context, `${base}/${lang}/`);
      const history = await page.evaluate(() => {
        const section = document.querySelector('#history-title')!.closest('section')!;
        const details = section.querySelector('details');
        return { collapsed: details !== null && !details.open, tableInside: details?.contains(section.querySelector('table')) ?? false, height: section.getBoundingClientRect().height };
      });
      expect(history, `${lang}`).toMatchObject({ collapsed: true, tableInside: true });
      expect(history.height, `${lang}: the collapsed history's height`).toBeLessThan(400);
      await page.close();
    }
  });

  it('each section heading stands at least 24 px below what ended the section before it (a table, a <details>)', async () => {
    const cramped: string[] = [];
    for (const path of pages) {
      const page = await openLoaded(context, base + path);
      cramped.push(
        ...(await page.evaluate(() => {
          for (const d of document.querySelectorAll('details')) d.open = true;
          return [...document.querySelectorAll('main section + section > h2:first-child')].flatMap((h2) => {
            const before = h2.parentElement!.previousElementSibling!;
            // The lowest visible bottom of anything in the section before.
            const bottom = Math.max(...[before, ...before.querySelectorAll('*')].map((e) => e.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => r.bottom));
            const gap = h2.getBoundingClientRect().top - bottom;
            return gap < 24 ? [`"${h2.textContent?.trim()}" ${Math.round(gap)} px`] : [];
          });
        })).map((c) => `${path} ${c}`),
      );
      await page.close();
    }
    expect(cramped).toEqual([]);
  });

  it('a credits range stays on one line', async () => {
    for (const path of ['/fi/', '/sv/', '/en/']) {
      const page = await openLoaded(context, base + path);
      // Each text node holding a range: the range's own box is one line high.
      const broken = await page.evaluate(() => {
        const out: string[] = [];
        let seen = 0;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent ?? '';
          for (const m of text.matchAll(/\d[\d\u00a0,.]*\u2060–\u2060\d[\d\u00a0,.]*\u00a0\p{L}+/gu)) {
            const range = document.createRange();
            range.setStart(n, m.index!);
            range.setEnd(n, m.index! + m[0].length);
            seen++;
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) out.push(m[0]);
          }
        }
        return { out, seen };
      });
      // The projection sentence holds one range (held by word joiners); none breaks at 360 px.
      expect(broken.seen, path).toBeGreaterThan(0);
      expect(broken.out, path).toEqual([]);
      await page.close();
    }
  });
});
