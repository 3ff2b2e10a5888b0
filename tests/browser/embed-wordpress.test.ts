// An embed page's address pasted into a WordPress post: WordPress filters the oEmbed html
// (tests/helpers/wp-oembed.ts mirrors wp_filter_oembed_result), frames it with
// sandbox="allow-scripts" (an opaque origin: no storage, no same-origin requests) and a secret in
// the address, and resizes the frame only when the frame posts {message:'height', value, secret}.
// Here a host page on another origin holds every embed of a language, filtered so, with
// WordPress's host script; dist/ is served with public/_headers, as deployed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/lib/contract/programme.ts';
import type { DashboardData } from '../../src/lib/pipeline.ts';
import { EMBED_FRAME_HEIGHT } from '../../src/site/embed-snippet.ts';
import { oembedFor } from '../../src/site/oembed.ts';
import { EMBED_KEYS, type EmbedKey } from '../../src/site/routes.ts';
import { launch } from '../helpers/browser.ts';
import { headersFromFile } from '../helpers/headers-file.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { WP_HOST_SCRIPT, wpFilterOembedResult } from '../helpers/wp-oembed.ts';
import { readFileSync } from 'node:fs';

const data = JSON.parse(readFileSync('src/generated/dashboard.json', 'utf8')) as DashboardData;
const servers: Server[] = [];
const contexts: BrowserContext[] = [];
let host = '';

/** WordPress makes a secret of 10 letters and digits per embed. */
const secretOf = (lang: Lang, key: EmbedKey) => `s${lang}${key}`.replace(/[^a-zA-Z0-9]/g, '').padEnd(10, '0').slice(0, 10);

beforeAll(async () => {
  const { url: site, server } = await serveStatic('dist', headersFromFile('public/_headers').headers);
  servers.push(server);
  const dir = mkdtempSync(join(tmpdir(), 'wp-host-'));
  for (const lang of LANGS) {
    const frames = EMBED_KEYS.map((key) => wpFilterOembedResult(oembedFor(data, lang, key, new URL(site)).html, secretOf(lang, key)));
    // A post's content column, as a theme gives it: the frames take their declared width.
    const html = `<!doctype html><html lang="fi"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Post</title></head>
<body style="margin:0;padding:8px;font-family:sans-serif"><h1>Uutinen</h1>
${frames.map((f) => `<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${f}</div></figure>`).join('\n')}
<script>${WP_HOST_SCRIPT}</script></body></html>`;
    writeFileSync(join(dir, `${lang}.html`), html);
  }
  const h = await serveStatic(dir);
  servers.push(h.server);
  host = h.url;
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  for (const s of servers) s.close();
});

async function open(lang: Lang, errors: string[]): Promise<Page> {
  const context = await launch({ width: 760, height: 900, reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${host}/${lang}.html`, { waitUntil: 'load', timeout: 60_000 });
  return page;
}

/** The frame's own view: its origin, layout mode, content height and scroll room. */
const inside = (frame: Frame) =>
  frame.evaluate(() => ({
    origin: self.origin,
    auto: document.documentElement.classList.contains('auto-height'),
    content: Math.ceil(document.body.getBoundingClientRect().height),
    innerHeight: window.innerHeight,
    scrollHeight: document.documentElement.scrollHeight,
    innerWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
  }));

describe('embeds in a WordPress post (sandboxed, resized by the secret message)', () => {
  const measured: Record<string, number[]> = {};

  for (const lang of LANGS) {
    it(`${lang}: every frame is resized to its content's height and shows it all, with no errors`, async () => {
      const errors: string[] = [];
      const page = await open(lang, errors);
      const handles = await page.$$('iframe.wp-embedded-content');
      expect(handles).toHaveLength(EMBED_KEYS.length);
      for (const [i, handle] of handles.entries()) {
        const key = EMBED_KEYS[i];
        expect(await handle.getAttribute('sandbox')).toBe('allow-scripts');
        const frame = (await handle.contentFrame())!;
        // The host's script set the height attribute from the frame's message: wait until it agrees.
        await page.waitForFunction(
          ([idx]) => {
            const f = document.querySelectorAll('iframe.wp-embedded-content')[idx] as HTMLIFrameElement;
            // No border (frameborder="0" survives the filter, where the style does not): the box is the height set.
            return f.height !== '' && !f.hasAttribute('style') && Math.abs(f.getBoundingClientRect().height - Number(f.height)) < 1;
          },
          [i],
          { timeout: 10_000 },
        );
        await page.waitForTimeout(200);
        const s = await inside(frame);
        const attr = Number(await handle.getAttribute('height'));
        expect(await handle.evaluate((f) => getComputedStyle(f).borderTopWidth), `${key}: no browser border around the frame`).toBe('0px');
        expect(s.origin, 'sandboxed: an opaque origin').toBe('null');
        expect(s.auto, `${key} laid out by its content`).toBe(true);
        expect(Math.abs(attr - Math.min(1000, Math.max(200, s.content))), `${key}: frame ${attr} px, content ${s.content} px`).toBeLessThanOrEqual(1);
        expect(s.scrollHeight, `${key} has nothing to scroll`).toBeLessThanOrEqual(s.innerHeight);
        expect(s.scrollWidth).toBeLessThanOrEqual(s.innerWidth);
        (measured[key] ??= []).push(s.content);
      }
      // The interactive chart still loads in the sandbox (its module script is a CORS request there).
      const chart = (await handles[0].contentFrame())!;
      await chart.locator('figure[data-chart] .chart-box').hover();
      await chart.waitForSelector('figure[data-chart].drawn canvas', { timeout: 10_000 });
      expect(errors).toEqual([]);
    });
  }

  it('stays light for a reader in dark mode: a post is a white page, and a pasted link cannot choose a theme', async () => {
    const context = await launch({ width: 760, height: 900, reducedMotion: 'reduce', colorScheme: 'dark' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${host}/fi.html`, { waitUntil: 'load', timeout: 60_000 });
    const frame = (await (await page.$('iframe.wp-embedded-content'))!.contentFrame())!;
    await frame.waitForFunction(() => document.documentElement.classList.contains('auto-height'));
    const background = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(Math.min(r, g, b), `the embed's background ${background}`).toBeGreaterThan(200);
  });

  it('a link in the sandboxed frame (no new tabs there) opens through WordPress in the host\'s window', async () => {
    const page = await open('fi', []);
    const frame = (await (await page.$('iframe.wp-embedded-content'))!.contentFrame())!;
    await frame.waitForFunction(() => document.documentElement.classList.contains('auto-height'));
    const link = frame.locator('.embed-credit a').last();
    const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    await Promise.all([page.waitForURL(href, { timeout: 10_000 }), link.click()]);
    expect(page.url()).toBe(href);
  });

  it('the declared heights (oEmbed height, snippet height) are the tallest language\'s content at 720 px', () => {
    for (const key of EMBED_KEYS) {
      const tallest = Math.max(...measured[key]);
      // The frame has WordPress's 2 px border, so its content box is 716 px wide: within a few pixels.
      expect(Math.abs(EMBED_FRAME_HEIGHT[key] - tallest), `${key}: declared ${EMBED_FRAME_HEIGHT[key]}, measured ${measured[key].join('/')}`).toBeLessThanOrEqual(8);
    }
  });
});
