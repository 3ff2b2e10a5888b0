// The performance budget of the built site, measured in Chromium the way a phone first sees a page:
//   npm run budget            → per page: JS before a chart is in view, the whole first view, per type
//   npm run budget -- --list  → also every response
// Serves dist/ on loopback with gzip (as a static host does), loads each page cold at 412×823
// (Lighthouse's phone) WITHOUT scrolling, and counts the encoded (gzip) body bytes of every
// response (headers excluded). 1 KB = 1000 bytes. Exits 1 when a page is over budget.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

export const BUDGET = {
  /** JavaScript transferred before any chart is (about to be) in view. */
  jsBeforeChart: 10_000,
  /** Everything transferred for the first view: HTML, CSS, JS, fonts, images. */
  firstView: 250_000,
} as const;

/** Lighthouse's mobile device: a Moto G Power sized viewport. */
export const PHONE = { width: 412, height: 823, deviceScaleFactor: 1.75 } as const;

/** The pages the budget applies to; those not built (yet) are skipped. */
export const BUDGET_PAGES = [
  { name: 'dashboard', path: '/fi/' },
  { name: 'embed', path: '/fi/upota/cumulative/' },
  { name: 'report', path: '/fi/raportti/' },
  // One partner's page stands for all: they are the same page with other figures.
  { name: 'partner', path: '/fi/korkeakoulut/metropolia/' },
] as const;

export type Kind = 'html' | 'css' | 'js' | 'image' | 'font' | 'data' | 'other';
export const KINDS: readonly Kind[] = ['html', 'css', 'js', 'image', 'font', 'data', 'other'];

export interface Transfer {
  url: string;
  kind: Kind;
  /** Encoded (on the wire, gzip for text) body bytes. */
  bytes: number;
  /** Request start on the page's clock (ms since navigation), null when the page did not time it (favicon). */
  startTime: number | null;
  /** Requested before the page's own observer saw a chart come into view. */
  beforeChart: boolean;
}

export interface PageMeasure {
  path: string;
  viewport: { width: number; height: number };
  transfers: Transfer[];
  total: number;
  byKind: Record<Kind, number>;
  /** JS bytes requested before a chart came into view (the budgeted figure). */
  jsBeforeChart: number;
  /** JS bytes requested once a chart came into view (chart.js and the drawing code). */
  jsAfterChart: number;
  charts: number;
  /** Top of the first chart figure (its heading) at load, in CSS px from the top of the viewport; null without charts. */
  firstChartTop: number | null;
  /** Top of the first chart's picture (image or canvas box) at load; null without charts. */
  firstChartImageTop: number | null;
  /** Whether the first chart's picture is inside the viewport at load (its heading may be, while the picture is not). */
  firstChartInView: boolean;
  /** When the page's IntersectionObserver first reported a chart (ms since navigation), or null. */
  chartInViewAt: number | null;
}

const kindOf = (contentType: string, url: string): Kind => {
  const t = contentType.toLowerCase();
  if (t.includes('html')) return 'html';
  if (t.includes('css')) return 'css';
  if (t.includes('javascript') || /\.m?js$/.test(new URL(url).pathname)) return 'js';
  if (t.startsWith('image/')) return 'image';
  if (t.startsWith('font/') || /\.(woff2?|ttf|otf)$/.test(url)) return 'font';
  if (t.includes('json') || t.includes('csv')) return 'data';
  return 'other';
};

// Runs in the page before its own scripts: notes when any IntersectionObserver first reports a
// chart figure (or anything in one) as intersecting, with the observer's own margin: the moment
// the page itself decides a chart is about to be seen.
const MARK_CHART_IN_VIEW = `(() => {
  const Native = window.IntersectionObserver;
  window.__chartInViewAt = null;
  if (!Native) return;
  window.IntersectionObserver = class extends Native {
    constructor(callback, options) {
      super((entries, observer) => {
        if (window.__chartInViewAt === null && entries.some((e) => e.isIntersecting && e.target.closest && e.target.closest('[data-chart]')))
          window.__chartInViewAt = performance.now();
        return callback(entries, observer);
      }, options);
    }
  };
})();`;

