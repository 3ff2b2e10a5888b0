import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Text types a static host compresses on the fly (Netlify, Cloudflare Pages, nginx `gzip_types`). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.csv', '.svg', '.xml', '.txt']);

export interface ServeOptions {
  /** Compress text responses with gzip (level 6, like nginx's and most hosts' default) when the client accepts it. */
  gzip?: boolean;
}

/** Serves a folder on a free loopback port, as a plain static host would (index.html for folders). */
export async function serveStatic(root: string, headers: (path: string) => Record<string, string> = () => ({}), options: ServeOptions = {}): Promise<{ url: string; server: Server }> {
  const gzipCache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const mtime = statSync(file).mtimeMs;
      let body: Buffer = readFileSync(file);
      const head: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers(path) };
      if (options.gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        let zipped = gzipCache.get(`${file}\0${mtime}`);
        if (!zipped) gzipCache.set(`${file}\0${mtime}`, (zipped = gzipSync(body, { level: 6 })));
        body = zipped;
        head['content-encoding'] = 'gzip';
        head.vary = 'Accept-Encoding';
      }
      res.writeHead(200, head);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}
