// Broken-link check over a built site folder: every address a page, a feed, the sitemap or an
// oEmbed file gives for this site must name a file in the folder, and a `#fragment` an id on the
// target page. HTML is parsed with ultrahtml (the parser Astro itself depends on), so attributes
// inside comments, text or `<script type="application/json">` data are not mistaken for links.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { ELEMENT_NODE, parse, walkSync } from 'ultrahtml';

/** One address found in a file: where, in which attribute, and whether it makes the browser fetch. */
export interface LinkRef {
  file: string;
  where: string;
  url: string;
  /** True for addresses the browser loads by itself (src, srcset, stylesheets, icons…), false for ones a reader follows. */
  fetched: boolean;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Schemes that name no file of ours and leave the page only when a reader chooses to. */
const NOT_A_FILE = /^(?:mailto|tel|data|blob):/i;
const ORIGIN = 'http://site.invalid';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

/** Returns the site path a built file is served at: `fi/index.html` → `/fi/`, `fi/feed.xml` → `/fi/feed.xml`. */
export function servedPath(rel: string): string {
  const p = `/${rel.split('\\').join('/')}`;
  return p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p;
}

/** Returns the candidates of a srcset: the address before each width or density. */
const srcsetUrls = (v: string) => v.split(',').map((c) => c.trim().split(/\s+/)[0]).filter(Boolean);

/** Returns every address an HTML text refers to, and the ids (and `a[name]`s) it defines. */
export function htmlLinks(html: string, file = ''): { refs: LinkRef[]; ids: Set<string> } {
  const refs: LinkRef[] = [];
  const ids = new Set<string>();
  walkSync(parse(html), (node) => {
    if (node.type !== ELEMENT_NODE) return;
    const name = String(node.name).toLowerCase();
    const a: Record<string, string> = node.attributes;
    const add = (attr: string, url: string, fetched: boolean) => refs.push({ file, where: `<${name} ${attr}>`, url, fetched });
    if (a.id) ids.add(a.id);
    if (name === 'a' && a.name) ids.add(a.name);
    if (a.href !== undefined && (name === 'a' || name === 'area')) add('href', a.href, false);
    if (name === 'link' && a.href !== undefined) {
      // A canonical, hreflang or feed link names a page; everything else (stylesheet, icon, preload…) is fetched.
      const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
      add(`rel=${a.rel ?? ''} href`, a.href, !rel.some((r) => r === 'canonical' || r === 'alternate'));
    }
    for (const attr of ['src', 'poster', 'data']) if (a[attr] !== undefined && name !== 'a') add(attr, a[attr], true);
    for (const attr of ['srcset', 'imagesrcset']) if (a[attr]) for (const u of srcsetUrls(a[attr])) add(attr, u, true);
    for (const attr of ['action', 'formaction']) if (a[attr]) add(attr, a[attr], false);
    if (name === 'meta' && (a['http-equiv'] ?? '').toLowerCase() === 'refresh') add('http-equiv=refresh', (a.content ?? '').replace(/^[^;]*;\s*url\s*=\s*/i, ''), false);
    if (name === 'meta' && /^(?:og|twitter):(?:url|image)$/i.test(a.property ?? a.name ?? '')) add(`content (${a.property ?? a.name})`, a.content ?? '', false);
  });
  return { refs, ids };
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unxml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]);

/** Returns the addresses in an Atom feed or a sitemap: `href`s, `<loc>`s and the links in entries' HTML content. */
export function xmlLinks(xml: string, file = ''): LinkRef[] {
  const refs: LinkRef[] = [];
  const cdata = [...xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]);
  const markup = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  for (const m of markup.matchAll(/<([\w:]+)\b[^>]*?\shref="([^"]*)"/g)) refs.push({ file, where: `<${m[1]} href>`, url: unxml(m[2]), fetched: false });
  for (const m of markup.matchAll(/<(loc|uri|icon|logo)>([^<]*)<\/\1>/g)) refs.push({ file, where: `<${m[1]}>`, url: unxml(m[2].trim()), fetched: m[1] !== 'loc' && m[1] !== 'uri' });
  // Entry content of type html is escaped markup when not in CDATA.
  const escaped = [...markup.matchAll(/<content type="html">([\s\S]*?)<\/content>/g)].map((m) => unxml(m[1]));
  for (const h of [...cdata, ...escaped]) refs.push(...htmlLinks(h, file).refs.map((r) => ({ ...r, where: `content ${r.where}` })));
  return refs;
}

