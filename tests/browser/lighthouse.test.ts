// Lighthouse (mobile) on the dashboard, one embed and the report, served from dist/ with gzip and
// public/_headers (scripts/lighthouse.ts). The test gates only on what does not depend on how busy
// the machine is: the accessibility, best-practices and SEO categories at 100, and the performance
// audits that read bytes, requests and structure (byte weight, unused and legacy code, image sizes,
// layout shift, third parties, what blocks rendering). The performance *score* is main-thread time
// measured on the machine at hand (it fell to 99 on a loaded CI machine): `npm run lighthouse`
// reports it as a benchmark, quoted in the README.
import { describe, expect, it } from 'vitest';
import { CATEGORIES, formatLighthouse, LIGHTHOUSE_PAGES, runLighthouse, type LighthouseResult } from '../../scripts/lighthouse.ts';
import { builtPages, DIST } from './a11y-support.ts';

/** Performance audits computed from the page's bytes, requests and structure, not from timings. */
const STRUCTURAL_AUDITS = [
  'cumulative-layout-shift',
  'total-byte-weight',
  'unused-javascript',
  'unminified-javascript',
  'unminified-css',
  'legacy-javascript-insight',
  'duplicated-javascript-insight',
  'third-parties-insight',
  'unsized-images',
  'font-display-insight',
  'image-delivery-insight',
  'viewport-insight',
  'redirects',
] as const;

/** What may block the first render: the site's own files, together within one round trip (~14 KB). */
const RENDER_BLOCKING_BYTES = 14_000;

/** Audits that fail on purpose, with why. */
const BY_DESIGN: { page: RegExp; audit: string; why: string }[] = [];

const built = new Set(builtPages(DIST));
const passes = (a: LighthouseResult['audits'][string] | undefined) =>
  a === undefined || a.scoreDisplayMode === 'notApplicable' || (a.score !== null && a.score >= 1);

describe('Lighthouse, mobile', () => {
  for (const path of LIGHTHOUSE_PAGES) {
    it(`${path}: accessibility, best practices and SEO at 100; performance audits of bytes and structure pass`, { timeout: 300_000 }, async (ctx) => {
      if (!built.has(path)) return ctx.skip(`${path} is not built`);
      const [result] = await runLighthouse(DIST, [path]);
      console.log(formatLighthouse([result]));
      const allowed = new Set(BY_DESIGN.filter((b) => b.page.test(path)).map((b) => b.audit));

      const unexpected = result.failing.filter((f) => f.category !== 'performance' && !allowed.has(f.id));
      expect(unexpected.map((f) => `[${f.category}] ${f.id}: ${f.title} — ${f.detail}`)).toEqual([]);
      for (const c of CATEGORIES.filter((c) => c !== 'performance')) expect(result.scores[c], `${path} ${c}`).toBe(100);

      const structural = STRUCTURAL_AUDITS.filter((id) => !passes(result.audits[id]));
      expect(structural, `${path}: performance audits of bytes and structure`).toEqual([]);

      const blocking = result.audits['render-blocking-insight']?.items ?? [];
      // The site is served on loopback (scripts/lighthouse.ts): anything else is another origin.
      const foreign = blocking.map((i) => String(i.url)).filter((u) => !/^http:\/\/127\.0\.0\.1:\d+\//.test(u));
      expect(foreign, `${path}: render-blocking resources from another origin`).toEqual([]);
      const bytes = blocking.reduce((s, i) => s + Number(i.totalBytes ?? 0), 0);
      expect(bytes, `${path}: render-blocking bytes (${blocking.map((i) => i.url).join(', ')})`).toBeLessThanOrEqual(RENDER_BLOCKING_BYTES);
    });
  }
});
