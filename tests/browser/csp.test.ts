// The security headers of public/_headers, tested as served: dist/ behind a static server that
// parses that very file (every-page.ts opens every page under it: no CSP or Trusted Types
// violation, every lazy chart drawn). An embed page may be framed by another origin while a normal
// page may not, and docs/nginx.conf says the same as public/_headers.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { headersFor, headersFromFile, matchingRules } from '../helpers/headers-file.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { builtPages, DIST } from './a11y-support.ts';

const HEADERS_FILE = 'public/_headers';
const EMBED = /^\/(fi\/upota|sv\/inbaddning|en\/embed)\/[^/]+\/$/;
const PARTNER = /^\/(fi\/korkeakoulut|sv\/hogskolor|en\/universities)\/[^/]+\/$/;
const { rules, headers } = headersFromFile(HEADERS_FILE);
const pages = builtPages();
const filesIn = (dir: string, keep: (name: string) => boolean): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(join(dir, e.name), keep) : keep(e.name) ? [join(dir, e.name)] : []));
const htmlFiles = (dir: string) => filesIn(dir, (name) => name.endsWith('.html'));
const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1).join(' ')]));

describe('public/_headers', () => {
  it('dist/ has pages to check', () => {
    expect(pages.length, 'run npm run build first').toBeGreaterThan(0);
  });

  it('is what the build ships (dist/_headers)', () => {
    expect(readFileSync(join(DIST, '_headers'), 'utf8')).toBe(readFileSync(HEADERS_FILE, 'utf8'));
  });

  it('never sets one header twice for a page (Netlify keeps the last value, Cloudflare joins them)', () => {
    for (const path of pages) {
      const names = matchingRules(rules, path).flatMap((r) => r.headers.map(([n]) => n.toLowerCase()));
      expect(names.filter((n, i) => names.indexOf(n) !== i), path).toEqual([]);
    }
  });

  it('gives every page a strict policy: no inline or eval script, no third party, the right frame-ancestors', () => {
    for (const path of pages) {
      const h = headersFor(rules, path);
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(h['permissions-policy'], path).toMatch(/camera=\(\)/);
      const csp = h['content-security-policy'];
      expect(csp, `${path} has no Content-Security-Policy: add its path to public/_headers`).toBeTruthy();
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|data:|\*\.|strict-dynamic/);
      const d = directives(csp);
      expect(d.get('default-src'), path).toBe("'self'");
      expect(d.get('script-src'), path).toBe("'self'");
      expect(d.get('object-src'), path).toBe("'none'");
      if (EMBED.test(path)) {
        expect(d.get('frame-ancestors'), path).toBe('*');
        expect(h['x-frame-options'], path).toBeUndefined();
      } else {
        expect(d.get('frame-ancestors'), path).toBe("'self'");
        expect(h['x-frame-options'], path).toBe('SAMEORIGIN');
      }
    }
  });

  it('gives every Atom feed, the language’s and each partner’s, the pages’ policy, each header once', () => {
    const feeds = filesIn(DIST, (name) => name === 'feed.xml').map((f) => `/${relative(DIST, f).split(sep).join('/')}`);
    // A feed per language, and one beside every partner's page.
    expect(feeds.length).toBe(3 + pages.filter((p) => PARTNER.test(p)).length);
    expect(feeds).toContain('/fi/korkeakoulut/metropolia/feed.xml');
    for (const path of feeds) {
      const names = matchingRules(rules, path).flatMap((r) => r.headers.map(([n]) => n.toLowerCase()));
      expect(names.filter((n, i) => names.indexOf(n) !== i), path).toEqual([]);
      const h = headersFor(rules, path);
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['content-security-policy'], `${path} has no Content-Security-Policy: add its path to public/_headers`).toBe(headersFor(rules, '/fi/')['content-security-policy']);
      expect(h['x-frame-options'], path).toBe('SAMEORIGIN');
    }
  });

  it('docs/nginx.conf sends the same values', () => {
    const nginx = readFileSync('docs/nginx.conf', 'utf8');
    const values = new Set(rules.flatMap((r) => r.headers.map(([n, v]) => `${n} "${v}"`)));
    for (const v of values) expect(nginx, `docs/nginx.conf lacks: add_header ${v} always;`).toContain(`add_header ${v} always;`);
  });
});

describe('dist/ has no inline executable script (the policy allows none)', () => {
  for (const file of existsSync(DIST) ? htmlFiles(DIST) : []) {
    it(file, () => {
      const html = readFileSync(file, 'utf8');
      for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
        const data = /\btype\s*=\s*["']?application\/(?:ld\+)?json\b/i.test(tag);
        expect(data || /\bsrc\s*=/.test(tag), `inline script in ${file}: ${tag}`).toBe(true);
        if (!data) expect(html.slice(html.indexOf(tag) + tag.length).startsWith('</script>'), `script with src and a body: ${tag}`).toBe(true);
      }
      // Attribute names only: quoted values (alt texts, data) cannot look like attributes.
      const starts = (html.match(/<[a-z][a-z0-9-]*\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi) ?? []).map((t) => t.replace(/"[^"]*"|'[^']*'/g, '""'));
      expect(starts.filter((t) => /\son[a-z]+\s*=/i.test(t)), 'inline event handler attributes').toEqual([]);
      expect(starts.filter((t) => /\sstyle\s*=/i.test(t)), 'style attributes').toEqual([]);
      expect(html.match(/\b(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/gi) ?? [], 'javascript: URLs').toEqual([]);
      expect(html.match(/<style\b/gi) ?? [], 'inline <style> (inlineStylesheets is "never")').toEqual([]);
    });
  }
});

describe('in Chromium, served with public/_headers', () => {
  let base = '';
  let server: Server;
  let hostServer: Server;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ url: base, server } = await serveStatic(DIST, headers));
    context = await launch({ reducedMotion: 'reduce' });
  });
  afterAll(async () => {
    await context?.close();
    server?.close();
    hostServer?.close();
  });

  // That no page logs a violation or an error under these headers, with every chart drawn, is
  // checked on every page by every-page.ts, in the same visit as its other checks.

  it('an embed page can be framed by another origin; a normal page cannot', async () => {
    const embed = pages.find((p) => EMBED.test(p));
    const dir = mkdtempSync(join(tmpdir(), 'host-'));
    const frames = [embed, '/fi/'].filter(Boolean).map((p) => `<iframe title="${p}" src="${base}${p}" width="600" height="500"></iframe>`);
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><title>host</title><body>${frames.join('\n')}</body></html>`);
    let hostUrl: string;
    ({ url: hostUrl, server: hostServer } = await serveStatic(dir));
    expect(new URL(hostUrl).origin).not.toBe(new URL(base).origin);
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors|Refused to (display|frame)/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(hostUrl + '/', { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    const readable = async (path: string) => {
      const frame = page.frames().find((f) => f.url() === base + path);
      if (!frame) return false;
      return frame.evaluate(() => document.querySelector('main, figure, h1') !== null).catch(() => false);
    };
    // Polled, not slept on: on a busy machine a frame can take longer than any fixed wait.
    if (embed) await expect.poll(() => readable(embed), { message: `${embed} must be frameable`, timeout: 15_000 }).toBe(true);
    else console.warn('no embed page built: only the refusal was checked');
    await expect.poll(() => refused.some((t) => t.includes(`"frame-ancestors 'self'"`)), { message: `no refusal logged:\n${refused.join('\n')}`, timeout: 15_000 }).toBe(true);
    expect(await readable('/fi/'), 'the dashboard must refuse to be framed by another origin').toBe(false);
    await page.close();
  });
});
