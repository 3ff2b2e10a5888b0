// WCAG 2.1 A and AA checks by axe-core on every built page in the light colour scheme, and on each
// template in each language (a11y-support.ts pagesOfEachTemplate) in the dark scheme and at
// 320 px, with the charts drawn (the drawn canvas is part of what is checked).
import AxeBuilder from '@axe-core/playwright';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { DIST, openSettled, pagesOfEachTemplate, pagesOrFail, waitForCharts } from './a11y-support.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Light and dark at 1280 px, and light at 320 px (WCAG 1.4.10 reflow width: wrapped layout, scrolling tables). */
const VARIANTS = {
  light: { colorScheme: 'light', width: 1280 },
  dark: { colorScheme: 'dark', width: 1280 },
  '320px': { colorScheme: 'light', width: 320 },
} as const;
type Variant = keyof typeof VARIANTS;
const SCHEMES = Object.keys(VARIANTS) as Variant[];

let base = '';
let server: Server;
const contexts: Partial<Record<Variant, BrowserContext>> = {};

beforeAll(async () => {
  ({ url: base, server } = await serveStatic(DIST));
});

/** The browser of a variant, started on first use: without Chromium every test fails saying how to install it. */
async function contextFor(v: Variant): Promise<BrowserContext> {
  contexts[v] ??= await launch({ ...VARIANTS[v], height: 900, reducedMotion: 'reduce' });
  return contexts[v];
}

afterAll(async () => {
  for (const c of Object.values(contexts)) await c?.close();
  server?.close();
});

/** Opens the root redirect without following it: the refresh's navigation is answered with 204. */
async function openRedirect(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.route(/\/(fi|sv|en)\/$/, (route) => route.fulfill({ status: 204 }));
  await page.goto(`${base}/`, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  return page;
}

/** One line per violation and node: rule id, impact, the failing element and axe's summary. */
function describeViolations(path: string, scheme: string, violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${path} [${scheme}] ${v.id} (${v.impact}) ${n.target.join(' ')} – ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ')}`),
  );
}

describe('axe-core WCAG 2.1 AA on every page in the light scheme; on each template dark and at 320 px', () => {
  const pages = pagesOrFail();

  for (const scheme of SCHEMES) {
    for (const path of scheme === 'light' ? pages : pagesOfEachTemplate(pages)) {
      it(`${path} (${scheme}) has no violations`, async () => {
        const context = await contextFor(scheme);
        const page = path === '/' ? await openRedirect(context) : await openSettled(context, base, path);
        try {
          if (path !== '/') expect(await waitForCharts(page, 1)).toEqual([]);
          const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
          expect(describeViolations(path, scheme, results.violations)).toEqual([]);
          // axe ran over real content (not an empty or error page).
          expect(results.passes.length).toBeGreaterThan(5);
        } finally {
          await page.close();
        }
      });
    }
  }
});
