// The whole build: data → aggregates → site → images → open data, assembled in dist.staging/ and
// swapped into dist/ only when every step has succeeded, so a failure never damages dist/.
import { build } from 'astro';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DashboardData } from '../src/lib/pipeline.ts';
import { buildData, DATED, GENERATED } from './build-data.ts';
import { swapIn } from './io/write-atomically.ts';

const OUT = process.env.DASHBOARD_OUT_DIR ?? 'dist';
const STAGE = `${OUT}.staging`;

const IMAGES = `${OUT}.images`;

/**
 * Returns the number of chart images written under `dir` by a second process: drawing them needs
 * only the generated data, so it runs on the other core while Astro builds the pages (the images
 * are most of the build's time since every partner has its own charts).
 */
function renderImagesAside(dir: string): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['scripts/render-images.ts', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b));
    child.stderr.on('data', (b: Buffer) => (err += b));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(Number(/images: (\d+) files/.exec(out)?.[1] ?? 0)) : fail(new Error(`rendering the chart images failed (exit ${code}):\n${err}`))));
  });
}

process.env.ASTRO_TELEMETRY_DISABLED = '1';
await buildData();
rmSync(STAGE, { recursive: true, force: true });
rmSync(IMAGES, { recursive: true, force: true });
const rendering = renderImagesAside(IMAGES);
// Both settle before either failure is reported, so no process is left writing.
const [site, drawn] = await Promise.allSettled([build({ root: process.cwd(), outDir: STAGE, logLevel: 'warn' }), rendering]);
if (site.status === 'rejected' || drawn.status === 'rejected') {
  rmSync(IMAGES, { recursive: true, force: true });
  throw site.status === 'rejected' ? site.reason : (drawn as PromiseRejectedResult).reason;
}
const images = drawn.value;
// Moved, not copied (the same file system; Astro writes no img/ of its own): 20 MB less to write.
for (const entry of readdirSync(IMAGES)) renameSync(join(IMAGES, entry), join(STAGE, entry));
rmSync(IMAGES, { recursive: true, force: true });

const data = JSON.parse(readFileSync(join(GENERATED, 'dashboard.json'), 'utf8')) as DashboardData;
// "Latest" files keep their names; the dated copy lets a citation point at one snapshot, and the
// folders of earlier data dates, rebuilt from the same exports, stay where they were cited.
for (const dir of ['data', `data/${data.aggregates.asOf}`]) {
  mkdirSync(join(STAGE, dir), { recursive: true });
  cpSync(join(GENERATED, 'open-data'), join(STAGE, dir), { recursive: true });
}
if (existsSync(join(GENERATED, DATED))) cpSync(join(GENERATED, DATED), join(STAGE, 'data'), { recursive: true });
swapIn(STAGE, OUT);
process.stdout.write(`site: ${OUT}/ (${images} chart images, open data for ${data.aggregates.asOf})\n`);
// A local build needs no address, but a deployed one without it hands out links that work only here.
if (!process.env.SITE_URL) {
  process.stdout.write(
    'warning: SITE_URL is not set, so embed snippets, feeds, oEmbed links, social images (Open Graph), hreflang and the sitemap have no absolute address; set SITE_URL to the public address (https://…) when building a site to deploy\n',
  );
}
