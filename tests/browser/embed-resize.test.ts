// Embeds on another site: a host page on a second origin pastes the snippet exactly as the
// dashboard offers it (iframe + /embed.js). The loader must size each frame to its content —
// no inner scroll bars, the whole chart visible — at 320 and 1200 px, and follow a resize.
// Without the loader the frame keeps its fallback box and the embed fits itself into it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { embedSnippet, type EmbedTheme } from '../../src/site/embed-snippet.ts';
import { embedPath, type EmbedKey } from '../../src/site/routes.ts';
import { launch } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';

let site = '';
let host = '';
const servers: Server[] = [];
/** One browser; each test opens its own tab at its width, closed after it (a browser each cost half a second). */
let context: Promise<BrowserContext> | undefined;
const opened: Page[] = [];

/** A host page: some text, then the snippets (with or without the loader line). */
function hostPage(dir: string, name: string, embeds: { key: EmbedKey; theme?: EmbedTheme }[], loader: boolean): string {
  const snippets = embeds.map(({ key, theme = 'auto' }) => {
    const s = embedSnippet({ origin: site, path: embedPath('fi', key), key, title: `AMKosaaja: ${key}`, theme });
    return loader ? s : s.split('\n')[0];
  });
  const html = `<!doctype html><html lang="fi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title></head>
<body style="margin:0;padding:8px;font-family:sans-serif"><h1>Uutinen</h1><p>Teksti ennen upotusta.</p>
${snippets.map((s) => `<div class="slot">${s}</div>`).join('\n<p>Väliteksti.</p>\n')}
<p>Teksti upotuksen jälkeen.</p></body></html>`;
  writeFileSync(join(dir, `${name}.html`), html);
  return `${host}/${name}.html`;
}

beforeAll(async () => {
  ({ url: site } = await serveStatic('dist').then((s) => (servers.push(s.server), s)));
  const dir = mkdtempSync(join(tmpdir(), 'embed-host-'));
  ({ url: host } = await serveStatic(dir).then((s) => (servers.push(s.server), s)));
  hostPage(dir, 'one', [{ key: 'cumulative' }], true);
  hostPage(dir, 'all', [{ key: 'cumulative', theme: 'dark' }, { key: 'monthly' }, { key: 'partners', theme: 'light' }, { key: 'fields' }, { key: 'card' }], true);
  hostPage(dir, 'bare', [{ key: 'cumulative' }, { key: 'fields' }, { key: 'card' }], false);
  const card = embedSnippet({ origin: site, path: embedPath('fi', 'card'), key: 'card', title: 'AMKosaaja: card', theme: 'auto' }).split('\n')[0];
  writeFileSync(join(dir, 'sidebar.html'), `<!doctype html><html lang="fi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title></head>
<body style="margin:0;display:flex;gap:16px"><main style="flex:1"><h1>Uutinen</h1><p>Teksti.</p></main><aside style="width:300px;padding:16px;box-sizing:border-box">${card}</aside></body></html>`);
});

afterEach(async () => {
  for (const page of opened.splice(0)) await page.close();
});

afterAll(async () => {
  await (await context)?.close();
  for (const s of servers) s.close();
});

async function open(url: string, width: number, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  context ??= launch({ reducedMotion: 'reduce' });
  const page = await (await context).newPage();
  opened.push(page);
  await page.setViewportSize({ width, height: 800 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(url, { waitUntil: 'networkidle' });
  return page;
}

/** The embed frames of a host page, in document order. */
async function embedFrames(page: Page): Promise<Frame[]> {
  const handles = await page.$$('iframe');
  return Promise.all(handles.map(async (h) => (await h.contentFrame())!));
}

/** Waits until every frame's box equals its content height (the loader's work) and stays so. */
async function waitForFit(page: Page): Promise<void> {
  for (const frame of await embedFrames(page)) {
    const el = await frame.frameElement();
    await el.scrollIntoViewIfNeeded();
    await frame.waitForFunction(() => document.documentElement.classList.contains('auto-height'), undefined, { timeout: 10_000 });
    // An embed draws its interactive chart when the reader points at it (its image shows until then).
    const box = frame.locator('figure[data-chart] .chart-box');
    if ((await box.count()) > 0) await box.hover();
    await frame.waitForFunction(
      () => !document.querySelector('figure[data-chart]') || document.querySelector('figure[data-chart]')!.classList.contains('drawn'),
      undefined,
      { timeout: 10_000 },
    );
  }
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('iframe')].every((f) => {
        const d = f.contentDocument; // null: cross-origin, so compare with the height the loader set
        return d === null && f.style.height !== '' && Math.abs(f.getBoundingClientRect().height - parseFloat(f.style.height)) < 1;
      }),
    undefined,
    { timeout: 10_000 },
  );
  await page.waitForTimeout(300);
}

/** What a frame looks like from inside: overflow, content height and the chart's box. */
function inside(frame: Frame) {
  return frame.evaluate(() => {
    const root = document.documentElement;
    const box = document.querySelector('.chart-box, .embed-card')!.getBoundingClientRect();
    const credit = document.querySelector('.embed-credit')!.getBoundingClientRect();
    return {
      origin: location.origin,
      theme: root.dataset.theme ?? 'auto',
      innerWidth: window.innerWidth,
      innerHeight: window.innerHeight,
      scrollWidth: root.scrollWidth,
      scrollHeight: root.scrollHeight,
      content: Math.ceil(document.body.getBoundingClientRect().height),
      chartTop: box.top,
      chartBottom: box.bottom,
      chartWidth: box.width,
      creditBottom: credit.bottom,
      canvas: !!document.querySelector('.chart-box canvas'),
    };
  });
}

