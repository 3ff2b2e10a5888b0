// WCAG 2.1 A and AA checks by axe-core on each template in each language (a11y-support.ts
// pagesOfEachTemplate) in the dark scheme and at 320 px, with the charts drawn (the drawn canvas is
// part of what is checked); reflow (no horizontal scrolling) at 320 px, and at 640 px (200 % zoom)
// after the dark visit's axe check. Every page in the light scheme: every-page.ts, in the same visit as its
// other checks. Each variant has its test file (a11y-dark, a11y-320), so the two workers share them.
import { describe, expect, it } from 'vitest';
import { horizontalOverflow, pagesOfEachTemplate, pagesOrFail, servedSite, settleAt, waitForCharts } from './a11y-support.ts';
import { describeViolations, openRedirect, runAxe } from './every-page.ts';

/** Dark at 1280 px, and light at 320 px (WCAG 1.4.10 reflow width: wrapped layout, scrolling tables). */
const VARIANTS = {
  dark: { colorScheme: 'dark', width: 1280 },
  '320px': { colorScheme: 'light', width: 320 },
} as const;

/** Checks every template in one variant. */
export function checkTemplatesWithAxe(variant: keyof typeof VARIANTS): void {
  const site = servedSite({ ...VARIANTS[variant], height: 900, reducedMotion: 'reduce' });

  describe(`axe-core WCAG 2.1 AA on each template (${variant})`, () => {
    for (const path of pagesOfEachTemplate(pagesOrFail())) {
      it(`${path} (${variant}) has no violations${path === '/' ? '' : variant === '320px' ? ' and reflows' : '; at 640 px it reflows'}`, async () => {
        await site.visit(async (page) => {
          // The dark visit before narrowed the shared tab to 640 px.
          await page.setViewportSize({ width: VARIANTS[variant].width, height: 900 });
          if (path === '/') await openRedirect(page, site.base());
          else {
            await settleAt(page, site.base() + path);
            expect(await waitForCharts(page, 1)).toEqual([]);
          }
          // At 320 px the same visit checks reflow (WCAG 1.4.10): nothing scrolls sideways.
          if (variant === '320px' && path !== '/') expect.soft(await horizontalOverflow(page, path), 'reflow: no horizontal scrolling').toEqual([]);
          const results = await runAxe(page);
          expect(describeViolations(path, variant, results.violations)).toEqual([]);
          // axe ran over real content (not an empty or error page).
          expect(results.passes.length).toBeGreaterThan(5);
          // The dark visit then narrows the window to 640 CSS px, a 1280 px window at 200 % zoom:
          // the page must reflow as it is, charts included (polled: they redraw a frame or two later).
          if (variant === 'dark' && path !== '/') {
            await page.setViewportSize({ width: 640, height: 900 });
            await expect.poll(() => horizontalOverflow(page, path), { message: 'reflow at 640 px: no horizontal scrolling', timeout: 5_000 }).toEqual([]);
          }
        }, { ownTab: path === '/' });
      });
    }
  });
}
