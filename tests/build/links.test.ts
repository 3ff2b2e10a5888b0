// No broken links in dist/: every address a page, feed or the sitemap gives for this site names a
// built file (a folder address ends in `/` and holds index.html), every `#fragment` an id on its
// target page, and nothing a page loads by itself (src, srcset, stylesheet, icon) comes from another
// host. Links a reader follows to other sites (<a href> to a licence, a ministry) are counted, not
// fetched. The SITE_URL build's absolute links and oEmbed files: tests/build/site-url.test.ts.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../helpers/links.ts';

const DIST = process.env.DASHBOARD_OUT_DIR ?? 'dist';

const tmp = mkdtempSync(join(tmpdir(), 'links-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
/** Writes a small site of the given files into a fresh folder and returns it. */
function site(name: string, tree: Record<string, string>): string {
  const root = join(tmp, name);
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
const page = (body: string) => `<!doctype html><html lang="fi"><head><title>t</title></head><body>${body}</body></html>`;

describe('the link check', () => {
  it('passes a small site whose links all resolve', () => {
    const dir = site('ok', {
      'fi/index.html': page('<a href="/fi/menetelma/#rajat">rajat</a> <a href="menetelma/">m</a> <a href="#top">ylös</a> <img src="../img/a.png" srcset="/img/a.png 1x, /img/a%20b.png 2x" alt=""> <a href="https://okm.fi/">OKM</a> <a href="mailto:x@example.org">x</a>'),
      'fi/menetelma/index.html': page('<h2 id="rajat">Rajat</h2><a href="/data/x.csv">CSV</a>'),
      'img/a.png': '', 'img/a b.png': '', 'data/x.csv': '',
      'fi/feed.xml': '<feed><link rel="alternate" href="/fi/"/><entry><link href="/fi/menetelma/#rajat"/><content type="html"><![CDATA[<a href="/fi/">etusivu</a>]]></content></entry></feed>',
    });
    const r = checkLinks(dir);
    expect(r.problems).toEqual([]);
    // Ours: 6 on the front page (2 srcset candidates; mailto is no file), 1 on the method page, 3 in
    // the feed (one inside the entry's HTML); okm.fi is the one link elsewhere.
    expect([r.pages, r.internal, r.external]).toEqual([2, 10, 1]);
  });

  it('names each broken link: a missing file, a missing id, a folder without its slash, a third-party src', () => {
    const dir = site('broken', {
      'fi/index.html': page('<a href="/fi/puuttuu/">a</a> <a href="/fi/menetelma/#ei-ole">b</a> <a href="/fi/menetelma">c</a> <img src="https://cdn.example/x.png" alt=""> <link rel="stylesheet" href="/_astro/x.css"> <a href="#">d</a> <a href="/data/x.csv#rivi">e</a>'),
      'fi/menetelma/index.html': page('<h2 id="rajat">Rajat</h2>'),
      'data/x.csv': '',
      'sitemap.xml': '<urlset><url><loc>/sv/</loc></url></urlset>',
    });
    expect(checkLinks(dir).problems).toEqual([
      'fi/index.html: <a href> "/fi/puuttuu/": no file fi/puuttuu/index.html in the build',
      'fi/index.html: <a href> "/fi/menetelma/#ei-ole": no element with id "ei-ole" on /fi/menetelma/',
      'fi/index.html: <a href> "/fi/menetelma": a folder without its trailing slash (/fi/menetelma/)',
      'fi/index.html: <img src> "https://cdn.example/x.png": a file fetched from another site',
      'fi/index.html: <link rel=stylesheet href> "/_astro/x.css": no file _astro/x.css in the build',
      'fi/index.html: <a href> "/data/x.csv#rivi": #rivi on a file that is not an HTML page',
      'sitemap.xml: <loc> "/sv/": no file sv/index.html in the build',
    ]);
  });

  it("reads absolute addresses under the site's base path as internal, and a root path outside it as broken", () => {
    const dir = site('base', {
      'fi/index.html': page('<link rel="canonical" href="https://example.org/amk/fi/"><a href="/amk/fi/#x" id="x">x</a><a href="https://example.org/muu/">muu</a><img src="/fi/a.png" alt="">'),
      'fi/a.png': '',
    });
    expect(checkLinks(dir, 'https://example.org/amk').problems).toEqual([
      'fi/index.html: <img src> "/fi/a.png": outside the site\'s base path /amk/',
    ]);
  });
});

describe('dist/ has no broken link', () => {
  it('every internal href, src, srcset and link in every page, feed and the sitemap resolves', () => {
    const pages = existsSync(DIST) ? readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')) : [];
    expect(pages.length, 'run npm run build first').toBeGreaterThan(0);
    const r = checkLinks(DIST, process.env.SITE_URL);
    console.log(`links: ${r.pages} pages, ${r.files} files read, ${r.internal} internal addresses checked, ${r.external} links to other sites`);
    expect(r.problems).toEqual([]);
    expect(r.pages).toBe(pages.length);
    // Each page links at least its language's front page and loads its stylesheet: a parser that found nothing would pass otherwise.
    expect(r.internal).toBeGreaterThan(pages.length * 2);
  });
});

describe('the root address', () => {
  it('goes to the Finnish dashboard, and offers the Swedish and English ones, each marked with its language', () => {
    const html = readFileSync(join(process.env.DASHBOARD_OUT_DIR ?? 'dist', 'index.html'), 'utf8');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/fi/">');
    expect(html).toContain('<a href="/sv/" lang="sv" hreflang="sv">På svenska</a>');
    expect(html).toContain('<a href="/en/" lang="en" hreflang="en">In English</a>');
  });
});