describe('an embed pasted on another site, with the loader', () => {
  for (const width of [280, 320, 1200]) {
    it(`grows to fit its content with no inner scroll bars at ${width} px`, async () => {
      const page = await open(`${host}/one.html`, width);
      await waitForFit(page);
      const [frame] = await embedFrames(page);
      const s = await inside(frame);
      expect(s.origin, 'the embed is served from another origin than the host').not.toBe(new URL(host).origin);
      expect(s.canvas, 'the interactive chart drew').toBe(true);
      // The frame is exactly as tall as its content: nothing to scroll, nothing cut off.
      expect(s.scrollHeight).toBeLessThanOrEqual(s.innerHeight);
      expect(s.scrollWidth).toBeLessThanOrEqual(s.innerWidth);
      expect(Math.abs(s.innerHeight - s.content)).toBeLessThanOrEqual(1);
      expect(s.chartBottom).toBeLessThanOrEqual(s.innerHeight);
      expect(s.creditBottom).toBeLessThanOrEqual(s.innerHeight);
      // The chart keeps its shape (2:1 wide, 6:5 on phones), not squeezed into the fallback box.
      const ratio = s.chartWidth / (s.chartBottom - s.chartTop);
      expect(ratio).toBeCloseTo(width < 640 ? 6 / 5 : 2, 1);
      // The host page has no horizontal scroll from the frame either.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    });
  }

  it('sizes every embed on a page separately, honours ?theme=, and follows a resize of the host', async () => {
    const page = await open(`${host}/all.html`, 1200);
    await waitForFit(page);
    const frames = await embedFrames(page);
    const before = await Promise.all(frames.map(inside));
    expect(before.map((s) => s.theme)).toEqual(['dark', 'auto', 'light', 'auto', 'auto']);
    for (const s of before) expect(s.scrollHeight, JSON.stringify(s)).toBeLessThanOrEqual(s.innerHeight);
    // Different content, different heights: the loader matched each message to its own frame.
    expect(new Set(before.map((s) => s.innerHeight)).size).toBeGreaterThan(1);

    await page.setViewportSize({ width: 320, height: 800 });
    await page.waitForTimeout(300);
    await waitForFit(page);
    const after = await Promise.all(frames.map(inside));
    for (const s of after) {
      expect(s.innerWidth).toBeLessThanOrEqual(320);
      expect(s.scrollHeight, JSON.stringify(s)).toBeLessThanOrEqual(s.innerHeight);
      expect(s.scrollWidth, JSON.stringify(s)).toBeLessThanOrEqual(s.innerWidth);
      expect(Math.abs(s.innerHeight - s.content)).toBeLessThanOrEqual(1);
    }
  });
});

describe('the loader in the host page’s console', () => {
  it('logs nothing: frames still lazy (about:blank) are asked too, with no origin to mismatch', async () => {
    context ??= launch({ reducedMotion: 'reduce' });
    const page = await (await context).newPage();
    opened.push(page);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    // A short window: the embeds below the first are lazy, not loaded when embed.js runs.
    await page.setViewportSize({ width: 1200, height: 400 });
    await page.goto(`${host}/all.html`, { waitUntil: 'networkidle' });
    await waitForFit(page);
    expect(errors).toEqual([]);
  });
});

describe('an embed pasted without the loader', () => {
  for (const width of [280, 320, 1200]) {
    it(`fits itself into the fallback box with the whole chart visible at ${width} px`, async () => {
      const page = await open(`${host}/bare.html`, width);
      for (const frame of await embedFrames(page)) {
        await (await frame.frameElement()).scrollIntoViewIfNeeded();
        await frame.waitForLoadState('load');
        await page.waitForTimeout(300);
        const s = await inside(frame);
        expect(s.scrollHeight, JSON.stringify(s)).toBeLessThanOrEqual(s.innerHeight);
        expect(s.scrollWidth, JSON.stringify(s)).toBeLessThanOrEqual(s.innerWidth);
        expect(s.chartBottom - s.chartTop, 'the chart keeps a readable height').toBeGreaterThan(140);
        expect(s.creditBottom).toBeLessThanOrEqual(s.innerHeight);
      }
    });
  }

  it('in a narrow sidebar of a wide page, the card keeps its figures and its credit line in view', async () => {
    // A theme's sidebar: 300 px on a 1280-px screen, so the frame's floor (which follows the
    // screen's width) does not grow, and the card's frame stays 268 px tall.
    const page = await open(`${host}/sidebar.html`, 1280);
    const [frame] = await embedFrames(page);
    await (await frame.frameElement()).scrollIntoViewIfNeeded();
    await frame.waitForLoadState('load');
    await page.waitForTimeout(300);
    const s = await inside(frame);
    expect(s.innerWidth).toBeLessThan(300);
    expect(s.scrollHeight, JSON.stringify(s)).toBeLessThanOrEqual(s.innerHeight);
    expect(s.creditBottom, JSON.stringify(s)).toBeLessThanOrEqual(s.innerHeight);
    expect(await frame.locator('[data-figure="total"]').isVisible()).toBe(true);
    expect(await frame.locator('[data-figure="percent"]').isVisible()).toBe(true);
  });
});