/** Loads one page cold in a fresh phone-sized Chromium, without scrolling, and measures what it transfers. */
export async function measurePage(baseUrl: string, path: string, viewport: { width: number; height: number; deviceScaleFactor?: number } = PHONE): Promise<PageMeasure> {
  const context = await launch({ width: viewport.width, height: viewport.height, deviceScaleFactor: viewport.deviceScaleFactor, isMobile: true });
  try {
    const page = await context.newPage();
    await page.addInitScript(MARK_CHART_IN_VIEW);
    const pending: Promise<{ url: string; kind: Kind; bytes: number }>[] = [];
    page.on('requestfinished', (request) => {
      if (!request.url().startsWith('http')) return;
      pending.push(
        (async () => {
          const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
          return { url: request.url(), kind: kindOf((await response?.headerValue('content-type')) ?? '', request.url()), bytes: sizes.responseBodySize };
        })(),
      );
    });
    await page.goto(baseUrl + path, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    const seen = await page.evaluate(() => {
      const figures = [...document.querySelectorAll('[data-chart]')];
      const top = figures.length ? figures[0].getBoundingClientRect().top : null;
      const box = figures[0]?.querySelector('.chart-box, picture, img, canvas');
      const imageTop = box ? box.getBoundingClientRect().top : top;
      return {
        starts: performance.getEntriesByType('resource').map((e) => [e.name, e.startTime] as [string, number]),
        chartInViewAt: (window as unknown as { __chartInViewAt: number | null }).__chartInViewAt,
        charts: figures.length,
        firstChartTop: top,
        firstChartImageTop: imageTop,
        innerHeight: window.innerHeight,
        scrollY: window.scrollY,
      };
    });
    if (seen.scrollY !== 0) throw new Error(`${path} scrolled by itself to ${seen.scrollY}px`);
    const start = new Map<string, number>();
    for (const [name, t] of seen.starts) if (!start.has(name)) start.set(name, t);
    const transfers: Transfer[] = (await Promise.all(pending)).map((r) => {
      const startTime = start.get(r.url) ?? (r.kind === 'html' ? 0 : null);
      return { ...r, startTime, beforeChart: seen.chartInViewAt === null || startTime === null || startTime < seen.chartInViewAt };
    });
    const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
    for (const t of transfers) byKind[t.kind] += t.bytes;
    const js = transfers.filter((t) => t.kind === 'js');
    return {
      path,
      viewport: { width: viewport.width, height: viewport.height },
      transfers,
      total: transfers.reduce((s, t) => s + t.bytes, 0),
      byKind,
      jsBeforeChart: js.filter((t) => t.beforeChart).reduce((s, t) => s + t.bytes, 0),
      jsAfterChart: js.filter((t) => !t.beforeChart).reduce((s, t) => s + t.bytes, 0),
      charts: seen.charts,
      firstChartTop: seen.firstChartTop === null ? null : Math.round(seen.firstChartTop),
      firstChartImageTop: seen.firstChartImageTop === null ? null : Math.round(seen.firstChartImageTop),
      firstChartInView: seen.firstChartImageTop !== null && seen.firstChartImageTop < seen.innerHeight,
      chartInViewAt: seen.chartInViewAt === null ? null : Math.round(seen.chartInViewAt),
    };
  } finally {
    await context.close();
  }
}

/** Serves a built site (gzip on) and measures every budgeted page that exists in it. */
export async function measureSite(root = 'dist', viewport: { width: number; height: number; deviceScaleFactor?: number } = PHONE): Promise<PageMeasure[]> {
  const { url, server } = await serveStatic(root, undefined, { gzip: true });
  try {
    const out: PageMeasure[] = [];
    for (const p of BUDGET_PAGES) if (existsSync(join(root, p.path, 'index.html'))) out.push(await measurePage(url, p.path, viewport));
    return out;
  } finally {
    server.close();
  }
}

/** Returns the budget breaches of a measurement, as sentences (empty when within budget). */
export function overBudget(m: PageMeasure): string[] {
  const out: string[] = [];
  if (m.jsBeforeChart > BUDGET.jsBeforeChart) out.push(`${m.path}: ${kb(m.jsBeforeChart)} of JS before a chart is in view (budget ${kb(BUDGET.jsBeforeChart)})`);
  if (m.total > BUDGET.firstView) out.push(`${m.path}: first view ${kb(m.total)} (budget ${kb(BUDGET.firstView)})`);
  return out;
}

export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** A plain-text report of the measurements. */
export function formatReport(measures: PageMeasure[], list = false): string {
  const lines: string[] = [];
  for (const m of measures) {
    lines.push(`${m.path}  (${m.viewport.width}×${m.viewport.height}, no scrolling, gzip transfer sizes)`);
    lines.push(`  JS before a chart is in view   ${kb(m.jsBeforeChart).padStart(9)}   budget ${kb(BUDGET.jsBeforeChart)}`);
    lines.push(`  whole first view              ${kb(m.total).padStart(9)}   budget ${kb(BUDGET.firstView)}`);
    lines.push(`  by type: ${KINDS.filter((k) => m.byKind[k] > 0).map((k) => `${k} ${kb(m.byKind[k])}`).join(', ')}`);
    if (m.charts === 0) lines.push('  no charts on this page');
    else
      lines.push(
        `  first chart: figure top at ${m.firstChartTop}px, picture top at ${m.firstChartImageTop}px of a ${m.viewport.height}px viewport (picture ${m.firstChartInView ? 'IN VIEW' : 'below the fold'} at load);\n  ` +
          (m.chartInViewAt === null ? 'chart.js not loaded (a chart draws when it nears the view; in an embed, when the reader points at it)' : `observer fired at ${m.chartInViewAt} ms, then ${kb(m.jsAfterChart)} of chart JS loaded`),
      );
    if (list)
      for (const t of [...m.transfers].sort((a, b) => (a.startTime ?? 1e9) - (b.startTime ?? 1e9)))
        lines.push(`    ${t.kind.padEnd(5)} ${kb(t.bytes).padStart(9)}  ${t.startTime === null ? '   -  ' : `${Math.round(t.startTime)} ms`.padStart(6)}  ${t.beforeChart ? '      ' : 'after '} ${new URL(t.url).pathname}`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = process.env.DASHBOARD_OUT_DIR ?? 'dist';
  if (!existsSync(join(root, 'fi', 'index.html'))) {
    console.error(`No built site in ${root}/: run npm run build first.`);
    process.exit(2);
  }
  const measures = await measureSite(root);
  console.log(formatReport(measures, process.argv.includes('--list')));
  const breaches = measures.flatMap(overBudget);
  if (breaches.length) {
    console.error(`\nOver budget:\n${breaches.map((b) => `  ${b}`).join('\n')}`);
    process.exit(1);
  }
  console.log('\nWithin budget.');
}
