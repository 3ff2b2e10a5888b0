// Lighthouse (mobile) on the built site, served on loopback as a host would serve it: gzip on and
// the response headers of public/_headers.
//   npm run lighthouse                 → performance, accessibility, best practices, SEO per page
//   npm run lighthouse -- --strict     → exit 1 when any score is below 100
//   npm run lighthouse -- /fi/ /sv/    → other pages (default: the dashboard, one embed, the report)
// Prints the audits that cost points. Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM } from '../tests/helpers/browser.ts';
import { headersFromFile } from '../tests/helpers/headers-file.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The pages checked by default; those not built (yet) are skipped. */
export const LIGHTHOUSE_PAGES = ['/fi/', '/fi/upota/cumulative/', '/fi/raportti/', '/fi/korkeakoulut/metropolia/'] as const;

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface LighthouseResult {
  path: string;
  scores: Record<Category, number>;
  /** Audits that cost points: category, id, title, score and a short detail. */
  failing: { category: Category; id: string; title: string; score: number | null; detail: string }[];
  metrics: Record<string, string>;
  /** Every audit's score and items, for checks on what does not depend on the machine's speed. */
  audits: Record<string, { score: number | null; scoreDisplayMode: string; items: Record<string, unknown>[] }>;
}

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  details?: { items?: Record<string, unknown>[] };
}

/** Describes the first few items of a failing audit (the elements or URLs at fault). */
function detailOf(a: Audit): string {
  const items = a.details?.items ?? [];
  const bits = items.slice(0, 3).map((it) => {
    const node = (it.node ?? it.source) as { snippet?: string } | string | undefined;
    const snippet = typeof node === 'string' ? node : node?.snippet;
    const reason = (it.subItems as { items?: { reason?: string }[] } | undefined)?.items?.[0]?.reason;
    const text = snippet ?? (typeof it.url === 'string' ? it.url : undefined) ?? (typeof it.description === 'string' ? it.description : JSON.stringify(it));
    return `${String(text).slice(0, 140)}${reason ? ` (${reason})` : ''}`;
  });
  return [a.displayValue, ...bits].filter(Boolean).join(' | ');
}

/** Runs Lighthouse on each path of a site served from `root`; returns the scores and the audits at fault. */
export async function runLighthouse(root = 'dist', paths: readonly string[] = LIGHTHOUSE_PAGES, options: { saveReports?: string } = {}): Promise<LighthouseResult[]> {
  const existing = paths.filter((p) => existsSync(join(root, p, 'index.html')));
  const { headers } = headersFromFile();
  const { url, server } = await serveStatic(root, headers, { gzip: true });
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS, logLevel: 'silent' });
  try {
    const out: LighthouseResult[] = [];
    for (const path of existing) {
      // A busy machine sometimes spoils the trace (NO_NAVSTART, NO_FCP): try again, at most twice.
      let result: Awaited<ReturnType<typeof lighthouse>>;
      for (let attempt = 1; ; attempt++) {
        result = await lighthouse(url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES], formFactor: 'mobile' });
        const error = result?.lhr.runtimeError;
        if (result && !error) break;
        if (attempt === 3) throw new Error(`Lighthouse failed on ${path}: ${error ? `${error.code} ${error.message}` : 'no result'}`);
      }
      const lhr = result.lhr;
      const audits = lhr.audits as unknown as Record<string, Audit>;
      const scores = {} as Record<Category, number>;
      const failing: LighthouseResult['failing'] = [];
      for (const c of CATEGORIES) {
        const cat = lhr.categories[c];
        scores[c] = Math.round((cat.score ?? 0) * 100);
        for (const ref of cat.auditRefs) {
          const a = audits[ref.id];
          if (!a || a.scoreDisplayMode === 'notApplicable' || a.scoreDisplayMode === 'manual' || a.scoreDisplayMode === 'informative') continue;
          const counts = ref.weight > 0;
          if (a.score !== null && a.score >= 1) continue;
          if (a.scoreDisplayMode === 'error' || counts || c !== 'performance') failing.push({ category: c, id: a.id, title: a.title, score: a.score, detail: (counts ? '' : '(no weight) ') + detailOf(a) });
        }
      }
      const metrics: Record<string, string> = {};
      for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) metrics[id] = audits[id]?.displayValue ?? '?';
      if (options.saveReports) {
        mkdirSync(options.saveReports, { recursive: true });
        writeFileSync(join(options.saveReports, `${path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'root'}.json`), result.report as string);
      }
      const kept: LighthouseResult['audits'] = {};
      for (const [id, a] of Object.entries(audits)) kept[id] = { score: a.score, scoreDisplayMode: a.scoreDisplayMode, items: a.details?.items ?? [] };
      out.push({ path, scores, failing, metrics, audits: kept });
    }
    return out;
  } finally {
    chrome.kill();
    server.close();
  }
}

/** A plain-text report of the results. */
export function formatLighthouse(results: LighthouseResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.path}  ${CATEGORIES.map((c) => `${c} ${r.scores[c]}`).join('  ')}`);
    lines.push(`  FCP ${r.metrics['first-contentful-paint']}, LCP ${r.metrics['largest-contentful-paint']}, TBT ${r.metrics['total-blocking-time']}, CLS ${r.metrics['cumulative-layout-shift']}, SI ${r.metrics['speed-index']}`);
    for (const f of r.failing) lines.push(`  ✗ [${f.category}] ${f.id} (${f.score ?? 'error'}): ${f.title}${f.detail ? `\n      ${f.detail}` : ''}`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = process.env.DASHBOARD_OUT_DIR ?? 'dist';
  const args = process.argv.slice(2);
  const strict = args.includes('--strict');
  const paths = args.filter((a) => a.startsWith('/'));
  if (!existsSync(join(root, 'fi', 'index.html'))) {
    console.error(`No built site in ${root}/: run npm run build first.`);
    process.exit(2);
  }
  const results = await runLighthouse(root, paths.length ? paths : LIGHTHOUSE_PAGES, { saveReports: '/tmp/lighthouse' });
  console.log(formatLighthouse(results));
  console.log('(full reports: /tmp/lighthouse/*.json)');
  const low = results.filter((r) => CATEGORIES.some((c) => r.scores[c] < 100));
  if (strict && low.length) {
    console.error(`\nBelow 100: ${low.map((r) => r.path).join(', ')}`);
    process.exit(1);
  }
}
