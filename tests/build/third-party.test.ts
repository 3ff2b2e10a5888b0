// No third parties: nothing in dist/ makes a reader's browser fetch from another host. Links a
// reader may follow (<a href> to sources, the licence) are fine, and so are absolute URLs to the
// site itself in canonical / hreflang / og: metadata (SITE_URL).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = process.env.DASHBOARD_OUT_DIR ?? 'dist';
const files = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)])) : []);
const all = files(DIST);
const byExt = (ext: string) => all.filter((f) => extname(f) === ext);

/** An absolute URL (scheme or protocol-relative) that leaves the page's own origin. */
const ABSOLUTE = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;
const isRemote = (url: string) => ABSOLUTE.test(url) && !/^\s*(?:data|blob):/i.test(url);
/** The site's own origin when the build was given one; absolute self-references must use it. */
const SITE = process.env.SITE_URL ? new URL(process.env.SITE_URL).origin : null;

/** Every start tag in an HTML text, with its attributes (lower-cased names). */
function tags(html: string): { name: string; attrs: Record<string, string>; raw: string }[] {
  const out: { name: string; attrs: Record<string, string>; raw: string }[] = [];
  // Data blocks are not markup: skip their content.
  const markup = html.replace(/(<script\b[^>]*type=["']?application\/(?:ld\+)?json[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>');
  for (const m of markup.matchAll(/<([a-z][a-z0-9-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) attrs[a[1].toLowerCase()] = (a[2] ?? a[3] ?? a[4] ?? '').replace(/&amp;/g, '&');
    out.push({ name: m[1].toLowerCase(), attrs, raw: m[0].slice(0, 200) });
  }
  return out;
}

/** Returns the remote fetches an HTML document asks for (empty when none). */
export function remoteFetchesInHtml(html: string): string[] {
  const bad: string[] = [];
  const selfRefs: string[] = [];
  for (const t of tags(html)) {
    const a = t.attrs;
    const urls: string[] = [];
    for (const attr of ['src', 'poster', 'data', 'action', 'formaction', 'background', 'manifest']) if (a[attr] !== undefined) urls.push(a[attr]);
    for (const attr of ['srcset', 'imagesrcset']) if (a[attr]) urls.push(...a[attr].split(',').map((c) => c.trim().split(/\s+/)[0]));
    if (t.name === 'link' && a.href !== undefined) {
      const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
      if (rel.some((r) => r === 'canonical' || r === 'alternate')) {
        if (isRemote(a.href)) selfRefs.push(a.href);
      }
      else urls.push(a.href); // stylesheet, icon, preload, modulepreload, prefetch, preconnect, manifest…
    }
    if (t.name === 'meta') {
      const key = (a.property ?? a.name ?? '').toLowerCase();
      if (/^(og|twitter):/.test(key) && isRemote(a.content ?? '')) selfRefs.push(a.content);
      if ((a['http-equiv'] ?? '').toLowerCase() === 'refresh') urls.push((a.content ?? '').replace(/^[^;]*;\s*url\s*=\s*/i, ''));
    }
    if (a.style) urls.push(...[...a.style.matchAll(/url\(\s*["']?([^"')]+)/gi)].map((m) => m[1]));
    for (const u of urls) if (isRemote(u)) bad.push(`${t.raw}`);
  }
  for (const u of selfRefs) if (!SITE || new URL(u, 'http://relative.invalid').origin !== SITE) bad.push(`absolute URL not to the site (SITE_URL=${SITE ?? 'unset'}): ${u}`);
  return bad;
}

/** Returns the remote fetches a stylesheet asks for. */
export function remoteFetchesInCss(css: string): string[] {
  const urls = [...css.matchAll(/url\(\s*["']?([^"')]+)/gi)].map((m) => m[1]);
  urls.push(...[...css.matchAll(/@import\s+["']([^"']+)/gi)].map((m) => m[1]));
  return urls.filter(isRemote);
}

/** Returns the remote fetches or imports a script makes with a literal absolute URL. */
export function remoteFetchesInJs(js: string): string[] {
  const q = '["\'`]';
  const re = new RegExp(`(?:\\bfetch|\\bimport|\\bimportScripts|\\bsendBeacon|\\bEventSource|\\bWebSocket|\\bWorker|\\.open)\\s*\\(\\s*${q}((?:[a-z][a-z0-9+.-]*:)?//[^"'\`]+)|\\bfrom\\s*${q}((?:[a-z][a-z0-9+.-]*:)?//[^"'\`]+)|\\.src\\s*=\\s*${q}((?:https?:)?//[^"'\`]+)`, 'gi');
  return [...js.matchAll(re)].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe('no third parties in dist/', () => {
  it('dist/ is built', () => {
    expect(byExt('.html').length, 'run npm run build first').toBeGreaterThan(0);
  });

  it('the checks catch what they should', () => {
    expect(remoteFetchesInHtml('<img src="https://cdn.example/x.png">')).toHaveLength(1);
    expect(remoteFetchesInHtml('<source srcset="/a.png 1x, //cdn.example/b.png 2x">')).toHaveLength(1);
    expect(remoteFetchesInHtml('<link rel="stylesheet" href="https://fonts.example/css">')).toHaveLength(1);
    expect(remoteFetchesInHtml('<link rel="preconnect" href="https://fonts.example">')).toHaveLength(1);
    expect(remoteFetchesInHtml('<script type="module" src="https://cdn.example/x.js"></script>')).toHaveLength(1);
    expect(remoteFetchesInHtml('<div style="background:url(https://x.example/a.png)"></div>')).toHaveLength(1);
    expect(remoteFetchesInHtml('<a href="https://okm.fi/">source</a><img src="/img/a.png"><link rel="alternate" hreflang="sv" href="/sv/">')).toEqual([]);
    expect(remoteFetchesInHtml('<link rel="canonical" href="https://elsewhere.example/fi/">')).toHaveLength(SITE === 'https://elsewhere.example' ? 0 : 1);
    expect(remoteFetchesInHtml('<script type="application/json">{"u":"https://x.example/"}</script>')).toEqual([]);
    expect(remoteFetchesInCss('@import "https://x.example/a.css"; a{background:url(data:image/png;base64,AA)}')).toEqual(['https://x.example/a.css']);
    expect(remoteFetchesInJs('fetch("https://api.example/x");import(`//cdn.example/m.js`);fetch("/data/summary.json")')).toEqual(['https://api.example/x', '//cdn.example/m.js']);
  });

  it('HTML asks for nothing from another host', () => {
    const bad = byExt('.html').flatMap((f) => remoteFetchesInHtml(readFileSync(f, 'utf8')).map((b) => `${relative(DIST, f)}: ${b}`));
    expect(bad).toEqual([]);
  });

  it('CSS asks for nothing from another host (url(), @import)', () => {
    const bad = byExt('.css').flatMap((f) => remoteFetchesInCss(readFileSync(f, 'utf8')).map((b) => `${relative(DIST, f)}: ${b}`));
    expect(bad).toEqual([]);
  });

  it('JS fetches and imports nothing from another host', () => {
    const bad = [...byExt('.js'), ...byExt('.mjs')].flatMap((f) => remoteFetchesInJs(readFileSync(f, 'utf8')).map((b) => `${relative(DIST, f)}: ${b}`));
    expect(bad).toEqual([]);
  });

  it('the pages load no web font and no font file is shipped from elsewhere', () => {
    const css = byExt('.css').map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const face of css.match(/@font-face\s*{[^}]*}/gi) ?? []) expect(remoteFetchesInCss(face)).toEqual([]);
  });
});
