// The embed control's copy button, in Chromium under the site's own headers (CSP with Trusted
// Types): on a build without SITE_URL the snippet in the page is site-relative, and the copied one
// must carry the page's own address, so that it works pasted on another site.
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/lib/i18n/index.ts';
import { embedSnippet } from '../../src/site/embed-snippet.ts';
import { embedPath } from '../../src/site/routes.ts';
import { launch } from '../helpers/browser.ts';
import { headersFromFile } from '../helpers/headers-file.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { DIST } from './a11y-support.ts';

let base = '';
let host = '';
let hostDir = '';
const servers: Server[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const site = await serveStatic(DIST, headersFromFile().headers);
  hostDir = mkdtempSync(join(tmpdir(), 'embed-copy-host-'));
  const other = await serveStatic(hostDir);
  servers.push(site.server, other.server);
  ({ url: base } = site);
  ({ url: host } = other);
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  for (const s of servers) s.close();
});

/** Opens a page with the clipboard allowed, noting every CSP or Trusted Types violation and console error. */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const context = await launch({ reducedMotion: 'reduce' });
  contexts.push(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(base + path, { waitUntil: 'networkidle' });
  return { page, problems };
}

/** Opens one chart's embed control, copies its snippet and returns what reached the clipboard. */
async function copySnippet(page: Page, figure: string): Promise<string> {
  const control = page.locator(`${figure} [data-embed-control]`);
  await control.locator('summary').click();
  await control.locator('button[data-embed-copy]').click();
  await expect.poll(() => control.locator('[data-embed-status]').textContent()).toBe(t('fi', 'embed.copied'));
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('copying an embed snippet', () => {
  it('the page holds a site-relative snippet (no SITE_URL), the copy the page’s own absolute address', async () => {
    const { page, problems } = await open('/fi/');
    const served = await page.locator('#chart-cumulative textarea[data-embed-code]').evaluate((el) => el.textContent ?? '');
    // Light unless chosen otherwise, as oEmbed's: most sites pasting it are light whatever their reader's setting.
    expect(served).toContain('<iframe src="/fi/upota/cumulative/?theme=light"');
    const copied = await copySnippet(page, '#chart-cumulative');
    const title = `AMKosaaja: ${t('fi', 'chart.cumulative.title')}`;
    expect(copied).toBe(embedSnippet({ origin: base, path: embedPath('fi', 'cumulative'), key: 'cumulative', title, theme: 'light' }));
    expect(copied).toContain(`<iframe src="${base}/fi/upota/cumulative/?theme=light"`);
    expect(copied).toContain(`<script src="${base}/embed.js" async></script>`);
    expect(problems).toEqual([]);
  });

  it('keeps the absolute address when a theme is chosen', async () => {
    const { page, problems } = await open('/fi/');
    const control = page.locator('#chart-monthly [data-embed-control]');
    await control.locator('summary').click();
    await control.locator('select[data-embed-theme]').selectOption('dark');
    await control.locator('button[data-embed-copy]').click();
    await expect.poll(() => control.locator('[data-embed-status]').textContent()).toBe(t('fi', 'embed.copied'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`<iframe src="${base}/fi/upota/monthly/?theme=dark"`);
    expect(problems).toEqual([]);
  });

  it('the copied snippet, pasted on another site, shows the chart from this one', async () => {
    const { page } = await open('/fi/');
    const copied = await copySnippet(page, '#chart-partners');
    writeFileSync(join(hostDir, 'news.html'), `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Uutinen</title></head><body><p>Uutinen.</p>${copied}</body></html>`);
    const other = await launch({ reducedMotion: 'reduce' });
    contexts.push(other);
    const news = await other.newPage();
    const loader = news.waitForResponse(`${base}/embed.js`);
    await news.goto(`${host}/news.html`, { waitUntil: 'networkidle' });
    expect((await loader).status()).toBe(200);
    const frame = await (await news.$('iframe'))!.contentFrame();
    expect(frame?.url()).toBe(`${base}/fi/upota/partners/?theme=light`);
    expect(await frame!.locator('html.embed figure[data-chart="partners"]').count()).toBe(1);
  });
});
