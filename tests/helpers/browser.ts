import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep headless Chromium from reaching for the network this machine does not have. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Requests each page has asked for and not yet received (or seen fail). */
const inflight = new WeakMap<Page, number>();

/** Counts every page's requests in flight from its first one on. */
function trackRequests(context: BrowserContext): void {
  const count = (r: Request, d: number) => {
    const page = r.frame().page();
    inflight.set(page, (inflight.get(page) ?? 0) + d);
  };
  context.on('request', (r) => count(r, 1));
  context.on('requestfinished', (r) => count(r, -1));
  context.on('requestfailed', (r) => count(r, -1));
}

/**
 * Waits until a page has no request in flight at two looks 50 ms apart. Playwright's 'networkidle'
 * waits a fixed 500 ms of quiet, a third of a page's visit in these tests; this returns as soon as
 * the page's own requests (counted since it opened, see launch()) have all come back.
 */
export async function networkSettled(page: Page, timeout = 30_000): Promise<void> {
  if (!inflight.has(page)) return page.waitForLoadState('networkidle');
  const until = Date.now() + timeout;
  let quiet = 0;
  while (quiet < 2 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    quiet = (inflight.get(page) ?? 0) <= 0 ? quiet + 1 : 0;
  }
}

/** Returns a fresh Chromium context (counting each page's requests in flight), or throws saying how to install Chromium. */
export async function launch(options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark'; width?: number; height?: number; reducedMotion?: 'reduce' | 'no-preference'; deviceScaleFactor?: number; isMobile?: boolean } = {}): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-')), {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    reducedMotion: options.reducedMotion ?? 'no-preference',
    deviceScaleFactor: options.deviceScaleFactor,
    isMobile: options.isMobile,
    hasTouch: options.isMobile,
  });
  trackRequests(context);
  return context;
}