/** Returns the addresses in an oEmbed response: its URL fields and the links in its `html`. */
export function oembedLinks(json: string, file = ''): LinkRef[] {
  const o = JSON.parse(json) as Record<string, unknown>;
  const refs: LinkRef[] = [];
  for (const k of ['url', 'author_url', 'provider_url', 'thumbnail_url']) if (typeof o[k] === 'string') refs.push({ file, where: k, url: o[k] as string, fetched: k === 'thumbnail_url' });
  if (typeof o.html === 'string') refs.push(...htmlLinks(o.html, file).refs.map((r) => ({ ...r, where: `html ${r.where}` })));
  return refs;
}

export interface LinkReport {
  /** Files read (pages, feeds, sitemap, oEmbed). */
  files: number;
  pages: number;
  /** Addresses checked against the folder (internal ones, fragments included). */
  internal: number;
  /** Links to other sites, left unchecked (a reader's choice to follow). */
  external: number;
  problems: string[];
}

/**
 * Checks every address in a built site folder. `site` is the public address the build was given
 * (SITE_URL), whose absolute URLs count as internal; its path, if any, is the base every site path
 * sits under. A directory address must end in `/` (the site is built with trailingSlash 'always').
 */
export function checkLinks(dir: string, site?: string): LinkReport {
  const base = new URL(site ? site.replace(/\/?$/, '/') : `${ORIGIN}/`);
  const all = files(dir).map((f) => relative(dir, f));
  const html = all.filter((f) => extname(f) === '.html');
  const refs: LinkRef[] = [];
  const idsByPath = new Map<string, Set<string>>();
  for (const f of html) {
    const { refs: r, ids } = htmlLinks(readFileSync(join(dir, f), 'utf8'), f);
    refs.push(...r);
    idsByPath.set(servedPath(f), ids);
  }
  const xml = all.filter((f) => extname(f) === '.xml');
  for (const f of xml) refs.push(...xmlLinks(readFileSync(join(dir, f), 'utf8'), f));
  const oembed = all.filter((f) => f.endsWith('oembed.json'));
  for (const f of oembed) refs.push(...oembedLinks(readFileSync(join(dir, f), 'utf8'), f));

  const problems: string[] = [];
  let internal = 0;
  let external = 0;
  for (const r of refs) {
    const say = (why: string) => problems.push(`${r.file}: ${r.where} "${r.url}": ${why}`);
    const raw = r.url.trim();
    if (raw === '') { say('empty address'); continue; }
    if (NOT_A_FILE.test(raw)) continue;
    if (/^javascript:/i.test(raw)) { say('javascript: URL'); continue; }
    const abs = new URL(raw, new URL(servedPath(r.file).slice(1), base));
    const ours = abs.origin === base.origin && abs.pathname.startsWith(base.pathname);
    if (!ours) {
      // A reader may follow a link elsewhere; the page itself must fetch nothing from another host.
      if (SCHEME.test(raw) || raw.startsWith('//')) {
        if (r.fetched) say('a file fetched from another site');
        else external++;
        continue;
      }
      say(`outside the site's base path ${base.pathname}`);
      continue;
    }
    internal++;
    const path = `/${abs.pathname.slice(base.pathname.length)}`;
    let rel: string;
    try { rel = decodeURIComponent(path).replace(/^\//, ''); } catch { say('malformed percent-encoding'); continue; }
    const target = join(dir, rel);
    if (path.endsWith('/')) {
      if (!existsSync(join(target, 'index.html'))) { say(`no file ${join(rel, 'index.html')} in the build`); continue; }
    }
    else if (!existsSync(target)) { say(`no file ${rel} in the build`); continue; }
    else if (statSync(target).isDirectory()) { say(`a folder without its trailing slash (${path}/)`); continue; }
    const fragment = decodeURIComponent(abs.hash.slice(1));
    if (fragment && fragment !== 'top') {
      const ids = idsByPath.get(path);
      if (!ids) say(`#${fragment} on a file that is not an HTML page`);
      else if (!ids.has(fragment)) say(`no element with id "${fragment}" on ${path}`);
    }
  }
  return { files: html.length + xml.length + oembed.length, pages: html.length, internal, external, problems };
}
