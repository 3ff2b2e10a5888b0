import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/lib/contract/programme.ts';
import { formatter } from '../../src/lib/format.ts';
import { t } from '../../src/lib/i18n/index.ts';
import type { DashboardData } from '../../src/lib/pipeline.ts';
import { demoNotice } from '../../src/lib/view/demo-notice.ts';
import { launch } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';

const REPORTS: Record<Lang, string> = { fi: '/fi/raportti/', sv: '/sv/rapport/', en: '/en/report/' };
const MM = 72 / 25.4;

/** The published partners' figures, read from the build's own summary.json (not from the page). */
interface PartnerFigures {
  credits: number;
  completions: number;
  lastSnapshot: string | null;
}
const data = JSON.parse(readFileSync('src/generated/dashboard.json', 'utf8')) as DashboardData;
const summary = () => JSON.parse(readFileSync('dist/data/summary.json', 'utf8')) as { asOf: string; totalCredits: number; partners: PartnerFigures[] };

/** Returns each page's text as pdftotext lays it out (columns kept on their lines). */
const pagesText = (pdf: string, pages: number) => Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }));

/** Returns each page's height and the words on it with their boxes (PDF points, y down). */
function pageWords(pdf: string): { height: number; words: { yMin: number; yMax: number; text: string }[] }[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, height, body]) => ({
    height: Number(height),
    words: [...body.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(([, yMin, yMax, text]) => ({ yMin: Number(yMin), yMax: Number(yMax), text })),
  }));
}

const squash = (s: string) => s.replace(/[\s\u00a0\u2060]+/g, ' ').trim();

describe('the funder’s report prints on A4', () => {
  let context: BrowserContext;
  let server: Server;
  let base: string;
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  beforeAll(async () => {
    ({ url: base, server } = await serveStatic('dist'));
    context = await launch();
  });
  afterAll(async () => {
    await context?.close();
    server?.close();
  });

  for (const [lang, path] of Object.entries(REPORTS) as [Lang, string][]) {
    it(`${path} prints every table whole, every partner's figures, the footer on every page, on at most 3 well-filled A4 pages`, async () => {
      const f = formatter(lang);
      const page = await context.newPage();
      await page.goto(base + path, { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
      const state = await page.evaluate(() => ({
        images: [...document.querySelectorAll<HTMLImageElement>('.report-figure img')].map((i) => i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width > 0),
        figures: [...document.querySelectorAll('[data-figure]')].map((e) => e.textContent?.trim()),
        changes: [...document.querySelectorAll<HTMLElement>('[data-change]')].map((e) => e.getBoundingClientRect().height > 0 && (e.textContent ?? '').trim() !== ''),
        headers: [...document.querySelectorAll('.report thead th')].map((th) => th.textContent ?? ''),
        // A scroll box prints as a clipped box with its bar: in print none may scroll.
        scrolling: [...document.querySelectorAll<HTMLElement>('.report .table-scroll')].filter((b) => getComputedStyle(b).overflowX !== 'visible' || b.scrollWidth > b.clientWidth + 1).length,
        navHidden: getComputedStyle(document.querySelector('.site-header')!).display === 'none',
        printHrefs: [
          ...[...document.querySelectorAll('.report a[data-print-href], .site-footer a[data-print-href]')].map((a) => a.getAttribute('data-print-href') ?? ''),
          // The open-data folder's address, once for its six files (each file's own took a page with SITE_URL).
          ...[...document.querySelectorAll<HTMLElement>('.site-footer .print-only')].filter((e) => getComputedStyle(e).display !== 'none').map((e) => (e.textContent ?? '').trim().replace(/^<|>$/g, '')),
        ],
        openDataLinksWithAddress: document.querySelectorAll('.site-footer a[href*="/data/"][data-print-href]').length,
      }));
      expect(state.images).toEqual([true, true, true, true]);
      // Total, share, day reached, completions, and the distinct learners under the completions.
      expect(state.figures.length).toBe(5);
      expect(state.changes).toEqual([true, true]);
      expect(state.scrolling).toBe(0);
      expect(state.navHidden).toBe(true);
      // The build has no SITE_URL: a bare path such as </fi/menetelma/> on paper finds nothing, so only
      // full addresses are printed (the news item's, in the footer).
      expect(state.printHrefs).toEqual(['https://amkosaaja.fi/uutinen/amkosaajan-opintopistemaaratavoite-on-saavutettu/']);
      expect(state.openDataLinksWithAddress).toBe(0);
      // Projection (3) + earlier projections (7) + partners (5) + fields (4) + each partner's currency (6) + monthly (3) + reporting history (6).
      expect(state.headers.length).toBe(34);

      const file = join(dir, `${lang}.pdf`);
      writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      await page.close();
      const layout = pageWords(file);
      const text = pagesText(file, layout.length);
      const all = squash(text.join('\n'));
      const words = new Set(all.split(' '));

      expect(layout.length, `${lang} report pages`).toBeGreaterThanOrEqual(1);
      expect(layout.length, `${lang} report pages`).toBeLessThanOrEqual(3);
      // Every column header, each of its words (a long header may wrap within its cell).
      for (const header of state.headers) for (const word of squash(header).split(' ')) expect(words, `${lang}: column header "${header}"`).toContain(word);
      // Every partner's row on one printed line: credits, share, completions, latest export.
      const s = summary();
      const lines = text.join('\n').split('\n').map(squash);
      for (const p of s.partners) {
        const row = [f.number(p.credits), f.percent(Math.round((p.credits / s.totalCredits) * 1000) / 10), f.number(p.completions), p.lastSnapshot ? f.date(p.lastSnapshot) : '–'].map(squash).join(' ');
        expect(lines.some((l) => l.includes(row)), `${lang}: partner row "${row}"`).toBe(true);
      }
      // Link addresses printed beside the links (a long one wraps, at a hyphen or a slash).
      const unwrapped = all.replace(/\s+/g, '');
      for (const href of state.printHrefs) expect(unwrapped, `${lang}: address ${href}`).toContain(href);
      expect(all, `${lang}: a bare path printed as an address`).not.toMatch(/<\/[a-z]/);
      // The demonstration notice in full (it says what was made up), not its title alone.
      expect(all, `${lang}: the demonstration notice`).toContain(squash(demoNotice(data, lang)));
      // The running footer with the data date and, demo data, its label on every page; every page at least a quarter full.
      const asOf = `${t(lang, 'demo.title')} · ${t(lang, 'footer.asOf', { date: f.date(s.asOf) })}`;
      const top = 12 * MM;
      layout.forEach((pg, i) => {
        expect(squash(text[i]), `${lang} page ${i + 1} footer`).toContain(squash(asOf));
        const bottomMargin = pg.height - 14 * MM;
        const body = pg.words.filter((w) => w.yMax < bottomMargin);
        const filled = (Math.max(...body.map((w) => w.yMax)) - top) / (bottomMargin - top);
        expect(filled, `${lang} page ${i + 1} is ${Math.round(filled * 100)} % full`).toBeGreaterThanOrEqual(0.25);
      });
    });
  }
});
