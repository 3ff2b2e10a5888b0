// The whole build: data → aggregates → site → images → open data, assembled in dist.staging/ and
// swapped into dist/ only when every step has succeeded, so a failure never damages dist/.
import { build } from 'astro';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DashboardData } from '../src/lib/pipeline.ts';
import { buildData, GENERATED } from './build-data.ts';
import { renderAllImages } from './render-images.ts';
import { swapIn } from './io/write-atomically.ts';

const OUT = process.env.DASHBOARD_OUT_DIR ?? 'dist';
const STAGE = `${OUT}.staging`;

process.env.ASTRO_TELEMETRY_DISABLED = '1';
await buildData();
rmSync(STAGE, { recursive: true, force: true });
await build({ root: process.cwd(), outDir: STAGE, logLevel: 'warn' });

const data = JSON.parse(readFileSync(join(GENERATED, 'dashboard.json'), 'utf8')) as DashboardData;
const images = renderAllImages(data, STAGE);
// "Latest" files keep their names; the dated copy lets a citation point at one snapshot.
for (const dir of ['data', `data/${data.aggregates.asOf}`]) {
  mkdirSync(join(STAGE, dir), { recursive: true });
  cpSync(join(GENERATED, 'open-data'), join(STAGE, dir), { recursive: true });
}
swapIn(STAGE, OUT);
process.stdout.write(`site: ${OUT}/ (${images} chart images, open data for ${data.aggregates.asOf})\n`);
// A local build needs no address, but a deployed one without it hands out links that work only here.
if (!process.env.SITE_URL) {
  process.stdout.write(
    'warning: SITE_URL is not set, so embed snippets, feeds, oEmbed links, social images (Open Graph), hreflang and the sitemap have no absolute address; set SITE_URL to the public address (https://…) when building a site to deploy\n',
  );
}
